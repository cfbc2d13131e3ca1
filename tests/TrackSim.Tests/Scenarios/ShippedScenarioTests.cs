using System.Text.Json.Nodes;
using NUnit.Framework;
using TrackSim.Core.Domain;
using TrackSim.Scenarios.Loading;
using TrackSim.Scenarios.Schema;
using TrackSim.Tests.Schema;

// CA1861: expected lists read best inline, next to the YAML they come from; each test runs once.
#pragma warning disable CA1861

namespace TrackSim.Tests.Scenarios;

/// <summary>The scenarios shipped in <c>scenarios/</c> load, with the values and defaults the format promises.</summary>
public sealed class ShippedScenarioTests
{
    private static Scenario LoadShipped(string relative)
    {
        var result = ScenarioLoader.LoadFile(RepositoryFiles.PathOf(relative));
        Assert.That(result.Errors, Is.Empty, () => LoadAssert.Describe(result));
        return result.Scenario!;
    }

    [Test]
    public void Every_shipped_scenario_loads_without_errors()
    {
        var files = RepositoryFiles.ShippedScenarios();

        // At least minimal.yaml and examples/every-field.yaml: an empty list would pass vacuously.
        Assert.That(files, Has.Count.GreaterThanOrEqualTo(2));
        using (Assert.EnterMultipleScope())
        {
            foreach (string file in files)
            {
                var result = ScenarioLoader.LoadFile(file);
                Assert.That(result.IsValid, Is.True, () => $"{file}:\n{string.Join('\n', result.Errors)}");
            }
        }
    }

    [Test]
    public void Minimal_scenario_fills_the_implied_dyad_with_defaults()
    {
        var scenario = LoadShipped("scenarios/minimal.yaml");
        var dyad = scenario.Dyads.Single();
        Assert.That(dyad.Subject, Is.EqualTo("AA-BB"));
        Assert.That(dyad.Tension, Is.EqualTo(0.3));
        Assert.That(dyad.OfficialTrust, Is.EqualTo(0.3));
        Assert.That(dyad.Dialogue, Is.EqualTo(DialogueStatus.Open));
        Assert.That(dyad.CbmStock, Is.Zero);
        Assert.That(dyad.Links, Is.Empty);
    }

    [Test]
    public void Minimal_scenario_maps_its_calendar_states_and_event()
    {
        var scenario = LoadShipped("scenarios/minimal.yaml");
        Assert.That(scenario.Name, Is.EqualTo("minimal"));
        Assert.That(scenario.Calendar, Is.EqualTo(new Calendar(new DateOnly(2000, 1, 1), new DateOnly(2009, 12, 31), StepUnit.Month)));
        Assert.That(scenario.Calendar.StepCount, Is.EqualTo(120));
        Assert.That(scenario.States.Select(s => (s.Id, s.Name, scenario.Parameters.Of("posture.hawkishness", s.Id))), Is.EqualTo(new[] { ("AA", "Atlantis", 0.5), ("BB", "Borduria", 0.5) }));
        var crisis = scenario.Events.Single();
        Assert.That(crisis.Date, Is.EqualTo(new DateOnly(2004, 6, 1)));
        Assert.That(crisis.Severity, Is.EqualTo(0.8));
        Assert.That((crisis.Effects.Dialogue, crisis.Decided), Is.EqualTo(((DialogueStatus?)null, false)), "the governments decide whether the crisis suspends the dialogue");
        Assert.That(crisis.Label, Is.EqualTo("crisis"));
        Assert.That(scenario.Agreements, Is.Empty);
        Assert.That(scenario.Ensemble, Is.EqualTo(new EnsembleSpec(10, 1)));
        Assert.That(scenario.Outputs.Charts, Is.EqualTo(OutputSpec.DefaultCharts));
    }

    [Test]
    public void Minimal_participants_take_their_role_defaults()
    {
        var scenario = LoadShipped("scenarios/minimal.yaml");
        var initiative = scenario.Initiatives.Single();
        var diplomat = Role.Find("former_diplomat")!;
        Assert.That(initiative.States, Is.EqualTo(new[] { "AA", "BB" }));
        Assert.That(initiative.MeetingInterval, Is.EqualTo(new Duration(6, StepUnit.Month)));
        Assert.That(initiative.End, Is.Null);
        foreach (var group in initiative.Participants)
        {
            Assert.That((group.Count, group.Alignment, group.Access, group.Reach, group.SharedLanguage), Is.EqualTo((4, diplomat.Alignment, diplomat.Access, diplomat.Reach, true)));
        }

        Assert.That(diplomat.Alignment, Is.EqualTo(0.7));
    }

    [Test]
    public void Minimal_initiative_gets_the_default_core_and_trade_topics()
    {
        var topics = LoadShipped("scenarios/minimal.yaml").Initiatives.Single().Topics;

        // Spread evenly around 0.5 over 0.8 (core) or 0.4 (peripheral), in state order.
        Assert.That(topics.Select(t => (t.Id, t.Core)), Is.EqualTo(new[] { ("core", true), ("trade", false) }));
        Assert.That(topics[0].Positions["AA"], Is.EqualTo(0.1).Within(1e-12));
        Assert.That(topics[0].Positions["BB"], Is.EqualTo(0.9).Within(1e-12));
        Assert.That(topics[1].Positions["AA"], Is.EqualTo(0.3).Within(1e-12));
        Assert.That(topics[1].Positions["BB"], Is.EqualTo(0.7).Within(1e-12));
    }

    [Test]
    public void Every_field_scenario_steps_weekly_for_ten_years()
    {
        var calendar = LoadShipped("scenarios/examples/every-field.yaml").Calendar;
        Assert.That(calendar.Unit, Is.EqualTo(StepUnit.Week));
        Assert.That(calendar.Start, Is.EqualTo(new DateOnly(1990, 1, 1)));
        Assert.That(calendar.End, Is.EqualTo(new DateOnly(1999, 12, 31)));

        // 3,652 days from 1990-01-01 to 1999-12-31: 521 whole weeks and a part.
        Assert.That(calendar.StepCount, Is.EqualTo(522));
    }

    private static readonly string[] EveryFieldDyads = ["NA-SO", "NA-SLF"];

    [Test]
    public void Every_field_scenario_maps_its_values()
    {
        var scenario = LoadShipped("scenarios/examples/every-field.yaml");
        var north = scenario.State("NA");
        var p = scenario.Parameters;
        Assert.That((p.Of("posture.hawkishness", "NA"), p.Of("transfer.receptivity", "NA"), p.Of("posture.public_sensitivity", "NA"), north.Posture), Is.EqualTo((0.6, 0.4, 0.7, 0.5)));
        Assert.That(
            (p.Of("posture.fear", "NA"), p.Of("posture.restraint", "NA"), p.Of("posture.grievance", "NA"), p.Of("posture.fear", "SO"), p.Of("posture.restraint", "SO")),
            Is.EqualTo((0.35, 0.5, 0.1, 0.25, 0.8)),
            "state by state where the scenario says so; SO's restraint falls back to the default 0.8");
        Assert.That((p["influence.confidence_bound"], p["turnover.rate"]), Is.EqualTo((0.25, 0.025)));

        var dyad = scenario.Dyads.First();
        Assert.That(scenario.Dyads.Select(d => d.Subject), Is.EqualTo(EveryFieldDyads), "the pair of states first, then the dyad that names the party");
        Assert.That((scenario.State("SLF").Kind, scenario.State("SLF").HasCitizens, scenario.PublicCount), Is.EqualTo((ActorKind.ArmedGroup, false, 2)));
        Assert.That((dyad.Tension, dyad.OfficialTrust, dyad.CbmStock), Is.EqualTo((0.45, 0.25, 0.5)));
        Assert.That(dyad.Links.Select(l => (l.Id, l.Sector, l.ActiveFrom)),
            Is.EqualTo(new[] { ("river-treaty", Sector.Water, (DateOnly?)null), ("border-trade", Sector.Trade, new DateOnly(1992, 3, 1)) }));

        Assert.That(scenario.Citizens.PerState, Is.EqualTo(5000));
        Assert.That(scenario.Citizens.TrustOf("SO"), Is.EqualTo(new TrustDistribution(0.3, 0.1)));
        Assert.That(scenario.Citizens.Network, Is.EqualTo(new NetworkSpec(NetworkKind.SmallWorld, 8, 0.05, 0.01)));

        Assert.That(scenario.Initiatives.Select(i => (i.Id, i.Secret)), Is.EqualTo(new[] { ("river-dialogue", false), ("quiet-channel", true) }));
        var initiative = scenario.Initiatives[0];
        Assert.That(initiative.MeetingInterval, Is.EqualTo(new Duration(4, StepUnit.Month)));
        Assert.That(initiative.End, Is.EqualTo(new DateOnly(1999, 6, 30)));
        Assert.That(initiative.Participants[0].Alignment, Is.EqualTo(0.8));
        Assert.That(initiative.Participants[1].Alignment, Is.EqualTo(Role.Find("journalist")!.Alignment));
        Assert.That(initiative.Participants[3].SharedLanguage, Is.False);
        Assert.That((initiative.Participants[4].ThirdParty, initiative.Participants[4].State), Is.EqualTo((true, "EA")));
        Assert.That((initiative.Hosts, initiative.Funders), Is.EqualTo((new[] { "EA" }, new[] { "WF" })));
        Assert.That(scenario.ThirdParties.Select(t => (t.Id, t.Kind, t.TrustOf("NA"))), Is.EqualTo(new[] { ("EA", ThirdPartyKind.Facilitator, 0.6), ("WF", ThirdPartyKind.Funder, ThirdPartySpec.DefaultTrust) }));
        Assert.That(scenario.Agreements[0].Guarantors, Is.EqualTo(new[] { "EA" }));
        Assert.That(scenario.Events[3].Actors, Is.EqualTo(new[] { "NA", "SO", "EA" }));

        Assert.That(scenario.Events.Select(e => e.Id), Is.EqualTo(new[] { "border-clash", "new-government", "channel-revealed", "talks-resume" }));
        Assert.That(scenario.Events[0].End, Is.EqualTo(new DateOnly(1993, 6, 30)));
        Assert.That((scenario.Events[0].Decided, scenario.Events[0].Effects.Dialogue), Is.EqualTo((false, (DialogueStatus?)null)), "the clash leaves the dialogue to the governments");
        Assert.That(scenario.Events[2].Effects.Exposures, Is.EqualTo(new[] { "quiet-channel" }));
        Assert.That(scenario.Events.Where(e => e.Id != "channel-revealed").Select(e => e.Effects.Exposures), Has.All.Empty);
        var summit = scenario.Events[3];
        Assert.That((summit.Decided, summit.Effects.Dialogue), Is.EqualTo((true, (DialogueStatus?)DialogueStatus.Open)));
        Assert.That(summit.Effects.Agreements, Is.EqualTo(new[] { "border-ceasefire" }));
        Assert.That(scenario.Events[1].Label, Is.EqualTo("new-government"), "an event without name or label is labelled by its id");
        Assert.That(scenario.Ensemble, Is.EqualTo(new EnsembleSpec(20, 20261127)));
        Assert.That(scenario.Outputs.LabelEvents, Is.EqualTo(new[] { "border-clash", "talks-resume" }));
        Assert.That(scenario.Mechanisms.IsOn("spillover"), Is.False);
    }

    [Test]
    public void Every_field_scenario_maps_its_agreements_with_their_kinds_defaults()
    {
        var agreements = LoadShipped("scenarios/examples/every-field.yaml").Agreements;
        Assert.That(agreements.Select(a => a.Id), Is.EqualTo(new[] { "border-ceasefire", "river-commission" }));

        // Every key set, each away from its default where the format allows.
        var ceasefire = agreements[0];
        Assert.That(
            (ceasefire.Name, ceasefire.Label, ceasefire.Kind, ceasefire.Topic, ceasefire.Threshold, ceasefire.Work, ceasefire.NeedsTalks, ceasefire.Severity, ceasefire.Reversible, ceasefire.From),
            Is.EqualTo(("Ceasefire on the disputed border", "Border ceasefire", AgreementKind.Ceasefire, (string?)"border", 0.3, 0.5, true, 0.6, false, (DateOnly?)new DateOnly(1993, 6, 1))));
        Assert.That((ceasefire.Terms.IncidentReduction, ceasefire.Terms.Restraint, ceasefire.Terms.Cbm), Is.EqualTo((0.5, 0.2, 0.3)));
        Assert.That(ceasefire.Terms.CreateLinks.Select(l => (l.Id, l.Sector)), Is.EqualTo(new[] { ("border-hotline", Sector.Communications) }));
        Assert.That(ceasefire.Historical, Is.EqualTo(new[] { new DateOnly(1995, 1, 15) }));
        Assert.That(ceasefire.Source, Is.EqualTo("Invented for illustration"));
        Assert.That((ceasefire.Secret, agreements[1].Secret), Is.EqualTo((true, false)), "secret where set, public by default");

        // Only the required keys: the kind's defaults.
        var commission = agreements[1];
        Assert.That(
            (commission.Name, commission.Label, commission.States, commission.Threshold, commission.Work, commission.NeedsTalks, commission.Severity, commission.Reversible, commission.From, commission.Historical.IsEmpty),
            Is.EqualTo(("river-commission", "river-commission", commission.States, AgreementKinds.Threshold(AgreementKind.Cbm), AgreementKinds.Work(AgreementKind.Cbm), true, 0.5, true, (DateOnly?)null, true)));
        Assert.That(commission.States, Is.EqualTo(new[] { "SO", "NA" }));
    }

    [Test]
    public void Every_field_scenario_uses_every_key_of_the_format()
    {
        // The example is the format's reference: a key the format gains must be shown in it, in
        // at least one of the places its mapping appears (a link's keys in a dyad's links serve
        // the links an event or an agreement creates too). The parameter catalog and the
        // mechanisms are listed in docs/SCENARIOS.md instead; the example sets a few of each.
        var document = YamlJson.Parse(RepositoryFiles.Read("scenarios/examples/every-field.yaml"), "every-field.yaml")!;
        var found = new Dictionary<ObjectShape, List<JsonObject>>();
        Collect(ScenarioSchema.Root, [document], found);
        var missing = found
            .SelectMany(pair => pair.Key.Fields.Where(f => !pair.Value.Any(map => map.ContainsKey(f.Name))).Select(f => $"{pair.Key.Description}: {f.Name}"))
            .ToList();

        Assert.That(found.Keys, Does.Contain(ScenarioSchema.Agreement).And.Contain(ScenarioSchema.Terms), "the walk reaches the agreements");
        Assert.That(missing, Is.Empty);
    }

    /// <summary>Gathers, for every mapping shape of the format, the mappings of the document found in its places.</summary>
    private static void Collect(Shape shape, List<JsonNode> nodes, Dictionary<ObjectShape, List<JsonObject>> found)
    {
        if (shape is ListShape list)
        {
            Collect(list.Item, [.. nodes.OfType<JsonArray>().SelectMany(a => a).OfType<JsonNode>()], found);
            return;
        }

        if (shape is not ObjectShape obj || obj == ScenarioSchema.Parameters || obj == ScenarioSchema.Mechanisms)
        {
            return;
        }

        var maps = nodes.OfType<JsonObject>().ToList();
        if (!found.TryGetValue(obj, out var known))
        {
            found[obj] = known = [];
        }

        known.AddRange(maps);
        foreach (var field in obj.Fields)
        {
            var values = maps.Select(m => m.TryGetPropertyValue(field.Name, out var value) ? value : null).OfType<JsonNode>().ToList();
            if (values.Count > 0)
            {
                Collect(field.Shape, values, found);
            }
        }
    }

    [Test]
    public void Every_field_topic_without_positions_is_spread_around_the_middle()
    {
        var topics = LoadShipped("scenarios/examples/every-field.yaml").Initiatives[0].Topics;
        Assert.That(topics[0].Positions, Is.EqualTo(new Dictionary<string, double> { ["NA"] = 0.1, ["SO"] = 0.9 }));
        Assert.That(topics[1].Core, Is.False);
        Assert.That(topics[1].Positions["NA"], Is.EqualTo(0.3).Within(1e-12));
        Assert.That(topics[1].Positions["SO"], Is.EqualTo(0.7).Within(1e-12));
    }

    [Test]
    public void Scenario_parameters_override_the_lens()
    {
        var parameters = LoadShipped("scenarios/examples/every-field.yaml").Parameters;
        Assert.That(parameters.Of("posture.fear", "SO"), Is.EqualTo(0.25));
        Assert.That(parameters.SourceOf("posture.fear[SO]"), Is.EqualTo("scenario"));
        Assert.That(parameters["posture.interdependence_restraint"], Is.EqualTo(0.5));
        Assert.That(parameters.SourceOf("posture.interdependence_restraint"), Is.EqualTo("lens functionalist"));
        Assert.That(parameters.SourceOf("posture.restraint"), Is.EqualTo("default"));
    }

    [Test]
    public void Scenario_value_wins_over_a_lens_that_sets_the_same_parameter()
    {
        // The realist lens sets posture.fear to 0.5; the scenario's 0.25 must win.
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            lens: realist
            parameters:
              posture: { fear: 0.25 }
            """;
        var parameters = LoadAssert.Valid(yaml).Parameters;
        Assert.That(parameters["posture.fear"], Is.EqualTo(0.25));
        Assert.That(parameters.SourceOf("posture.fear"), Is.EqualTo("scenario"));
        Assert.That(parameters.SourceOf("posture.cbm_restraint"), Is.EqualTo("lens realist"));
    }

    [Test]
    public void Variant_without_the_clash_has_no_clash_event()
    {
        var scenario = LoadShipped("scenarios/examples/every-field.yaml");
        Assert.That(scenario.Events.Select(e => e.Id), Does.Contain("border-clash"));
        var variant = scenario.ForVariant("no-clash");
        Assert.That(variant.Variant, Is.EqualTo("no-clash"));
        Assert.That(variant.Events.Select(e => e.Id), Is.EqualTo(new[] { "new-government", "channel-revealed", "talks-resume" }));
    }

    [Test]
    public void Variant_overlays_initiatives_events_parameters_mechanisms_and_lens()
    {
        var scenario = LoadShipped("scenarios/examples/every-field.yaml");
        var variant = scenario.ForVariant("second-dialogue");
        Assert.That(variant.Initiatives.Select(i => i.Id), Is.EqualTo(new[] { "river-dialogue", "quiet-channel", "youth-exchange" }));
        Assert.That(variant.Initiatives[2].MeetingInterval, Is.EqualTo(new Duration(12, StepUnit.Month)));
        Assert.That(variant.Events.Select(e => e.Id), Does.Contain("exchange-festival"));
        Assert.That(variant.Lens, Is.EqualTo("realist"));
        Assert.That(variant.Parameters["track2.alignment_scale"], Is.EqualTo(0.5));
        Assert.That(variant.Parameters.SourceOf("track2.alignment_scale"), Is.EqualTo("variant second-dialogue"));
        Assert.That(variant.Parameters.Of("posture.fear", "SO"), Is.EqualTo(0.25), "the scenario's value still wins over the variant's lens");
        Assert.That(variant.Mechanisms.IsOn("spillover"), Is.True);
        Assert.That(variant.Mechanisms.IsOn("turnover"), Is.False);

        Assert.That(scenario.ForVariant("no-track2").Initiatives, Is.Empty);
        Assert.That(scenario.ForVariant("no-commission").Agreements.Select(a => a.Id), Is.EqualTo(new[] { "border-ceasefire" }));
        Assert.That(scenario.ForVariant("no-track2").Agreements, Has.Length.EqualTo(2));
        Assert.That(scenario.VariantNames, Is.EqualTo(new[] { "base", "no-clash", "second-dialogue", "no-track2", "no-commission" }));
    }

    [Test]
    public void Name_defaults_to_the_file_name()
    {
        var result = ScenarioLoader.LoadText("calendar: { start: 2000-01, end: 2000-12 }\nstates: [{ id: AA }, { id: BB }]\n", "my scenarios/Teaching Set.yaml");
        Assert.That(result.Scenario!.Name, Is.EqualTo("teaching-set"));
        Assert.That(result.Scenario.Title, Is.EqualTo("teaching-set"));
    }
}
