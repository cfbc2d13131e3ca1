using System.Globalization;
using TrackSim.Core.Domain;
using TrackSim.Core.Engine;

namespace TrackSim.Core.Rules;

/// <summary>
/// T2-TRANSFER: a joint recommendation reaching Track I (Kelman 1972; Chataway 1998 on the transfer problem).
/// <para>
/// A recommendation is adopted with probability
/// b · Ā · R̄ · (1 − τ·T) · (1 − η·H̄), with b = <c>transfer.base</c>, Ā the participants' mean
/// access, R̄ the mean receptivity of their governments, T the highest tension among their states,
/// H̄ the mean hostile share of their publics, τ = <c>transfer.tension_penalty</c> and
/// η = <c>transfer.hostility_penalty</c>. An adopted recommendation adds
/// <c>transfer.cbm_per_adoption</c> to each dyad's CBM stock and <c>trust.track2_gain</c> of the gap to 1
/// in official trust; on a topic named after a sector it creates a link in that sector where the
/// dyad has none; and where the dialogue is suspended and tension is below
/// <c>dialogue.resume_tension</c> it resumes the dialogue.
/// </para>
/// </summary>
internal static class TransferRule
{
    public const string Id = "T2-TRANSFER";

    public static void Recommend(World world, InitiativeRuntime initiative, TopicSpec topic)
    {
        if (!world.On("transfer"))
        {
            return;
        }

        double chance = AdoptionChance(world, initiative);
        if (world.TransferStream.NextDouble() >= chance)
        {
            return;
        }

        var p = world.P;
        initiative.RecommendationsAdopted++;
        world.Record(Id, initiative.Spec.Id, $"recommendation on {topic.Name} adopted (chance {chance.ToString("0.##", CultureInfo.InvariantCulture)})");
        var sector = MeetingRule.SectorOf(topic);
        foreach (var dyad in MeetingRule.InitiativeDyads(world, initiative))
        {
            dyad.CbmStock += p.CbmPerAdoption;
            if (world.On("official_trust"))
            {
                dyad.OfficialTrust += p.Track2TrustGain * (1 - dyad.OfficialTrust);
            }

            if (sector is { } s)
            {
                FunctionalRule.CreateFromRecommendation(world, dyad, s, initiative.Spec.Id);
            }

            if (!dyad.DialogueOpen && dyad.Tension < p.ResumeTension)
            {
                DialogueRule.Resume(world, dyad, $"resumed on a Track II recommendation of {initiative.Spec.Id}");
            }
        }
    }

    /// <summary>The chance that a recommendation of the initiative is adopted now.</summary>
    public static double AdoptionChance(World world, InitiativeRuntime initiative)
    {
        var p = world.P;
        double access = initiative.Participants.Average(q => q.Access);
        double receptivity = initiative.States.Average(s => world.States[s].Receptivity);
        double hostile = initiative.States.Average(s => world.States[s].HostileShare);
        double tension = MeetingRule.InitiativeDyads(world, initiative).Select(d => d.Tension).DefaultIfEmpty(0).Max();
        return p.TransferBase * access * receptivity * (1 - (p.TransferTensionPenalty * tension)) * (1 - (p.TransferHostilityPenalty * hostile));
    }
}
