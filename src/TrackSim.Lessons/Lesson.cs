namespace TrackSim.Lessons;

/// <summary>A scenario offered to the page, addressed by its id and never by where it came from.</summary>
/// <param name="Id">Identifier the page uses (the file name without its extension, made unique).</param>
/// <param name="File">The name the scenario was loaded under (its file); stays with the host.</param>
/// <param name="Yaml">The scenario's text, read once when the catalog was built.</param>
/// <param name="Title">The scenario's title.</param>
/// <param name="Description">The scenario's description, or empty.</param>
public sealed record Lesson(string Id, string File, string Yaml, string Title, string Description);

/// <summary>A scenario text and the file name it is loaded under (the name gives the lesson's id).</summary>
/// <param name="File">The file the text came from; a path or a bare file name.</param>
/// <param name="Yaml">The scenario text.</param>
public sealed record LessonSource(string File, string Yaml);
