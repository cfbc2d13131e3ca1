using TrackSim.Core.Domain;

namespace TrackSim.Core.Model;

/// <summary>An agreement on the table during a run: its negotiation, and whether it is in force.</summary>
internal sealed class AgreementRuntime(AgreementSpec spec, DyadRuntime dyad, int topic, int[]? guarantors = null)
{
    public AgreementSpec Spec { get; } = spec;

    /// <summary>Indices of its guarantors in <c>World.ThirdParties</c>.</summary>
    public int[] Guarantors { get; } = guarantors ?? [];

    /// <summary>Share of its erosion and of the shocks of hostile events that its guarantors absorb, in [0,1) (set by TI-GUARANTEE, read by TI-AGREE; 0 without guarantors).</summary>
    public double Guarantee { get; set; }

    /// <summary>The index of the agreement's topic in <c>World.Topics</c>, or -1.</summary>
    public int Topic { get; } = topic;

    /// <summary>The dyad that would sign it.</summary>
    public DyadRuntime Dyad { get; } = dyad;

    /// <summary>Negotiation progress toward the text, in [0, 1]; reached at 1.</summary>
    public double Progress { get; set; }

    public bool InForce { get; set; }

    /// <summary>How firmly an agreement in force holds, in [0, 1]; it collapses below <c>agreements.collapse_level</c>.</summary>
    public double Strength { get; set; }

    /// <summary>Years since it was last reached.</summary>
    public double YearsInForce { get; set; }

    /// <summary>Times it has been reached in this run.</summary>
    public int TimesReached { get; set; }

    /// <summary>Whether it is negotiated in secret (spoilers cannot see it): set by T2-SECRECY at the start, cleared at its signing or exposure.</summary>
    public bool Secret { get; set; }

    /// <summary>The id of the first event of the step that exposed it while it was secret (set by EVENT, read and cleared by T2-SECRECY), or null.</summary>
    public string? ExposedBy { get; set; }

    /// <summary>The lower of the two governments' readiness for it in this step (TI-AGREE; read while it is on the table and not in force).</summary>
    public double Readiness { get; set; }

    /// <summary>Puts it in force, whoever decided it (TI-AGREE, or a decided event): full strength, progress spent, its age from now.</summary>
    public void Sign()
    {
        InForce = true;
        Strength = 1;
        Progress = 0;
        YearsInForce = 0;
        TimesReached++;
    }

    /// <summary>Ends it: its terms stop and it is back on the table with no progress.</summary>
    public void Collapse()
    {
        InForce = false;
        Progress = 0;
        Strength = 0;
    }

    /// <summary>Whether it is on the table on <paramref name="date"/>.</summary>
    public bool OnTable(DateOnly date) => Spec.From is not { } from || date >= from;
}
