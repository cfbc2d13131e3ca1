using TrackSim.Core.Domain;

namespace TrackSim.Core.Model;

/// <summary>The official relations of a pair of states during a run.</summary>
internal sealed class DyadRuntime(int a, int b, string subject)
{
    public int A { get; } = a;

    public int B { get; } = b;

    public string Subject { get; } = subject;

    public double Tension { get; set; }

    public double OfficialTrust { get; set; }

    public bool DialogueOpen { get; set; }

    /// <summary>Years since the dialogue was last suspended (counted while it stays suspended).</summary>
    public double YearsSuspended { get; set; }

    /// <summary>Track II meetings held since the dialogue was suspended.</summary>
    public int MeetingsWhileSuspended { get; set; }

    /// <summary>The felt cost of the conflict: tension averaged over the recent past (TI-READINESS).</summary>
    public double FeltCost { get; set; }

    /// <summary>Years that tension has stayed at or above the hurting level (TI-READINESS's stalemate clock).</summary>
    public double HurtingYears { get; set; }

    /// <summary>Each government's motivation to end the conflict, by side (0: <see cref="A"/>, 1: <see cref="B"/>).</summary>
    public double[] Motivation { get; } = new double[2];

    /// <summary>Each government's optimism that an acceptable agreement exists, before topic texts, by side.</summary>
    public double[] Optimism { get; } = new double[2];

    /// <summary>Each government's readiness for talks (motivation times optimism, less hawkishness), by side.</summary>
    public double[] Readiness { get; } = new double[2];

    /// <summary>Working trust each government draws from its nationals in Track II channels of the dyad, by side.</summary>
    public double[] WorkingTrust { get; } = new double[2];

    /// <summary>Share of its readiness each government withholds after the exposure of a secret channel with the other (set and faded by T2-SECRECY, read by TI-READINESS), by side.</summary>
    public double[] Withheld { get; } = new double[2];

    /// <summary>The most severe hostile event against each side in this step (0 when none), set by EVENT.</summary>
    public double[] HostileAgainst { get; } = new double[2];

    /// <summary>Whether an event of this step scripted the governments' decision on the dialogue (TI-TALKS leaves it alone).</summary>
    public bool TalksScripted { get; set; }

    /// <summary>Agreed Track II texts received by the governments, by topic (the index in <c>World.Topics</c>): a stock that fades (TI-READINESS).</summary>
    public double[] Texts { get; private set; } = [];

    /// <summary>Texts received in this step by topic, read and cleared by TI-AGREE.</summary>
    public int[] NewTexts { get; private set; } = [];

    /// <summary>Makes room for texts on <paramref name="topics"/> topics.</summary>
    public void TrackTopics(int topics)
    {
        Texts = new double[topics];
        NewTexts = new int[topics];
    }

    /// <summary>Share of incidents prevented by the agreements in force (set by TI-AGREE, read by ST-INCIDENTS).</summary>
    public double IncidentReduction { get; set; }

    /// <summary>Restraint added to both postures by the agreements in force (set by TI-AGREE, read by ST-POSTURE).</summary>
    public double AgreementRestraint { get; set; }

    /// <summary>The agreement the dialogue negotiates in this step (TI-AGREE), or null.</summary>
    public AgreementRuntime? Negotiating { get; set; }

    /// <summary>Number of agreements in force.</summary>
    public int AgreementsInForce { get; set; }

    public double CbmStock { get; set; }

    /// <summary>Decaying count of recent incidents.</summary>
    public double IncidentMemory { get; set; }

    public int IncidentsThisStep { get; set; }

    public List<LinkRuntime> Links { get; } = [];

    /// <summary>Number of links that exist and are not suspended on <paramref name="date"/>.</summary>
    public int ActiveLinkCount(DateOnly date)
    {
        int count = 0;
        foreach (var link in Links)
        {
            if (link.IsActive(date))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The id of a link the model creates in <paramref name="sector"/> in step <paramref name="step"/>: <c>in-pk-trade-240</c>.</summary>
    public string NewLinkId(Sector sector, int step) =>
        $"{Subject.ToLowerInvariant()}-{sector.ToString().ToLowerInvariant()}-{step}";

    /// <summary>Whether the dyad has a link in the sector; a loop, since a spillover into a taken sector must not allocate.</summary>
    public bool HasLinkIn(Sector sector)
    {
        foreach (var link in Links)
        {
            if (link.Sector == sector)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the dyad joins states <paramref name="i"/> and <paramref name="j"/>.</summary>
    public bool Joins(int i, int j) => (A == i && B == j) || (A == j && B == i);

    /// <summary>The side of state <paramref name="i"/>: 0 for <see cref="A"/>, 1 for <see cref="B"/>.</summary>
    public int SideOf(int i) => i == A ? 0 : 1;

    /// <summary>The lower of the two governments' readiness for talks.</summary>
    public double MinReadiness => Math.Min(Readiness[0], Readiness[1]);

    /// <summary>The other state of the dyad.</summary>
    public int Other(int i) => i == A ? B : A;
}
