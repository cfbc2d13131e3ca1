using NUnit.Framework;
using TrackSim.Core.Domain;
using TrackSim.Experiments.Ensembles;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Tests.Scenarios;

/// <summary>
/// A variant's <c>set</c>: values set by path in the scenario, as <c>--set</c> sets them, before
/// the variant's other changes; bad paths and values are reported at the variant's keys.
/// </summary>
public sealed class VariantSetTests
{
    /// <summary>A scenario whose variants start at line 20, with <paramref name="variants"/> in block style.</summary>
    private static string Scenario(string variants) => $$"""
        calendar: { start: 2000-01, end: 2001-12 }
        states: [ { id: IN }, { id: PK } ]
        dyads:
          - { states: [IN, PK], tension: 0.3 }
        citizens: { per_state: 200 }
        initiatives:
          - id: forum
            start: 2000-06
            participants:
              - { state: IN, role: academic, count: 3 }
              - { state: PK, role: academic, count: 3 }
        events:
          - { id: clash, date: 2000-09, kind: crisis, severity: 0.5, actors: [IN, PK] }
          - { id: summit, date: 2001-03, kind: summit, severity: 0.4, actors: [IN, PK] }
        parameters:
          posture: { fear: 0.4 }
        ensemble: { replicates: 2, seed: 5 }
        # variants: the first one's name on line 20, its set on 21, its first value on 22
        variants:
        {{variants}}
        """;

    private const string Tense = """
          - name: tense
            set:
              dyads[0].tension: 0.8
              citizens.per_state: 300
              citizens.initial_trust.IN.mean: 0.2
              initiatives[0].participants[0].alignment: 0.9
              states[1].posture: 0.5
              events[clash].severity: 0.9
            parameters:
              media: { negativity_bias: { IN: 3 } }
            remove_events: [summit]
          - name: plain
            description: No values set.
            mechanisms: { media: false }
        """;

    [Test]
    public void A_variants_set_values_are_in_its_scenario_and_only_there()
    {
        var scenario = LoadAssert.Valid(Scenario(Tense));
        var tense = scenario.ForVariant("tense");
        var plain = scenario.ForVariant("plain");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tense.Dyads[0].Tension, Is.EqualTo(0.8));
            Assert.That(tense.Citizens.PerState, Is.EqualTo(300));
            Assert.That(tense.Citizens.TrustOf("IN").Mean, Is.EqualTo(0.2));
            Assert.That(tense.Initiatives[0].Participants[0].Alignment, Is.EqualTo(0.9));
            Assert.That(tense.States[1].Posture, Is.EqualTo(0.5));
            Assert.That(tense.Events.Single().Severity, Is.EqualTo(0.9), "the summit removed, the clash's severity set");
            Assert.That(tense.Variant, Is.EqualTo("tense"));
            Assert.That(tense.Variants.Select(v => v.Name), Is.EqualTo((string[])["tense", "plain"]));

            foreach (var other in new[] { scenario, plain })
            {
                Assert.That(other.Dyads[0].Tension, Is.EqualTo(0.3));
                Assert.That(other.Citizens.PerState, Is.EqualTo(200));
                Assert.That(other.Citizens.TrustOf("IN").Mean, Is.EqualTo(TrustDistribution.Default.Mean));
                Assert.That(other.Events.Select(e => e.Severity), Is.EqualTo((double[])[0.5, 0.4]));
            }

            Assert.That(plain.Mechanisms.IsOn("media"), Is.False);
            Assert.That(scenario.Variants[0].Set.Select(e => $"{e.Key}={e.Value}"), Is.EqualTo((string[])
            [
                "dyads[0].tension=0.8", "citizens.per_state=300", "citizens.initial_trust.IN.mean=0.2",
                "initiatives[0].participants[0].alignment=0.9", "states[1].posture=0.5", "events[clash].severity=0.9",
            ]));
            Assert.That(scenario.Variants[1].Set, Is.Empty);
            Assert.That(scenario.Variants[1].Base, Is.Null);
        }
    }

    [Test]
    public void The_variants_other_keys_act_on_top_of_its_set_values()
    {
        var scenario = LoadAssert.Valid(Scenario("""
              - name: layered
                set:
                  parameters.posture.fear: 0.6
                  parameters.posture.restraint: 0.9
                  lens: realist
                  mechanisms.spillover: false
                parameters:
                  posture: { fear: 0.7 }
                mechanisms: { spillover: true, turnover: false }
            """));
        var layered = scenario.ForVariant("layered");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(layered.Parameters["posture.fear"], Is.EqualTo(0.7), "the variant's parameters win over its set values");
            Assert.That(layered.Parameters["posture.restraint"], Is.EqualTo(0.9));
            Assert.That(layered.Parameters["posture.cbm_restraint"], Is.EqualTo(0.1), "the realist lens set by path");
            Assert.That(layered.Mechanisms.IsOn("spillover"), Is.True, "the variant's mechanisms win over its set values");
            Assert.That(layered.Mechanisms.IsOn("turnover"), Is.False);
            Assert.That(scenario.Parameters["posture.fear"], Is.EqualTo(0.4));
            Assert.That(scenario.Lens, Is.Null);
        }
    }

    [Test]
    public void A_variant_that_sets_the_initial_tension_differs_from_the_base_from_step_0()
    {
        var scenario = LoadAssert.Valid(Scenario(Tense));

        var result = Ensemble.Run(scenario, new EnsembleOptions { Replicates = 1, Threads = 1 });

        double Tension(string variant) => result.Runs.Single(r => r.Variant == variant).Get("tension", "IN-PK").Values[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Tension("base"), Is.EqualTo(0.3).Within(1e-12));
            Assert.That(Tension("tense"), Is.EqualTo(0.8).Within(1e-12));
            Assert.That(Tension("plain"), Is.EqualTo(0.3).Within(1e-12));
        }
    }

    [Test]
    public void A_variant_can_change_a_government_period_and_lift_its_ban_on_contacts()
    {
        // The base's government bans contacts from 2002: AA's academics stay away and, with one
        // side left, no meeting is held. The variant's set allows contacts in the same period.
        var scenario = LoadAssert.Valid("""
            calendar: { start: 2000-01, end: 2004-12 }
            states:
              - id: AA
                governments:
                  - { from: 2002-01, leader: Hawk, contacts: banned }
              - { id: BB }
            citizens: { per_state: 100 }
            initiatives:
              - id: forum
                start: 2000-01
                meeting_interval: 2 months
                resilience: 1
                participants: [ { state: AA, role: academic, count: 2 }, { state: BB, role: academic, count: 2 } ]
            variants:
              - name: no-ban
                set: { "states[0].governments[0].contacts": allowed }
            ensemble: { replicates: 1, seed: 3 }
            """);

        var result = Ensemble.Run(scenario, new EnsembleOptions { Threads = 1 });

        double Meetings(string variant, int point) => result.Runs.Single(r => r.Variant == variant).Get("meetings_held", "forum").Values[point];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(scenario.ForVariant("no-ban").States[0].Governments[0].Contacts, Is.EqualTo(ContactPolicy.Allowed));
            Assert.That(Meetings("base", 60), Is.EqualTo(Meetings("base", 24)), "no meeting under the ban (points 24 to 60: 2002-01 to 2005-01)");
            Assert.That(Meetings("no-ban", 60), Is.GreaterThan(Meetings("no-ban", 24)));
        }
    }

    [Test]
    public void Command_line_overrides_edit_the_file_the_variants_set_their_values_in()
    {
        var result = ScenarioLoader.LoadText(Scenario(Tense), LoadAssert.FileName, [new Override("dyads[0].official_trust", "0.6"), new Override("dyads[0].tension", "0.5")]);
        Assert.That(result.Errors, Is.Empty, () => LoadAssert.Describe(result));
        var scenario = result.Scenario!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That((scenario.Dyads[0].Tension, scenario.Dyads[0].OfficialTrust), Is.EqualTo((0.5, 0.6)));
            Assert.That((scenario.ForVariant("tense").Dyads[0].Tension, scenario.ForVariant("tense").Dyads[0].OfficialTrust), Is.EqualTo((0.8, 0.6)));
        }
    }

    [Test]
    public void A_quoted_value_is_text_as_in_the_file()
    {
        var scenario = LoadAssert.Valid(Scenario("""
              - name: renamed
                set:
                  states[0].name: "1947"
                  initiatives[0].sponsor: 'The "Forum"'
            """));

        Assert.That((scenario.ForVariant("renamed").States[0].Name, scenario.ForVariant("renamed").Initiatives[0].Sponsor), Is.EqualTo(("1947", "The \"Forum\"")));
    }

    [TestCase("dyads[3].tension: 0.8", 22, 7, "variants[0].set.dyads[3].tension", "dyads has 1 item, whose index is 0")]
    [TestCase("dyads[0].tension: 2", 22, 7, "variants[0].set.dyads[0].tension", "expected a number in [0, 1]", "found 2")]
    [TestCase("citizens.per_state: many", 22, 7, "variants[0].set.citizens.per_state", "expected a whole number")]
    [TestCase("agreements[0].severity: 0.3", 22, 7, "variants[0].set.agreements[0].severity", "agreements is not in the file, so it has no item [0]")]
    [TestCase("events[nope].severity: 0.3", 22, 7, "variants[0].set.events[nope].severity", "no item with id 'nope'")]
    [TestCase("initiatives[0].participants: 3", 22, 7, "variants[0].set.initiatives[0].participants", "--set replaces single values")]
    [TestCase("initiatives[0].participants[0].state: XX", 22, 7, "variants[0].set.initiatives[0].participants[0].state", "no state 'XX'")]
    [TestCase("dyads..tension: 0.3", 22, 7, "variants[0].set.dyads..tension", "expected a path such as")]
    [TestCase("calendar.end: 2003-12", 22, 7, "variants[0].set.calendar.end", "cannot set calendar", "every variant shares it")]
    [TestCase("ensemble.seed: 3", 22, 7, "variants[0].set.ensemble.seed", "cannot set ensemble")]
    [TestCase("variants[0].description: x", 22, 7, "variants[0].set.variants[0].description", "cannot set variants")]
    [TestCase("events[clash].id: fight", 22, 7, "variants[0].set.events[clash].id", "cannot change an id")]
    [TestCase("citizens.per_state: 10", 21, 5, "variants[0].set", "with the values this variant sets, citizens.network.mean_degree (line 5)", "a mean degree of 10 needs more than 10 citizens per state")]
    public void A_bad_path_or_value_is_reported_at_the_variants_set(string entry, int line, int column, string path, params string[] words)
    {
        LoadAssert.Only(Scenario($"""
              - name: bad
                set:
                  {entry}
            """), line, column, path, words);
    }

    [Test]
    public void A_value_that_is_not_a_single_value_is_refused_where_it_is()
    {
        LoadAssert.Only(
            Scenario("""
              - name: bad
                set:
                  citizens.initial_trust.IN: { mean: 0.2 }
            """),
            22,
            34,
            "variants[0].set.citizens.initial_trust.IN",
            "expected a single value (a number, true or false, a date or text), found a mapping");
    }

    [Test]
    public void Every_bad_value_of_every_variant_is_reported_at_once()
    {
        var result = LoadAssert.Load(Scenario("""
              - name: first
                set:
                  calendar.start: 1999-01
                  dyads[0].tension: 7
              - name: second
                set:
                  states[5].posture: 0.1
            """));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Errors.Select(e => (e.Line, e.Path)), Is.EqualTo(new[]
            {
                (22, "variants[0].set.calendar.start"),
                (23, "variants[0].set.dyads[0].tension"),
                (26, "variants[1].set.states[5].posture"),
            }));
            LoadAssert.HasError(result, 26, 7, "variants[1].set.states[5].posture", "states has 2 items, with indexes 0 to 1");
        }
    }

    [Test]
    public void A_problem_of_the_file_is_reported_once_not_again_for_each_variant_that_sets_values()
    {
        LoadAssert.Only(
            Scenario(Tense).Replace("tension: 0.3", "tension: 3", StringComparison.Ordinal),
            4,
            34,
            "dyads[0].tension",
            "expected a number in [0, 1]");
    }
}
