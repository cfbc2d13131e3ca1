using System.Globalization;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Server.Lessons;

/// <summary>
/// The lessons the server offers: a fixed list built from the files it was given when it started.
/// A client names a lesson by id; the server never opens a path a client sends.
/// </summary>
internal sealed class LessonCatalog
{
    private readonly Dictionary<string, Lesson> _byId = new(StringComparer.Ordinal);

    /// <summary>Builds the list from <paramref name="files"/>; a file that does not load is left out and reported in <see cref="Skipped"/>.</summary>
    public LessonCatalog(IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var lessons = new List<Lesson>();
        var skipped = new List<string>();
        foreach (string file in files)
        {
            var loaded = ScenarioLoader.LoadFile(file);
            if (!loaded.IsValid)
            {
                skipped.Add(string.Create(CultureInfo.InvariantCulture, $"{file}: not offered ({loaded.Errors.Length} error{(loaded.Errors.Length == 1 ? string.Empty : "s")}; check it with 'tracksim validate')"));
                continue;
            }

            string id = UniqueId(Path.GetFileNameWithoutExtension(file));
            var lesson = new Lesson(id, file, loaded.Scenario!.Title, loaded.Scenario.Description?.Trim() ?? string.Empty);
            _byId.Add(id, lesson);
            lessons.Add(lesson);
        }

        All = lessons;
        Skipped = skipped;
    }

    /// <summary>Every lesson, in the order the files were given.</summary>
    public IReadOnlyList<Lesson> All { get; }

    /// <summary>One line per file that was left out because it does not load.</summary>
    public IReadOnlyList<string> Skipped { get; }

    /// <summary>The lesson with <paramref name="id"/>, or null.</summary>
    public Lesson? Find(string id) => _byId.GetValueOrDefault(id);

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
