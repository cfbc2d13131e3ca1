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
        foreach (var dyad in initiative.Dyads)
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

            if (world.On("dialogue") && !dyad.DialogueOpen && dyad.Tension < p.ResumeTension)
            {
                DialogueRule.Resume(world, dyad, $"resumed on a Track II recommendation of {initiative.Spec.Id}");
            }
        }
    }

    /// <summary>The chance that a recommendation of the initiative is adopted now.</summary>
    public static double AdoptionChance(World world, InitiativeRuntime initiative)
    {
        var p = world.P;

        // Plain loops rather than LINQ, which allocated at every agreed topic; each mean sums
        // from the first value and divides by the count, and the maximum keeps the first of
        // equal values and passes over NaN, as Enumerable.Average and Max do, so the chance
        // is bit for bit the one LINQ gave.
        var participants = initiative.Participants;
        var states = initiative.States;
        if (participants.Length == 0 || states.Length == 0)
        {
            throw new InvalidOperationException($"Initiative {initiative.Spec.Id} has no participants or no states.");
        }

        double access = participants[0].Access;
        for (int q = 1; q < participants.Length; q++)
        {
            access += participants[q].Access;
        }

        access /= participants.Length;
        double receptivity = world.States[states[0]].Receptivity;
        double hostile = world.States[states[0]].HostileShare;
        for (int k = 1; k < states.Length; k++)
        {
            receptivity += world.States[states[k]].Receptivity;
            hostile += world.States[states[k]].HostileShare;
        }

        receptivity /= states.Length;
        hostile /= states.Length;
        var dyads = initiative.Dyads;
        double tension = dyads.Length == 0 ? 0 : dyads[0].Tension;
        for (int d = 1; d < dyads.Length; d++)
        {
            double x = dyads[d].Tension;
            if (x > tension || double.IsNaN(tension))
            {
                tension = x;
            }
        }

        return p.TransferBase * access * receptivity * (1 - (p.TransferTensionPenalty * tension)) * (1 - (p.TransferHostilityPenalty * hostile));
    }
}
