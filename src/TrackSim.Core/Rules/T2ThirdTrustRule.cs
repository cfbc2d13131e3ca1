using TrackSim.Core.Domain;
using TrackSim.Core.Metrics;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// T2-THIRD-TRUST: the sides' trust in third parties, and the weight their participants carry in a meeting (Kydd 2003; Beardsley 2011).
/// <para>
/// Each state s trusts each third party k to τ_sk in [0,1]: its government and its participants
/// alike, from the scenario's <c>trust</c> (0.5, neither trusted nor distrusted, where it names
/// none). A scenario event that names k among its actors, in the step that holds its date, moves
/// the trust in k of the states it names (of every state when it names none): a cooperative event
/// of significance σ raises it by g·σ·(1 − τ), a hostile one (a leak blamed on k, a scandal) lowers
/// it by l·σ·τ, with g = <c>third_party.trust_gain</c> and l = <c>third_party.trust_loss</c>; the
/// forms and defaults are those of official trust's answer to events (EVENT's
/// <c>trust.cooperation_gain</c> and <c>trust.crisis_loss</c>), an assumption of TrackSim's for
/// want of an estimate for third parties. Switched off, trust stays where the scenario puts it.
/// In every initiative, after the events of the step, a participant of state s weighs each
/// participant of k at τ_sk in a meeting's convergence (T2-MEET), and a participant of a third
/// party weighs every other participant at 1: it drafts for both sides. Participants of third
/// parties are on no side: their trust is not cross-side trust and neither grows at meetings
/// nor decays between them.
/// </para>
/// </summary>
internal sealed class T2ThirdTrustRule() : Rule(
    Id,
    Switch,
    Declared,
    Recorded,
    "Kydd, A. (2003). Which side are you on? Bias, credibility, and mediation. American Journal of Political Science 47(4); Beardsley, K. (2011). The Mediation Dilemma. Cornell University Press.")
{
    public const string Id = "T2-THIRD-TRUST";

    public static readonly Mechanism Switch = new("third_party_reputation", Id, "events naming a third party moving the sides' trust in it");

    public static readonly ParameterDefinition TrustGain = new("third_party", "trust_gain", 0.1, 0, 1, "trust per severity", "Share of the gap to 1 in the sides' trust in a third party closed by a cooperative event of significance 1 that names it.");
    public static readonly ParameterDefinition TrustLoss = new("third_party", "trust_loss", 0.3, 0, 1, "trust per severity", "Share of the sides' trust in a third party lost to a hostile event of severity 1 that names it (a leak blamed on it, a scandal).");

    private static readonly ParameterDefinition[] Declared = [TrustGain, TrustLoss];
    private static readonly MetricReader[] Recorded = [new(MetricCatalog.ThirdPartyTrust, Read)];

    /// <summary>Sets what participants weigh each other's participants of third parties at, from the scenario's trust.</summary>
    public override void Initialize(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        WeighThirdParties(world);
    }

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (world.ThirdParties.Length == 0 || !world.On(Switch) || !world.Events.Starting.TryGetValue(world.Step, out var events))
        {
            return;
        }

        bool moved = false;
        foreach (var e in events)
        {
            if (e.Valence != Valence.Neutral)
            {
                moved |= Answer(world, e);
            }
        }

        if (moved)
        {
            WeighThirdParties(world);
        }
    }

    /// <summary>Moves the trust in each third party the event names; false when it names none.</summary>
    private static bool Answer(World world, EventSpec e)
    {
        var p = world.P;
        bool named = false;
        foreach (string actor in e.Actors)
        {
            int k = world.ThirdPartyIndex(actor);
            if (k < 0)
            {
                continue;
            }

            named = true;
            var trust = world.ThirdParties[k].Trust;
            bool anyState = e.Actors.Any(a => world.StateIndex(a) >= 0);
            for (int s = 0; s < trust.Length; s++)
            {
                if (anyState && !e.Actors.Contains(world.States[s].Id))
                {
                    continue;
                }

                trust[s] += e.Valence == Valence.Cooperative
                    ? p[TrustGain] * e.Severity * (1 - trust[s])
                    : -p[TrustLoss] * e.Severity * trust[s];
            }

            world.Record(Id, actor, $"trust of the sides {(e.Valence == Valence.Cooperative ? "raised" : "lowered")} by {e.Id}: mean {world.ThirdParties[k].MeanTrust().ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}");
        }

        return named;
    }

    /// <summary>
    /// Writes the weights of participants of third parties into every initiative's trust matrix:
    /// a participant of state s weighs one of third party k at τ_sk, a participant of a third
    /// party weighs everyone at 1.
    /// </summary>
    private static void WeighThirdParties(World world)
    {
        foreach (var initiative in world.Initiatives)
        {
            var participants = initiative.Participants;
            for (int a = 0; a < participants.Length; a++)
            {
                for (int b = 0; b < participants.Length; b++)
                {
                    if (a == b)
                    {
                        continue;
                    }

                    if (participants[a].OfThirdParty)
                    {
                        initiative.Trust[a, b] = 1;
                    }
                    else if (participants[b].OfThirdParty)
                    {
                        initiative.Trust[a, b] = world.ThirdParties[participants[b].ThirdParty].Trust[participants[a].State];
                    }
                }
            }
        }
    }

    /// <summary>
    /// The value of the series with the given index, in the order of <see cref="Scenario.ThirdPartySubjects"/>:
    /// for each third party the states' mean trust in it, then each state's.
    /// </summary>
    private static double Read(World world, int index)
    {
        int per = world.States.Length + 1;
        var thirdParty = world.ThirdParties[index / per];
        int side = (index % per) - 1;
        return side < 0 ? thirdParty.MeanTrust() : thirdParty.Trust[side];
    }
}
