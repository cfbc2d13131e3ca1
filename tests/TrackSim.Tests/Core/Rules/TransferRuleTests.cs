using TrackSim.Core.Domain;
using TrackSim.Core.Engine;
using TrackSim.Core.Model;
using TrackSim.Core.Rules;

namespace TrackSim.Tests.Core.Rules;

/// <summary>T2-TRANSFER: the chance that a joint recommendation is adopted, and what an adoption does.</summary>
public sealed class TransferRuleTests
{
    // A few double operations per value: 1e-12 covers rounding.
    private const double Rounding = 1e-12;

    private static World Forum(string parameters = "", string dialogue = "open", string links = "[]")
    {
        string transfer = parameters.Length == 0 ? "receptivity: { AA: 0.8, BB: 0.4 }" : $"receptivity: {{ AA: 0.8, BB: 0.4 }}, {parameters}";
        var world = RuleWorlds.Create($$"""
            calendar: { start: 2000-01, end: 2009-12 }
            states: [ { id: AA }, { id: BB } ]
            dyads: [ { states: [AA, BB], official_trust: 0.4, dialogue: {{dialogue}}, functional_links: {{links}} } ]
            initiatives:
              - id: forum
                start: 2000-01
                topics: [ { id: water }, { id: visas } ]
                participants:
                  - { state: AA, role: academic, count: 2, access: 0.6 }
                  - { state: BB, role: academic, count: 2, access: 0.4 }
            parameters: { transfer: { {{transfer}} } }
            """);
        world.Dyads[0].Tension = 0.25;
        world.States[0].HostileShare = 0.2;
        world.States[1].HostileShare = 0.4;
        return world;
    }

    private static TopicSpec Topic(World world, string id) => world.Initiatives[0].Spec.Topics.Single(t => t.Id == id);

    [Test]
    public void Adoption_chance_is_access_times_receptivity_reduced_by_tension_and_hostility()
    {
        var world = Forum();

        // b·Ā·R̄·(1 − τT)·(1 − ηH̄) = 0.5 · 0.5 (access 0.6, 0.6, 0.4, 0.4) · 0.6 (receptivity 0.8, 0.4)
        // · (1 − 0.8·0.25) · (1 − 0.5·0.3) = 0.5·0.5·0.6·0.8·0.85 = 0.102.
        Assert.That(T2TransferRule.AdoptionChance(world, world.Initiatives[0]), Is.EqualTo(0.102).Within(Rounding));
    }

    [Test]
    public void Recommendations_are_adopted_as_often_as_the_chance_says()
    {
        var world = Forum();
        const int recommendations = 20_000;
        for (int k = 0; k < recommendations; k++)
        {
            T2TransferRule.Recommend(world, world.Initiatives[0], Topic(world, "visas"));
        }

        // Adoption does not change access, receptivity, tension or hostility, so every draw has chance
        // 0.102. The share of 20,000 has SD √(0.102·0.898/20000) = 0.0021: four SDs are 0.0086.
        Assert.That(world.Initiatives[0].RecommendationsAdopted / (double)recommendations, Is.EqualTo(0.102).Within(0.0086));
    }

    [Test]
    public void Adoption_adds_cbms_trust_a_link_in_the_topics_sector_and_a_text_the_governments_have_received()
    {
        var world = AdoptingWorld("suspended", "[]");
        var forum = world.Initiatives[0];

        AdoptOne(world, "water");

        // CBM + 0.2; official trust 0.4 + 0.03·0.6 = 0.418; a water link of strength 0.1 and threshold 0.6
        // (the spillover values); one agreed text on water in the dyad's stock and among this step's new
        // texts. Resuming the suspended dialogue is the governments' decision (TI-TALKS), not the transfer's.
        var dyad = world.Dyads[0];
        var link = dyad.Links.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(forum.RecommendationsAdopted, Is.EqualTo(1));
            Assert.That(dyad.CbmStock, Is.EqualTo(0.2).Within(Rounding));
            Assert.That(dyad.OfficialTrust, Is.EqualTo(0.418).Within(Rounding));
            Assert.That((link.Id, link.Sector, link.Strength, link.Threshold), Is.EqualTo(("aa-bb-water-0", Sector.Water, 0.1, 0.6)));
            Assert.That(dyad.Texts[world.TopicIndex("water")], Is.EqualTo(1));
            Assert.That(dyad.NewTexts[world.TopicIndex("water")], Is.EqualTo(1));
            Assert.That(dyad.Texts.Sum(), Is.EqualTo(1));
            Assert.That(dyad.DialogueOpen, Is.False);
            Assert.That(RuleWorlds.LoggedRules(world), Is.EqualTo((string[])["T2-TRANSFER", "FN-CREATE"]), "FN-CREATE adds the link after the transfer step");
        }
    }

    [Test]
    public void Adoption_creates_no_second_link_in_a_sector_and_none_for_a_topic_without_one()
    {
        var world = AdoptingWorld("open", "[ { id: indus, sector: water } ]");
        var forum = world.Initiatives[0];

        AdoptOne(world, "water");
        AdoptOne(world, "visas");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(forum.RecommendationsAdopted, Is.EqualTo(2));
            Assert.That(world.Dyads[0].Links.Select(l => l.Id), Is.EqualTo((string[])["indus"]));
            Assert.That(world.Dyads[0].CbmStock, Is.EqualTo(0.4).Within(Rounding));
        }
    }

    [Test]
    public void Adoption_does_not_resume_the_dialogue_while_tension_is_at_or_above_the_resumption_level()
    {
        var world = AdoptingWorld("suspended", "[]");
        world.Dyads[0].Tension = 0.5;

        AdoptOne(world, "visas");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.Initiatives[0].RecommendationsAdopted, Is.EqualTo(1));
            Assert.That(world.Dyads[0].DialogueOpen, Is.False);
        }
    }

    [Test]
    public void Nothing_is_adopted_with_transfer_switched_off_or_no_chance()
    {
        var off = RuleWorlds.Create("""
            calendar: { start: 2000-01, end: 2009-12 }
            states: [ { id: AA }, { id: BB } ]
            initiatives:
              - id: forum
                start: 2000-01
                topics: [ { id: water } ]
                participants: [ { state: AA, role: official }, { state: BB, role: official } ]
            mechanisms: { transfer: false }
            """);
        var none = Forum("base: 0");
        for (int k = 0; k < 100; k++)
        {
            T2TransferRule.Recommend(off, off.Initiatives[0], off.Initiatives[0].Spec.Topics[0]);
            T2TransferRule.Recommend(none, none.Initiatives[0], Topic(none, "water"));
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(off.Initiatives[0].RecommendationsAdopted + none.Initiatives[0].RecommendationsAdopted, Is.Zero);
            Assert.That(off.Log.Count + none.Log.Count, Is.Zero);
            Assert.That(none.Dyads[0].Links, Is.Empty);
        }
    }

    /// <summary>A world where every recommendation is adopted: access, receptivity and transfer.base all 1, no tension, no hostility.</summary>
    private static World AdoptingWorld(string dialogue, string links)
    {
        var world = RuleWorlds.Create($$"""
            calendar: { start: 2000-01, end: 2009-12 }
            states: [ { id: AA }, { id: BB } ]
            dyads: [ { states: [AA, BB], official_trust: 0.4, dialogue: {{dialogue}}, functional_links: {{links}} } ]
            initiatives:
              - id: forum
                start: 2000-01
                topics: [ { id: water }, { id: visas } ]
                participants: [ { state: AA, role: academic, access: 1 }, { state: BB, role: academic, access: 1 } ]
            parameters: { transfer: { base: 1, tension_penalty: 0, receptivity: 1 } }
            """);
        world.Dyads[0].Tension = 0;
        foreach (var state in world.States)
        {
            state.HostileShare = 0;  // the drawn citizens would give a few hostile ones
        }

        Assert.That(T2TransferRule.AdoptionChance(world, world.Initiatives[0]), Is.EqualTo(1));
        return world;
    }

    private static void AdoptOne(World world, string topic)
    {
        int before = world.Initiatives[0].RecommendationsAdopted;
        T2TransferRule.Recommend(world, world.Initiatives[0], Topic(world, topic));
        new FnCreateRule().Apply(world);  // adds the link the adoption asked for, as the engine does later in the step
        Assert.That(world.Initiatives[0].RecommendationsAdopted, Is.EqualTo(before + 1), "chance 1 must adopt");
    }
}
