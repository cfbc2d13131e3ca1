using System.Globalization;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Lessons;

/// <summary>
/// The lessons a page offers: a fixed list built from the scenario texts it was given. A client
/// names a lesson by id; nothing a client sends is used as a path.
/// </summary>
public sealed class LessonCatalog
{
    private readonly Dictionary<string, Lesson> _byId = new(StringComparer.Ordinal);

    /// <summary>Builds the list from <paramref name="sources"/>; a text that does not load is left out and reported in <see cref="Skipped"/>.</summary>
    public LessonCatalog(IEnumerable<LessonSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var lessons = new List<Lesson>();
        var skipped = new List<string>();
        foreach (var source in sources)
        {
            var loaded = ScenarioLoader.LoadText(source.Yaml, source.File);
            if (!loaded.IsValid)
            {
                skipped.Add(Skip(source.File, loaded.Errors.Length));
                continue;
            }

            string id = UniqueId(StemOf(source.File));
            var lesson = new Lesson(id, source.File, source.Yaml, loaded.Scenario!.Title, loaded.Scenario.Description?.Trim() ?? string.Empty);
            _byId.Add(id, lesson);
            lessons.Add(lesson);
        }

        All = lessons;
        Skipped = skipped;
    }

    /// <summary>Every lesson, in the order the texts were given.</summary>
    public IReadOnlyList<Lesson> All { get; }

    /// <summary>One line per text that was left out because it does not load.</summary>
    public IReadOnlyList<string> Skipped { get; }

    /// <summary>The lesson with <paramref name="id"/>, or null.</summary>
    public Lesson? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The line <see cref="Skipped"/> holds for a file with <paramref name="errors"/> errors.</summary>
    public static string Skip(string file, int errors) =>
        string.Create(CultureInfo.InvariantCulture, $"{file}: not offered ({errors} error{(errors == 1 ? string.Empty : "s")}; check it with 'tracksim validate')");

    // The file name without folders or extension, whichever separator the name uses.
    private static string StemOf(string file)
    {
        string name = file[(file.LastIndexOfAny(['/', '\\']) + 1)..];
        int dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }

    // Two files of one name in different folders get -2, -3... so every id stays stable for a given list.
    private string UniqueId(string stem)
    {
        string id = stem;
        for (int n = 2; _byId.ContainsKey(id); n++)
        {
            id = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}");
        }

        return id;
    }
}
