using System.Security.Cryptography;

namespace TrackSim.Reporting.Files;

/// <summary>SHA-256 digests as lower-case hexadecimal, the form <c>sha256sum</c> prints.</summary>
public static class FileHash
{
    /// <summary>The SHA-256 of the file at <paramref name="path"/>.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
