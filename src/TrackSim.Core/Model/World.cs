using TrackSim.Core.Domain;
using TrackSim.Core.Parameters;
using TrackSim.Core.Randomness;
using TrackSim.Core.Recording;

namespace TrackSim.Core.Model;

/// <summary>
/// The mutable state of one run: states, dyads, initiatives and citizens, the clock, the random
/// streams, the quantities that pass from one rule to a later one in a step, and the event log.
/// Rules read and change it; only the engine owns it. It knows no rule: the values that depend
/// on a rule's parameters are set by that rule's <c>Initialize</c>.
/// </summary>
internal sealed class World
{
    /// <param name="scenario">The scenario of one variant.</param>
    /// <param name="replicate">Replicate index.</param>
    /// <param name="streams">The run's random streams.</param>
    /// <param name="parameters">The resolved parameters.</param>
    /// <param name="meanExposure">Mean media exposure of each state's citizens drawn at the start, one per state.</param>
    /// <param name="citizenThreads">Threads for the citizen rules: 0 lets them choose, 1 keeps them on the calling thread.</param>
    /// <param name="networks">Networks shared with the other runs of an ensemble; null builds the run's own.</param>
    public World(Scenario scenario, int replicate, StreamFactory streams, ModelParameters parameters, double[] meanExposure, int citizenThreads, NetworkCache? networks)
    {
        Scenario = scenario;
        Calendar = scenario.Calendar;
        P = parameters;
        Mechanisms = scenario.Mechanisms;
        Dt = Calendar.YearsPerStep;
        Replicate = replicate;
        IncidentStream = streams.Create(replicate, "incidents");
        MeetingStream = streams.Create(replicate, "meetings");
        TransferStream = streams.Create(replicate, "transfer");
        SpilloverStream = streams.Create(replicate, "spillover");
        SpoilerStream = streams.Create(replicate, "spoilers");
        LeakStream = streams.Create(replicate, "leaks");
        TrackStream = streams.Create(replicate, "tracks");
        CitizenSeed = streams.SeedOf(replicate, CitizenStream);
        InfluenceSeed = streams.SeedOf(replicate, "influence");
        TurnoverSeed = streams.SeedOf(replicate, "turnover");
        NoiseSeed = streams.SeedOf(replicate, "noise");

        States = [.. scenario.States.Select(s => new StateRuntime(s))];
        int n = States.Length;
        Posture = new double[n, n];
        Events = new EventSchedule(scenario);
        EventGrievance = new double[n, n];
        Dyads = [.. scenario.Dyads.Select(CreateDyad)];
        _dyadOf = new DyadRuntime?[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                _dyadOf[i, j] = Array.Find(Dyads, d => d.Joins(i, j));
            }
        }

        ThirdParties = [.. scenario.ThirdParties.Select(t => new ThirdPartyRuntime(t, States))];
        Initiatives = [.. scenario.Initiatives.Select(CreateInitiative)];
        Topics = [.. scenario.Initiatives.SelectMany(i => i.Topics.Select(t => t.Id)).Concat(scenario.Agreements.Select(a => a.Topic).OfType<string>()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        foreach (var dyad in Dyads)
        {
            dyad.TrackTopics(Topics.Length);
        }

        Agreements = [.. scenario.Agreements.Select(a => new AgreementRuntime(a, DyadOf(StateIndex(a.States[0]), StateIndex(a.States[1])), TopicIndex(a.Topic), ThirdPartyIndices(a.Guarantors)))];
        MediaDelta = new double[n, n];
        MediaShock = new double[n, n];
        MediaChange = new double[n, n];
        OutreachPush = new double[n, n];
        AudiencePressure = new double[n, n];
        HostileFraming = [.. Enumerable.Repeat(1.0, n)];
        CooperativeFraming = [.. Enumerable.Repeat(1.0, n)];
        Advocacy = new double[n];
        ExchangeContact = new double[n];
        Date = Calendar.Start;
        StepEnd = Calendar.DateOf(1).AddDays(-1);
        Citizens = new CitizenLayer(this, meanExposure, citizenThreads, networks);
    }

    /// <summary>The dyad of each ordered pair of states (the first in the scenario's order; null where there is none).</summary>
    private readonly DyadRuntime?[,] _dyadOf;

    public Scenario Scenario { get; }

    public Calendar Calendar { get; }

    public ModelParameters P { get; }

    public MechanismSet Mechanisms { get; }

    /// <summary>The citizens and their network.</summary>
    public CitizenLayer Citizens { get; }

    /// <summary>The scenario's events by step, and injected ones.</summary>
    public EventSchedule Events { get; }

    /// <summary>Functional links that events and adopted recommendations asked for in this step; FN-CREATE adds them.</summary>
    public List<LinkRequest> LinkRequests { get; } = [];

    /// <summary>Length of a step in years.</summary>
    public double Dt { get; }

    public int Replicate { get; }

    public StateRuntime[] States { get; }

    /// <summary>Hostile posture of state i toward state j.</summary>
    public double[,] Posture { get; }

    /// <summary>Remembered grievance of state i toward state j from events and incidents (posture per year).</summary>
    public double[,] EventGrievance { get; }

    public DyadRuntime[] Dyads { get; }

    public InitiativeRuntime[] Initiatives { get; }

    /// <summary>The third parties, in the scenario's order.</summary>
    public ThirdPartyRuntime[] ThirdParties { get; }

    /// <summary>Every topic id of the initiatives and agreements, in ordinal order: the index of a dyad's texts.</summary>
    public string[] Topics { get; }

    /// <summary>The index of a topic in <see cref="Topics"/>, or -1 (a loop: it runs at every adopted text).</summary>
    public int TopicIndex(string? topic)
    {
        for (int k = 0; topic is not null && k < Topics.Length; k++)
        {
            if (Topics[k] == topic)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>The agreements on the table, in the scenario's order.</summary>
    public AgreementRuntime[] Agreements { get; }

    /// <summary>
    /// New media shocks from this step's events on the trust of state i's citizens toward
    /// actor j, <c>[i, j]</c> (trust units for a fully exposed citizen); only pairs in which i's
    /// citizens hold trust toward j reach anyone.
    /// </summary>
    public double[,] MediaDelta { get; }

    /// <summary>The fading media shock on each directed pair: past deltas, each halving every <c>media.half_life</c> years of the holder's state.</summary>
    public double[,] MediaShock { get; }

    /// <summary>This step's change of <see cref="MediaShock"/>: what the citizens take in.</summary>
    public double[,] MediaChange { get; }

    /// <summary>Outreach push on the trust of state i's shared-language citizens toward actor j this step, <c>[i, j]</c>.</summary>
    public double[,] OutreachPush { get; }

    /// <summary>Domestic audience pressure on actor i's posture toward actor j this step (posture per year), set by ST-AUDIENCE.</summary>
    public double[,] AudiencePressure { get; }

    /// <summary>Whether the dyad of actors i and j exists (the scenario relates them).</summary>
    public bool Related(int i, int j) => _dyadOf[i, j] is not null;

    /// <summary>
    /// Multiplier of the media shift that a hostile event brings to each state's public: below 1
    /// where its journalists in Track II frame the conflict as peace journalism, above 1 where
    /// they distrust the other side (set by T2-MEDIA-TRACK, read by EVENT; 1 without journalists).
    /// </summary>
    public double[] HostileFraming { get; }

    /// <summary>Multiplier of the media shift that a cooperative event brings to each state's public (set by T2-MEDIA-TRACK, read by EVENT; 1 without journalists).</summary>
    public double[] CooperativeFraming { get; }

    /// <summary>Advocacy for peace in each state by its activists and NGO workers in Track II, in [0,1] (set by T2-ACTIVISM, read by TI-READINESS).</summary>
    public double[] Advocacy { get; }

    /// <summary>Cross-border contact that each state's citizens gain from its participants in citizen exchanges, in units of link strength (set by T2-EXCHANGE, read by CIT-CONTACT).</summary>
    public double[] ExchangeContact { get; }

    public Xoshiro256 IncidentStream { get; }

    public Xoshiro256 MeetingStream { get; }

    public Xoshiro256 TransferStream { get; }

    public Xoshiro256 SpilloverStream { get; }

    public Xoshiro256 SpoilerStream { get; }

    /// <summary>Whether each meeting of a secret initiative leaks (T2-SECRECY).</summary>
    public Xoshiro256 LeakStream { get; }

    /// <summary>Whether the business and religious participants of an initiative create a trade or pilgrimage link in a step (T2-BUSINESS, T2-FAITH).</summary>
    public Xoshiro256 TrackStream { get; }

    /// <summary>Name of the stream of the initial population and its network.</summary>
    public const string CitizenStream = "citizens";

    /// <summary>Seed of the initial population and its network.</summary>
    public ulong CitizenSeed { get; }

    /// <summary>Seed of the counter-based draws of social influence (partners and rounds).</summary>
    public ulong InfluenceSeed { get; }

    /// <summary>Seed of the counter-based draws of opinion noise.</summary>
    public ulong NoiseSeed { get; }

    /// <summary>Seed of the counter-based draws of generational turnover.</summary>
    public ulong TurnoverSeed { get; }

    /// <summary>The step being computed (0-based).</summary>
    public int Step { get; set; }

    /// <summary>First day of the step being computed.</summary>
    public DateOnly Date { get; set; }

    /// <summary>Last day of the step being computed.</summary>
    public DateOnly StepEnd { get; set; }

    public List<LogEntry> Log { get; } = [];

    /// <summary>Whether the mechanism is on.</summary>
    public bool On(Mechanism mechanism) => Mechanisms.IsOn(mechanism);

    /// <summary>Suspends the dialogue of a dyad and logs "dialogue " + <paramref name="cause"/> under <paramref name="rule"/> (no change when already suspended).</summary>
    public void SuspendDialogue(DyadRuntime dyad, string rule, string cause)
    {
        if (!dyad.DialogueOpen)
        {
            return;
        }

        dyad.DialogueOpen = false;
        dyad.YearsSuspended = 0;
        dyad.MeetingsWhileSuspended = 0;
        Record(rule, dyad.Subject, $"dialogue {cause}");
    }

    /// <summary>Resumes the dialogue of a dyad and logs it under <paramref name="rule"/> (no change when already open).</summary>
    public void ResumeDialogue(DyadRuntime dyad, string rule, string detail)
    {
        if (dyad.DialogueOpen)
        {
            return;
        }

        dyad.DialogueOpen = true;
        Record(rule, dyad.Subject, $"dialogue {detail}");
    }

    /// <summary>Index of the state with the given id, or -1.</summary>
    /// <remarks>A loop rather than <see cref="Array.FindIndex{T}(T[], Predicate{T})"/>, whose capturing lambda allocated at every call.</remarks>
    public int StateIndex(string id)
    {
        for (int i = 0; i < States.Length; i++)
        {
            if (States[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Index of the third party with the given id, or -1.</summary>
    public int ThirdPartyIndex(string id)
    {
        for (int k = 0; k < ThirdParties.Length; k++)
        {
            if (ThirdParties[k].Spec.Id == id)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>The dyad of states i and j.</summary>
    public DyadRuntime DyadOf(int i, int j) => _dyadOf[i, j]!;

    /// <summary>Adds a line to the event log for the current step.</summary>
    public void Record(string rule, string subject, string detail) => Log.Add(new LogEntry(Step, Date, rule, subject, detail));

    /// <summary>Sum of the strengths of a dyad's active links.</summary>
    public double ActiveStrength(DyadRuntime dyad)
    {
        double sum = 0;
        foreach (var link in dyad.Links)
        {
            if (link.IsActive(Date))
            {
                sum += link.Strength;
            }
        }

        return sum;
    }

    private DyadRuntime CreateDyad(DyadSpec spec)
    {
        int a = StateIndex(spec.A);
        int b = StateIndex(spec.B);
        var dyad = new DyadRuntime(a, b, spec.Subject)
        {
            Tension = spec.Tension,
            OfficialTrust = spec.OfficialTrust,
            DialogueOpen = spec.Dialogue == DialogueStatus.Open,
            CbmStock = spec.CbmStock,
        };
        foreach (var link in spec.Links)
        {
            dyad.Links.Add(new LinkRuntime(link.Id, link.Sector, link.Strength, link.Threshold, link.ActiveFrom));
        }

        return dyad;
    }

    private InitiativeRuntime CreateInitiative(InitiativeSpec spec)
    {
        int[] states = [.. spec.States.Select(StateIndex)];
        var participants = new List<ParticipantRuntime>();
        foreach (var group in spec.Participants)
        {
            if (group.ThirdParty)
            {
                // A third party has no government: its participants start from the middle of
                // the sides' positions, the single text a mediator drafts for both (T2-THIRD-HOST).
                double[] middle = [.. spec.Topics.Select(topic => spec.States.Average(s => topic.Positions.GetValueOrDefault(s, 0.5)))];
                int thirdParty = ThirdPartyIndex(group.State);
                for (int k = 0; k < group.Count; k++)
                {
                    participants.Add(new ParticipantRuntime(-1, group, middle, thirdParty));
                }

                continue;
            }

            int state = StateIndex(group.State);
            double[] government = [.. spec.Topics.Select(topic => topic.Positions.GetValueOrDefault(group.State, 0.5))];
            for (int k = 0; k < group.Count; k++)
            {
                participants.Add(new ParticipantRuntime(state, group, government));
            }
        }

        // The first meeting on or after the start of the run, on the initiative's own schedule.
        var first = spec.Start;
        for (int k = 1; first < Calendar.Start; k++)
        {
            first = spec.MeetingInterval.AddTo(spec.Start, k);
        }

        DyadRuntime[] dyads = [.. Dyads.Where(d => states.Contains(d.A) && states.Contains(d.B))];
        return new InitiativeRuntime(spec, states, dyads, [.. participants], first, ThirdPartyIndices(spec.Hosts), ThirdPartyIndices(spec.Funders));
    }

    private int[] ThirdPartyIndices(IEnumerable<string> ids) => [.. ids.Select(ThirdPartyIndex)];
}
