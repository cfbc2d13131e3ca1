using System.Text;

namespace TrackSim.Cli;

/// <summary>
/// Writes a file under a temporary name beside it, then renames it into place, so an
/// interrupted write never leaves a half-written file that looks complete.
/// </summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes <paramref name="text"/> as UTF-8 (no byte order mark) to <paramref name="path"/>,
    /// replacing any file there; failures are <see cref="IOException"/>s that name <paramref name="path"/>.
    /// </summary>
    public static void WriteAllText(string path, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(text);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? ".";
        if (Directory.Exists(full))
        {
            throw new IOException($"cannot write {path}: it is a folder; give a file name");
        }

        if (!Directory.Exists(folder))
        {
            throw new IOException($"cannot write {path}: the folder {folder} does not exist");
        }

        string temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, text, Utf8NoBom);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The temporary name would only confuse; the reason is what the user needs.
            throw new IOException($"cannot write {path}: {e.Message.Replace(temporary, path, StringComparison.Ordinal)}", e);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
