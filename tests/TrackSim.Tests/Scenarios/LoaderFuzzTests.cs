using System.Diagnostics;
using System.Globalization;
using NUnit.Framework;
using TrackSim.Core.Randomness;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Tests.Scenarios;

/// <summary>Broken variations of the shipped scenarios never crash or hang the loader.</summary>
public sealed class LoaderFuzzTests
{
    private const int Cases = 2400;
    private const ulong Seed = 20261127;

    [Test]
    public void Mutated_scenarios_always_give_a_result_with_placed_diagnostics()
    {
        var originals = RepositoryFiles.ShippedScenarios().Select(File.ReadAllText).ToArray();
        Assert.That(originals, Is.Not.Empty);

        // The whole loop runs on another thread so that a hang fails the test instead of the test run.
        // Both limits are liveness guards far above the ~1 ms a case takes, not speed measurements.
        var run = Task.Run(() => Run(originals));
        Assert.That(run.Wait(TimeSpan.FromSeconds(60)), Is.True, "the fuzz loop did not finish within 60 s");
        var outcome = run.Result;

        Assert.That(outcome.Failures, Is.Empty, () => string.Join("\n\n", outcome.Failures.Take(5)));

        // The mutations must mostly break the files, or the test would prove little.
        Assert.That(outcome.Invalid, Is.GreaterThan(Cases / 2));
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Cases} cases: {outcome.Invalid} invalid, slowest {outcome.SlowestMs} ms"));
    }

    private static Outcome Run(string[] originals)
    {
        var mutator = new ScenarioMutator(new Xoshiro256(Seed));
        var failures = new List<string>();
        int invalid = 0;
        long slowest = 0;
        for (int i = 0; i < Cases; i++)
        {
            string text = mutator.Mutate(originals[i % originals.Length]);
            var clock = Stopwatch.StartNew();
            string? problem;
            try
            {
                var result = ScenarioLoader.LoadText(text, "fuzz.yaml");
                problem = Check(result, text);
                invalid += result.IsValid ? 0 : 1;
            }
#pragma warning disable CA1031 // Any exception is the failure this test looks for; it is recorded with its input.
            catch (Exception e)
#pragma warning restore CA1031
            {
                problem = $"threw {e}";
            }

            slowest = Math.Max(slowest, clock.ElapsedMilliseconds);
            if (clock.Elapsed > TimeSpan.FromSeconds(5))
            {
                problem ??= string.Create(CultureInfo.InvariantCulture, $"took {clock.ElapsedMilliseconds} ms");
            }

            if (problem is not null)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"case {i} (seed {Seed}): {problem}\n--- input ---\n{text}\n---"));
            }
        }

        return new Outcome(failures, invalid, slowest);
    }

    private static string? Check(LoadResult result, string text)
    {
        if (result.IsValid)
        {
            return result.Errors.IsEmpty ? null : "a valid result carries diagnostics";
        }

        if (result.Scenario is not null)
        {
            return "an invalid result carries a scenario";
        }

        if (result.Errors.IsEmpty)
        {
            return "an invalid result has no diagnostic";
        }

        // A position past the end of the text (plus the empty line after a final newline) points nowhere.
        int lines = text.Split('\n').Length + 1;
        var misplaced = result.Errors.FirstOrDefault(d => d.Line < 1 || d.Column < 1 || d.Line > lines || d.File != "fuzz.yaml");
        return misplaced is null ? null : $"misplaced diagnostic {misplaced}";
    }

    private sealed record Outcome(List<string> Failures, int Invalid, long SlowestMs);
}
