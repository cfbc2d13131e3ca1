using System.Numerics;

namespace TrackSim.Core.Citizens;

/// <summary>
/// CIT-CONTACT: the contact hypothesis (Allport 1954, "The Nature of Prejudice"; Pettigrew and
/// Tropp 2006, "A meta-analytic test of intergroup contact theory", Journal of Personality and
/// Social Psychology 90). Contact across the border lowers prejudice, more so under Allport's
/// conditions; negative contact raises it (Barlow et al. 2012).
/// </summary>
/// <remarks>
/// Citizen <c>i</c> of state <c>s</c> has <c>c_i = dt * rate[s] * (links[s] + active cross-border
/// ties of i)</c> expected contacts in the step, and
/// <c>x_i += k_i * A * ((1 - neg)(1 - x_i) - neg * x_i)</c> with <c>k_i = min(c_i * effect[s], 1)</c>
/// and <c>A</c> the Allport factor. The bracket equals <c>(1 - neg) - x_i</c>, so contact alone
/// draws trust toward <c>1 - neg</c>, and the cap keeps a single step from passing it.
/// </remarks>
public static class Contact
{
    [ThreadStatic]
    private static ContactChunks? t_chunks;

    /// <summary>
    /// The weight of Allport's four conditions: their mean. Pettigrew and Tropp (2006) found that
    /// contact lowers prejudice even without them and that they facilitate rather than are
    /// necessary, so the conditions add up instead of multiplying (one missing condition does
    /// not cancel the others).
    /// </summary>
    /// <param name="equalStatus">Equal status in the contact situation, in [0,1].</param>
    /// <param name="commonGoals">Common goals, in [0,1].</param>
    /// <param name="cooperation">Intergroup cooperation, in [0,1].</param>
    /// <param name="institutionalSupport">Support of authorities, law or custom, in [0,1].</param>
    public static double AllportFactor(double equalStatus, double commonGoals, double cooperation, double institutionalSupport)
    {
        RuleGuards.RequireProbability(equalStatus, nameof(equalStatus));
        RuleGuards.RequireProbability(commonGoals, nameof(commonGoals));
        RuleGuards.RequireProbability(cooperation, nameof(cooperation));
        RuleGuards.RequireProbability(institutionalSupport, nameof(institutionalSupport));
        return (equalStatus + commonGoals + cooperation + institutionalSupport) / 4;
    }

    /// <summary>Applies one step of cross-border contact to every citizen.</summary>
    /// <param name="population">The citizens; their trust is updated.</param>
    /// <param name="linkStrengthPerState">Total strength of the state's active functional links, one per state, at least 0.</param>
    /// <param name="contactsPerYear">Contacts per year per unit of link strength or per cross-border tie, at least 0.</param>
    /// <param name="dt">Step length in years, at least 0.</param>
    /// <param name="effect">Share of the gap closed by one contact under ideal conditions, at least 0.</param>
    /// <param name="negativeShare">Share of contacts that are negative, in [0,1].</param>
    /// <param name="allportFactor">Weight of Allport's conditions, in [0,1] (see <see cref="AllportFactor"/>).</param>
    /// <param name="maxDegreeOfParallelism">As for <see cref="Apply(CitizenPopulation, int, ReadOnlySpan{double}, ReadOnlySpan{double}, double, ReadOnlySpan{double}, double, double, int)"/>.</param>
    public static void Apply(
        CitizenPopulation population,
        ReadOnlySpan<double> linkStrengthPerState,
        double contactsPerYear,
        double dt,
        double effect,
        double negativeShare,
        double allportFactor,
        int maxDegreeOfParallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(population);
        RuleGuards.RequireNonNegative(contactsPerYear, nameof(contactsPerYear));
        RuleGuards.RequireNonNegative(effect, nameof(effect));
        bool small = population.StateCount <= 64;
        Span<double> rates = small ? stackalloc double[population.StateCount] : new double[population.StateCount];
        Span<double> effects = small ? stackalloc double[population.StateCount] : new double[population.StateCount];
        rates.Fill(contactsPerYear);
        effects.Fill(effect);
        Apply(population, 0, linkStrengthPerState, rates, dt, effects, negativeShare, allportFactor, maxDegreeOfParallelism);
    }

    /// <summary>
    /// Applies one step of cross-border contact to every citizen, with each state's own contact
    /// rate and effect: how often its citizens meet the other side per unit of link or tie, and
    /// how much one positive contact moves them.
    /// </summary>
    /// <param name="population">The citizens; their trust is updated.</param>
    /// <param name="linkStrengthPerState">Total strength of the state's active functional links, one per state, at least 0.</param>
    /// <param name="contactsPerYear">Contacts per year per unit of link strength or per cross-border tie, one per state, at least 0.</param>
    /// <param name="dt">Step length in years, at least 0.</param>
    /// <param name="effect">Share of the gap closed by one contact under ideal conditions, one per state, at least 0.</param>
    /// <param name="negativeShare">Share of contacts that are negative, in [0,1].</param>
    /// <param name="allportFactor">Weight of Allport's conditions, in [0,1] (see <see cref="AllportFactor"/>).</param>
    /// <param name="maxDegreeOfParallelism">As for <see cref="Apply(CitizenPopulation, int, ReadOnlySpan{double}, ReadOnlySpan{double}, double, ReadOnlySpan{double}, double, double, int)"/>.</param>
    public static void Apply(
        CitizenPopulation population,
        ReadOnlySpan<double> linkStrengthPerState,
        ReadOnlySpan<double> contactsPerYear,
        double dt,
        ReadOnlySpan<double> effect,
        double negativeShare,
        double allportFactor,
        int maxDegreeOfParallelism = 0) =>
        Apply(population, 0, linkStrengthPerState, contactsPerYear, dt, effect, negativeShare, allportFactor, maxDegreeOfParallelism);

    /// <summary>
    /// Applies one step of contact to every citizen's trust in one layer (see
    /// <see cref="CitizenPopulation.TrustIn"/>): contact through the links with the layer's
    /// target and through the ties to its citizens (<see cref="CitizenPopulation.ActiveTiesIn"/>).
    /// </summary>
    /// <remarks>
    /// The citizens are taken in chunks (see <see cref="StateChunks"/>), on up to
    /// <paramref name="maxDegreeOfParallelism"/> threads; each citizen's move depends on its own
    /// values only, so the result is the same bits for any number of threads.
    /// </remarks>
    /// <param name="population">The citizens; their trust in the layer is updated.</param>
    /// <param name="layer">The trust layer.</param>
    /// <param name="linkStrengthPerState">Total strength of the active functional links between each state and the layer's target, one per state, at least 0.</param>
    /// <param name="contactsPerYear">Contacts per year per unit of link strength or per cross-border tie, one per state, at least 0.</param>
    /// <param name="dt">Step length in years, at least 0.</param>
    /// <param name="effect">Share of the gap closed by one contact under ideal conditions, one per state, at least 0.</param>
    /// <param name="negativeShare">Share of contacts that are negative, in [0,1].</param>
    /// <param name="allportFactor">Weight of Allport's conditions, in [0,1] (see <see cref="AllportFactor"/>).</param>
    /// <param name="maxDegreeOfParallelism">0 (the default) lets the population's size choose (see <see cref="SocialInfluence.ParallelThreshold"/>), 1 runs on the calling thread, a larger number caps the threads.</param>
    public static void Apply(
        CitizenPopulation population,
        int layer,
        ReadOnlySpan<double> linkStrengthPerState,
        ReadOnlySpan<double> contactsPerYear,
        double dt,
        ReadOnlySpan<double> effect,
        double negativeShare,
        double allportFactor,
        int maxDegreeOfParallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(population);
        RuleGuards.RequirePerState(population, linkStrengthPerState.Length, nameof(linkStrengthPerState));
        RuleGuards.RequirePerState(population, contactsPerYear.Length, nameof(contactsPerYear));
        RuleGuards.RequirePerState(population, effect.Length, nameof(effect));
        RuleGuards.RequireNonNegative(dt, nameof(dt));
        RuleGuards.RequireProbability(negativeShare, nameof(negativeShare));
        RuleGuards.RequireProbability(allportFactor, nameof(allportFactor));
        ArgumentOutOfRangeException.ThrowIfNegative(maxDegreeOfParallelism);

        double goal = 1 - negativeShare;
        var chunks = t_chunks ??= new ContactChunks();
        chunks.Weights = RuleGuards.PerStateScratch(chunks.Weights, population.StateCount);
        for (int s = 0; s < population.StateCount; s++)
        {
            double links = linkStrengthPerState[s];
            RuleGuards.RequireNonNegative(links, nameof(linkStrengthPerState));
            RuleGuards.RequireNonNegative(contactsPerYear[s], nameof(contactsPerYear));
            RuleGuards.RequireNonNegative(effect[s], nameof(effect));
            double perContact = dt * contactsPerYear[s] * effect[s];
            chunks.Weights[s] = new Weights(perContact, links, goal, allportFactor);
        }

        chunks.Layout = new StateChunks(population);
        chunks.Trust = population.TrustIn(layer);
        chunks.Ties = population.ActiveTiesIn(layer);
        try
        {
            CitizenTeam.Run(chunks, chunks.Layout.Count, CitizenTeam.ThreadsFor(population.Count, maxDegreeOfParallelism));
        }
        finally
        {
            chunks.Trust = [];
            chunks.Ties = [];
        }
    }

    /// <summary>
    /// <c>x = (float)Math.Clamp(x + w (goal - x), 0, 1)</c> with
    /// <c>w = Math.Min(perContact (links + ties), 1) A</c>, in double precision, several
    /// citizens at a time. The vector operations round like the scalar ones, and the minimum
    /// and the clamp are written with the comparisons of <see cref="Math.Min(double, double)"/>
    /// and <see cref="Math.Clamp(double, double, double)"/>, so the bits are the same.
    /// </summary>
    private static void Move(Span<float> trust, ReadOnlySpan<ushort> ties, Weights w)
    {
        ties = ties[..trust.Length];
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // One vector of tie counts widens to four of doubles and matches two of trust.
            int width = Vector<ushort>.Count;
            for (; i <= trust.Length - width; i += width)
            {
                Vector.Widen(new Vector<ushort>(ties[i..]), out var tiesLow, out var tiesHigh);
                Vector.Widen(tiesLow, out var t0, out var t1);
                Vector.Widen(tiesHigh, out var t2, out var t3);
                var low = new Vector<float>(trust[i..]);
                var high = new Vector<float>(trust[(i + Vector<float>.Count)..]);
                Vector.Widen(low, out var x0, out var x1);
                Vector.Widen(high, out var x2, out var x3);
                Vector.Narrow(w.Move(x0, t0), w.Move(x1, t1)).CopyTo(trust[i..]);
                Vector.Narrow(w.Move(x2, t2), w.Move(x3, t3)).CopyTo(trust[(i + Vector<float>.Count)..]);
            }
        }

        for (; i < trust.Length; i++)
        {
            double weight = Math.Min(w.PerContact * (w.Links + ties[i]), 1.0) * w.Allport;
            double x = trust[i];
            trust[i] = (float)Math.Clamp(x + (weight * (w.Goal - x)), 0.0, 1.0);
        }
    }

    /// <summary>The terms of the move that are the same for every citizen of a state.</summary>
    private readonly record struct Weights(double PerContact, double Links, double Goal, double Allport)
    {
        public Vector<double> Move(Vector<double> x, Vector<ulong> ties)
        {
            var contacts = new Vector<double>(PerContact) * (new Vector<double>(Links) + Vector.ConvertToDouble(ties));

            // Math.Min(a, 1): a when a < 1 or a is NaN, else 1.
            var keep = Vector.LessThan(contacts, Vector<double>.One) | ~Vector.Equals(contacts, contacts);
            var weight = Vector.ConditionalSelect(keep, contacts, Vector<double>.One) * new Vector<double>(Allport);
            return UnitClamp.Clamp(x + (weight * (new Vector<double>(Goal) - x)));
        }
    }

    /// <summary>A step's contact on one layer, chunk by chunk; made once per calling thread and reused.</summary>
    private sealed class ContactChunks : IChunkedWork
    {
        public float[] Trust = [];
        public ushort[] Ties = [];
        public Weights[] Weights = [];
        public StateChunks Layout;

        public void RunChunk(int chunk)
        {
            var (start, length) = Layout.Of(chunk);
            Move(Trust.AsSpan(start, length), Ties.AsSpan(start, length), Weights[Layout.StateOf(chunk)]);
        }
    }
}
