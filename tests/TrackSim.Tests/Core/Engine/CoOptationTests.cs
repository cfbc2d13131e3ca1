using TrackSim.Core.Engine;

namespace TrackSim.Tests.Core.Engine;

/// <summary>Property 5 of the design: participants anchored to their governments agree on peripheral topics only.</summary>
public sealed class CoOptationTests
{
    private static double FinalAgreement(double alignment, bool core)
    {
        var scenario = EngineScenarios.Load($$"""
            calendar: { start: 2000-01, end: 2009-12 }
            states: [ { id: AA }, { id: BB } ]
            citizens: { per_state: 50 }
            initiatives:
              - id: talks
                start: 2000-01
                meeting_interval: 2 months
                resilience: 1
                topics: [ { id: topic, core: {{(core ? "true" : "false")}} } ]
                participants:
                  - { state: AA, role: academic, count: 4, alignment: {{alignment}} }
                  - { state: BB, role: academic, count: 4, alignment: {{alignment}} }
            """);
        return new Simulation(scenario, 0).Run().Get("track2_agreement", "talks").Values[^1];
    }

    [TestCase(0.0)]
    [TestCase(0.5)]
    [TestCase(0.9)]
    [TestCase(1.0)]
    public void Peripheral_topics_reach_agreement_whatever_the_alignment(double alignment) =>
        Assert.That(FinalAgreement(alignment, core: false), Is.EqualTo(1));

    [Test]
    public void Agreement_on_a_core_topic_vanishes_as_alignment_goes_to_one()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FinalAgreement(0.0, core: true), Is.EqualTo(1), "free participants converge after 60 meetings");
            Assert.That(FinalAgreement(0.5, core: true), Is.Zero);
            Assert.That(FinalAgreement(0.9, core: true), Is.Zero);
            Assert.That(FinalAgreement(1.0, core: true), Is.Zero);
        });
    }
}
