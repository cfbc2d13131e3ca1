using System.Globalization;
using System.Text;
using TrackSim.Core.Domain;
using TrackSim.Experiments.Ensembles;
using TrackSim.Experiments.Outcomes;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Tests.Validation;

/// <summary>
/// The ablation table of docs/VALIDATION.md: the India-Pakistan scenario's official-outcome
/// targets met by the full model, by its no-track2 variant, by the model with each group of
/// mechanisms switched off and by the stripped model, on the scenario's own seed and replicates.
/// This test makes the table: run it with UPDATE_DOCS=1 to rewrite it, and it fails when the page
/// and the runs differ.
/// </summary>
public sealed class AblationTableTests
{
    private const string DocFile = "docs/VALIDATION.md";
    private const string Begin = "<!-- ablation table: made by tests/TrackSim.Tests/Validation/AblationTableTests.cs -->\n";
    private const string End = "<!-- end of the ablation table -->";

    /// <summary>The groups of mechanisms switched off together, in the table's order.</summary>
    private static readonly (string Name, string[] Mechanisms)[] Groups =
    [
        ("Track II core: meetings, transfer, outreach, co-optation", ["track2_meetings", "transfer", "outreach", "co_optation"]),
        ("the nine tracks' own mechanisms", ["business_track", "faith_track", "funding_track", "research_track", "media_track", "activism_track", "exchange_track", "youth_pipeline", "working_language"]),
        ("citizens: influence, noise, media, contact, turnover", ["social_influence", "opinion_noise", "media", "contact", "turnover"]),
        ("functional links: growth, spillover, suspension", ["functional_growth", "spillover", "link_suspension"]),
        ("states: audience pressure, incidents", ["audience_pressure", "incidents"]),
        ("spoilers", ["spoilers"]),
        ("stripped: the 13 mechanisms of StrippedModelTests", ["track2_meetings", "transfer", "outreach", "social_influence", "contact", "turnover", "opinion_noise", "functional_growth", "spillover", "audience_pressure", "incidents", "co_optation", "link_suspension"]),
    ];

    [Test]
    public void The_ablation_table_in_VALIDATION_md_is_that_of_the_runs()
    {
        var loaded = ScenarioLoader.LoadFile(RepositoryFiles.PathOf("scenarios/india-pakistan-1984-2021.yaml"));
        Assert.That(loaded.Errors, Is.Empty);
        var full = loaded.Scenario!;

        var fullTargets = Targets(full, "base");
        var passed = fullTargets.Where(t => t.Share >= 0.5).Select(t => t.Key).ToHashSet();
        var rows = new List<(string Model, IReadOnlyList<(string Key, double Share)> Targets)>
        {
            ("full model", fullTargets),
            ("the scenario's no-track2 variant (every initiative removed)", Targets(full, "no-track2")),
        };
        foreach (var (name, mechanisms) in Groups)
        {
            var set = full.Mechanisms;
            foreach (string mechanism in mechanisms)
            {
                set = set.With(mechanism, false);
            }

            rows.Add(($"off: {name}", Targets(full with { Mechanisms = set }, "base")));
        }

        var table = new StringBuilder();
        table.Append("| model | share of the 16 targets met | targets met in at least half the runs | of the full model's, missed |\n|---|---|---|---|\n");
        foreach (var (model, targets) in rows)
        {
            var met = targets.Where(t => t.Share >= 0.5).Select(t => t.Key).ToArray();
            var missed = passed.Where(k => !met.Contains(k)).Order(StringComparer.Ordinal).ToArray();
            table.Append(CultureInfo.InvariantCulture, $"| {model} | {targets.Average(t => t.Share):0.00} | {met.Length} | {(missed.Length == 0 ? "none" : string.Join(", ", missed))} |\n");
        }

        string doc = RepositoryFiles.Read(DocFile);
        int begin = doc.IndexOf(Begin, StringComparison.Ordinal);
        int end = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.That(begin >= 0 && end > begin, Is.True, $"{DocFile} must hold the line {Begin.Trim()} and, after it, the line {End}");
        string expected = "\n" + table + "\n";
        string actual = doc[(begin + Begin.Length)..end];
        if (RepositoryFiles.Updating && actual != expected)
        {
            RepositoryFiles.Write(DocFile, doc[..(begin + Begin.Length)] + expected + doc[end..]);
            actual = expected;
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(actual, Is.EqualTo(expected), $"{DocFile}'s ablation table differs from the runs; run the tests with UPDATE_DOCS=1 to rewrite it");
            Assert.That(passed, Is.Not.Empty, "the full model meets some target in at least half its runs");
        }
    }

    /// <summary>Each target (agreement and date) with the share of the variant's runs that met it within 12 months.</summary>
    private static List<(string Key, double Share)> Targets(Scenario scenario, string variant) =>
        [.. AgreementTable.Targets(Ensemble.Run(scenario, new EnsembleOptions { Threads = 2, Variants = [variant] }))
            .Where(r => r.Variant == variant)
            .Select(r => ($"{r.Agreement} {r.Target:yyyy-MM}", r.WithinShare))];
}
