using TrackSim.Core.Domain;
using TrackSim.Reporting.Report;

namespace TrackSim.Tests.Reporting.Report;

/// <summary>What a report says of the scenario file: variants' changes and events' scripted effects, in words.</summary>
[TestFixture]
public sealed class ReportScenarioTextTests
{
    [Test]
    public void A_variant_is_described_by_what_it_changes()
    {
        var scenario = ReportScenarioText.From(TinyScenario.Load());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(scenario.VariantChanges["no-crisis"], Is.EqualTo((string[])["without the event crisis"]));
            Assert.That(scenario.EventEffects["crisis"], Is.Empty, "the crisis scripts nothing beyond its kind and severity");
        }
    }

    [Test]
    public void An_events_scripted_effects_are_listed_in_words()
    {
        var effects = EventEffects.None with
        {
            Dialogue = DialogueStatus.Suspended,
            SuspendLinks = ["trade"],
            StopInitiatives = [EventEffects.AllInitiatives],
            Hawkishness = EventEffects.None.Hawkishness.Add("AA", 0.7),
        };

        Assert.That(ReportScenarioText.Effects(effects), Is.EqualTo((string[])
        [
            "suspends the official dialogue",
            "suspends the link trade",
            "leadership hawkishness of AA set to 0.7",
            "stops every initiative",
        ]));
    }
}
