using TrackSim.Core.Domain;
using TrackSim.Core.Parameters;
using TrackSim.Core.Randomness;
using TrackSim.Core.Recording;

namespace TrackSim.Core.Engine;

/// <summary>
/// The mutable state of one run: states, dyads, initiatives and citizens, the clock, the random
/// streams and the event log. Rules read and change it; only the engine owns it.
/// </summary>
internal sealed class World
{
    public World(Scenario scenario, int replicate, StreamFactory streams)
    {
        Scenario = scenario;
        Calendar = scenario.Calendar;
        P = new ModelParameters(scenario.Parameters);
        Mechanisms = scenario.Mechanisms;
        Dt = Calendar.YearsPerStep;
        Replicate = replicate;
        IncidentStream = streams.Create(replicate, "incidents");
        MeetingStream = streams.Create(replicate, "meetings");
        TransferStream = streams.Create(replicate, "transfer");
        SpilloverStream = streams.Create(replicate, "spillover");
        CitizenSeed = streams.SeedOf(replicate, CitizenStream);
        InfluenceSeed = streams.SeedOf(replicate, "influence");
        TurnoverSeed = streams.SeedOf(replicate, "turnover");
        NoiseSeed = streams.SeedOf(replicate, "noise");

        States = [.. scenario.States.Select(s => new StateRuntime(s, s.Fear ?? P.Fear, s.Restraint ?? P.Restraint, s.Grievance ?? P.Grievance))];
        int n = States.Length;
        Posture = new double[n, n];
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

        Initiatives = [.. scenario.Initiatives.Select(CreateInitiative)];
        MediaDelta = new double[n];
        MediaShock = new double[n];
        MediaChange = new double[n];
        LinkStrength = new double[n];
        OutreachPush = new double[n];
        Date = Calendar.Start;
        StepEnd = Calendar.DateOf(1).AddDays(-1);
    }

    /// <summary>The dyad of each ordered pair of states (the first in the scenario's order; null where there is none).</summary>
    private readonly DyadRuntime?[,] _dyadOf;

    public Scenario Scenario { get; }

    public Calendar Calendar { get; }

    public ModelParameters P { get; }

    public MechanismSet Mechanisms { get; }

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

    /// <summary>New media shocks on each state's citizens from this step's events (trust units for a fully exposed citizen).</summary>
    public double[] MediaDelta { get; }

    /// <summary>The fading media shock on each state's citizens: past deltas, each halving every <c>media.half_life</c> years.</summary>
    public double[] MediaShock { get; }

    /// <summary>This step's change of <see cref="MediaShock"/>: what the citizens take in.</summary>
    public double[] MediaChange { get; }

    /// <summary>Total strength of each state's active functional links this step.</summary>
    public double[] LinkStrength { get; }

    /// <summary>Outreach push on each state's shared-language citizens this step.</summary>
    public double[] OutreachPush { get; }

    public Xoshiro256 IncidentStream { get; }

    public Xoshiro256 MeetingStream { get; }

    public Xoshiro256 TransferStream { get; }

    public Xoshiro256 SpilloverStream { get; }

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

    /// <summary>Whether the mechanism with the given name is on.</summary>
    public bool On(string mechanism) => Mechanisms.IsOn(mechanism);

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

        // The dyad's initial tension fixes the sum of the two postures (tension = 1 - exp(-(x + y) / scale));
        // the states' initial postures set how the sum is shared between them.
        double sum = -P.PostureScale * Math.Log(1 - Math.Min(spec.Tension, 0.999));
        double pa = Scenario.States[a].Posture;
        double pb = Scenario.States[b].Posture;
        double shareA = pa + pb > 0 ? pa / (pa + pb) : 0.5;
        Posture[a, b] = Math.Min(sum * shareA, P.PostureMax);
        Posture[b, a] = Math.Min(sum * (1 - shareA), P.PostureMax);
        return dyad;
    }

    private InitiativeRuntime CreateInitiative(InitiativeSpec spec)
    {
        int[] states = [.. spec.States.Select(StateIndex)];
        var participants = new List<ParticipantRuntime>();
        foreach (var group in spec.Participants)
        {
            int state = StateIndex(group.State);
            double[] government = [.. spec.Topics.Select(topic => topic.Positions.GetValueOrDefault(group.State, 0.5))];
            for (int k = 0; k < group.Count; k++)
            {
                participants.Add(new ParticipantRuntime(state, Math.Min(1, group.Alignment * P.AlignmentScale), group.Access, group.Reach, group.SharedLanguage, government));
            }
        }

        // The first meeting on or after the start of the run, on the initiative's own schedule.
        var first = spec.Start;
        for (int k = 1; first < Calendar.Start; k++)
        {
            first = spec.MeetingInterval.AddTo(spec.Start, k);
        }

        DyadRuntime[] dyads = [.. Dyads.Where(d => states.Contains(d.A) && states.Contains(d.B))];
        return new InitiativeRuntime(spec, states, dyads, [.. participants], P.ParticipantInitialTrust, first);
    }
}
