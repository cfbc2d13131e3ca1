using System.Collections.Immutable;
using System.Text;
using TrackSim.Scenarios.Schema;
using TrackSim.Scenarios.Yaml;

namespace TrackSim.Scenarios.Loading;

/// <summary>
/// Loads a scenario: YAML text, then a positioned node tree, then the structural check against
/// <see cref="ScenarioSchema"/>, then the mapping to an immutable scenario with the semantic
/// checks, then each variant's <c>set</c> values on a copy of the tree (see
/// <see cref="VariantSettings"/>). Every problem is reported at once; bad input never throws.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Loads the scenario file at <paramref name="path"/>.</summary>
    public static LoadResult LoadFile(string path) => LoadFile(path, []);

    /// <summary>
    /// Loads the scenario file at <paramref name="path"/> with <paramref name="overrides"/> applied
    /// before validation; problems with an override are reported at <c>--set:N:1</c>.
    /// </summary>
    public static LoadResult LoadFile(string path, IReadOnlyList<Override> overrides)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(overrides);
        string text;
        try
        {
            var info = new FileInfo(path);
            if (Directory.Exists(path))
            {
                return Fail(path, "this is a directory; expected a scenario file (.yaml)");
            }

            if (!info.Exists)
            {
                return Fail(path, "no such file");
            }

            if (info.Length > YamlLimits.MaxFileBytes)
            {
                return Fail(path, $"the file is {info.Length:N0} bytes; a scenario may be at most {YamlLimits.MaxFileBytes:N0} bytes");
            }

            if (ReadBounded(path) is not { } bytes)
            {
                return Fail(path, $"the file is more than {YamlLimits.MaxFileBytes:N0} bytes; a scenario may be at most {YamlLimits.MaxFileBytes:N0} bytes");
            }

            using var reader = new StreamReader(new MemoryStream(bytes, writable: false), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd();
        }
        catch (DecoderFallbackException)
        {
            return Fail(path, "the file is not UTF-8 text; a scenario is a YAML text file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(path, $"cannot read the file ({e.Message})");
        }

        return LoadText(text, path, overrides);
    }

    /// <summary>
    /// The bytes of the file, read in chunks and never more than <see cref="YamlLimits.MaxFileBytes"/>
    /// of them, whatever size the file reports (a device, a pipe or a file still growing reports
    /// none or a wrong one); null when the file holds more.
    /// </summary>
    private static byte[]? ReadBounded(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        using var content = new MemoryStream();
        byte[] chunk = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (content.Length + read > YamlLimits.MaxFileBytes)
            {
                return null;
            }

            content.Write(chunk, 0, read);
        }

        return content.ToArray();
    }

    /// <summary>Loads a scenario from YAML text; <paramref name="file"/> names it in messages and gives the default name.</summary>
    public static LoadResult LoadText(string text, string file) => LoadText(text, file, []);

    /// <summary>Loads a scenario from YAML text with <paramref name="overrides"/> applied before validation.</summary>
    public static LoadResult LoadText(string text, string file, IReadOnlyList<Override> overrides)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(overrides);
        var context = new ValidationContext(file);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return Fail(file, "the file holds binary data; a scenario is a YAML text file");
        }

        var root = YamlTreeReader.Read(text, file, context.Errors);
        if (root is null)
        {
            return Result(null, context);
        }

        if (root is YamlScalar { IsNull: true })
        {
            context.Error(Position.Start, string.Empty, "the file is empty; expected a scenario mapping with calendar and states");
            return Result(null, context);
        }

        if (root is not YamlMapping mapping)
        {
            context.Error(root, string.Empty, $"expected a scenario mapping with keys such as calendar and states, found {root.KindName}; is this a TrackSim scenario?");
            return Result(null, context);
        }

        Overrides.Apply(mapping, overrides, context);
        ScenarioSchema.Root.Validate(mapping, string.Empty, context);
        var scenario = ScenarioMapper.Map(mapping, context, DefaultName(file));

        // Variants' set values are tried on the scenario only once it is sound, so that a
        // problem of the file is reported once, where it is, not again for every variant.
        if (scenario is not null)
        {
            scenario = VariantSettings.Apply(mapping, scenario, context, DefaultName(file));
        }

        var result = Result(scenario, context);
        return overrides.Count == 0 ? result : result with { Errors = [.. result.Errors.Select(e => Overrides.Relocate(e, overrides))] };
    }

    /// <summary>Most errors reported for one file; a file with more is broken beyond a list of fixes.</summary>
    public const int MaxErrors = 200;

    private static LoadResult Result(Core.Domain.Scenario? scenario, ValidationContext context)
    {
        var errors = context.Errors
            .Distinct()
            .OrderBy(e => e.Line)
            .ThenBy(e => e.Column)
            .ToList();
        if (errors.Count > MaxErrors)
        {
            var last = errors[MaxErrors - 1];
            int more = errors.Count - MaxErrors;
            errors = [.. errors.Take(MaxErrors), new Diagnostic(context.File, last.Line, last.Column, string.Empty, $"{more} more errors not shown; fix the ones above first")];
        }

        return new LoadResult(errors.Count == 0 ? scenario : null, [.. errors]);
    }

    private static LoadResult Fail(string file, string message) =>
        new(null, [new Diagnostic(file, 1, 1, string.Empty, message)]);

    private static string DefaultName(string file)
    {
        string stem = Path.GetFileNameWithoutExtension(file).ToLowerInvariant();
        var name = new StringBuilder();
        foreach (char c in stem)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        return name.Length == 0 ? "scenario" : name.ToString();
    }
}
