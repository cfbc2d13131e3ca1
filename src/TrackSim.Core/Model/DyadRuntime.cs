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

    /// <summary>Years that tension has stayed below the resumption level while suspended.</summary>
    public double CalmYears { get; set; }

    /// <summary>Track II meetings held since the dialogue was suspended.</summary>
    public int MeetingsWhileSuspended { get; set; }

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

    /// <summary>The other state of the dyad.</summary>
    public int Other(int i) => i == A ? B : A;
}
