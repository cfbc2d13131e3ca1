using System.Globalization;
using System.Text;
using TrackSim.Core.Domain;
using TrackSim.Core.Engine;
using TrackSim.Core.Parameters;

namespace TrackSim.Reporting.Description;

/// <summary>
/// A Markdown description of a scenario for a paper's appendix: model version, mechanisms on and
/// off, every parameter with its value, default, range, unit and source, the states, citizens,
/// initiatives and events with their sources (marking the events that script the governments'
/// decisions), the agreements on the table with their historical dates as targets, the variants
/// and the ensemble settings.
/// </summary>
public static class ScenarioDescription
{
    /// <summary>The source recorded for a parameter set with <c>--set</c>.</summary>
    public const string OverrideSource = "override (--set)";

    /// <summary>
    /// Describes <paramref name="scenario"/>, loaded from <paramref name="scenarioPath"/> with
    /// <paramref name="overrides"/> (<c>PATH=VALUE</c>) applied, for TrackSim <paramref name="version"/>.
    /// </summary>
    public static string Markdown(Scenario scenario, string scenarioPath, string version, IReadOnlyList<string> overrides)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(scenarioPath);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(overrides);
        var md = new StringBuilder();
        md.Append("# ").Append(Cell(scenario.Title)).Append("\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Scenario `{scenario.Name}` (file `{scenarioPath}`), described by TrackSim {version}.");
        if (!string.IsNullOrWhiteSpace(scenario.Description))
        {
            md.Append(' ').Append(OneLine(scenario.Description));
        }

        md.Append("\n\n");
        Model(md, scenario, version);
        Calendar(md, scenario);
        States(md, scenario);
        Dyads(md, scenario);
        Citizens(md, scenario);
        ThirdParties(md, scenario);
        Initiatives(md, scenario);
        Parameters(md, scenario, overrides);
        Events(md, scenario);
        Agreements(md, scenario);
        Variants(md, scenario);
        Ensemble(md, scenario, overrides);
        return md.ToString();
    }

    private static void Model(StringBuilder md, Scenario scenario, string version)
    {
        md.Append("## Model\n\n");
        md.Append(CultureInfo.InvariantCulture, $"TrackSim {version}, an agent-based model of Track II diplomacy (states, citizens and Track II participants on a real calendar); its rules are documented in `docs/MODEL.md`. ");
        if (scenario.Lens is { } lens && Lens.Find(lens) is { } bundle)
        {
            md.Append(CultureInfo.InvariantCulture, $"Theory lens: **{lens}**: {bundle.Description}\n\n");
        }
        else
        {
            md.Append("No theory lens: parameters start from their defaults.\n\n");
        }

        md.Append("### Rules, in the order of a step\n\n");
        md.Append("| rule | mechanism | in this scenario | what switching it off removes | source |\n|---|---|---|---|---|\n");
        foreach (var rule in RuleSummary.All)
        {
            if (rule.Mechanism is { } mechanism)
            {
                string status = scenario.Mechanisms.IsOn(mechanism) ? "on" : "**off**";
                md.Append(CultureInfo.InvariantCulture, $"| {rule.Id} | `{mechanism.Name}` | {status} | {Cell(mechanism.Description)} | {Cell(rule.Citation)} |\n");
            }
            else
            {
                md.Append(CultureInfo.InvariantCulture, $"| {rule.Id} | — | always on | — | {Cell(rule.Citation)} |\n");
            }
        }

        md.Append('\n');
    }

    private static void Calendar(StringBuilder md, Scenario scenario)
    {
        var calendar = scenario.Calendar;
        md.Append("## Calendar\n\n");
        md.Append(CultureInfo.InvariantCulture, $"From {Date(calendar.Start)} to {Date(calendar.End)} in steps of one {calendar.Unit.ToString().ToLowerInvariant()} ({calendar.StepCount} steps). ");
        md.Append("Every metric is recorded for the initial state and after every step.\n\n");
    }

    private static void States(StringBuilder md, Scenario scenario)
    {
        md.Append("## States and non-state parties\n\n");

        // A parameter of a state that some state has its own value of gets a column with the
        // value for each state (bold where the state has its own); the others have one value for
        // every state, shown under Parameters.
        var perState = ParameterCatalog.All
            .Where(p => p.Scope == ParameterScope.State && scenario.States.Any(s => scenario.Parameters.SourceOf(ParameterSet.StateKey(p.Key, s.Id)) != "default"))
            .ToArray();
        md.Append("| id | name | kind | initial posture |");
        md.Append(string.Concat(perState.Select(p => $" `{p.Key}` |")));
        md.Append("\n|---|---|---|---|" + string.Concat(perState.Select(_ => "---|")) + "\n");
        foreach (var s in scenario.States)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {s.Id} | {Cell(s.Name)} | {Names.Snake(s.Kind).Replace('_', ' ')} | {Number(s.Posture)} |");
            foreach (var p in perState)
            {
                string key = ParameterSet.StateKey(p.Key, s.Id);
                string value = Number(scenario.Parameters[key]);
                md.Append(' ').Append(scenario.Parameters.SourceOf(key) == "default" ? value : $"**{value}**").Append(" |");
            }

            md.Append('\n');
        }

        md.Append('\n');
        md.Append(perState.Length == 0
            ? "Every parameter of a state (`docs/MODEL.md`, section 2) has one value for all states, given under Parameters.\n\n"
            : "The columns are the parameters of a state that some state has its own value of (in bold); every other parameter of a state has one value for all states, given under Parameters.\n\n");
        Governments(md, scenario);
    }

    /// <summary>The government periods, if any state lists them; a value a period leaves out is the state's parameter.</summary>
    private static void Governments(StringBuilder md, Scenario scenario)
    {
        if (scenario.States.All(s => s.Governments.IsEmpty))
        {
            return;
        }

        md.Append("### Governments by period\n\n");
        md.Append("Each period sets the state's values of government from the step that holds its date until the next period begins; before the first, and where a period gives no value, the state's parameters hold (rule ST-GOVERNMENT).\n\n");
        md.Append("| state | from | leader | receptivity | hawkishness | public sensitivity | contacts |\n|---|---|---|---|---|---|---|\n");
        foreach (var s in scenario.States)
        {
            foreach (var g in s.Governments)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {s.Id} | {Date(g.From)} | {Cell(g.Leader)} | {Given(g.Receptivity)} | {Given(g.Hawkishness)} | {Given(g.PublicSensitivity)} | {Names.Snake(g.Contacts)} |\n");
            }
        }

        md.Append('\n');
    }

    private static string Given(double? value) => value is { } v ? Number(v) : "parameter";

    private static void Dyads(StringBuilder md, Scenario scenario)
    {
        if (scenario.Dyads.IsEmpty)
        {
            return;
        }

        md.Append("## Dyads\n\n");
        md.Append("| states | initial tension | initial official trust | official dialogue | CBM stock | functional links |\n|---|---|---|---|---|---|\n");
        foreach (var d in scenario.Dyads)
        {
            string links = d.Links.IsEmpty
                ? "none"
                : string.Join("; ", d.Links.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Id} ({l.Sector.ToString().ToLowerInvariant()}, strength {Number(l.Strength)}, suspended above tension {Number(l.Threshold)}{(l.ActiveFrom is { } from ? $", from {Date(from)}" : string.Empty)})")));
            md.Append(CultureInfo.InvariantCulture, $"| {d.A}-{d.B} | {Number(d.Tension)} | {Number(d.OfficialTrust)} | {d.Dialogue.ToString().ToLowerInvariant()} | {Number(d.CbmStock)} | {Cell(links)} |\n");
        }

        md.Append('\n');
    }

    private static void Citizens(StringBuilder md, Scenario scenario)
    {
        var c = scenario.Citizens;
        md.Append("## Citizens\n\n");
        md.Append(CultureInfo.InvariantCulture, $"{c.PerState:N0} citizens per state on a {Names.Snake(c.Network.Kind).Replace('_', '-')} network (mean degree {c.Network.MeanDegree}, rewiring {Number(c.Network.Rewiring)}, cross-border share {Number(c.Network.CrossBorderShare)}); ");
        md.Append(CultureInfo.InvariantCulture, $"share speaking a shared language {Number(c.SharedLanguage)}; ");
        md.Append(CultureInfo.InvariantCulture, $"new cohorts (at the rate `turnover.rate`) with shared language {Number(c.Cohorts.SharedLanguage)} and cross-border ties {Number(c.Cohorts.CrossBorderTies)}.\n\n");
        md.Append("| citizens of | initial trust toward | mean | standard deviation |\n|---|---|---|---|\n");
        for (int s = 0; s < scenario.States.Length; s++)
        {
            if (!scenario.States[s].HasCitizens)
            {
                continue;
            }

            // Trust is directed: one row per actor the state relates to.
            foreach (int target in scenario.TargetsOf(s))
            {
                var t = c.TrustOf(scenario.States[s].Id, scenario.States[target].Id);
                md.Append(CultureInfo.InvariantCulture, $"| {scenario.States[s].Id} | {scenario.States[target].Id} | {Number(t.Mean)} | {Number(t.Sd)} |\n");
            }
        }

        md.Append('\n');
    }

    /// <summary>The third parties, the sides' trust in them and what they do (nothing when the scenario has none).</summary>
    private static void ThirdParties(StringBuilder md, Scenario scenario)
    {
        if (scenario.ThirdParties.IsEmpty)
        {
            return;
        }

        md.Append("## Third parties\n\n");
        md.Append("Facilitators, mediators, funders, conveners and guarantors that are no side of the conflict. The sides' trust in a third party (0.5 where the scenario gives none) scales what it does as a host (T2-THIRD-HOST) and a guarantor (TI-GUARANTEE); events that name it move that trust (T2-THIRD-TRUST).\n\n");
        md.Append("| id | name | kind | trust of the sides | hosts | funds | guarantees | participants |\n|---|---|---|---|---|---|---|---|\n");
        foreach (var t in scenario.ThirdParties)
        {
            string trust = string.Join(", ", scenario.States.Select(s => $"{s.Id} {Number(t.TrustOf(s.Id))}"));
            string hosts = List(scenario.Initiatives.Where(i => i.Hosts.Contains(t.Id)).Select(i => i.Id));
            string funds = List(scenario.Initiatives.Where(i => i.Funders.Contains(t.Id)).Select(i => i.Id));
            string guarantees = List(scenario.Agreements.Where(a => a.Guarantors.Contains(t.Id)).Select(a => a.Id));
            string participants = List(scenario.Initiatives.SelectMany(i => i.Participants.Where(p => p.ThirdParty && p.State == t.Id).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Count} {p.Role.Replace('_', ' ')} in {i.Id}"))));
            md.Append(CultureInfo.InvariantCulture, $"| {t.Id} | {Cell(t.Name)} | {Names.Snake(t.Kind)} | {trust} | {hosts} | {funds} | {guarantees} | {Cell(participants)} |\n");
        }

        md.Append('\n');

        static string List(IEnumerable<string> items)
        {
            string text = string.Join(", ", items);
            return text.Length == 0 ? "none" : text;
        }
    }

    private static void Initiatives(StringBuilder md, Scenario scenario)
    {
        md.Append("## Track II initiatives\n\n");
        if (scenario.Initiatives.IsEmpty)
        {
            md.Append("None.\n\n");
            return;
        }

        md.Append("| id | name | states | from | to | meets every | resilience | participants | topics |\n|---|---|---|---|---|---|---|---|---|\n");
        foreach (var i in scenario.Initiatives)
        {
            string participants = string.Join(", ", i.Participants.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Count} {p.Role.Replace('_', ' ')} ({p.State}{(p.ThirdParty ? ", third party" : $", alignment {Number(p.Alignment)}")}{(p.From is { } from ? $", from {Date(from)}" : string.Empty)}{(p.Until is { } until ? $", until {Date(until)}" : string.Empty)})")));
            string topics = string.Join(", ", i.Topics.Select(t => t.Core ? $"{t.Name} (core)" : t.Name));
            md.Append(CultureInfo.InvariantCulture, $"| {i.Id} | {Cell(i.Name)} | {string.Join(", ", i.States)} | {Date(i.Start)} | {(i.End is { } end ? Date(end) : "end of run")} | {i.MeetingInterval} | {Number(i.Resilience)} | {Cell(participants)} | {Cell(topics)} |\n");
        }

        md.Append('\n');
    }

    private static void Parameters(StringBuilder md, Scenario scenario, IReadOnlyList<string> overrides)
    {
        var overridden = overrides
            .Select(o => o.Split('=', 2)[0].Trim())
            .Where(p => p.StartsWith("parameters.", StringComparison.Ordinal))
            .Select(p => p["parameters.".Length..])
            .Select(p => p.Split('.') is [var group, var name, var state] ? ParameterSet.StateKey($"{group}.{name}", state) : p)
            .ToHashSet(StringComparer.Ordinal);
        md.Append("## Parameters\n\n");
        md.Append("Rates are per year; the engine converts them to the step length. The source says where a value comes from: the default, the lens, the scenario file, or an override on the command line.\n\n");
        md.Append("| parameter | value | default | range | unit | source | meaning |\n|---|---|---|---|---|---|---|\n");
        foreach (var p in ParameterCatalog.All)
        {
            double value = scenario.Parameters[p.Key];
            string source = overridden.Contains(p.Key) ? OverrideSource : scenario.Parameters.SourceOf(p.Key);
            string shown = source == "default" ? Number(value) : $"**{Number(value)}**";
            md.Append(CultureInfo.InvariantCulture, $"| `{p.Key}` | {shown} | {Number(p.Default)} | {Number(p.Min)} to {Number(p.Max)} | {Cell(p.Unit)} | {source} | {Cell(p.Description)} |\n");
        }

        foreach (var (key, value) in scenario.Parameters.Overrides.Where(o => o.Key.Contains('[', StringComparison.Ordinal)))
        {
            string source = overridden.Contains(key) ? OverrideSource : scenario.Parameters.SourceOf(key);
            md.Append(CultureInfo.InvariantCulture, $"| `{key}` | **{Number(value)}** | | | | {source} | for one state |\n");
        }

        md.Append('\n');
    }

    private static void Events(StringBuilder md, Scenario scenario)
    {
        md.Append("## Events\n\n");
        if (scenario.Events.IsEmpty)
        {
            md.Append("None.\n\n");
            return;
        }

        md.Append("The governments decide when to suspend and resume the official dialogue and which agreements to reach (rules TI-TALKS and TI-AGREE). ");
        md.Append(scenario.Events.Any(e => e.Decided)
            ? "Events marked **decided** take those decisions for them, as the scenario scripts them (*scripted* in the effects); the event log marks them as scripted.\n\n"
            : "No event scripts those decisions: every official outcome of a run is the model's.\n\n");
        md.Append("| date | event | kind | severity | actors | effects | source |\n|---|---|---|---|---|---|---|\n");
        foreach (var e in scenario.Events)
        {
            string date = e.IsSpan ? $"{Date(e.Date)} to {Date(e.End!.Value)}" : Date(e.Date);
            string name = $"{Cell(e.Name)} (`{e.Id}`){(e.Decided ? ", **decided**" : string.Empty)}";
            md.Append(CultureInfo.InvariantCulture, $"| {date} | {name} | {Names.Snake(e.Kind)} ({e.Valence.ToString().ToLowerInvariant()}) | {Number(e.Severity)} | {string.Join(", ", e.Actors)} | {Cell(Effects(e))} | {Cell(e.Source ?? "not given")} |\n");
        }

        md.Append('\n');
    }

    private static void Agreements(StringBuilder md, Scenario scenario)
    {
        md.Append("## Agreements on the table\n\n");
        if (scenario.Agreements.IsEmpty)
        {
            md.Append("None: the governments decide on the official dialogue, but no agreement is on the table.\n\n");
            return;
        }

        md.Append("The model decides whether and when each agreement is reached (rule TI-AGREE): talks on it make progress while both governments' readiness is at least its threshold (and, where it needs talks, while the official dialogue is open), taking about its work in years at full readiness. ");
        md.Append("Threshold, work and the need of talks default by kind; a value in bold is the scenario's own. ");
        md.Append("The historical dates are when history reached the agreement: targets to compare a run with, never inputs.\n\n");
        md.Append("| id | name | states | kind | topic | threshold | work (years) | needs talks | on the table from | significance | terms | reversible | historical dates (targets) | source |\n");
        md.Append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var a in scenario.Agreements)
        {
            string needsTalks = Marked(a.NeedsTalks ? "yes" : "no", a.NeedsTalks == AgreementKinds.NeedsTalks(a.Kind));
            string from = a.From is { } start ? Date(start) : "the start";
            string historical = a.Historical.IsEmpty ? "never reached" : string.Join(", ", a.Historical.Select(Date));
            md.Append(CultureInfo.InvariantCulture, $"| `{a.Id}` | {Cell(a.Name)} | {string.Join(", ", a.States)} | {Names.Snake(a.Kind)} | {(a.Topic is { } topic ? $"`{topic}`" : "none")} ");
            md.Append(CultureInfo.InvariantCulture, $"| {Marked(Number(a.Threshold), a.Threshold == AgreementKinds.Threshold(a.Kind))} | {Marked(Number(a.Work), a.Work == AgreementKinds.Work(a.Kind))} | {needsTalks} | {from} | {Number(a.Severity)} ");
            md.Append(CultureInfo.InvariantCulture, $"| {Cell(Terms(a.Terms))} | {(a.Reversible ? "yes" : "no")} | {historical} | {Cell(a.Source ?? "not given")} |\n");
        }

        md.Append('\n');
    }

    private static string Terms(AgreementTerms terms)
    {
        var parts = new List<string>();
        if (terms.IncidentReduction != 0)
        {
            parts.Add($"prevents a share {Number(terms.IncidentReduction)} of incidents");
        }

        if (terms.Restraint != 0)
        {
            parts.Add($"restraint {Number(terms.Restraint)}/year");
        }

        if (terms.Cbm != 0)
        {
            parts.Add($"CBM {Number(terms.Cbm)}");
        }

        parts.AddRange(terms.CreateLinks.Select(l => $"creates link {l.Id}"));
        return parts.Count == 0 ? "the signing only" : string.Join("; ", parts);
    }

    // A value that is not the default, in bold.
    private static string Marked(string value, bool isDefault) => isDefault ? value : $"**{value}**";

    private static void Variants(StringBuilder md, Scenario scenario)
    {
        md.Append("## Variants\n\n");
        if (scenario.Variants.IsEmpty)
        {
            md.Append("None: only the scenario as written (`base`) is run.\n\n");
            return;
        }

        md.Append("Each variant is the base scenario with the changes listed (values set by path first, then the others); replicate r of every variant draws the same random numbers (common random numbers), so differences between variants are effects, not noise.\n\n");
        md.Append("| variant | question | changes |\n|---|---|---|\n");
        foreach (var v in scenario.Variants)
        {
            // The values set by path first: the other changes are made on the scenario with them in place.
            var changes = v.Set.Select(e => $"`{e.Key}` set to {e.Value}").ToList();
            if (v.Lens is { } lens)
            {
                changes.Add($"lens {lens}");
            }

            changes.AddRange(v.Mechanisms.Select(m => $"mechanism {m.Key} {(m.Value ? "on" : "off")}"));
            changes.AddRange(v.Parameters.Select(p => $"`{p.Key}` = {Number(p.Value)}"));
            changes.AddRange(v.RemoveEvents.Select(e => $"without event {e}"));
            changes.AddRange(v.AddEvents.Select(e => $"with event {e.Id} ({Date(e.Date)})"));
            changes.AddRange(v.RemoveInitiatives.Select(i => $"without initiative {i}"));
            changes.AddRange(v.AddInitiatives.Select(i => $"with initiative {i.Id}"));
            changes.AddRange(v.RemovedAgreements.Select(a => $"without agreement {a}"));
            md.Append(CultureInfo.InvariantCulture, $"| `{v.Name}` | {Cell(v.Description ?? string.Empty)} | {Cell(changes.Count == 0 ? "none" : string.Join("; ", changes))} |\n");
        }

        md.Append('\n');
    }

    private static void Ensemble(StringBuilder md, Scenario scenario, IReadOnlyList<string> overrides)
    {
        md.Append("## Ensemble\n\n");
        md.Append(CultureInfo.InvariantCulture, $"{scenario.Ensemble.Replicates} replicates per variant from master seed {scenario.Ensemble.Seed}. ");
        md.Append("Every random stream derives from the seed, the variant, the replicate and the stream's name, so the same scenario, seed and version give identical results on any number of threads.\n\n");
        if (overrides.Count > 0)
        {
            md.Append("Values set on the command line:\n\n");
            foreach (string o in overrides)
            {
                md.Append(CultureInfo.InvariantCulture, $"- `--set {o}`\n");
            }

            md.Append('\n');
        }
    }

    private static string Effects(EventSpec e)
    {
        var effects = e.Effects;
        var parts = new List<string>();

        // Only a decided event scripts the governments' decisions; the loader refuses them elsewhere.
        if (e.Decided)
        {
            if (effects.Dialogue is { } dialogue)
            {
                parts.Add(dialogue == DialogueStatus.Open ? "resumes dialogue (scripted)" : "suspends dialogue (scripted)");
            }

            if (effects.KeepDialogue)
            {
                parts.Add("dialogue kept open (scripted)");
            }

            parts.AddRange(effects.Agreements.Select(a => $"reaches agreement {a} (scripted)"));
        }

        if (effects.Cbm != 0)
        {
            parts.Add($"CBM {Number(effects.Cbm)}");
        }

        parts.AddRange(effects.CreateLinks.Select(l => $"creates link {l.Id}"));
        parts.AddRange(effects.SuspendLinks.Select(l => $"suspends link {l}"));
        parts.AddRange(effects.ResumeLinks.Select(l => $"resumes link {l}"));
        parts.AddRange(effects.Hawkishness.Select(h => $"hawkishness of {h.Key} to {Number(h.Value)}"));
        parts.AddRange(effects.StartInitiatives.Select(i => $"starts {i}"));
        parts.AddRange(effects.StopInitiatives.Select(i => $"stops {i}"));
        parts.AddRange(effects.Contacts.Select(c => $"contacts of {c.Key} {Names.Snake(c.Value)}"));
        parts.AddRange(effects.Participants.Select(ParticipantChange));
        parts.AddRange(effects.UpgradeInitiatives.Select(u => $"upgrades {u.Key} to Track 1.5 (access at least {Number(u.Value)})"));
        return parts.Count == 0 ? "by kind and severity" : string.Join("; ", parts);
    }

    private static string ParticipantChange(ParticipantChange change)
    {
        string who = $"participants of {change.Initiative}{(change.State is { } state ? $" from {state}" : string.Empty)}{(change.Role is { } role ? $" ({role.Replace('_', ' ')})" : string.Empty)}";
        var values = new List<string>();
        if (change.Alignment is { } alignment)
        {
            values.Add($"alignment {Number(alignment)}");
        }

        if (change.Access is { } access)
        {
            values.Add($"access {Number(access)}");
        }

        return $"{who} to {string.Join(" and ", values)}";
    }

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    // A table cell: one line, and a pipe would end the cell.
    private static string Cell(string text) => OneLine(text).Replace("|", "\\|", StringComparison.Ordinal);
}
