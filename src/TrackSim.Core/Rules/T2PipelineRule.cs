using System.Globalization;
using TrackSim.Core.Domain;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// T2-PIPELINE: youth participants grow into adult participants (Salomon 2004 on peace
/// education; Schroeder and Risen 2016 on the Seeds of Peace alumni).
/// <para>
/// A youth participant counts the years it takes part (its group takes part on the step's first
/// day and the initiative runs). After <c>tracks.youth_years</c> years it becomes an adult
/// participant of its state: a private citizen (Track 4) whose access and reach rise to at least
/// <c>tracks.alumni_access</c> and <c>tracks.alumni_reach</c>. It keeps its positions and its
/// trust, which is what the alumni studies follow. Logged. Switched off, youth participants stay
/// youth participants.
/// </para>
/// </summary>
internal sealed class T2PipelineRule() : InitiativeRule(
    Id,
    Switch,
    Declared,
    [],
    "Salomon, G. (2004). Does peace education make a difference in the context of an intractable conflict? Peace and Conflict: Journal of Peace Psychology 10(3); Schroeder, J., and Risen, J. L. (2016). Befriending the enemy: outgroup friendship longitudinally predicts intergroup attitudes in a coexistence program for Israelis and Palestinians. Group Processes and Intergroup Relations 19(1).")
{
    public const string Id = "T2-PIPELINE";

    public static readonly Mechanism Switch = new("youth_pipeline", Id, "youth participants growing into adult participants with more access and reach");

    public static readonly ParameterDefinition Years = new("tracks", "youth_years", 4.0, 0, 50, "years", "Years a youth participant takes part before it becomes an adult participant (an assumption).");
    public static readonly ParameterDefinition AlumniAccess = new("tracks", "alumni_access", 0.3, 0, 1, "1", "Access to officials of a youth participant grown into an adult participant, at least (an assumption).");
    public static readonly ParameterDefinition AlumniReach = new("tracks", "alumni_reach", 0.1, 0, 1, "1", "Public reach of a youth participant grown into an adult participant, at least (an assumption).");

    private static readonly ParameterDefinition[] Declared = [Years, AlumniAccess, AlumniReach];

    /// <summary>The role a youth participant grows into.</summary>
    private static readonly Role Adult = Role.Find("private_citizen")!;

    public override void Apply(World world, InitiativeRuntime initiative)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(initiative);
        if (!world.On(Switch) || !initiative.IsRunning(world.Date))
        {
            return;
        }

        var p = world.P;
        foreach (var participant in initiative.Participants)
        {
            if (participant.Role.Id != "youth" || !participant.IsMember(world.Date))
            {
                continue;
            }

            participant.YearsTakingPart += world.Dt;
            // A sum of equal steps can fall short of the whole number of years by a rounding error.
            if (participant.YearsTakingPart >= p[Years] - 1e-9)
            {
                participant.Role = Adult;
                participant.Access = Math.Max(participant.Access, p[AlumniAccess]);
                participant.Reach = Math.Max(participant.Reach, p[AlumniReach]);
                world.Record(Id, initiative.Spec.Id, string.Create(CultureInfo.InvariantCulture, $"a youth participant of {(participant.OfThirdParty ? world.Scenario.ThirdParties[participant.ThirdParty].Id : world.States[participant.State].Id)} becomes an adult participant (access {participant.Access:0.##}, reach {participant.Reach:0.##})"));
            }
        }
    }
}
