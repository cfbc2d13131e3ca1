using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using TrackSim.Core.Domain;
using TrackSim.Core.Recording;
using TrackSim.Experiments.Calibration;
using TrackSim.Experiments.Ensembles;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Tests.Validation;

/// <summary>
/// The ablation table of docs/VALIDATION.md: the India-Pakistan scenario scored on its calibration
/// targets (data/targets/india-pakistan-1984-2021.csv) by the full model, its no-track2 variant,
/// the model with each group of mechanisms switched off, the stripped model and the null model
/// (the events alone), on the scenario's own seed and replicates. Each model reads the surveys
/// through the survey mapping that suits it best (the two cuts of the observation model chosen on a
/// grid to minimise its distance on the survey targets), so that no model is scored with a mapping
/// fitted to another. This test makes the table: run it
/// with UPDATE_DOCS=1 to rewrite it, and it fails when the page and the runs differ.
/// </summary>
public sealed class AblationTableTests
{
    private const string DocFile = "docs/VALIDATION.md";
    private const string TargetsPath = "data/targets/india-pakistan-1984-2021.csv";

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
        var targets = TrackSim.Experiments.Calibration.TargetsFile.Read(RepositoryFiles.PathOf(TargetsPath));

        var fullRuns = Runs(full, "base");
        var rows = new List<(string Model, Score Score)>
        {
            ("full model", Score.Of(targets, fullRuns)),
            ("the scenario's no-track2 variant (every initiative removed)", Score.Of(targets, Runs(full, "no-track2"))),
        };
        foreach (var (name, mechanisms) in Groups)
        {
            var set = full.Mechanisms;
            foreach (string mechanism in mechanisms)
            {
                set = set.With(mechanism, false);
            }

            rows.Add(($"off: {name}", Score.Of(targets, Runs(full with { Mechanisms = set }, "base"))));
        }

        rows.Add(("null model: the events alone (tension a decaying sum of their severities, nothing else moves)", Score.Of(targets, [NullModel.Run(full, fullRuns[0])])));

        var passed = rows[0].Score.Met;
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"| model | targets met (of {targets.Length}) | mean distance | of the full model's targets, missed |\n|---|---|---|---|\n");
        foreach (var (model, score) in rows)
        {
            var missed = targets.Where(t => passed.Contains(t.Id) && !score.Met.Contains(t.Id)).Select(t => t.Id).ToArray();
            table.Append(CultureInfo.InvariantCulture, $"| {model} | {score.Met.Count} | {score.Distance:0.00} | {(missed.Length == 0 ? "none" : string.Join(", ", missed))} |\n");
        }

        // A target every model meets tells none apart; one no model meets says what the model lacks.
        var everyone = targets.Where(t => rows.All(r => r.Score.Met.Contains(t.Id))).Select(t => t.Id).ToArray();
        var noOne = targets.Where(t => rows.All(r => !r.Score.Met.Contains(t.Id))).Select(t => t.Id).ToArray();
        table.Append(CultureInfo.InvariantCulture, $"\nMet by every model above, so uninformative: {List(everyone)}.\n\nMet by no model above: {List(noOne)}.\n");

        GeneratedDocBlock.Check(DocFile, "ablation table", "tests/TrackSim.Tests/Validation/AblationTableTests.cs", table.ToString());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(passed, Is.Not.Empty, "the full model meets some target in at least half its runs");

            // The null model must fail something the full model meets, or the targets test nothing beyond the events.
            Assert.That(passed.Except(rows[^1].Score.Met), Is.Not.Empty, "the events alone do not meet every target the model meets");
        }
    }

    private static string List(string[] ids) => ids.Length == 0 ? "none" : string.Join(", ", ids);

    private static ImmutableArray<RunResult> Runs(Scenario scenario, string variant) =>
        [.. Ensemble.Run(scenario, new EnsembleOptions { Threads = 2, Variants = [variant] }).RunsOf(variant).OrderBy(r => r.Replicate)];

    /// <summary>The targets met in at least half the runs, and the mean distance over the runs.</summary>
    private sealed record Score(HashSet<string> Met, double Distance)
    {
        public static Score Of(ImmutableArray<CalibrationTarget> targets, IReadOnlyList<RunResult> runs)
        {
            var observation = BestObservation(targets, runs);
            var fits = runs.Select(r => TargetEvaluator.Evaluate(targets, r, observation)).ToArray();
            var met = targets.Where((t, i) => fits.Count(f => f[i].Met) * 2 >= fits.Length).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
            return new Score(met, fits.Average(f => TargetEvaluator.Distance(f)));
        }

        /// <summary>The cuts, on a grid of 0.01 by 0.02 over their ranges, with the least mean distance on the survey targets.</summary>
        private static ObservationModel BestObservation(ImmutableArray<CalibrationTarget> targets, IReadOnlyList<RunResult> runs)
        {
            var survey = targets.Where(t => t.Kind is TargetKind.Favourable or TargetKind.Unfavourable).ToArray();
            var best = ObservationModel.Default;
            double least = double.PositiveInfinity;
            for (int u = 5; u <= 60; u++)
            {
                for (int b = 0; b <= 20; b++)
                {
                    var observation = new ObservationModel(u / 100.0, b / 50.0);
                    double distance = runs.Average(r => TargetEvaluator.Distance(TargetEvaluator.Evaluate(survey, r, observation)));
                    if (distance < least)
                    {
                        (least, best) = (distance, observation);
                    }
                }
            }

            return best;
        }
    }
}
