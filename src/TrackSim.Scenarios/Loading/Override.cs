using System.Collections.Immutable;

namespace TrackSim.Scenarios.Loading;

/// <summary>
/// A value set from the command line (<c>--set PATH=VALUE</c>) over one scalar of a scenario
/// file, by its YAML path: <c>citizens.per_state=500</c>, <c>parameters.posture.fear=0.3</c>,
/// <c>events[3].severity=0.5</c> or <c>events[kargil-1999].severity=0.5</c> (a list item by id).
/// Overrides edit the node tree before validation, so a bad value is reported like a bad value
/// in the file.
/// </summary>
/// <param name="Path">The YAML path of the scalar; missing mapping keys on the way are created.</param>
/// <param name="Value">The new value as YAML scalar text; quotes around it make it text.</param>
public sealed record Override(string Path, string Value)
{
    /// <summary>The name used as the file of diagnostics about overrides; their line is the override's number from 1.</summary>
    public const string DiagnosticFile = "--set";

    /// <summary>The override as typed, <c>PATH=VALUE</c>.</summary>
    public override string ToString() => $"{Path}={Value}";

    /// <summary>
    /// Parses <c>PATH=VALUE</c> texts; a text without <c>=</c> or without a path becomes a
    /// diagnostic at <c>--set:N:1</c>, where N counts the texts from 1.
    /// </summary>
    public static (ImmutableArray<Override> Overrides, ImmutableArray<Diagnostic> Errors) ParseAll(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var overrides = ImmutableArray.CreateBuilder<Override>();
        var errors = ImmutableArray.CreateBuilder<Diagnostic>();
        int number = 0;
        foreach (string text in texts)
        {
            number++;
            int equals = text.IndexOf('=', StringComparison.Ordinal);
            string path = equals < 0 ? text.Trim() : text[..equals].Trim();
            if (equals < 0 || path.Length == 0)
            {
                errors.Add(new Diagnostic(
                    DiagnosticFile,
                    number,
                    1,
                    string.Empty,
                    $"expected PATH=VALUE (such as citizens.per_state=500 or parameters.posture.fear=0.3), found '{text}'"));
                continue;
            }

            overrides.Add(new Override(path, text[(equals + 1)..].Trim()));
        }

        return (overrides.ToImmutable(), errors.ToImmutable());
    }
}
