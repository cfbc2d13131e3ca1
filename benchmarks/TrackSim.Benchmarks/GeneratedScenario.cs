using System.Globalization;
using System.Text;

namespace TrackSim.Benchmarks;

/// <summary>
/// Writes a valid scenario of a chosen size as YAML text, to measure how loading scales
/// beyond the small shipped files. The content is made up but exercises what real files
/// use: block and flow styles, every event field, effects that refer to states,
/// initiatives and functional links, and initiatives with topics and participant groups.
/// </summary>
internal static class GeneratedScenario
{
    private const int FirstYear = 1950;
    private const int Months = 100 * 12;

    private static readonly string[] States = ["AA", "BB", "CC", "DD"];
    private static readonly string[] StateNames = ["Atlantis", "Borduria", "Carpania", "Dalmatia"];
    private static readonly string[] Kinds = ["crisis", "summit", "incident", "agreement", "terror_attack", "cbm", "election", "track2", "military_operation", "functional"];
    private static readonly string[] Roles = ["former_diplomat", "former_military", "journalist", "academic", "business", "ngo_worker", "youth", "religious_leader"];
    private static readonly string[] Sectors = ["water", "trade", "energy", "transit", "travel", "health"];

    /// <summary>A scenario over 100 years of months with four states and the given counts.</summary>
    public static string Build(int events, int initiatives)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        ArgumentOutOfRangeException.ThrowIfNegative(initiatives);
        var yaml = new StringBuilder(capacity: 256 * (events + initiatives) + 2048);
        WriteHeader(yaml, events, initiatives);
        WriteInitiatives(yaml, initiatives);
        WriteEvents(yaml, events, initiatives);
        return yaml.ToString();
    }

    private static void WriteHeader(StringBuilder yaml, int events, int initiatives)
    {
        Line(yaml, $"# Generated for the loading benchmark: {events} events, {initiatives} initiatives.");
        Text(yaml, "name: generated");
        Line(yaml, $"title: Generated scenario with {events} events and {initiatives} initiatives");
        Line(yaml, $"calendar: {{ start: {FirstYear}-01, end: {FirstYear + (Months / 12) - 1}-12, step: month }}");
        Text(yaml, "states:");
        for (int s = 0; s < States.Length; s++)
        {
            Line(yaml, $"  - id: {States[s]}");
            Line(yaml, $"    name: {StateNames[s]}");
            Line(yaml, $"    posture: {Number(0.3 + (0.1 * s))}");
        }

        Text(yaml, "dyads:");
        for (int a = 0; a < States.Length; a++)
        {
            for (int b = a + 1; b < States.Length; b++)
            {
                Line(yaml, $"  - states: [{States[a]}, {States[b]}]");
                Line(yaml, $"    tension: {Number(0.2 + (0.05 * (a + b)))}");
                Text(yaml, "    functional_links:");
                Line(yaml, $"      - {{ id: {LinkId(a, b)}, sector: {Sectors[(a + b) % Sectors.Length]}, strength: 0.4, threshold: 0.9 }}");
            }
        }
    }

    private static void WriteInitiatives(StringBuilder yaml, int initiatives)
    {
        if (initiatives == 0)
        {
            return;
        }

        Text(yaml, "initiatives:");
        for (int i = 0; i < initiatives; i++)
        {
            string first = States[i % States.Length];
            string second = States[(i + 1) % States.Length];
            Line(yaml, $"  - id: {InitiativeId(i)}");
            Line(yaml, $"    name: Initiative number {i + 1}");
            Line(yaml, $"    states: [{first}, {second}]");
            Line(yaml, $"    start: {Month(i * Months / (initiatives + 1))}");
            Line(yaml, $"    meeting_interval: {3 + (i % 10)} months");
            Line(yaml, $"    resilience: {Number(0.1 * (i % 10))}");
            Text(yaml, "    topics:");
            Line(yaml, $"      - {{ id: core, core: true, positions: {{ {first}: 0.2, {second}: 0.8 }} }}");
            Text(yaml, "      - id: trade");
            Text(yaml, "        name: Trade and visas");
            Text(yaml, "    participants:");
            Line(yaml, $"      - {{ state: {first}, role: {Roles[i % Roles.Length]}, count: {1 + (i % 5)} }}");
            Line(yaml, $"      - {{ state: {second}, role: {Roles[(i + 3) % Roles.Length]}, count: {1 + (i % 4)}, alignment: 0.5 }}");
            Line(yaml, $"      - {{ state: {first}, role: journalist, count: 2, reach: 0.1 }}");
        }
    }

    private static void WriteEvents(StringBuilder yaml, int events, int initiatives)
    {
        if (events == 0)
        {
            return;
        }

        Text(yaml, "events:");
        for (int e = 0; e < events; e++)
        {
            int a = e % States.Length;
            int b = (e + 1 + (e / States.Length % (States.Length - 1))) % States.Length;
            string kind = Kinds[e % Kinds.Length];
            Line(yaml, $"  - id: event-{e + 1:D5}");
            Line(yaml, $"    name: Event number {e + 1}");
            Line(yaml, $"    date: {Month((int)((long)e * Months / events))}-{1 + (e % 28):D2}");
            Line(yaml, $"    kind: {kind}");
            Line(yaml, $"    severity: {Number(0.1 + (0.05 * (e % 17)))}");
            Line(yaml, $"    actors: [{States[a]}, {States[b]}]");
            WriteEffects(yaml, e, kind, a, b, initiatives);
            Text(yaml, "    source: \"Generated for the loading benchmark\"");
        }
    }

    private static void WriteEffects(StringBuilder yaml, int e, string kind, int a, int b, int initiatives)
    {
        switch (kind)
        {
            case "crisis":
                Text(yaml, "    decided: true");
                Line(yaml, $"    effects: {{ dialogue: suspend, suspend_links: [{LinkId(Math.Min(a, b), Math.Max(a, b))}] }}");
                break;
            case "summit":
                Text(yaml, "    decided: true");
                Text(yaml, "    effects:");
                Text(yaml, "      dialogue: resume");
                Text(yaml, "      cbm: 0.2");
                Line(yaml, $"      resume_links: [{LinkId(Math.Min(a, b), Math.Max(a, b))}]");
                break;
            case "track2" when initiatives > 0:
                Line(yaml, $"    effects: {{ start_initiatives: [{InitiativeId(e % initiatives)}] }}");
                break;
            case "election":
                Line(yaml, $"    effects: {{ hawkishness: {{ {States[a]}: {Number(0.2 + (0.1 * (e % 7)))} }} }}");
                break;
            default:
                break;
        }
    }

    private static string LinkId(int a, int b) =>
        string.Create(CultureInfo.InvariantCulture, $"link-{States[a].ToLowerInvariant()}-{States[b].ToLowerInvariant()}");

    private static string InitiativeId(int i) => string.Create(CultureInfo.InvariantCulture, $"initiative-{i + 1:D4}");

    private static string Month(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{FirstYear + (index / 12)}-{1 + (index % 12):D2}");

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder yaml, FormattableString text) =>
        yaml.Append(text.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private static void Text(StringBuilder yaml, string text) => yaml.Append(text).Append('\n');
}
