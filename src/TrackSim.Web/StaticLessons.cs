using System.Reflection;
using TrackSim.Lessons;

namespace TrackSim.Web;

/// <summary>
/// The lessons of the static page: the scenario texts built into this assembly, in the order
/// <c>tracksim serve</c> lists them (the teaching scenarios by file name, then the India-Pakistan
/// scenario), each under its file name so that lesson ids are the server's.
/// </summary>
public static class StaticLessons
{
    private const string Prefix = "lessons/";
    private const string TeachingPrefix = Prefix + "teaching/";

    /// <summary>The resource names of the lessons, in the order they are offered.</summary>
    public static IReadOnlyList<string> ResourceNames { get; } =
    [
        .. typeof(StaticLessons).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .OrderBy(n => n.StartsWith(TeachingPrefix, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(n => n, StringComparer.Ordinal),
    ];

    /// <summary>The lesson texts, each named by its file name (<c>co-optation.yaml</c>).</summary>
    public static IReadOnlyList<LessonSource> Sources() => [.. ResourceNames.Select(Read)];

    private static LessonSource Read(string resource)
    {
        using var stream = typeof(StaticLessons).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The lesson resource {resource} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return new LessonSource(resource[(resource.LastIndexOf('/') + 1)..], reader.ReadToEnd());
    }
}
