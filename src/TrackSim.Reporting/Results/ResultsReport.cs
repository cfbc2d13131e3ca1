namespace TrackSim.Reporting.Results;

/// <summary>What writing a results folder produced.</summary>
/// <param name="Folder">The results folder.</param>
/// <param name="Manifest">The manifest written, listing every file.</param>
/// <param name="Notes">Things the user should know (a chart skipped, a font replaced).</param>
public sealed record ResultsReport(string Folder, Manifest Manifest, IReadOnlyList<string> Notes);
