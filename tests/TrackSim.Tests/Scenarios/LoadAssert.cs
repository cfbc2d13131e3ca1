using System.Globalization;
using NUnit.Framework;
using TrackSim.Core.Domain;
using TrackSim.Scenarios;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Tests.Scenarios;

/// <summary>Loads YAML text as <c>test.yaml</c> and checks its diagnostics by position, path and key words.</summary>
internal static class LoadAssert
{
    /// <summary>The file name every test text is loaded under.</summary>
    public const string FileName = "test.yaml";

    /// <summary>Loads <paramref name="yaml"/> as <see cref="FileName"/>.</summary>
    public static LoadResult Load(string yaml) => ScenarioLoader.LoadText(yaml, FileName);

    /// <summary>Loads <paramref name="yaml"/> and asserts it is valid, listing the diagnostics if not.</summary>
    public static Scenario Valid(string yaml)
    {
        var result = Load(yaml);
        Assert.That(result.Errors, Is.Empty, () => Describe(result));
        Assert.That(result.Scenario, Is.Not.Null);
        return result.Scenario!;
    }

    /// <summary>
    /// Loads <paramref name="yaml"/> and asserts that it fails with exactly one diagnostic, at the
    /// given place, whose message contains every one of <paramref name="words"/>. One diagnostic
    /// also proves the mistake does not set off follow-on errors elsewhere.
    /// </summary>
    public static Diagnostic Only(string yaml, int line, int column, string path, params string[] words)
    {
        var result = Load(yaml);
        Assert.That(result.Errors, Has.Length.EqualTo(1), () => Describe(result));
        return HasError(result, line, column, path, words);
    }

    /// <summary>Asserts that <paramref name="result"/> failed and holds a diagnostic at the given place whose message contains <paramref name="words"/>.</summary>
    public static Diagnostic HasError(LoadResult result, int line, int column, string path, params string[] words)
    {
        ArgumentNullException.ThrowIfNull(result);
        Assert.That(result.Scenario, Is.Null, "a file with errors gives no scenario");
        var found = result.Errors.FirstOrDefault(d => d.Line == line && d.Column == column && d.Path == path);
        Assert.That(found, Is.Not.Null, () => $"no diagnostic at {line}:{column} with path '{path}'; found:\n{Describe(result)}");
        Assert.That(found!.File, Is.EqualTo(FileName));
        foreach (string word in words)
        {
            Assert.That(found.Message, Does.Contain(word), () => $"in the diagnostic {found}");
        }

        return found;
    }

    /// <summary>Every diagnostic of a result, one a line, for failure messages.</summary>
    public static string Describe(LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Errors.IsEmpty
            ? "(no diagnostics)"
            : string.Join('\n', result.Errors.Select(d => string.Create(CultureInfo.InvariantCulture, $"  {d.Line}:{d.Column} [{d.Path}] {d.Message}")));
    }
}
