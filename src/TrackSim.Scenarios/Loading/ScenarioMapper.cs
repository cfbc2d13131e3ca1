using System.Collections.Immutable;
using TrackSim.Core.Domain;
using TrackSim.Core.Parameters;
using TrackSim.Scenarios.Schema;
using TrackSim.Scenarios.Yaml;

namespace TrackSim.Scenarios.Loading;

/// <summary>
/// Turns a structurally checked scenario tree into the immutable <see cref="Scenario"/>, filling
/// defaults and checking what the structure cannot: references between parts, unique ids,
/// dates inside the calendar, and sizes. Problems go to the context; mapping never throws.
/// </summary>
internal sealed class ScenarioMapper
{
    private readonly ValidationContext _context;
    private readonly string _defaultName;
    private readonly Dictionary<string, string> _states = new(StringComparer.Ordinal);
    private readonly List<string> _stateOrder = [];
    private readonly List<string> _publicOrder = [];
    private readonly HashSet<string> _related = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _thirdParties = new(StringComparer.Ordinal);
    private readonly HashSet<string> _linkIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _eventIds = new(StringComparer.Ordinal);
    private readonly List<(string Id, Position At, string Path)> _linkReferences = [];
    private readonly List<(string Id, Position At, string Path)> _initiativeReferences = [];
    private readonly List<(string Id, Position At, string Path)> _agreementReferences = [];
    private readonly List<(string Id, Position At, string Path)> _topicReferences = [];
    private readonly List<(string Id, Position At, string Path)> _exposeReferences = [];
    private readonly List<(string Initiative, string State, Position At, string Path)> _participantStateReferences = [];
    private Calendar? _calendar;

    private ScenarioMapper(ValidationContext context, string defaultName)
    {
        _context = context;
        _defaultName = defaultName;
    }

    /// <summary>Maps the tree; returns null when any problem was found (all are in the context).</summary>
    public static Scenario? Map(YamlMapping root, ValidationContext context, string defaultName) =>
        new ScenarioMapper(context, defaultName).MapRoot(new NodeView(root, ScenarioSchema.Root, string.Empty, root.Position));

    private Scenario? MapRoot(NodeView root)
    {
        _calendar = MapCalendar(root.Object("calendar"));
        var states = MapStates(root);
        var thirdParties = MapThirdParties(root.Objects("third_parties"));
        var dyads = MapDyads(root);
        var citizens = MapCitizens(root.Object("citizens"));
        var initiatives = MapInitiatives(root.Objects("initiatives"));
        var events = MapEvents(root.Objects("events"));
        var agreements = MapAgreements(root.Objects("agreements"));
        var baseEventIds = _eventIds.ToHashSet(StringComparer.Ordinal);
        var baseInitiativeIds = initiatives.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        string? lens = root.Word("lens");
        var parameters = MapParameters(root.Object("parameters"));
        var mechanisms = MapMechanisms(root.Object("mechanisms"));
        var variants = MapVariants(root, baseEventIds, baseInitiativeIds, agreements.Select(a => a.Id).ToHashSet(StringComparer.Ordinal));
        var ensemble = MapEnsemble(root.Object("ensemble"));
        var outputs = MapOutputs(root.Object("outputs"), _eventIds);

        var allInitiatives = baseInitiativeIds.Concat(variants.SelectMany(v => v.AddInitiatives).Select(i => i.Id)).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, at, path) in _initiativeReferences)
        {
            if (id != EventEffects.AllInitiatives && !allInitiatives.Contains(id))
            {
                Error(at, path, $"no initiative '{id}'{Known(allInitiatives)}; use 'all' for every initiative");
            }
        }

        var statesOf = initiatives.Concat(variants.SelectMany(v => v.AddInitiatives)).ToLookup(i => i.Id, i => i.States, StringComparer.Ordinal);
        foreach (var (initiative, state, at, path) in _participantStateReferences)
        {
            foreach (var members in statesOf[initiative])
            {
                if (_states.ContainsKey(state) && !members.Contains(state))
                {
                    Error(at, path, $"'{state}' is not one of the states of initiative '{initiative}' ({string.Join(", ", members)})");
                }
            }
        }

        var agreementIds = agreements.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, at, path) in _agreementReferences)
        {
            if (!agreementIds.Contains(id))
            {
                Error(at, path, $"no agreement '{id}'{Known(agreementIds)}");
            }
        }

        CheckExposures(initiatives.Concat(variants.SelectMany(v => v.AddInitiatives)), agreements);

        var topics = initiatives.Concat(variants.SelectMany(v => v.AddInitiatives)).SelectMany(i => i.Topics).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, at, path) in _topicReferences)
        {
            if (!topics.Contains(id))
            {
                Error(at, path, $"no initiative has a topic '{id}'{Known(topics)}");
            }
        }

        foreach (var (id, at, path) in _linkReferences)
        {
            if (!_linkIds.Contains(id))
            {
                Error(at, path, $"no functional link '{id}'{Known(_linkIds)}");
            }
        }

        if (_context.Errors.Count > 0 || _calendar is null)
        {
            return null;
        }

        return new Scenario
        {
            Name = root.Text("name") ?? _defaultName,
            Title = root.Text("title") ?? root.Text("name") ?? _defaultName,
            Description = root.Text("description"),
            Calendar = _calendar,
            States = states,
            Dyads = dyads,
            ThirdParties = thirdParties,
            Citizens = citizens,
            Initiatives = initiatives,
            Events = events,
            Agreements = agreements,
            Lens = lens,
            ScenarioParameters = parameters,
            Parameters = Scenario.ResolveParameters(lens, parameters),
            Mechanisms = mechanisms,
            Variants = variants,
            Ensemble = ensemble,
            Outputs = outputs,
        };
    }

    private Calendar? MapCalendar(NodeView view)
    {
        if (view.Date("start") is not { } start || view.Date("end") is not { } end)
        {
            return null;
        }

        if (end < start)
        {
            Error(view.PositionOf("end"), view.PathOf("end"), $"the end {end:yyyy-MM-dd} is before the start {start:yyyy-MM-dd}");
            return null;
        }

        var unit = Names.Parse<StepUnit>(view.Word("step")!);
        var calendar = new Calendar(start, end, unit);
        if (calendar.StepCount > ScenarioSchema.MaxSteps)
        {
            Error(view.Position, view.Path, $"the calendar has {calendar.StepCount:N0} steps; at most {ScenarioSchema.MaxSteps:N0} are allowed (use a longer step)");
            return null;
        }

        if (!calendar.EndsWithinDates)
        {
            Error(view.PositionOf("end"), view.PathOf("end"), $"the last step, which holds {end:yyyy-MM-dd}, ends after 9999-12-31, the last date TrackSim can represent; end the run one step earlier");
            return null;
        }

        return calendar;
    }

    private ImmutableArray<StateSpec> MapStates(NodeView root)
    {
        // The states first, then the non-state parties: the first actors are those with citizens.
        var states = ImmutableArray.CreateBuilder<StateSpec>();
        foreach (var (view, isParty) in root.Objects("states").Select(v => (v, false)).Concat(root.Objects("parties").Select(v => (v, true))))
        {
            string? id = view.Text("id");
            if (id is null)
            {
                continue;
            }

            if (!_states.TryAdd(id, view.PathOf("id")))
            {
                Error(view.PositionOf("id"), view.PathOf("id"), isParty
                    ? $"duplicate id '{id}' (already used at {_states[id]}); states and parties share one set of ids"
                    : $"duplicate state id '{id}' (already used at {_states[id]})");
                continue;
            }

            _stateOrder.Add(id);
            var actor = isParty ? Names.Parse<ActorKind>(view.Word("kind")!) : ActorKind.State;
            if (actor == ActorKind.State)
            {
                _publicOrder.Add(id);
            }

            states.Add(new StateSpec(
                id,
                view.Text("name") ?? id,
                view.Number("posture"))
            {
                Governments = MapGovernments(view.Objects("governments")),
                Kind = actor,
            });
        }

        if (root.Objects("states").Count() + root.Objects("parties").Count() == 1)
        {
            Error(root.PositionOf("states"), "states", $"a scenario needs at least two actors (states or non-state parties); it has only '{_stateOrder[0]}'");
        }

        return states.ToImmutable();
    }

    private ImmutableArray<ThirdPartySpec> MapThirdParties(IEnumerable<NodeView> views)
    {
        var thirdParties = ImmutableArray.CreateBuilder<ThirdPartySpec>();
        foreach (var view in views)
        {
            string? id = view.Text("id");
            if (id is null)
            {
                continue;
            }

            if (_states.TryGetValue(id, out string? state))
            {
                Error(view.PositionOf("id"), view.PathOf("id"), $"duplicate id '{id}': a state or party has it (at {state}); ids are unique among states, parties and third parties");
                continue;
            }

            if (!_thirdParties.TryAdd(id, view.PathOf("id")))
            {
                Error(view.PositionOf("id"), view.PathOf("id"), $"duplicate third party id '{id}' (already used at {_thirdParties[id]})");
                continue;
            }

            var trust = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
            foreach (var (key, value, path) in view.Entries("trust"))
            {
                if (!_states.ContainsKey(key.Value))
                {
                    Error(key.Position, path, $"no side '{key.Value}'{Known(_stateOrder)}; trust is given by the sides' state ids");
                }
                else if (value is YamlScalar scalar && Scalars.TryNumber(scalar, out double level))
                {
                    trust[key.Value] = level;
                }
            }

            if (view.Word("kind") is not { } kind)
            {
                continue;
            }

            thirdParties.Add(new ThirdPartySpec(id, view.Text("name") ?? id, Names.Parse<ThirdPartyKind>(kind), trust.ToImmutable()));
        }

        return thirdParties.ToImmutable();
    }

    /// <summary>The ids of a list of third parties (hosts, funders, guarantors), each checked to be one and named once.</summary>
    private ImmutableArray<string> ThirdPartyList(NodeView view, string key)
    {
        var ids = ImmutableArray.CreateBuilder<string>();
        foreach (var (node, path) in view.Words(key))
        {
            if (ids.Contains(node.Value))
            {
                Error(node.Position, path, $"'{node.Value}' is named twice");
                continue;
            }

            CheckThirdParty(node.Value, node.Position, path);
            ids.Add(node.Value);
        }

        return ids.ToImmutable();
    }

    private void CheckThirdParty(string id, Position at, string path)
    {
        if (_thirdParties.ContainsKey(id))
        {
            return;
        }

        string what = _states.ContainsKey(id) ? $"'{id}' is a state, not a third party" : $"no third party '{id}'";
        Error(at, path, $"{what}{Known(_thirdParties.Keys)}");
    }

    private ImmutableArray<GovernmentPeriod> MapGovernments(IEnumerable<NodeView> views)
    {
        var periods = ImmutableArray.CreateBuilder<GovernmentPeriod>();
        foreach (var view in views)
        {
            if (view.Date("from") is not { } from || view.Text("leader") is not { } leader)
            {
                continue;
            }

            CheckInCalendar(from, view, "from");
            if (periods.Count > 0 && from <= periods[^1].From)
            {
                Error(view.PositionOf("from"), view.PathOf("from"), $"the government periods must be in date order; {from:yyyy-MM-dd} is not after {periods[^1].From:yyyy-MM-dd}, when {periods[^1].Leader}'s began");
            }

            periods.Add(new GovernmentPeriod(
                from,
                leader,
                view.OptionalNumber("receptivity"),
                view.OptionalNumber("hawkishness"),
                view.OptionalNumber("public_sensitivity"),
                Names.Parse<ContactPolicy>(view.Word("contacts")!)));
        }

        return periods.ToImmutable();
    }

    private ImmutableArray<DyadSpec> MapDyads(NodeView root)
    {
        var listed = new Dictionary<string, DyadSpec>(StringComparer.Ordinal);
        foreach (var view in root.Objects("dyads"))
        {
            var ids = view.Words("states").ToArray();
            foreach (var (node, path) in ids)
            {
                CheckState(node.Value, node.Position, path);
            }

            var links = MapLinks(view.Objects("functional_links"));
            if (ids.Length != 2)
            {
                continue;
            }

            if (ids[0].Node.Value == ids[1].Node.Value)
            {
                Error(ids[1].Node.Position, ids[1].Path, $"a dyad joins two different states; '{ids[0].Node.Value}' is named twice");
                continue;
            }

            string subject = DyadSpec.SubjectOf(ids[0].Node.Value, ids[1].Node.Value);
            if (listed.ContainsKey(subject))
            {
                Error(view.Position, view.PathOf("states"), $"the dyad {subject} is listed twice");
                continue;
            }

            string[] pair = [.. subject.Split('-')];
            listed[subject] = new DyadSpec(
                pair[0],
                pair[1],
                view.Number("tension"),
                view.Number("official_trust"),
                view.Word("dialogue") == "suspended" ? DialogueStatus.Suspended : DialogueStatus.Open,
                view.Number("cbm_stock"),
                links);
        }

        // Every pair of states has relations; pairs the file does not list get the defaults.
        var dyads = ImmutableArray.CreateBuilder<DyadSpec>();
        var defaults = new NodeView(null, ScenarioSchema.Dyad, "dyads", root.Position);
        var sorted = _publicOrder.Order(StringComparer.Ordinal).ToArray();
        for (int i = 0; i < sorted.Length; i++)
        {
            for (int j = i + 1; j < sorted.Length; j++)
            {
                string subject = DyadSpec.SubjectOf(sorted[i], sorted[j]);
                dyads.Add(listed.GetValueOrDefault(subject) ?? new DyadSpec(
                    sorted[i], sorted[j], defaults.Number("tension"), defaults.Number("official_trust"), DialogueStatus.Open, defaults.Number("cbm_stock"), []));
            }
        }

        // A non-state party has relations only where a dyad names it, in the order of the ids.
        foreach (var (subject, dyad) in listed.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            if (!_publicOrder.Contains(dyad.A) || !_publicOrder.Contains(dyad.B))
            {
                dyads.Add(dyad);
            }
        }

        _related.UnionWith(dyads.Select(d => d.Subject));

        // Only once every actor is known: a missing or repeated id is reported where it is.
        bool known = root.Objects("states").Count() + root.Objects("parties").Count() == _stateOrder.Count && _stateOrder.Count > 1;
        foreach (string id in _stateOrder.Where(id => known && !dyads.Any(d => d.A == id || d.B == id)))
        {
            Error(root.PositionOf("dyads"), "dyads", $"'{id}' has relations with no other actor; add a dyad that names it (a non-state party has relations only where a dyad names it)");
        }

        return dyads.ToImmutable();
    }

    private ImmutableArray<FunctionalLinkSpec> MapLinks(IEnumerable<NodeView> views)
    {
        var links = ImmutableArray.CreateBuilder<FunctionalLinkSpec>();
        foreach (var view in views)
        {
            string? id = view.Text("id");
            if (id is null)
            {
                continue;
            }

            if (!_linkIds.Add(id))
            {
                Error(view.PositionOf("id"), view.PathOf("id"), $"duplicate functional link id '{id}'; link ids are unique across the scenario");
            }

            // A link with a bad sector is reported by the structure check; its id still counts as defined.
            if (view.Word("sector") is not { } sector)
            {
                continue;
            }

            links.Add(new FunctionalLinkSpec(id, Names.Parse<Sector>(sector), view.Number("strength"), view.Number("threshold"), view.Date("active_from")));
        }

        return links.ToImmutable();
    }

    private CitizenSpec MapCitizens(NodeView view)
    {
        var trust = ImmutableSortedDictionary.CreateBuilder<string, TrustDistribution>(StringComparer.Ordinal);
        foreach (var (key, value, path) in view.Entries("initial_trust"))
        {
            CheckTrustKey(key.Value, key.Position, path);
            var distribution = new NodeView(value as YamlMapping, ScenarioSchema.Distribution, path, value.Position);
            double mean = distribution.Number("mean");
            double sd = distribution.Number("sd");
            if (sd >= TrustDistribution.MaxSd(mean))
            {
                Error(distribution.PositionOf("sd"), distribution.PathOf("sd"), $"a Beta distribution with mean {NumberShape.Format(mean)} needs an SD below {NumberShape.Format(TrustDistribution.MaxSd(mean))}, found {NumberShape.Format(sd)}");
                continue;
            }

            trust[key.Value] = new TrustDistribution(mean, sd);
        }

        int perState = (int)view.Number("per_state");
        if ((long)perState * _publicOrder.Count > ScenarioSchema.MaxCitizens)
        {
            Error(view.PositionOf("per_state"), view.PathOf("per_state"), $"{perState:N0} citizens in each of {_publicOrder.Count} states make more than {ScenarioSchema.MaxCitizens:N0} in all");
        }

        var network = view.Object("network");
        int degree = (int)network.Number("mean_degree");
        if (degree >= perState)
        {
            Error(network.PositionOf("mean_degree"), network.PathOf("mean_degree"), $"a mean degree of {degree} needs more than {degree} citizens per state; per_state is {perState}");
        }

        if ((long)perState * _publicOrder.Count <= ScenarioSchema.MaxCitizens && (long)perState * _publicOrder.Count * degree > ScenarioSchema.MaxTieEnds)
        {
            Error(network.PositionOf("mean_degree"), network.PathOf("mean_degree"), $"{(long)perState * _publicOrder.Count:N0} citizens with {degree} ties each make more than {ScenarioSchema.MaxTieEnds:N0} tie ends, the most a network can hold");
        }

        var cohorts = view.Object("cohorts");
        return new CitizenSpec(
            perState,
            trust.ToImmutable(),
            new NetworkSpec(Names.Parse<NetworkKind>(network.Word("kind")!), degree, network.Number("rewiring"), network.Number("cross_border_share")),
            view.Number("shared_language"),
            new CohortSpec(cohorts.Number("shared_language"), cohorts.Number("cross_border_ties")));
    }

    private ImmutableArray<InitiativeSpec> MapInitiatives(IEnumerable<NodeView> views, HashSet<string>? taken = null)
    {
        var initiatives = ImmutableArray.CreateBuilder<InitiativeSpec>();
        var ids = taken ?? new HashSet<string>(StringComparer.Ordinal);
        foreach (var view in views)
        {
            string? id = view.Text("id");
            if (id is null)
            {
                continue;
            }

            if (id == EventEffects.AllInitiatives)
            {
                Error(view.PositionOf("id"), view.PathOf("id"), "'all' is reserved (it stands for every initiative in effects); choose another id");
            }
            else if (!ids.Add(id))
            {
                Error(view.PositionOf("id"), view.PathOf("id"), $"duplicate initiative id '{id}'");
            }

            // By default every state takes part, and each non-state party whose members do.
            var members = view.Objects("participants").Select(p => p.Text("state")).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var states = view.Has("states") ? StateList(view, "states") : [.. _stateOrder.Where(a => _publicOrder.Contains(a) || members.Contains(a))];

            var start = view.Date("start");
            var end = view.Date("end");
            if (start is { } s && end is { } e && e < s)
            {
                Error(view.PositionOf("end"), view.PathOf("end"), $"the end {e:yyyy-MM-dd} is before the start {s:yyyy-MM-dd}");
            }

            if (start is { } first && _calendar is not null && first > _calendar.End)
            {
                Error(view.PositionOf("start"), view.PathOf("start"), $"the start {first:yyyy-MM-dd} is after the end of the run ({_calendar.End:yyyy-MM-dd})");
            }

            Scalars.TryDuration(view.Text("meeting_interval")!, out var interval);
            initiatives.Add(new InitiativeSpec(
                id,
                view.Text("name") ?? id,
                states,
                start ?? default,
                end,
                interval,
                view.Number("resilience"),
                view.Text("sponsor"),
                MapTopics(view, states),
                MapParticipants(view, states),
                view.Bool("secret"))
            {
                Hosts = ThirdPartyList(view, "hosts"),
                Funders = ThirdPartyList(view, "funders"),
                WorkingLanguage = view.Text("working_language") ?? InitiativeSpec.DefaultWorkingLanguage,
            });
        }

        return initiatives.ToImmutable();
    }

    private ImmutableArray<TopicSpec> MapTopics(NodeView initiative, ImmutableArray<string> states)
    {
        if (!initiative.Has("topics"))
        {
            return [DefaultTopic("core", true, states), DefaultTopic("trade", false, states)];
        }

        var topics = ImmutableArray.CreateBuilder<TopicSpec>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var view in initiative.Objects("topics"))
        {
            string? id = view.Text("id");
            if (id is null)
            {
                continue;
            }

            if (!ids.Add(id))
            {
                Error(view.PositionOf("id"), view.PathOf("id"), $"duplicate topic id '{id}' in this initiative");
            }

            bool core = view.Bool("core");
            var positions = DefaultTopic(id, core, states).Positions.ToBuilder();
            foreach (var (key, value, path) in view.Entries("positions"))
            {
                if (!states.Contains(key.Value))
                {
                    Error(key.Position, path, $"'{key.Value}' is not one of the initiative's states ({string.Join(", ", states)})");
                }
                else if (value is YamlScalar scalar && Scalars.TryNumber(scalar, out double position))
                {
                    positions[key.Value] = position;
                }
            }

            topics.Add(new TopicSpec(id, view.Text("name") ?? id, core, positions.ToImmutable()));
        }

        return topics.ToImmutable();
    }

    private static TopicSpec DefaultTopic(string id, bool core, ImmutableArray<string> states)
    {
        double width = core ? TopicSpec.CoreSpread : TopicSpec.PeripheralSpread;
        var positions = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < states.Length; i++)
        {
            positions[states[i]] = states.Length < 2 ? 0.5 : 0.5 - (width / 2) + (width * i / (states.Length - 1));
        }

        return new TopicSpec(id, id, core, positions.ToImmutable());
    }

    private ImmutableArray<ParticipantGroup> MapParticipants(NodeView initiative, ImmutableArray<string> states)
    {
        var groups = ImmutableArray.CreateBuilder<ParticipantGroup>();
        foreach (var view in initiative.Objects("participants"))
        {
            string? state = view.Text("state");
            string? thirdParty = view.Text("third_party");
            if (state is not null && thirdParty is not null)
            {
                Error(view.PositionOf("third_party"), view.PathOf("third_party"), $"a participant group is either a state's or a third party's; it names both '{state}' and '{thirdParty}'");
                continue;
            }

            if (state is null && thirdParty is null)
            {
                Error(view.Position, view.Path, "a participant group names its state (state: IN) or its third party (third_party: NO)");
                continue;
            }

            if (view.Word("role") is not { } roleId || Role.Find(roleId) is not { } role)
            {
                continue;
            }

            if (thirdParty is not null)
            {
                CheckThirdParty(thirdParty, view.PositionOf("third_party"), view.PathOf("third_party"));
            }
            else if (_states.ContainsKey(state!) && !states.Contains(state!))
            {
                Error(view.PositionOf("state"), view.PathOf("state"), $"'{state}' is not one of the initiative's states ({string.Join(", ", states)})");
            }
            else
            {
                CheckState(state!, view.PositionOf("state"), view.PathOf("state"));
            }

            var from = view.Date("from");
            var until = view.Date("until");
            if (from is { } first && until is { } last && last < first)
            {
                Error(view.PositionOf("until"), view.PathOf("until"), $"the group leaves on {last:yyyy-MM-dd}, before it joins on {first:yyyy-MM-dd}");
            }

            // A third party's participants have no government to align with and reach no public.
            groups.Add(new ParticipantGroup(
                thirdParty ?? state!,
                role.Id,
                (int)view.Number("count"),
                thirdParty is null ? view.OptionalNumber("alignment") ?? role.Alignment : 0,
                view.OptionalNumber("access") ?? role.Access,
                thirdParty is null ? view.OptionalNumber("reach") ?? role.Reach : 0,
                thirdParty is null && view.Bool("shared_language"))
            {
                From = from,
                Until = until,
                ThirdParty = thirdParty is not null,
                SpeaksWorkingLanguage = view.Bool("speaks_working_language"),
            });
        }

        return groups.ToImmutable();
    }

    private ImmutableArray<EventSpec> MapEvents(IEnumerable<NodeView> views, HashSet<string>? taken = null)
    {
        var events = new List<EventSpec>();
        var ids = taken ?? new HashSet<string>(StringComparer.Ordinal);
        foreach (var view in views)
        {
            string? id = view.Text("id");
            if (id is null)
            {
                continue;
            }

            if (!ids.Add(id))
            {
                Error(view.PositionOf("id"), view.PathOf("id"), $"duplicate event id '{id}'");
            }

            // An event with a bad kind or date is reported by the structure check; its id still counts as defined.
            _eventIds.Add(id);
            var actors = ActorList(view, "actors");
            string? kind = view.Word("kind");
            if (kind is null || view.Date("date") is not { } date)
            {
                continue;
            }

            var end = view.Date("end");
            CheckInCalendar(date, view, "date");
            if (end is { } last)
            {
                if (last < date)
                {
                    Error(view.PositionOf("end"), view.PathOf("end"), $"the end {last:yyyy-MM-dd} is before the date {date:yyyy-MM-dd}");
                }
                else
                {
                    CheckInCalendar(last, view, "end");
                }
            }

            string name = view.Text("name") ?? id;
            string label = view.Text("label") ?? (name.Length <= 24 ? name : id.Length <= 24 ? id : id[..24]);
            var effects = MapEffects(view.Object("effects"), [.. actors.Where(_states.ContainsKey)]);
            bool decided = view.Bool("decided");
            if (effects.ScriptsDecision && !decided)
            {
                var effectsView = view.Object("effects");
                string key = effectsView.Has("dialogue") ? "dialogue" : "reach_agreements";
                string update = key == "dialogue"
                    ? "remove this effect to let the governments decide (an agreement reached at the event goes under 'agreements', with its date as 'historical')"
                    : "remove this effect and list the agreement under 'agreements' with its date as 'historical'";
                Error(effectsView.PositionOf(key), effectsView.PathOf(key), $"the governments' decisions are the model's now (TI-TALKS opens, suspends and resumes the dialogue; TI-AGREE reaches agreements): {update}, or add 'decided: true' to the event to script the decision");
            }

            events.Add(new EventSpec(id, name, label, date, end, Names.Parse<EventKind>(kind), view.Number("severity"), actors, effects, view.Text("source"), decided));
        }

        return [.. events.OrderBy(e => e.Date)];
    }

    private ImmutableArray<AgreementSpec> MapAgreements(IEnumerable<NodeView> views)
    {
        var agreements = ImmutableArray.CreateBuilder<AgreementSpec>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var view in views)
        {
            string? id = view.Text("id");
            if (id is null)
            {
                continue;
            }

            if (!ids.Add(id))
            {
                Error(view.PositionOf("id"), view.PathOf("id"), $"duplicate agreement id '{id}'");
            }

            // The dates and the topic are checked whatever else is wrong, so all errors come at once.
            var historical = ImmutableArray.CreateBuilder<DateOnly>();
            int k = 0;
            foreach (var node in view.Raw("historical") is YamlSequence sequence ? sequence.Items : [])
            {
                string path = YamlPath.Index(view.PathOf("historical"), k++);
                if (node is YamlScalar scalar && Scalars.TryDate(scalar.Value, endOfPeriod: false, out var date))
                {
                    if (historical.Count > 0 && date <= historical[^1])
                    {
                        Error(node.Position, path, $"the historical dates must be in order; {date:yyyy-MM-dd} is not after {historical[^1]:yyyy-MM-dd}");
                    }

                    historical.Add(date);
                }
            }

            var states = StateList(view, "states");
            CheckRelated(states, view, "states", "an agreement");
            string? topic = view.Text("topic");
            if (topic is not null)
            {
                _topicReferences.Add((topic, view.PositionOf("topic"), view.PathOf("topic")));
            }

            var from = view.Date("from");
            if (from is { } start)
            {
                CheckInCalendar(start, view, "from");
            }

            var guarantors = ThirdPartyList(view, "guarantors");
            if (states.Length != 2 || view.Word("kind") is not { } kindName)
            {
                continue;
            }

            var kind = Names.Parse<AgreementKind>(kindName);

            var terms = view.Object("terms");
            string name = view.Text("name") ?? id;
            agreements.Add(new AgreementSpec(
                id,
                name,
                view.Text("label") ?? (name.Length <= 24 ? name : id.Length <= 24 ? id : id[..24]),
                states,
                topic,
                kind,
                view.OptionalNumber("threshold") ?? AgreementKinds.Threshold(kind),
                view.OptionalNumber("work") ?? AgreementKinds.Work(kind),
                view.Has("needs_talks") ? view.Bool("needs_talks") : AgreementKinds.NeedsTalks(kind),
                view.Number("severity"),
                new AgreementTerms(terms.Number("incident_reduction"), terms.Number("restraint"), terms.OptionalNumber("cbm") ?? 0, MapLinks(terms.Objects("create_links"))),
                view.Bool("reversible"),
                from,
                historical.ToImmutable(),
                view.Text("source"),
                view.Bool("secret"))
            {
                Guarantors = guarantors,
            });
        }

        return agreements.ToImmutable();
    }

    private EventEffects MapEffects(NodeView view, ImmutableArray<string> actors)
    {
        if (view.Map is null)
        {
            return EventEffects.None;
        }

        string? dialogue = view.Word("dialogue");
        if (dialogue is not null && actors.Length < 2)
        {
            Error(view.PositionOf("dialogue"), view.PathOf("dialogue"), "a dialogue effect needs at least two actors");
        }

        var created = MapLinks(view.Objects("create_links"));
        if (!created.IsEmpty && actors.Length < 2)
        {
            Error(view.PositionOf("create_links"), view.PathOf("create_links"), "creating a functional link needs at least two actors (the link joins the first two)");
        }
        else if (!created.IsEmpty)
        {
            CheckRelated([actors[0], actors[1]], view, "create_links", "creating a functional link");
        }

        var hawkishness = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var (key, value, path) in view.Entries("hawkishness"))
        {
            CheckState(key.Value, key.Position, path);
            if (value is YamlScalar scalar && Scalars.TryNumber(scalar, out double level))
            {
                hawkishness[key.Value] = level;
            }
        }

        var contacts = ImmutableSortedDictionary.CreateBuilder<string, ContactPolicy>(StringComparer.Ordinal);
        foreach (var (key, value, path) in view.Entries("contacts"))
        {
            CheckState(key.Value, key.Position, path);
            if (value is YamlScalar { Value: "allowed" or "banned" } scalar)
            {
                contacts[key.Value] = Names.Parse<ContactPolicy>(scalar.Value);
            }
        }

        var upgrades = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var (key, value, path) in view.Entries("upgrade_initiatives"))
        {
            _initiativeReferences.Add((key.Value, key.Position, path));
            if (value is YamlScalar scalar && Scalars.TryNumber(scalar, out double access))
            {
                upgrades[key.Value] = access;
            }
        }

        return new EventEffects(
            dialogue switch { "suspend" => DialogueStatus.Suspended, "resume" => DialogueStatus.Open, _ => null },
            view.Number("cbm"),
            created,
            References(view, "suspend_links", _linkReferences),
            References(view, "resume_links", _linkReferences),
            hawkishness.ToImmutable(),
            References(view, "start_initiatives", _initiativeReferences),
            References(view, "stop_initiatives", _initiativeReferences),
            dialogue == "keep",
            References(view, "reach_agreements", _agreementReferences),
            References(view, "expose", _exposeReferences))
        {
            Contacts = contacts.ToImmutable(),
            Participants = MapParticipantChanges(view.Objects("participants")),
            UpgradeInitiatives = upgrades.ToImmutable(),
        };
    }

    private ImmutableArray<ParticipantChange> MapParticipantChanges(IEnumerable<NodeView> views)
    {
        var changes = ImmutableArray.CreateBuilder<ParticipantChange>();
        foreach (var view in views)
        {
            if (view.Text("initiative") is not { } initiative)
            {
                continue;
            }

            _initiativeReferences.Add((initiative, view.PositionOf("initiative"), view.PathOf("initiative")));
            string? state = view.Text("state");
            if (state is not null)
            {
                CheckState(state, view.PositionOf("state"), view.PathOf("state"));
                _participantStateReferences.Add((initiative, state, view.PositionOf("state"), view.PathOf("state")));
            }

            if (!view.Has("alignment") && !view.Has("access"))
            {
                Error(view.Position, view.Path, "a change of participants sets their alignment, their access or both");
            }

            changes.Add(new ParticipantChange(initiative, state, view.Word("role"), view.OptionalNumber("alignment"), view.OptionalNumber("access")));
        }

        return changes.ToImmutable();
    }

    /// <summary>
    /// Every id an event's <c>expose</c> names must be a secret initiative (of the base or of a
    /// variant, as the other initiative references) or a secret agreement: exposing what is public
    /// already would do nothing, so it is a mistake.
    /// </summary>
    private void CheckExposures(IEnumerable<InitiativeSpec> initiatives, ImmutableArray<AgreementSpec> agreements)
    {
        var secret = new HashSet<string>(StringComparer.Ordinal);
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, isSecret) in initiatives.Select(i => (i.Id, i.Secret)).Concat(agreements.Select(a => (a.Id, a.Secret))))
        {
            known.Add(id);
            if (isSecret)
            {
                secret.Add(id);
            }
        }

        foreach (var (id, at, path) in _exposeReferences)
        {
            if (!known.Contains(id))
            {
                Error(at, path, $"no initiative or agreement '{id}'{KnownSecret(secret)}");
            }
            else if (!secret.Contains(id))
            {
                Error(at, path, $"'{id}' is not secret, so there is nothing to expose; only an initiative or agreement marked 'secret: true' can be exposed{KnownSecret(secret)}");
            }
        }
    }

    private static string KnownSecret(HashSet<string> secret) =>
        secret.Count == 0 ? " (the scenario has no secret initiative or agreement)" : Known(secret, "the secret ones are");

    private static ImmutableArray<string> References(NodeView view, string key, List<(string, Position, string)> pending)
    {
        var ids = ImmutableArray.CreateBuilder<string>();
        foreach (var (node, path) in view.Words(key))
        {
            pending.Add((node.Value, node.Position, path));
            ids.Add(node.Value);
        }

        return ids.ToImmutable();
    }

    /// <summary>
    /// The parameter values set under <c>parameters</c>, by key; a parameter of a state set state by
    /// state gives one value per state, keyed <c>group.name[STATE]</c>.
    /// </summary>
    private ImmutableSortedDictionary<string, double> MapParameters(NodeView view)
    {
        var values = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (string group in ParameterCatalog.Groups)
        {
            var groupView = view.Object(group);
            foreach (var definition in ParameterCatalog.InGroup(group))
            {
                if (groupView.Raw(definition.Name) is YamlMapping && definition.Scope == ParameterScope.State)
                {
                    var number = ((PerStateNumberShape)groupView.Shape[definition.Name].Shape).Number;
                    foreach (var (key, value, path) in groupView.Entries(definition.Name))
                    {
                        CheckState(key.Value, key.Position, path);
                        if (value is YamlScalar scalar && Scalars.TryNumber(scalar, out double v) && v >= number.Min && v <= number.Max)
                        {
                            values[ParameterSet.StateKey(definition.Key, key.Value)] = v;
                        }
                    }
                }
                else if (groupView.Raw(definition.Name) is YamlScalar scalar && Scalars.TryNumber(scalar, out double v)
                    && definition.Accepts(v))
                {
                    values[definition.Key] = v;
                }
            }
        }

        return values.ToImmutable();
    }

    private static MechanismSet MapMechanisms(NodeView view)
    {
        var set = MechanismSet.AllOn;
        foreach (var mechanism in Mechanism.All)
        {
            if (view.Has(mechanism.Name))
            {
                set = set.With(mechanism.Name, view.Bool(mechanism.Name));
            }
        }

        return set;
    }

    private static ImmutableSortedDictionary<string, bool> MechanismSwitches(NodeView view) =>
        Mechanism.All.Where(m => view.Has(m.Name))
            .ToImmutableSortedDictionary(m => m.Name, m => view.Bool(m.Name), StringComparer.Ordinal);

    private ImmutableArray<VariantSpec> MapVariants(NodeView root, HashSet<string> baseEvents, HashSet<string> baseInitiatives, HashSet<string> baseAgreements)
    {
        var variants = ImmutableArray.CreateBuilder<VariantSpec>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var view in root.Objects("variants"))
        {
            string? name = view.Text("name");
            if (name is null)
            {
                continue;
            }

            if (name == Scenario.BaseVariant)
            {
                Error(view.PositionOf("name"), view.PathOf("name"), "'base' is the name of the scenario without a variant; choose another name");
            }
            else if (!names.Add(name))
            {
                Error(view.PositionOf("name"), view.PathOf("name"), $"duplicate variant name '{name}'");
            }

            var removeEvents = IdList(view, "remove_events", baseEvents, "event");
            var named = IdList(view, "remove_initiatives", baseInitiatives.Append(EventEffects.AllInitiatives).ToHashSet(StringComparer.Ordinal), "initiative");
            var removeInitiatives = named.Contains(EventEffects.AllInitiatives) ? [.. baseInitiatives.Order(StringComparer.Ordinal)] : named;

            // Added ids must not clash with base ids that remain in the variant.
            var eventIds = baseEvents.Except(removeEvents).ToHashSet(StringComparer.Ordinal);
            var initiativeIds = baseInitiatives.Except(removeInitiatives).ToHashSet(StringComparer.Ordinal);
            variants.Add(new VariantSpec(
                name,
                view.Text("description"),
                removeEvents,
                MapEvents(view.Objects("add_events"), eventIds),
                removeInitiatives,
                MapInitiatives(view.Objects("add_initiatives"), initiativeIds),
                MapParameters(view.Object("parameters")),
                MechanismSwitches(view.Object("mechanisms")),
                view.Word("lens"),
                IdList(view, "remove_agreements", baseAgreements, "agreement"))
            {
                // What the values do is checked by VariantSettings, on the scenario with them in place.
                Set = [.. view.Entries("set").Where(e => e.Value is YamlScalar).Select(e => KeyValuePair.Create(e.Key.Value, ((YamlScalar)e.Value).Value))],
            });
        }

        return variants.ToImmutable();
    }

    private ImmutableArray<string> IdList(NodeView view, string key, HashSet<string> known, string what)
    {
        var ids = ImmutableArray.CreateBuilder<string>();
        foreach (var (node, path) in view.Words(key))
        {
            if (!known.Contains(node.Value))
            {
                Error(node.Position, path, $"the base scenario has no {what} '{node.Value}'{Known(known)}");
            }

            ids.Add(node.Value);
        }

        return ids.ToImmutable();
    }

    // outputs.y_range: a [low, high] per charted metric, low below high.
    private ImmutableSortedDictionary<string, (double Low, double High)> MapYRanges(NodeView view, ImmutableArray<string> charts)
    {
        var ranges = ImmutableSortedDictionary.CreateBuilder<string, (double Low, double High)>(StringComparer.Ordinal);
        foreach (var (key, value, path) in view.Entries("y_range"))
        {
            if (TrackSim.Core.Metrics.MetricCatalog.Find(key.Value) is null)
            {
                Error(key.Position, path, $"no metric '{key.Value}'; {Suggestions.Hint(key.Value, TrackSim.Core.Metrics.MetricCatalog.All.Select(m => m.Name))}see outputs.charts for the metrics");
                continue;
            }

            if (!charts.Contains(key.Value))
            {
                Error(key.Position, path, $"'{key.Value}' is not charted; {Suggestions.Hint(key.Value, charts)}the charted metrics are {string.Join(", ", charts)}");
                continue;
            }

            // The schema has checked the two numbers; anything else has its message already.
            if (value is YamlSequence { Items: [YamlScalar low, YamlScalar high] }
                && Scalars.TryNumber(low, out double lowValue) && Scalars.TryNumber(high, out double highValue))
            {
                if (lowValue >= highValue)
                {
                    Error(value.Position, path, $"the low end {NumberShape.Format(lowValue)} must be below the high end {NumberShape.Format(highValue)}");
                    continue;
                }

                ranges[key.Value] = (lowValue, highValue);
            }
        }

        return ranges.ToImmutable();
    }

    private static EnsembleSpec MapEnsemble(NodeView view) =>
        new((int)view.Number("replicates"), (ulong)view.Number("seed"));

    private OutputSpec MapOutputs(NodeView view, IEnumerable<string> eventIds)
    {
        var known = eventIds.ToHashSet(StringComparer.Ordinal);
        var labels = ImmutableArray.CreateBuilder<string>();
        foreach (var (node, path) in view.Words("label_events"))
        {
            if (!known.Contains(node.Value))
            {
                Error(node.Position, path, $"no event '{node.Value}'{Known(known)}");
            }

            labels.Add(node.Value);
        }

        var outputs = new OutputSpec(
            view.Has("charts") ? [.. view.Words("charts").Select(w => w.Node.Value).Distinct()] : OutputSpec.DefaultCharts,
            view.Has("formats") ? [.. view.Words("formats").Select(w => w.Node.Value).Distinct()] : OutputSpec.DefaultFormats,
            view.Number("width"),
            view.Number("height"),
            (int)view.Number("dpi"),
            view.Text("font")!,
            view.Number("font_size"),
            labels.ToImmutable());

        // The checks run makes before drawing, so validate agrees with it.
        long pixels = OutputSpec.PngPixels(outputs.WidthInches, outputs.HeightInches, outputs.Dpi);
        if (outputs.Formats.Contains("png") && pixels > OutputSpec.MaxPngPixels)
        {
            string key = view.Has("dpi") ? "dpi" : view.Has("width") ? "width" : "height";
            Error(view.PositionOf(key), view.PathOf(key), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"a {outputs.WidthInches} x {outputs.HeightInches} in chart at {outputs.Dpi} dpi would have {pixels:N0} pixels; at most {OutputSpec.MaxPngPixels:N0} are allowed (lower the dpi or the size)"));
        }

        if (string.IsNullOrWhiteSpace(outputs.Font))
        {
            Error(view.PositionOf("font"), view.PathOf("font"), "the font name is empty");
        }

        var distributions = view.Object("distributions");
        return outputs with
        {
            YRanges = MapYRanges(view, outputs.Charts),
            Distributions = new DistributionOutput((int)distributions.Number("every"), (int)distributions.Number("bins")),
            Networks = MapNetworks(view.Object("networks")),
        };
    }

    // A snapshot date outside the calendar would silently fall on its first or last step.
    private NetworkOutput MapNetworks(NodeView view)
    {
        if (!view.Has("at"))
        {
            return NetworkOutput.Default;
        }

        var dates = ImmutableArray.CreateBuilder<DateOnly>();
        foreach (var (node, path) in view.Words("at"))
        {
            if (!Scalars.TryDate(node.Value, false, out var date))
            {
                continue;
            }

            if (_calendar is { } calendar && !calendar.Contains(date))
            {
                Error(node.Position, path, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the snapshot date {date:yyyy-MM-dd} is outside the calendar ({calendar.Start:yyyy-MM-dd} to {calendar.End:yyyy-MM-dd})"));
            }

            dates.Add(date);
        }

        return new NetworkOutput(dates.ToImmutable());
    }

    private ImmutableArray<string> StateList(NodeView view, string key)
    {
        var ids = ImmutableArray.CreateBuilder<string>();
        foreach (var (node, path) in view.Words(key))
        {
            if (ids.Contains(node.Value))
            {
                Error(node.Position, path, $"'{node.Value}' is named twice");
                continue;
            }

            CheckState(node.Value, node.Position, path);
            ids.Add(node.Value);
        }

        return ids.ToImmutable();
    }

    /// <summary>The actors of an event: states or third parties, each named once.</summary>
    private ImmutableArray<string> ActorList(NodeView view, string key)
    {
        var ids = ImmutableArray.CreateBuilder<string>();
        foreach (var (node, path) in view.Words(key))
        {
            if (ids.Contains(node.Value))
            {
                Error(node.Position, path, $"'{node.Value}' is named twice");
                continue;
            }

            if (_thirdParties.Count == 0)
            {
                CheckState(node.Value, node.Position, path);
            }
            else if (!_states.ContainsKey(node.Value) && !_thirdParties.ContainsKey(node.Value))
            {
                Error(node.Position, path, $"no state or third party '{node.Value}'{Known(_stateOrder.Concat(_thirdParties.Keys))}");
            }

            ids.Add(node.Value);
        }

        return ids.ToImmutable();
    }

    private void CheckState(string id, Position at, string path)
    {
        if (!_states.ContainsKey(id))
        {
            Error(at, path, $"no {(_publicOrder.Count < _stateOrder.Count ? "state or party" : "state")} '{id}'{Known(_stateOrder)}");
        }
    }

    /// <summary>Reports a pair of known actors that the scenario does not relate (no dyad names a non-state party with the other).</summary>
    private void CheckRelated(ImmutableArray<string> pair, NodeView view, string key, string what)
    {
        if (pair.Length == 2 && pair[0] != pair[1] && _states.ContainsKey(pair[0]) && _states.ContainsKey(pair[1]) && !_related.Contains(DyadSpec.SubjectOf(pair[0], pair[1])))
        {
            Error(view.PositionOf(key), view.PathOf(key), $"{what} needs relations between {pair[0]} and {pair[1]}; add a dyad that names them");
        }
    }

    /// <summary>Checks an initial-trust key: a state with citizens, or a directed pair of such a state and an actor it can relate to.</summary>
    private void CheckTrustKey(string key, Position at, string path)
    {
        string[] ids = key.Split(CitizenSpec.Toward);
        if (!_states.ContainsKey(ids[0]))
        {
            Error(at, path, $"no state '{ids[0]}'{Known(_publicOrder)}");
        }
        else if (!_publicOrder.Contains(ids[0]))
        {
            Error(at, path, $"'{ids[0]}' is a non-state party: it has no citizens, so no initial trust; name a state ({string.Join(", ", _publicOrder)})");
        }

        if (ids.Length == 2)
        {
            if (!_states.ContainsKey(ids[1]))
            {
                CheckState(ids[1], at, path);
            }
            else if (ids[1] == ids[0])
            {
                Error(at, path, $"a directed pair joins two different actors; '{ids[0]}' is named twice");
            }
        }
    }

    private void CheckInCalendar(DateOnly date, NodeView view, string key)
    {
        if (_calendar is not null && !_calendar.Contains(date))
        {
            Error(view.PositionOf(key), view.PathOf(key), $"{date:yyyy-MM-dd} is outside the calendar ({_calendar.Start:yyyy-MM-dd} to {_calendar.End:yyyy-MM-dd})");
        }
    }

    private void Error(Position at, string path, string message) => _context.Error(at, path, message);

    private static string Known(IEnumerable<string> ids, string lead = "expected one of")
    {
        var list = ids.Order(StringComparer.Ordinal).ToArray();
        return list.Length switch
        {
            0 => " (none are defined)",
            <= 12 => $"; {lead} {string.Join(", ", list)}",
            _ => $"; {lead} {string.Join(", ", list.Take(12))}, ... ({list.Length} in all)",
        };
    }
}
