namespace TrackSim.Server.Lessons;

/// <summary>A scenario offered to the page, addressed by its id and never by its path.</summary>
/// <param name="Id">Identifier the page uses (the file name without its extension, made unique).</param>
/// <param name="Path">The scenario file; stays on the server.</param>
/// <param name="Title">The scenario's title.</param>
/// <param name="Description">The scenario's description, or empty.</param>
internal sealed record Lesson(string Id, string Path, string Title, string Description);
