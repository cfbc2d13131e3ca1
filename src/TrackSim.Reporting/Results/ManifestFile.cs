namespace TrackSim.Reporting.Results;

/// <summary>A file of a results folder as the manifest lists it.</summary>
/// <param name="Path">Path relative to the results folder, with forward slashes (<c>charts/tension.png</c>).</param>
/// <param name="Bytes">Size in bytes.</param>
/// <param name="Sha256">SHA-256 of the content, lower-case hexadecimal.</param>
public sealed record ManifestFile(string Path, long Bytes, string Sha256);
