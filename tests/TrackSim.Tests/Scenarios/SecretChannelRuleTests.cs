using NUnit.Framework;
using static TrackSim.Tests.Scenarios.LoadAssert;

// CA1861: expected lists read best inline, next to the YAML they come from; each test runs once.
#pragma warning disable CA1861

namespace TrackSim.Tests.Scenarios;

/// <summary>
/// Secret channels in the format: an initiative or an agreement can be <c>secret</c> (public by
/// default), and an event's <c>expose</c> must name a secret initiative (of the base or of a
/// variant) or a secret agreement, at its position otherwise.
/// </summary>
public sealed class SecretChannelRuleTests
{
    private const string Header = """
        calendar: { start: 2000-01, end: 2009-12 }
        states:
          - { id: AA }
          - { id: BB }
        initiatives:
          - id: open-forum
            start: 2001-01
            participants: [{ state: AA, role: academic }, { state: BB, role: academic }]
          - id: back-channel
            start: 2001-01
            secret: true
            participants: [{ state: AA, role: official }, { state: BB, role: official }]
        agreements:
          - { id: hotline, states: [AA, BB], kind: cbm }
          - { id: accord, states: [AA, BB], kind: declaration, secret: true }

        """;

    [Test]
    public void Initiatives_and_agreements_are_public_unless_marked_secret()
    {
        var scenario = Valid(Header);

        Assert.Multiple(() =>
        {
            Assert.That(scenario.Initiatives.Select(i => (i.Id, i.Secret)), Is.EqualTo(new[] { ("open-forum", false), ("back-channel", true) }));
            Assert.That(scenario.Agreements.Select(a => (a.Id, a.Secret)), Is.EqualTo(new[] { ("hotline", false), ("accord", true) }));
        });
    }

    [Test]
    public void Expose_maps_the_ids_it_names_in_order()
    {
        var scenario = Valid(Header + """
            events:
              - { id: leak, date: 2003-01, kind: other, actors: [AA, BB], effects: { expose: [accord, back-channel] } }
              - { id: summit, date: 2004-01, kind: summit, actors: [AA, BB] }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(scenario.Events[0].Effects.Exposures, Is.EqualTo(new[] { "accord", "back-channel" }));
            Assert.That(scenario.Events[1].Effects.Exposures, Is.Empty);
        });
    }

    [Test]
    public void Expose_of_an_unknown_id_is_refused_at_the_id_with_the_secret_ones()
    {
        const string yaml = Header + """
            events:
              - id: leak
                date: 2003-01
                kind: other
                actors: [AA, BB]
                effects:
                  expose: [back-channel, backchannel]
            """;

        Only(yaml, 22, 30, "events[0].effects.expose[1]", "no initiative or agreement 'backchannel'", "the secret ones are accord, back-channel");
    }

    [Test]
    public void Expose_of_a_public_initiative_or_agreement_is_refused_at_the_id()
    {
        const string yaml = Header + """
            events:
              - { id: leak, date: 2003-01, kind: other, actors: [AA, BB], effects: { expose: [open-forum] } }
              - { id: story, date: 2003-02, kind: other, actors: [AA, BB], effects: { expose: [hotline] } }
            """;
        var result = Load(yaml);

        Assert.That(result.Errors, Has.Length.EqualTo(2), () => Describe(result));
        HasError(result, 17, 83, "events[0].effects.expose[0]", "'open-forum' is not secret", "secret: true", "the secret ones are accord, back-channel");
        HasError(result, 18, 84, "events[1].effects.expose[0]", "'hotline' is not secret");
    }

    [Test]
    public void Expose_without_any_secret_channel_says_there_is_none()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states: [{ id: AA }, { id: BB }]
            events:
              - { id: leak, date: 2003-01, kind: other, actors: [AA, BB], effects: { expose: [talks] } }
            """;

        Only(yaml, 4, 83, "events[0].effects.expose[0]", "no initiative or agreement 'talks'", "no secret initiative or agreement");
    }

    [Test]
    public void Expose_may_name_a_secret_initiative_that_a_variant_adds()
    {
        // As for start_initiatives and stop_initiatives: a base event may concern an initiative
        // that only a variant has; in the runs without it, it exposes nothing.
        var scenario = Valid(Header + """
            events:
              - { id: leak, date: 2003-01, kind: other, actors: [AA, BB], effects: { expose: [envoys] } }
            variants:
              - name: envoys
                add_initiatives:
                  - id: envoys
                    start: 2001-01
                    secret: true
                    participants: [{ state: AA, role: official }, { state: BB, role: official }]
            """);

        Assert.That(scenario.ForVariant("envoys").Initiatives.Single(i => i.Id == "envoys").Secret, Is.True);
    }

    [Test]
    public void Secret_must_be_true_or_false()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states: [{ id: AA }, { id: BB }]
            initiatives:
              - id: talks
                start: 2001-01
                secret: sometimes
                participants: [{ state: AA, role: academic }, { state: BB, role: academic }]
            """;

        Only(yaml, 6, 13, "initiatives[0].secret", "sometimes");
    }
}
