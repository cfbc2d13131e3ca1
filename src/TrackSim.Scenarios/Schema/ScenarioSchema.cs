using System.Text.Json.Nodes;
using TrackSim.Core.Domain;
using TrackSim.Core.Metrics;
using TrackSim.Core.Parameters;

namespace TrackSim.Scenarios.Schema;

/// <summary>
/// The scenario format: every key, its shape, range, default and meaning. Parameters, lenses,
/// mechanisms, roles and metrics come from the catalogs of the core, so the format follows the
/// model without a second copy.
/// </summary>
public static class ScenarioSchema
{
    /// <summary>Most states in one scenario.</summary>
    public const int MaxStates = 20;

    /// <summary>Most steps in one run (a daily calendar of about 270 years).</summary>
    public const int MaxSteps = 100_000;

    /// <summary>Most citizens per state.</summary>
    public const int MaxCitizensPerState = 100_000_000;

    /// <summary>Most citizens over all states together.</summary>
    public const long MaxCitizens = 200_000_000;

    /// <summary>Most tie ends (citizens times mean degree) a social network can hold (the length of one .NET array).</summary>
    public const long MaxTieEnds = 2_000_000_000;

    /// <summary>Shape of a number in [0, 1].</summary>
    public static NumberShape Unit { get; } = new(0, 1);

    /// <summary>The calendar.</summary>
    public static ObjectShape Calendar { get; } = new("the calendar",
    [
        new("start", DateShape.Start, "First day of the run; a month alone means its first day.", Required: true),
        new("end", DateShape.End, "Last day of the run; a month alone means its last day.", Required: true),
        new("step", new EnumShape(["day", "week", "month"]), "Length of one step.", Default: "month"),
    ]);

    /// <summary>A government of a state, from a date.</summary>
    public static ObjectShape Government { get; } = new("a government period",
    [
        new("from", DateShape.Start, "The day it takes office; it governs from the step that holds this date until the next period begins (the first period may start after the run does: the state's parameters hold until then).", Required: true),
        new("leader", TextShape.Any, "The leader's name, for the event log.", Required: true),
        new("receptivity", Unit, "The government's receptivity to Track II input (transfer).", DefaultText: "the state's parameters.transfer.receptivity"),
        new("hawkishness", Unit, "Leadership hawkishness (audience pressure, readiness); an event's hawkishness effect overrides it until the next period begins.", DefaultText: "the state's parameters.posture.hawkishness"),
        new("public_sensitivity", Unit, "The government's sensitivity to public opinion (audience pressure).", DefaultText: "the state's parameters.posture.public_sensitivity"),
        new("contacts", new EnumShape(["allowed", "banned"]), "banned: a law bans contacts with the other side, so the state's nationals stay away from Track II meetings and its government receives no recommendation, text or working trust from Track II.", Default: "allowed"),
    ]);

    /// <summary>A state.</summary>
    public static ObjectShape State { get; } = new("a state",
    [
        new("id", TextShape.StateId, "Short upper-case code (IN, PK, US, CN).", Required: true),
        new("name", TextShape.Any, "Display name.", DefaultText: "the id"),
        new("posture", new NumberShape(0, 1000, unit: "posture"), "Relative initial hostile posture: the dyad's initial tension fixes the sum of the two states' postures, and this value sets each state's share of it.", Default: 0.2),
        new("governments", new ListShape(Government, 0, 1000), "Governments by period, in date order: each sets the state's receptivity, hawkishness, sensitivity to the public and contacts from its date (docs/MODEL.md, ST-GOVERNMENT).", DefaultText: "none (the state's parameters hold for the whole run)"),
    ], Moved(("fear", "posture.fear"), ("restraint", "posture.restraint"), ("grievance", "posture.grievance"), ("hawkishness", "posture.hawkishness"), ("public_sensitivity", "posture.public_sensitivity"), ("receptivity", "transfer.receptivity")));

    /// <summary>A non-state party.</summary>
    public static ObjectShape Party { get; } = new("a non-state party",
    [
        new("id", TextShape.StateId, "Short upper-case code (FARC, RENAMO), unique among states and parties.", Required: true),
        new("name", TextShape.Any, "Display name.", DefaultText: "the id"),
        new("kind", new EnumShape([.. Enum.GetValues<ActorKind>().Where(k => k != ActorKind.State).Select(Names.Snake)]), "armed_group or political_movement: a leadership that negotiates and fights, with no citizens of its own.", Default: "armed_group"),
        new("posture", new NumberShape(0, 1000, unit: "posture"), "Relative initial hostile posture, as for a state.", Default: 0.2),
        new("governments", new ListShape(Government, 0, 1000), "Leaderships by period, as a state's governments (receptivity, hawkishness, contacts).", DefaultText: "none (the party's parameters hold for the whole run)"),
    ]);

    /// <summary>A functional link.</summary>
    public static ObjectShape Link { get; } = new("a functional link",
    [
        new("id", TextShape.Id, "Unique id among all links, including those created by events.", Required: true),
        new("sector", new EnumShape([.. Enum.GetValues<Sector>().Select(Names.Snake)]), "Technical sector; spillover reaches neighbouring sectors.", Required: true),
        new("strength", Unit, "Initial strength.", Default: 0.3),
        new("threshold", Unit, "Tension above which the link is suspended (the Indus Waters Treaty: about 0.99).", Default: 0.7),
        new("active_from", DateShape.Start, "Date from which the link exists.", DefaultText: "the start of the run (or the event's date)"),
    ]);

    /// <summary>A dyad.</summary>
    public static ObjectShape Dyad { get; } = new("a dyad (pair of actors with relations)",
    [
        new("states", new ListShape(TextShape.StateId, 2, 2), "The two ids: states or non-state parties.", Required: true),
        new("tension", Unit, "Initial tension.", Default: 0.3),
        new("official_trust", Unit, "Initial official trust.", Default: 0.3),
        new("dialogue", new EnumShape(["open", "suspended"]), "Initial status of the official dialogue.", Default: "open"),
        new("cbm_stock", new NumberShape(0, 100, unit: "CBM"), "Initial stock of confidence-building measures.", Default: 0.0),
        new("functional_links", new ListShape(Link, 0, 1000), "Functional links between the two states.", DefaultText: "none"),
    ]);

    /// <summary>An initial trust distribution.</summary>
    public static ObjectShape Distribution { get; } = new("a trust distribution (Beta, by mean and SD)",
    [
        new("mean", new NumberShape(0.01, 0.99), "Mean trust in the other nation.", Default: TrustDistribution.Default.Mean),
        new("sd", new NumberShape(0.001, 0.49), "Standard deviation; must be below sqrt(mean (1 - mean)).", Default: TrustDistribution.Default.Sd),
    ]);

    /// <summary>The social network.</summary>
    public static ObjectShape Network { get; } = new("the social network",
    [
        new("kind", new EnumShape(["small_world", "random", "well_mixed"]), "small_world (Watts-Strogatz within each state), random (Erdős-Rényi), or well_mixed (partners drawn from the whole population).", Default: "small_world"),
        new("mean_degree", new NumberShape(0, 1000, wholeNumber: true, unit: "ties"), "Mean ties per citizen (rounded down to even for small worlds).", Default: 10.0),
        new("rewiring", Unit, "Watts-Strogatz rewiring probability.", Default: 0.1),
        new("cross_border_share", Unit, "Share of ties that cross the border.", Default: 0.02),
    ]);

    /// <summary>Generational turnover.</summary>
    public static ObjectShape Cohorts { get; } = new("generational turnover",
    [
        new("shared_language", Unit, "Share of a new cohort that speaks the language shared across the border.", Default: 0.3),
        new("cross_border_ties", Unit, "A new citizen's cross-border ties relative to the citizen replaced.", Default: 0.5),
    ], Moved(("turnover", "turnover.rate")));

    /// <summary>The citizen layer.</summary>
    public static ObjectShape Citizens { get; } = new("the citizen layer",
    [
        new("per_state", new NumberShape(10, MaxCitizensPerState, wholeNumber: true, unit: "citizens"), "Simulated citizens per state (a sample of the public).", Default: 2000.0),
        new("initial_trust", new MapShape(TextShape.TrustKey, Distribution), "Initial trust distribution by state id (its citizens' trust toward every actor it relates to) or by directed pair US>CN (Americans' trust in China), which takes precedence over the state's.", DefaultText: "mean 0.5, sd 0.15 for every state and pair"),
        new("network", Network, "The social network.", DefaultText: "see network"),
        new("shared_language", Unit, "Share of the initial population speaking a language shared across the border.", Default: 0.5),
        new("cohorts", Cohorts, "Generational turnover.", DefaultText: "see cohorts"),
    ], Moved(("confidence_bound", "influence.confidence_bound")));

    /// <summary>A topic of an initiative.</summary>
    public static ObjectShape Topic { get; } = new("a topic",
    [
        new("id", TextShape.Id, "Unique id within the initiative.", Required: true),
        new("name", TextShape.Any, "Display name.", DefaultText: "the id"),
        new("core", BoolShape.Instance, "Whether the topic is core to the conflict (participants are anchored to their government's position on it).", Default: false),
        new("positions", new MapShape(TextShape.StateId, Unit), "Each government's official position on the topic, by state id.", DefaultText: "spread evenly over a width of 0.8 (core) or 0.4 (peripheral) around 0.5, in state order"),
    ]);

    /// <summary>A third party.</summary>
    public static ObjectShape ThirdParty { get; } = new("a third party",
    [
        new("id", TextShape.ActorId, "Unique id among states and third parties (NO, CU, ASPEN).", Required: true),
        new("name", TextShape.Any, "Display name.", DefaultText: "the id"),
        new("kind", new EnumShape([.. Enum.GetValues<ThirdPartyKind>().Select(Names.Snake)]), "What it does: facilitator, mediator, funder, convener or guarantor; facilitators and mediators carry texts between the sides when they host (see docs/MODEL.md, T2-THIRD-HOST).", Required: true),
        new("trust", new MapShape(TextShape.ActorId, Unit), "How far each side's government and participants trust it at the start, by state id; events that name it move it (T2-THIRD-TRUST).", DefaultText: $"{ThirdPartySpec.DefaultTrust.ToString(System.Globalization.CultureInfo.InvariantCulture)} for every state"),
    ]);

    /// <summary>A participant group.</summary>
    public static ObjectShape Participants { get; } = new("a participant group",
    [
        new("state", TextShape.StateId, "Nationality of the participants; a group names either a state or a third party.", DefaultText: "none: the group is a third party's (third_party)"),
        new("third_party", TextShape.ActorId, "Id of the third party the participants belong to (a mediator of a facilitating foreign ministry): they take part on no side, have no government to be aligned with, carry texts and reach no public (see docs/MODEL.md, T2-THIRD-TRUST).", DefaultText: "none: the group is a state's (state)"),
        new("role", new EnumShape([.. Role.All.Select(r => r.Id)]), "Role, which sets the track and the typical alignment, access and reach.", Required: true),
        new("count", new NumberShape(1, 1000, wholeNumber: true, unit: "participants"), "Number of participants.", Default: 1.0),
        new("alignment", Unit, "Alignment with the own government on core topics (co-optation).", DefaultText: "the role's"),
        new("access", Unit, "Access to officials (transfer).", DefaultText: "the role's"),
        new("reach", Unit, "Public reach: share of the audience that hears them; outreach travels in the shared language (see docs/MODEL.md, T2-OUTREACH).", DefaultText: "the role's"),
        new("shared_language", BoolShape.Instance, "Whether they speak the language shared across the border (outreach reaches only citizens who share it).", Default: true),
        new("speaks_working_language", BoolShape.Instance, "Whether they speak the initiative's working language: those who do not gain less trust at its meetings and pull less on its texts (see docs/MODEL.md, T2-LANGUAGE).", Default: true),
        new("from", DateShape.Start, "First day the group takes part (meetings, outreach, working trust): groups can join an initiative that is already running.", DefaultText: "the initiative's start"),
        new("until", DateShape.End, "Last day the group takes part: groups can leave an initiative that goes on.", DefaultText: "the initiative's end"),
    ]);

    /// <summary>An initiative.</summary>
    public static ObjectShape Initiative { get; } = new("a Track II initiative",
    [
        new("id", TextShape.Id, "Unique id.", Required: true),
        new("name", TextShape.Any, "Display name.", DefaultText: "the id"),
        new("states", new ListShape(TextShape.StateId, 2, MaxStates), "States (and non-state parties) whose nationals or members take part.", DefaultText: "every state, and each non-state party whose members take part"),
        new("start", DateShape.Start, "First day it can meet.", Required: true),
        new("end", DateShape.End, "Last day it can meet.", DefaultText: "the end of the run"),
        new("meeting_interval", DurationShape.Instance, "Time between scheduled meetings.", Default: "6 months"),
        new("resilience", Unit, "Chance that a meeting is held despite high tension or a suspended dialogue (unbroken engagement).", Default: 0.3),
        new("secret", BoolShape.Instance, "Whether it is a secret back channel: its participants meet, build trust and carry agreed texts to their governments, but the publics hear nothing of it (no outreach, no media) until a meeting leaks or an event exposes it (effects.expose; see docs/MODEL.md, T2-SECRECY).", Default: false),
        new("working_language", TextShape.Language, "The language its meetings are held in; participant groups that do not speak it say so with speaks_working_language (see docs/MODEL.md, T2-LANGUAGE).", Default: "English"),
        new("sponsor", TextShape.Any, "Sponsor or venue, for the record.", DefaultText: "none"),
        new("topics", new ListShape(Topic, 1, 100), "Topics on the agenda.", DefaultText: "a core topic 'core' and a peripheral topic 'trade'"),
        new("participants", new ListShape(Participants, 1, 1000), "Participant groups.", Required: true),
        new("hosts", new ListShape(TextShape.ActorId, 0, 100), "Ids of the third parties that host, convene, facilitate or guarantee it: the sides' trust in them speeds or slows the trust its meetings build (see docs/MODEL.md, T2-THIRD-HOST).", DefaultText: "none"),
        new("funders", new ListShape(TextShape.ActorId, 0, 100), "Ids of the third parties that fund it: they raise its resilience and its meeting frequency (see docs/MODEL.md, T2-THIRD-FUNDING).", DefaultText: "none"),
    ]);

    /// <summary>An event's change of the alignment or access of an initiative's participants.</summary>
    public static ObjectShape ParticipantChange { get; } = new("a change of participants",
    [
        new("initiative", TextShape.Id, "Id of the initiative whose participants change, or 'all'.", Required: true),
        new("state", TextShape.StateId, "Only the groups of this state.", DefaultText: "every state"),
        new("role", new EnumShape([.. Role.All.Select(r => r.Id)]), "Only the groups of this role.", DefaultText: "every role"),
        new("alignment", Unit, "New alignment with the own government on core topics (co-optation).", DefaultText: "unchanged"),
        new("access", Unit, "New access to officials (transfer, working trust).", DefaultText: "unchanged"),
    ]);

    /// <summary>The explicit effects of an event.</summary>
    public static ObjectShape Effects { get; } = new("the effects of an event",
    [
        new("dialogue", new EnumShape(["suspend", "resume", "keep"]), "A scripted decision (the event needs decided: true): suspend or resume the official dialogue of every dyad among the actors, or keep it open whatever the event (talks went on).", DefaultText: "the governments decide (TI-TALKS)"),
        new("reach_agreements", new ListShape(TextShape.Id, 0, 1000), "A scripted decision (the event needs decided: true): ids of agreements the event reaches.", DefaultText: "none (the model decides when agreements are reached, TI-AGREE)"),
        new("cbm", new NumberShape(0, 10, unit: "CBM"), "Confidence-building measures added to the actors' dyads.", Default: 0.0),
        new("create_links", new ListShape(Link, 0, 100), "Functional links created between the first two actors.", DefaultText: "none"),
        new("suspend_links", new ListShape(TextShape.Id, 0, 1000), "Ids of functional links suspended.", DefaultText: "none"),
        new("resume_links", new ListShape(TextShape.Id, 0, 1000), "Ids of functional links resumed.", DefaultText: "none"),
        new("hawkishness", new MapShape(TextShape.StateId, Unit), "New leadership hawkishness by state id (a change of leadership); it holds until the state's next government period begins.", DefaultText: "no change"),
        new("contacts", new MapShape(TextShape.StateId, new EnumShape(["allowed", "banned"])), "Contacts with the other side allowed or banned by state id (a law, a coup); it holds until the state's next government period begins.", DefaultText: "no change"),
        new("participants", new ListShape(ParticipantChange, 0, 1000), "Changes of the alignment or access of initiatives' participants, in order.", DefaultText: "none"),
        new("upgrade_initiatives", new MapShape(TextShape.Id, Unit), "Initiatives upgraded to Track 1.5 (officials join), by id or 'all': every participant's access rises to at least the level given.", DefaultText: "none"),
        new("start_initiatives", new ListShape(TextShape.Id, 0, 1000), "Ids of initiatives (re)started, or 'all'.", DefaultText: "none"),
        new("stop_initiatives", new ListShape(TextShape.Id, 0, 1000), "Ids of initiatives stopped, or 'all'.", DefaultText: "none"),
        new("expose", new ListShape(TextShape.Id, 0, 1000), "Ids of secret initiatives or agreements the event exposes: they become public, with a backlash on the publics and governments of their states (see docs/MODEL.md, T2-SECRECY).", DefaultText: "none"),
    ]);

    /// <summary>An event.</summary>
    public static ObjectShape Event { get; } = new("an event",
    [
        new("id", TextShape.Id, "Unique id.", Required: true),
        new("name", TextShape.Any, "Display name.", DefaultText: "the id"),
        new("label", new TextShape(null, "a short chart label", 24), "Short label for chart markers (at most 24 characters).", DefaultText: "the name, if short enough, else the id"),
        new("date", DateShape.Start, "The day it happens or starts; a month alone means its first day.", Required: true),
        new("end", DateShape.End, "Last day of a multi-day event; a month alone means its last day.", DefaultText: "none (a dated event)"),
        new("kind", new EnumShape([.. Enum.GetValues<EventKind>().Select(Names.Snake)]), "Kind, which sets the valence: war, crisis, military_operation, terror_attack, incident and weapons_test are hostile; summit, agreement, cbm, functional and track2 are cooperative; the rest neutral.", Required: true),
        new("severity", Unit, "Severity (hostile kinds) or significance (cooperative kinds).", Default: 0.5),
        new("actors", new ListShape(TextShape.ActorId, 1, MaxStates), "States involved, the first the initiator where there is one; third parties may be named too (the event moves the sides' trust in them, T2-THIRD-TRUST).", Required: true),
        new("effects", Effects, "Explicit effects.", DefaultText: "none"),
        new("decided", BoolShape.Instance, "Whether the event scripts the governments' decisions in its effects (dialogue, reach_agreements) instead of leaving them to the model; the event log marks them as scripted.", Default: false),
        new("source", TextShape.Any, "Citation or link.", DefaultText: "none"),
    ]);

    /// <summary>What an agreement changes.</summary>
    public static ObjectShape Terms { get; } = new("the terms of an agreement",
    [
        new("incident_reduction", Unit, "Share of the dyad's incidents prevented while it is in force (a ceasefire), scaled by its strength.", Default: 0.0),
        new("restraint", new NumberShape(0, 5, unit: "1/year"), "Restraint added to both states' postures while it is in force, scaled by its strength.", Default: 0.0),
        new("cbm", new NumberShape(0, 10, unit: "CBM"), "Confidence-building measures added at the signing.", DefaultText: "the significance for a ceasefire or CBM, else 0"),
        new("create_links", new ListShape(Link, 0, 100), "Functional links created at the signing.", DefaultText: "none"),
    ]);

    /// <summary>An agreement on the table.</summary>
    public static ObjectShape Agreement { get; } = new("an agreement on the table",
    [
        new("id", TextShape.Id, "Unique id among agreements.", Required: true),
        new("name", TextShape.Any, "Display name.", DefaultText: "the id"),
        new("label", new TextShape(null, "a short chart label", 24), "Short label (at most 24 characters).", DefaultText: "the name, if short enough, else the id"),
        new("states", new ListShape(TextShape.StateId, 2, 2), "The two states that would sign it.", Required: true),
        new("kind", new EnumShape([.. Enum.GetValues<AgreementKind>().Select(Names.Snake)]), "ceasefire, cbm, declaration, framework or settlement; sets the defaults of threshold, work and needs_talks.", Required: true),
        new("topic", TextShape.Id, "Id of a topic of the initiatives: agreed Track II texts on it make the agreement more likely and earlier.", DefaultText: "none"),
        new("threshold", Unit, "Readiness both governments need before talks on it make progress.", DefaultText: ByKind(AgreementKinds.Threshold)),
        new("work", new NumberShape(0.01, 100, unit: "years"), "Years of negotiation it takes with both governments fully ready.", DefaultText: ByKind(AgreementKinds.Work)),
        new("needs_talks", BoolShape.Instance, "Whether negotiating it needs the official dialogue to be open.", DefaultText: "true, except for a ceasefire (military channels)"),
        new("severity", Unit, "Significance of the signing: its cooperative shock on official trust and the publics.", Default: 0.5),
        new("terms", Terms, "What it changes.", DefaultText: "only the signing's shock"),
        new("reversible", BoolShape.Instance, "Whether it can erode and collapse (a treaty that has held for decades is not).", Default: true),
        new("secret", BoolShape.Instance, "Whether it is negotiated in secret: spoilers cannot see its progress until its signing announces it or an event exposes it (effects.expose), which brings a backlash (see docs/MODEL.md, T2-SECRECY).", Default: false),
        new("from", DateShape.Start, "First day it is on the table.", DefaultText: "the start of the run"),
        new("historical", new ListShape(DateShape.Start, 0, 100), "The dates history reached it: targets for validation, never inputs.", DefaultText: "none (never reached)"),
        new("source", TextShape.Any, "Citation or link.", DefaultText: "none"),
        new("guarantors", new ListShape(TextShape.ActorId, 0, 100), "Ids of the third parties that guarantee it: while it is in force it erodes more slowly and withstands hostile events better, the more the parties trust them (see docs/MODEL.md, TI-GUARANTEE).", DefaultText: "none"),
    ]);

    /// <summary>Parameters an older version had, by group, with what replaced them.</summary>
    private static Dictionary<string, IReadOnlyDictionary<string, string>> RetiredParameters { get; } = new(StringComparer.Ordinal)
    {
        ["dialogue"] = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["suspend_severity"] = "governments now decide whether to break off talks after a hostile event by its severity against their readiness; set parameters.dialogue.tolerance instead (docs/MODEL.md, TI-TALKS)",
            ["resume_tension"] = "a suspended dialogue now resumes when both governments are ready; set parameters.dialogue.open_readiness instead (docs/MODEL.md, TI-TALKS)",
            ["resume_delay"] = "a suspended dialogue now resumes when both governments are ready; set parameters.dialogue.open_readiness and dialogue.min_suspension instead (docs/MODEL.md, TI-TALKS)",
            ["preparation_effect"] = "Track II now prepares resumption through the governments' optimism; set parameters.readiness.backchannel_weight instead (docs/MODEL.md, TI-READINESS)",
            ["preparation_per_meeting"] = "Track II now prepares resumption through the governments' optimism; set parameters.readiness.backchannel_weight instead (docs/MODEL.md, TI-READINESS)",
        },
    };

    /// <summary>The parameters, grouped by mechanism, from the core's catalog.</summary>
    public static ObjectShape Parameters { get; } = new("model parameters grouped by mechanism",
    [
        .. ParameterCatalog.Groups.Select(group => new Field(
            group,
            new ObjectShape(
                $"the {group} parameters",
                [
                    .. ParameterCatalog.InGroup(group).Select(ParameterField),
                ],
                retired: RetiredParameters.GetValueOrDefault(group)),
            $"Parameters of the {group} mechanism.",
            DefaultText: "see the group")),
    ]);

    /// <summary>Where keys that became parameters are set now, for the message an older file gets.</summary>
    /// <summary>A default that depends on the agreement's kind, as the core sets it: "by kind: ceasefire 0.2, cbm 0.2, ...".</summary>
    private static string ByKind(Func<AgreementKind, double> value) =>
        "by kind: " + string.Join(", ", Enum.GetValues<AgreementKind>().Select(k => $"{Names.Snake(k)} {value(k).ToString(System.Globalization.CultureInfo.InvariantCulture)}"));

    private static Dictionary<string, string> Moved(params (string Key, string Parameter)[] keys) =>
        keys.ToDictionary(k => k.Key, k => ParameterCatalog.Find(k.Parameter) is { } p
            ? $"parameters.{p.Group}.{p.Name}{(p.Scope == ParameterScope.State ? " (a number for all states, or a mapping from state ids to numbers)" : string.Empty)}"
            : throw new InvalidOperationException($"No parameter {k.Parameter}."), StringComparer.Ordinal);

    /// <summary>A parameter's key: a number, or for a parameter of a state also a mapping from state ids to numbers.</summary>
    private static Field ParameterField(ParameterDefinition p)
    {
        var number = new NumberShape(p.Min, p.Max, unit: p.Unit);
        return p.Scope == ParameterScope.State
            ? new Field(p.Name, new PerStateNumberShape(number), $"{p.Description} A parameter of a state: one number for all, or a mapping such as {{ IN: 0.4, PK: 0.2 }}.", Default: p.Default)
            : new Field(p.Name, number, p.Description, Default: p.Default);
    }

    /// <summary>The mechanisms that can be switched off.</summary>
    public static ObjectShape Mechanisms { get; } = new("mechanisms switched on (true) or off (false)",
    [
        .. Mechanism.All.Select(m => new Field(m.Name, BoolShape.Instance, $"{m.RuleId}: {m.Description}.", Default: true)),
    ]);

    /// <summary>The lens names.</summary>
    public static EnumShape LensShape { get; } = new([.. Lens.All.Select(l => l.Name)]);

    /// <summary>The first keys of the paths a variant's <c>set</c> may not start with: what every variant shares.</summary>
    public static IReadOnlyList<string> SharedByVariants { get; } = ["name", "title", "description", "calendar", "variants", "ensemble", "outputs"];

    /// <summary>A variant.</summary>
    public static ObjectShape Variant { get; } = new("a variant",
    [
        new("name", TextShape.Id, "Unique name; not 'base'.", Required: true),
        new("description", TextShape.Any, "What the variant asks.", DefaultText: "none"),
        new("set", new MapShape(TextShape.SetPath, ValueShape.Instance), $"Values set in the scenario by path before the variant's other changes, as --set sets them (citizens.per_state: 300, dyads[0].tension: 0.4, citizens.initial_trust.IN.mean: 0.2). Not an id, nor under {string.Join(", ", SharedByVariants)}, which every variant shares.", DefaultText: "none"),
        new("remove_events", new ListShape(TextShape.Id, 0, 10_000), "Ids of base events left out.", DefaultText: "none"),
        new("add_events", new ListShape(Event, 0, 10_000), "Events added.", DefaultText: "none"),
        new("remove_initiatives", new ListShape(TextShape.Id, 0, 1000), "Ids of base initiatives left out, or 'all'.", DefaultText: "none"),
        new("add_initiatives", new ListShape(Initiative, 0, 1000), "Initiatives added.", DefaultText: "none"),
        new("parameters", Parameters, "Parameter values set on top of the base scenario's.", DefaultText: "none"),
        new("mechanisms", Mechanisms, "Mechanisms switched on or off.", DefaultText: "as the base"),
        new("lens", LensShape, "Lens used instead of the base lens.", DefaultText: "the base lens"),
        new("remove_agreements", new ListShape(TextShape.Id, 0, 1000), "Ids of base agreements taken off the table.", DefaultText: "none"),
    ]);

    /// <summary>The ensemble.</summary>
    public static ObjectShape Ensemble { get; } = new("the ensemble",
    [
        new("replicates", new NumberShape(1, 100_000, wholeNumber: true, unit: "runs"), "Replicates per variant.", Default: 10.0),
        new("seed", new NumberShape(0, 9_007_199_254_740_991, wholeNumber: true), "Master seed (up to 2^53 - 1).", Default: 1.0),
    ]);

    /// <summary>The record of the distribution of citizens' trust.</summary>
    public static ObjectShape Distributions { get; } = new("the distributions of citizens' trust",
    [
        new("every", new NumberShape(0, 1_000_000, wholeNumber: true, unit: "steps"), "Steps between two records of each public's trust histogram and cluster count (step 0 and the last step are always recorded); 0 records none.", Default: (double)DistributionOutput.DefaultEvery),
        new("bins", new NumberShape(2, 1000, wholeNumber: true, unit: "bins"), "Equal bins of the histogram on [0,1].", Default: (double)DistributionOutput.DefaultBins),
    ]);

    /// <summary>The snapshots of the networks.</summary>
    public static ObjectShape Networks { get; } = new("the network snapshots",
    [
        new("at", new ListShape(DateShape.Start, 0, 100), "Dates of the snapshots of the Track II participant network and the cross-border citizen ties, each taken at the start of the step that holds the date; an empty list takes none.", DefaultText: "the end of the run"),
    ]);

    /// <summary>The outputs.</summary>
    public static ObjectShape Outputs { get; } = new("the outputs",
    [
        new("charts", new ListShape(new EnumShape([.. MetricCatalog.All.Select(m => m.Name)]), 0, 100), "Metrics to chart.", DefaultText: string.Join(", ", OutputSpec.DefaultCharts)),
        new("formats", new ListShape(new EnumShape(["png", "svg", "pdf"]), 0, 3), "Image formats.", DefaultText: "png, svg"),
        new("width", new NumberShape(1, 40, unit: "inches"), "Chart width.", Default: 3.5),
        new("height", new NumberShape(1, 40, unit: "inches"), "Chart height.", Default: 2.4),
        new("dpi", new NumberShape(50, 1200, wholeNumber: true, unit: "dots per inch"), "Raster resolution.", Default: 300.0),
        new("font", TextShape.Any, "Font family.", Default: "DejaVu Sans"),
        new("font_size", new NumberShape(4, 72, unit: "points"), "Base font size.", Default: 8.0),
        new("label_events", new ListShape(TextShape.Id, 0, 1000), "Ids of events labelled on charts.", DefaultText: "the most severe events"),
        new("y_range", new MapShape(TextShape.Id, new ListShape(new NumberShape(-1e12, 1e12), 2, 2)), "The y axis of a charted metric's charts as [low, high], such as { public_trust: [0.2, 0.6] }, instead of the metric's whole scale (0 to 1 for trust, tension and shares) or the range of its data; the difference charts keep their own.", DefaultText: "none"),
        new("distributions", Distributions, "Histograms of each public's trust over time: distributions.csv and the distribution charts.", DefaultText: "see outputs.distributions"),
        new("networks", Networks, "Snapshots of the networks: the files under networks/ and the network charts.", DefaultText: "see outputs.networks"),
    ]);

    /// <summary>The whole scenario.</summary>
    public static ObjectShape Root { get; } = new("a scenario",
    [
        new("name", TextShape.Id, "Short name, used for the default results folder.", DefaultText: "the file name without extension"),
        new("title", TextShape.Any, "Title for charts and descriptions.", DefaultText: "the name"),
        new("description", TextShape.Any, "What the scenario shows.", DefaultText: "none"),
        new("calendar", Calendar, "The calendar.", Required: true),
        new("states", new ListShape(State, 1, MaxStates), "The states: actors with a government and citizens.", Required: true),
        new("parties", new ListShape(Party, 0, MaxStates), "Non-state parties (armed groups, political movements): actors without citizens of their own; they have relations only where a dyad names them.", DefaultText: "none"),
        new("dyads", new ListShape(Dyad, 0, 190), "Relations of pairs of actors; pairs of states not listed get the defaults, a non-state party has relations only where a dyad names it.", DefaultText: "every pair of states with defaults"),
        new("citizens", Citizens, "The citizen layer.", DefaultText: "see citizens"),
        new("third_parties", new ListShape(ThirdParty, 0, 100), "Third parties: facilitators, mediators, funders, conveners and guarantors that are no side of the conflict.", DefaultText: "none"),
        new("initiatives", new ListShape(Initiative, 0, 1000), "Track II initiatives.", DefaultText: "none"),
        new("events", new ListShape(Event, 0, 10_000), "Dated events.", DefaultText: "none"),
        new("agreements", new ListShape(Agreement, 0, 1000), "Official agreements on the table; the model decides whether and when they are reached.", DefaultText: "none"),
        new("parameters", Parameters, "Model parameters grouped by mechanism; they override the lens.", DefaultText: "the defaults"),
        new("lens", LensShape, "Theory lens: a named bundle of parameter values.", DefaultText: "none (the plain defaults)"),
        new("mechanisms", Mechanisms, "Mechanisms switched on or off.", DefaultText: "all on"),
        new("variants", new ListShape(Variant, 0, 100), "What-if variants.", DefaultText: "none"),
        new("ensemble", Ensemble, "Replicates and seed.", DefaultText: "see ensemble"),
        new("outputs", Outputs, "Charts and their look.", DefaultText: "see outputs"),
    ]);

    /// <summary>The JSON Schema (draft 2020-12) of the format.</summary>
    public static JsonObject ToJsonSchema()
    {
        var schema = Root.ToJsonSchema();
        var result = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = "TrackSim scenario",
        };
        foreach (var (key, value) in schema.ToArray())
        {
            schema.Remove(key);
            result[key] = value;
        }

        return result;
    }
}
