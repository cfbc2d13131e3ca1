using TrackSim.Core.Engine;
using TrackSim.Core.Model;
using TrackSim.Core.Recording;
using TrackSim.Core.Rules;

namespace TrackSim.Tests.Core.Rules;

/// <summary>
/// Third parties: T2-THIRD-TRUST (the sides' trust in them and the weight of their participants),
/// T2-THIRD-HOST (hosts), T2-THIRD-FUNDING (funders) and TI-GUARANTEE (guarantors), and how
/// participants of a third party take part in T2-MEET without a side.
/// </summary>
public sealed class ThirdPartyRulesTests
{
    // A few double operations per value: 1e-12 covers rounding.
    private const double Rounding = 1e-12;

    private static readonly T2ThirdHostRule Host = new();
    private static readonly T2ThirdFundingRule Funding = new();
    private static readonly T2ThirdTrustRule Reputation = new();
    private static readonly TiGuaranteeRule Guarantee = new();
    private static readonly TiAgreeRule Agree = new();
    private static readonly EventRule Events = new();
    private static readonly T2CooptRule Coopt = new();
    private static readonly T2MeetRule Meeting = new();

    /// <summary>
    /// Two states and a forum on one peripheral topic (visas, 0.4 and 0.6) that meets every six
    /// months from 2000-01; third party NO of the given kind and trust, and CU, a guarantor that
    /// AA trusts 0.3 and BB 0.9.
    /// </summary>
    private static World Forum(string kind = "facilitator", double aa = 0.8, double bb = 0.6, string hosts = "NO", int perSide = 1, string extra = "", string more = "", string resilience = "1")
    {
        return RuleWorlds.Create($$"""
            calendar: { start: 2000-01, end: 2009-12 }
            states: [ { id: AA }, { id: BB } ]
            third_parties:
              - { id: NO, kind: {{kind}}, trust: { AA: {{aa}}, BB: {{bb}} } }
              - { id: CU, kind: guarantor, trust: { AA: 0.3, BB: 0.9 } }
            initiatives:
              - id: forum
                start: 2000-01
                resilience: {{resilience}}
                hosts: [{{hosts}}]
                topics: [ { id: visas, positions: { AA: 0.4, BB: 0.6 } } ]
                participants:
                  - { state: AA, role: academic, count: {{perSide}} }
                  - { state: BB, role: academic, count: {{perSide}} }
            {{extra}}
            mechanisms: { transfer: false{{more}} }
            """);
    }

    private static void HostAndMeet(World world)
    {
        var forum = world.Initiatives[0];
        Host.Apply(world, forum);
        RuleWorlds.Meet(world, forum);
    }

    [Test]
    public void A_host_both_sides_trust_speeds_the_trust_a_meeting_builds_and_a_facilitator_speeds_convergence()
    {
        var world = Forum();
        var forum = world.Initiatives[0];

        HostAndMeet(world);

        // h = min(0.8, 0.6) = 0.6: contact gain 0.15·(1 + 0.5·(2·0.6 − 1)) = 0.165, trust 0.2 + 0.165·0.8 = 0.332;
        // convergence 0.3·(1 + 0.5·0.6) = 0.39: one participant a side, 0.4 + 0.39·0.2 = 0.478 (0.46 without a host).
        using (Assert.EnterMultipleScope())
        {
            Assert.That(forum.ContactFactor, Is.EqualTo(1.1).Within(Rounding));
            Assert.That(forum.TextFactor, Is.EqualTo(1.3).Within(Rounding));
            Assert.That(forum.Trust[0, 1], Is.EqualTo(0.332).Within(Rounding));
            Assert.That(forum.Participants.Select(p => p.Positions[0]), Is.EqualTo((double[])[0.478, 0.522]).Within(Rounding));
        }
    }

    [Test]
    public void A_host_one_side_distrusts_slows_the_trust_a_meeting_builds()
    {
        var world = Forum(kind: "convener", aa: 0.2, bb: 0.9);
        var forum = world.Initiatives[0];

        HostAndMeet(world);

        // h = 0.2: contact gain 0.15·(1 + 0.5·(−0.6)) = 0.105, trust 0.2 + 0.105·0.8 = 0.284 (0.32 without a host);
        // a convener carries no texts: convergence stays 0.3 (0.46).
        using (Assert.EnterMultipleScope())
        {
            Assert.That(forum.Trust[0, 1], Is.EqualTo(0.284).Within(Rounding));
            Assert.That(forum.TextFactor, Is.EqualTo(1));
            Assert.That(forum.Participants[0].Positions[0], Is.EqualTo(0.46).Within(Rounding));
        }
    }

    [Test]
    public void Co_hosts_each_trusted_by_one_side_reassure_both_and_only_facilitators_carry_texts()
    {
        // NO trusted 0.9 by AA and 0.3 by BB, CU (a guarantor) the other way round:
        // h = min(max(0.9, 0.3), max(0.3, 0.9)) = 0.9; over the hosts that carry texts (NO) h_t = 0.3.
        var world = Forum(aa: 0.9, bb: 0.3, hosts: "NO, CU");
        var forum = world.Initiatives[0];

        Host.Apply(world, forum);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(forum.ContactFactor, Is.EqualTo(1.4).Within(Rounding));
            Assert.That(forum.TextFactor, Is.EqualTo(1.15).Within(Rounding));
        }
    }

    [TestCase("hosts: []")]
    [TestCase("off")]
    public void Without_hosts_or_with_the_mechanism_off_meetings_are_as_before(string variant)
    {
        var world = variant == "off" ? Forum(more: ", third_party_hosts: false") : Forum(hosts: string.Empty);
        var forum = world.Initiatives[0];

        HostAndMeet(world);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((forum.ContactFactor, forum.TextFactor), Is.EqualTo((1.0, 1.0)));
            Assert.That(forum.Trust[0, 1], Is.EqualTo(0.32).Within(Rounding));
            Assert.That(forum.Participants[0].Positions[0], Is.EqualTo(0.46).Within(Rounding));
        }
    }

    [Test]
    public void A_mediator_of_a_third_party_sits_between_the_sides_on_no_side()
    {
        var world = Forum(aa: 0.5, bb: 0.5, hosts: string.Empty, perSide: 2, extra: "      - { third_party: NO, role: mediator }");
        var forum = world.Initiatives[0];
        var mediator = forum.Participants[4];

        using (Assert.EnterMultipleScope())
        {
            Assert.That((mediator.OfThirdParty, mediator.State), Is.EqualTo((true, -1)));
            Assert.That(mediator.Positions[0], Is.EqualTo(0.5).Within(Rounding), "the middle of the governments' 0.4 and 0.6");
            Assert.That(forum.Sides, Is.EqualTo(2));
            Assert.That(forum.CrossSide[4], Is.Empty, "no one is its cross side");
            Assert.That(forum.CrossSide[0], Is.EqualTo((int[])[2, 3]));
            Assert.That(forum.Trust[0, 4], Is.EqualTo(0.5), "a side weighs it at the side's trust in NO");
            Assert.That(forum.Trust[4, 0], Is.EqualTo(1), "it weighs everyone alike");
            Assert.That(T2MeetRule.MarkPresent(world, forum, world.Calendar.Start), Is.EqualTo(2), "it is present but no side");
            Assert.That(forum.Present[4], Is.True);
        }
    }

    [Test]
    public void A_mediator_pulls_the_sides_together_and_leaves_cross_side_trust_alone()
    {
        string mediator = "      - { third_party: NO, role: mediator }";
        var with = Forum(aa: 0.5, bb: 0.5, hosts: string.Empty, perSide: 2, extra: mediator);
        var without = Forum(aa: 0.5, bb: 0.5, hosts: string.Empty, perSide: 2);

        RuleWorlds.Meet(with, with.Initiatives[0]);
        RuleWorlds.Meet(without, without.Initiatives[0]);

        // Participant 0 at 0.4: its own side (gap 0, weight 1), the other side (gap 0.2, weight
        // 0.32 each) and, with a mediator, the mediator (gap 0.1, weight 0.5):
        // 0.4 + 0.3·0.128/1.64 without, 0.4 + 0.3·(0.128 + 0.05)/2.14 with. The mediator stays at 0.5.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(without.Initiatives[0].Participants[0].Positions[0], Is.EqualTo(0.4 + (0.3 * 0.128 / 1.64)).Within(Rounding));
            Assert.That(with.Initiatives[0].Participants[0].Positions[0], Is.EqualTo(0.4 + (0.3 * 0.178 / 2.14)).Within(Rounding));
            Assert.That(with.Initiatives[0].Participants[4].Positions[0], Is.EqualTo(0.5).Within(Rounding));
            Assert.That(with.Initiatives[0].CrossSideTrust(with.Date), Is.EqualTo(without.Initiatives[0].CrossSideTrust(without.Date)).Within(Rounding));
            Assert.That(with.Initiatives[0].Participants[4].Stubbornness, Is.Zero, "no government to anchor it");
        }
    }

    [Test]
    public void A_mediator_does_not_make_a_second_side_when_one_side_bans_contacts()
    {
        var world = Forum(hosts: string.Empty, extra: "      - { third_party: NO, role: mediator }");
        world.States[0].ContactsBanned = true;
        RuleWorlds.GoTo(world, 0);

        Meeting.Apply(world, world.Initiatives[0]);

        Assert.That(world.Initiatives[0].MeetingsHeld, Is.Zero);
    }

    [Test]
    public void A_mediators_access_does_not_count_in_the_adoption_of_a_recommendation()
    {
        // b·Ā·R̄ with b = 0.5, Ā the academics' 0.3 (the mediator's 0.9 left out), R̄ 0.5, no tension, no hostile public.
        var world = Forum(hosts: string.Empty, extra: "      - { third_party: NO, role: mediator, access: 0.9 }");
        T2MeetRule.MarkPresent(world, world.Initiatives[0], world.Calendar.Start);
        world.Dyads[0].Tension = 0;
        foreach (var state in world.States)
        {
            state.HostileShare = 0;
        }

        Assert.That(T2TransferRule.AdoptionChance(world, world.Initiatives[0]), Is.EqualTo(0.5 * 0.3 * 0.5).Within(Rounding));
    }

    [Test]
    public void A_mediator_carries_no_working_trust_to_a_government()
    {
        // Working trust (TI-READINESS) is each side's participants' access times their trust in the
        // other side; a mediator of full access is on no side and adds nothing to either government's optimism.
        var with = Forum(hosts: string.Empty, extra: "      - { third_party: NO, role: mediator, access: 1 }");
        var without = Forum(hosts: string.Empty);
        var readiness = new TiReadinessRule();
        foreach (var world in new[] { with, without })
        {
            RuleWorlds.GoTo(world, 0);
            RuleWorlds.Meet(world, world.Initiatives[0]);
            readiness.Apply(world);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(without.Dyads[0].Optimism[0], Is.GreaterThan(0), "the academics' working trust counts");
            Assert.That(with.Dyads[0].Optimism, Is.EqualTo(without.Dyads[0].Optimism).Within(Rounding));
        }
    }

    [Test]
    public void A_change_of_one_states_participants_leaves_the_mediator_alone()
    {
        var world = Forum(hosts: string.Empty, extra: """
                  - { third_party: NO, role: mediator }
            events:
              - { id: e, date: 2000-01, kind: other, actors: [AA], effects: { participants: [ { initiative: forum, state: AA, access: 0.9 } ] } }
            """);
        RuleWorlds.GoTo(world, 0);

        Events.Apply(world);

        Assert.That(world.Initiatives[0].Participants.Select(p => p.Access), Is.EqualTo((double[])[0.9, 0.3, 0.3]), "the academics' 0.3 and the mediator's 0.3");
    }

    [Test]
    public void Events_naming_a_third_party_move_the_trust_of_the_sides_they_name()
    {
        var world = Forum(hosts: string.Empty, extra: """
                  - { third_party: NO, role: mediator }
            events:
              - { id: praise, date: 2000-01, kind: summit, severity: 0.5, actors: [AA, NO] }
              - { id: scandal, date: 2000-02, kind: incident, severity: 0.5, actors: [NO] }
            """);
        var norway = world.ThirdParties[0];
        double officialTrust = world.Dyads[0].OfficialTrust;
        double posture = world.Posture[1, 0];

        RuleWorlds.GoTo(world, 0);
        Events.Apply(world);
        Reputation.Apply(world);
        double[] afterPraise = [.. norway.Trust];
        double weight = world.Initiatives[0].Trust[0, 2];
        RuleWorlds.GoTo(world, 1);
        Events.Apply(world);
        Reputation.Apply(world);

        // praise: AA only, 0.8 + 0.1·0.5·0.2 = 0.81; scandal: every state, 0.81·(1 − 0.3·0.5) and 0.6·0.85.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterPraise, Is.EqualTo((double[])[0.81, 0.6]).Within(Rounding));
            Assert.That(weight, Is.EqualTo(0.81).Within(Rounding), "AA's participant weighs NO's mediator at AA's new trust");
            Assert.That(norway.Trust, Is.EqualTo((double[])[0.81 * 0.85, 0.51]).Within(Rounding));
            Assert.That(world.Dyads[0].OfficialTrust, Is.EqualTo(officialTrust), "an event with one state and a third party touches no relation between states");
            Assert.That(world.Posture[1, 0], Is.EqualTo(posture), "no mobilisation against AA by the scandal");
        }
    }

    [Test]
    public void With_reputation_off_events_leave_the_trust_in_third_parties()
    {
        var world = Forum(hosts: string.Empty, more: ", third_party_reputation: false", extra: """
            events:
              - { id: scandal, date: 2000-01, kind: incident, severity: 0.5, actors: [NO] }
            """);
        RuleWorlds.GoTo(world, 0);

        Events.Apply(world);
        Reputation.Apply(world);

        Assert.That(world.ThirdParties[0].Trust, Is.EqualTo((double[])[0.8, 0.6]));
    }

    [Test]
    public void Third_party_trust_is_recorded_for_each_third_party_and_side()
    {
        var scenario = RuleWorlds.Load("""
            calendar: { start: 2000-01, end: 2000-12 }
            states: [ { id: AA }, { id: BB } ]
            citizens: { per_state: 10, network: { mean_degree: 2 } }
            third_parties: [ { id: NO, kind: facilitator, trust: { AA: 0.8, BB: 0.6 } } ]
            events: [ { id: scandal, date: 2000-03, kind: incident, severity: 0.5, actors: [NO] } ]
            """);

        var run = new Simulation(scenario, 0, 1, citizenThreads: 1).Run();

        // The scandal is in step 2 (March), recorded at point 3: 0.8·0.85 and 0.6·0.85, mean 0.595.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Series.Select(s => s.Key.Subject).Where(s => s.Contains("NO", StringComparison.Ordinal)), Is.EqualTo((string[])["NO", "AA>NO", "BB>NO"]));
            Assert.That(run.Get("third_party_trust", "NO").Values[2..4], Is.EqualTo((double[])[0.7, 0.595]).Within(Rounding));
            Assert.That(run.Get("third_party_trust", "AA>NO").Values[^1], Is.EqualTo(0.68).Within(Rounding));
            Assert.That(run.Get("third_party_trust", "BB>NO").Values[^1], Is.EqualTo(0.51).Within(Rounding));
        }
    }

    [TestCase("NO", false, 0.3 + (0.7 * 0.3))]
    [TestCase("NO, CU", false, 0.3 + (0.7 * (1 - (0.7 * 0.7))))]
    [TestCase("NO", true, 0.3)]
    [TestCase("", false, 0.3)]
    public void Funders_raise_the_resilience(string funders, bool off, double resilience)
    {
        // 1 − (1 − r)(1 − φ)^n with r = 0.3, φ = 0.3: 0.51 with one funder, 0.657 with two.
        var world = Forum(hosts: string.Empty, resilience: "0.3", more: off ? ", third_party_funding: false" : string.Empty, extra: string.Empty);
        var scenario = world.Scenario with { Initiatives = [world.Scenario.Initiatives[0] with { Funders = [.. funders.Split(", ", StringSplitOptions.RemoveEmptyEntries)] }] };
        world = Simulation.CreateWorld(scenario, 0, new TrackSim.Core.Randomness.StreamFactory(1));
        world.Dyads[0].Tension = 1;

        // At tension 1 with the dialogue suspended the chance is r' + (1 − r')·e^−3·0.4.
        world.Dyads[0].DialogueOpen = false;
        double r = world.Initiatives[0].Resilience;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(r, Is.EqualTo(resilience).Within(Rounding));
            Assert.That(T2MeetRule.MeetingChance(world, world.Initiatives[0]), Is.EqualTo(r + ((1 - r) * Math.Exp(-3) * 0.4)).Within(Rounding));
        }
    }

    [TestCase(true, 6)]
    [TestCase(false, 4)]
    public void Funders_bring_meetings_forward(bool funded, int meetings)
    {
        // Every six months from 2000-01 over two years: 2000-01, 2000-07, 2001-01, 2001-07 unfunded.
        // One funder at f = 0.5: each gap divided by 1.5, rounded up to whole days: 2000-01-01 + ⌈182/1.5⌉,
        // 05-02 + ⌈184/1.5⌉, 09-02 + ⌈181/1.5⌉, 2001-01-01 + ⌈181/1.5⌉, 05-02 + ⌈184/1.5⌉.
        var world = RuleWorlds.Create($$"""
            calendar: { start: 2000-01, end: 2001-12 }
            states: [ { id: AA }, { id: BB } ]
            third_parties: [ { id: WF, kind: funder } ]
            initiatives:
              - id: forum
                start: 2000-01
                resilience: 1
                funders: [{{(funded ? "WF" : string.Empty)}}]
                participants: [ { state: AA, role: academic }, { state: BB, role: academic } ]
            mechanisms: { transfer: false }
            """);
        var forum = world.Initiatives[0];
        var held = new List<DateOnly>();
        for (int k = 0; k < world.Calendar.StepCount; k++)
        {
            RuleWorlds.GoTo(world, k);
            Coopt.Apply(world, forum);
            Meeting.Apply(world, forum);
            Funding.Apply(world, forum);
            if (forum.MetThisStep)
            {
                held.Add(forum.DueThisStep!.Value);
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(forum.MeetingsHeld, Is.EqualTo(meetings));
            if (funded)
            {
                Assert.That(held, Is.EqualTo((DateOnly[])[new(2000, 1, 1), new(2000, 5, 2), new(2000, 9, 2), new(2001, 1, 1), new(2001, 5, 2), new(2001, 9, 2)]));
            }
        }
    }

    [TestCase(false, 0.3)]
    [TestCase(true, 0)]
    public void Guarantors_absorb_a_share_of_an_agreements_erosion_and_shocks(bool off, double guarantee)
    {
        // G = min(0.8, 0.6) = 0.6, guarantee 0.5·0.6 = 0.3. Tension 0.5, no readiness: the erosion of a
        // month is Δt·0.5·0.5; a hostile event of severity 0.8 takes 0.5·0.8; both times 1 − 0.3.
        var world = Forum(hosts: string.Empty, more: off ? ", guarantees: false" : string.Empty, extra: """
            agreements:
              - { id: pact, states: [AA, BB], kind: framework, guarantors: [NO] }
            """);
        var pact = world.Agreements[0];
        pact.Sign();
        world.Dyads[0].Tension = 0.5;
        world.Dyads[0].HostileAgainst[1] = 0.8;
        world.Dyads[0].Readiness[0] = 0;
        world.Dyads[0].Readiness[1] = 0;
        RuleWorlds.GoTo(world, 0);

        Guarantee.Apply(world);
        Agree.Apply(world);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pact.Guarantee, Is.EqualTo(guarantee).Within(Rounding));
            Assert.That(pact.Strength, Is.EqualTo(1 - (((world.Dt * 0.25) + 0.4) * (1 - guarantee))).Within(Rounding));
        }
    }

    [Test]
    public void Co_guarantors_each_trusted_by_one_side_guarantee_more_than_either_alone()
    {
        var world = Forum(aa: 0.9, bb: 0.3, hosts: string.Empty, extra: """
            agreements:
              - { id: both, states: [AA, BB], kind: framework, guarantors: [NO, CU] }
              - { id: one, states: [AA, BB], kind: framework, guarantors: [NO] }
            """);

        Guarantee.Apply(world);

        // min(max(0.9, 0.3), max(0.3, 0.9)) = 0.9 for both, min(0.9, 0.3) = 0.3 for NO alone.
        Assert.That(world.Agreements.Select(a => a.Guarantee), Is.EqualTo((double[])[0.45, 0.15]).Within(Rounding));
    }

    /// <summary>A five-year run of one initiative, hosted by NO with the given trust (or by no one).</summary>
    private static RunResult Hosted(double? trust) => new Simulation(
        RuleWorlds.Load($$"""
            calendar: { start: 2000-01, end: 2004-12 }
            states: [ { id: AA }, { id: BB } ]
            citizens: { per_state: 50, network: { mean_degree: 4 } }
            third_parties: [ { id: NO, kind: convener, trust: { AA: {{trust ?? 0.5}}, BB: {{trust ?? 0.5}} } } ]
            initiatives:
              - id: talks
                start: 2000-01
                meeting_interval: 3 months
                hosts: [{{(trust is null ? string.Empty : "NO")}}]
                participants: [ { state: AA, role: academic, count: 3 }, { state: BB, role: academic, count: 3 } ]
            """),
        0,
        5,
        citizenThreads: 1).Run();

    [Test]
    public void A_trusted_host_ends_a_run_with_more_trust_among_participants_and_a_distrusted_one_with_less()
    {
        // A convener changes no meeting chance, so the three runs hold the same meetings; only the
        // trust each meeting builds differs.
        double none = Hosted(null).Get("track2_trust", "talks").Values[^1];
        double trusted = Hosted(0.9).Get("track2_trust", "talks").Values[^1];
        double distrusted = Hosted(0.1).Get("track2_trust", "talks").Values[^1];
        double meetings = Hosted(null).Get("meetings_held", "talks").Values[^1];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(meetings, Is.GreaterThan(5), "enough meetings to tell the runs apart");
            Assert.That(trusted, Is.GreaterThan(none + 0.02));
            Assert.That(distrusted, Is.LessThan(none - 0.02));
        }
    }
}
