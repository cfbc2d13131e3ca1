using System.Globalization;
using TrackSim.Core.Domain;
using TrackSim.Core.Model;

namespace TrackSim.Core.Rules;

/// <summary>
/// ST-GOVERNMENT: each state's government in force, by period.
/// <para>
/// A state's values of government are its receptivity to Track II input Q_i, its leadership's
/// hawkishness h_i, its sensitivity to public opinion σ_i and whether it allows its nationals'
/// contacts with the other side. At the start they are the state's parameters
/// (<c>transfer.receptivity</c>, <c>posture.hawkishness</c>, <c>posture.public_sensitivity</c>)
/// and contacts are allowed. A state may list government periods (<c>states[].governments</c>),
/// each from a date; the period in force in step k is the last one whose date is on or before
/// the step's last day, so a period takes office in the step that holds its date, as an event
/// does. When the period in force changes (and at the start, for a period that begins on the
/// first day of the run), every value is set anew: the period's own value where it gives one,
/// else the state's parameter; contacts are allowed unless the period bans them. Between two
/// changes the rule changes nothing, so an event that sets a leadership's hawkishness or a
/// state's contacts (EVENT, later in the step) holds until the next period begins. A change of
/// government is logged (a period that begins on the first day of the run is in force from the
/// start and is not logged). The rules that read these values (ST-AUDIENCE, T2-MEET,
/// T2-TRANSFER, TI-READINESS, TI-AGREE) read them from the state, never from the parameters, so
/// that this precedence holds in one place. No switch.
/// </para>
/// </summary>
internal sealed class StGovernmentRule() : Rule(
    Id,
    null,
    [],
    [],
    "TrackSim's own specification (no published source).")
{
    public const string Id = "ST-GOVERNMENT";

    /// <summary>Every state's values of government at the start: the parameters, or the period that begins on the first day.</summary>
    public override void Initialize(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        for (int i = 0; i < world.States.Length; i++)
        {
            var state = world.States[i];
            int period = PeriodOn(state.Spec, world.Calendar.Start);
            Take(world, i, period);
        }
    }

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        for (int i = 0; i < world.States.Length; i++)
        {
            var state = world.States[i];
            if (state.Spec.Governments.IsEmpty)
            {
                continue;
            }

            int period = PeriodOn(state.Spec, world.StepEnd);
            if (period == state.Government)
            {
                continue;
            }

            Take(world, i, period);
            var government = state.Spec.Governments[period];
            world.Record(Id, state.Id, string.Create(CultureInfo.InvariantCulture, $"{government.Leader} takes office on {government.From:yyyy-MM-dd} (hawkishness {Num(state.Hawkishness)}, receptivity {Num(state.Receptivity)}, public sensitivity {Num(state.PublicSensitivity)}, contacts {(state.ContactsBanned ? "banned" : "allowed")})"));
        }
    }

    /// <summary>The index of the last period that begins on or before <paramref name="date"/>, or -1.</summary>
    private static int PeriodOn(StateSpec spec, DateOnly date)
    {
        var periods = spec.Governments;
        int found = -1;
        for (int k = 0; k < periods.Length && periods[k].From <= date; k++)
        {
            found = k;
        }

        return found;
    }

    /// <summary>Sets the state's values from period <paramref name="period"/> (-1: none), its parameters filling what it leaves out.</summary>
    private static void Take(World world, int i, int period)
    {
        var state = world.States[i];
        var p = world.P;
        var government = period < 0 ? null : state.Spec.Governments[period];
        state.Government = period;
        state.Receptivity = government?.Receptivity ?? p.Of(T2TransferRule.Receptivity, i);
        state.Hawkishness = government?.Hawkishness ?? p.Of(StAudienceRule.Hawkishness, i);
        state.PublicSensitivity = government?.PublicSensitivity ?? p.Of(StAudienceRule.PublicSensitivity, i);
        state.ContactsBanned = government?.Contacts == ContactPolicy.Banned;
    }

    private static string Num(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
