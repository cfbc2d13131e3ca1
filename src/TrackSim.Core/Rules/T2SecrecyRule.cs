using System.Globalization;
using System.Text;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// T2-SECRECY: secret channels, their leaks and the backlash of their exposure (Pruitt 1997 on the
/// secrecy of the Oslo talks; Kaye 2007 on the costs of exposure).
/// <para>
/// An initiative marked <c>secret</c> is a back channel: its participants meet, build working
/// trust and carry agreed texts to their governments as any others (T2-MEET, T2-TRANSFER,
/// TI-READINESS), but no public hears of it: it does no outreach (T2-OUTREACH), and a cooperative
/// or neutral event that starts or stops it by id moves no public (EVENT). An agreement marked
/// <c>secret</c> is negotiated in secret: spoilers do not see its progress (TI-SPOILER) until its
/// signing announces it, which makes it public without a backlash. Each meeting a secret initiative
/// holds leaks with probability ℓ = <c>secrecy.leak_per_meeting</c> (U ~ the <c>leaks</c> stream,
/// one draw per meeting); an event's <c>expose</c> reveals an initiative or agreement at once. An
/// exposed channel is public from then on, and its exposure is a scandal: for every state i of the
/// channel the public takes a media shift D_i −= b·(1 − P̄_i) (b = <c>secrecy.backlash</c>, P̄_i the
/// public trust recorded at the end of the previous step: the less a public trusts the other
/// nation, the harder it turns on talks with it), and each government of the channel's dyads
/// withholds a share κ = <c>secrecy.readiness_loss</c> of its readiness,
/// χ_i ← 1 − (1 − χ_i)(1 − κ), which fades with half-life <c>secrecy.readiness_half_life</c>
/// (TI-READINESS multiplies readiness by 1 − χ_i): it must be seen not to be dealing with the
/// enemy. Switched off, nothing is secret: the <c>secret</c> marks are ignored, so there are no
/// leaks, exposures or backlash.
/// </para>
/// </summary>
internal sealed class T2SecrecyRule() : Rule(
    Id,
    Switch,
    Declared,
    [],
    "Pruitt, D. G. (1997). Ripeness theory and the Oslo talks. International Negotiation 2(2) (secrecy let the Oslo talks build working trust out of the public eye); Kaye, D. D. (2007). Talking to the Enemy: Track Two Diplomacy in the Middle East and South Asia. RAND (the domestic costs of exposure).")
{
    public const string Id = "T2-SECRECY";

    public static readonly Mechanism Switch = new("secrecy", Id, "secret channels, their leaks and the backlash of their exposure (initiatives and agreements marked secret are public from the start)");

    public static readonly ParameterDefinition LeakPerMeeting = new("secrecy", "leak_per_meeting", 0.05, 0, 1, "probability", "Chance that a meeting of a secret initiative leaks and exposes it.");
    public static readonly ParameterDefinition Backlash = new("secrecy", "backlash", 0.1, 0, 1, "trust", "Media shift against the other nation on the public of each state of an exposed channel, for a public with no trust in it (scaled by 1 - public trust).");
    public static readonly ParameterDefinition ReadinessLoss = new("secrecy", "readiness_loss", 0.3, 0, 1, "1", "Share of its readiness each government of an exposed channel withholds right after the exposure.");
    public static readonly ParameterDefinition ReadinessHalfLife = new("secrecy", "readiness_half_life", 1.0, 0.05, 100, "years", "Half-life of the readiness a government withholds after an exposure.");

    private static readonly ParameterDefinition[] Declared = [LeakPerMeeting, Backlash, ReadinessLoss, ReadinessHalfLife];

    /// <summary>Channels marked secret start secret while the mechanism is on.</summary>
    public override void Initialize(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        bool on = world.On(Switch);
        foreach (var initiative in world.Initiatives)
        {
            initiative.Secret = on && initiative.Spec.Secret;
        }

        foreach (var agreement in world.Agreements)
        {
            agreement.Secret = on && agreement.Spec.Secret;
        }
    }

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var p = world.P;
        double memory = ModelParameters.Decay(p[ReadinessHalfLife], world.Dt);
        foreach (var dyad in world.Dyads)
        {
            dyad.Withheld[0] *= memory;
            dyad.Withheld[1] *= memory;
        }

        foreach (var initiative in world.Initiatives)
        {
            if (!initiative.Secret)
            {
                continue;
            }

            if (initiative.ExposedBy is { } by)
            {
                initiative.ExposedBy = null;
                initiative.Secret = false;
                Expose(world, initiative.Spec.Id, initiative.States, initiative.Dyads, $"exposed by {by}");
            }
            else if (initiative.MetThisStep)
            {
                double chance = p[LeakPerMeeting];
                if (world.LeakStream.NextDouble() < chance)
                {
                    initiative.Secret = false;
                    Expose(world, initiative.Spec.Id, initiative.States, initiative.Dyads, string.Create(CultureInfo.InvariantCulture, $"exposed by a leak from its meeting {initiative.MeetingsHeld} (chance {chance:0.###} a meeting)"));
                }
            }
        }

        foreach (var agreement in world.Agreements)
        {
            if (!agreement.Secret)
            {
                continue;
            }

            var dyad = agreement.Dyad;
            if (agreement.TimesReached > 0)
            {
                // Its signing (or a decided event) announced it: public, and no scandal.
                agreement.Secret = false;
                agreement.ExposedBy = null;
                world.Record(Id, agreement.Spec.Id, "made public by its signing");
            }
            else if (agreement.ExposedBy is { } by)
            {
                agreement.ExposedBy = null;
                agreement.Secret = false;
                Expose(world, agreement.Spec.Id, [dyad.A, dyad.B], [dyad], string.Create(CultureInfo.InvariantCulture, $"exposed by {by} (negotiation progress {agreement.Progress:0.##})"));
            }
        }
    }

    /// <summary>The backlash of an exposure on the publics and governments of a channel's states, and its log line.</summary>
    private static void Expose(World world, string subject, int[] states, DyadRuntime[] dyads, string cause)
    {
        var p = world.P;
        var detail = new StringBuilder(cause).Append("; backlash on the public of ");
        for (int k = 0; k < states.Length; k++)
        {
            // Each public's trust toward each other party to the channel takes the backlash;
            // the log gives its mean over them (with two states, the one shift).
            int i = states[k];
            double sum = 0;
            int pairs = 0;
            foreach (int j in states)
            {
                if (j != i)
                {
                    double pairShift = -p[Backlash] * (1 - world.Citizens.PublicTrust(world.States, i, j));
                    world.MediaDelta[i, j] += pairShift;
                    sum += pairShift;
                    pairs++;
                }
            }

            double shift = pairs == 0 ? 0 : sum / pairs;
            detail.Append(k == 0 ? string.Empty : ", ").Append(world.States[i].Id).Append(' ').Append(Num(shift));
        }

        double loss = p[ReadinessLoss];
        foreach (var dyad in dyads)
        {
            dyad.Withheld[0] = 1 - ((1 - dyad.Withheld[0]) * (1 - loss));
            dyad.Withheld[1] = 1 - ((1 - dyad.Withheld[1]) * (1 - loss));
        }

        detail.Append("; its governments withhold ").Append(Num(loss)).Append(" of their readiness");
        world.Record(Id, subject, detail.ToString());
    }

    private static string Num(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
