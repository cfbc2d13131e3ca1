using System.Text;

namespace TrackSim.Experiments.Files;

/// <summary>
/// Writes a file under a temporary name beside it, then renames it into place, so an
/// interrupted write (a crash, a full disk, Ctrl-C) never leaves a half-written file under the
/// final name. The temporary name starts with a dot and ends in <c>.tmp</c>.
/// </summary>
public static class AtomicFile
{
    /// <summary>UTF-8 without a byte order mark: what pandas, R and Excel read without surprises.</summary>
    public static UTF8Encoding Utf8NoBom { get; } = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes <paramref name="text"/> as UTF-8 (no byte order mark) to <paramref name="path"/>,
    /// replacing any file there; failures are <see cref="IOException"/>s that name <paramref name="path"/>.
    /// </summary>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Write(path, stream =>
        {
            byte[] bytes = Utf8NoBom.GetBytes(text);
            stream.Write(bytes);
        });
    }

    /// <summary>
    /// Writes text through a writer with LF line ends to <paramref name="path"/>; <paramref name="write"/>
    /// may throw (for example <see cref="OperationCanceledException"/>), and then nothing is left behind.
    /// </summary>
    public static void WriteText(string path, Action<TextWriter> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write(
            path,
            stream =>
            {
                using var writer = new StreamWriter(stream, Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
                write(writer);
            },
            cancellationToken);
    }

    /// <summary>
    /// Writes bytes through <paramref name="write"/> to a temporary file beside <paramref name="path"/>
    /// and renames it to <paramref name="path"/> when complete, replacing any file there.
    /// </summary>
    public static void Write(string path, Action<Stream> write, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
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

        // A rename would replace a link, a FIFO or a device node itself (as root, /dev/null).
        var kind = FileKinds.Of(full);
        if (kind is FileKind.SymbolicLink or FileKind.Special)
        {
            throw new OutputFolderException($"cannot write {path}: it is {FileKinds.Describe(kind)}, not a regular file; TrackSim replaces only regular files");
        }

        var staged = StagedWrites.For(full);
        string temporary = TemporaryName(full);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                write(stream);
                cancellationToken.ThrowIfCancellationRequested();
                stream.Flush(flushToDisk: true);
            }

            if (staged is not null)
            {
                staged.Add(temporary, full);
                temporary = string.Empty;
                return;
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The temporary name would only confuse; the reason is what the user needs.
            throw new IOException($"cannot write {path}: {e.Message.Replace(temporary, path, StringComparison.Ordinal)}", e);
        }
        finally
        {
            if (temporary.Length > 0 && File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>
    /// Renames the complete file <paramref name="temporary"/> to <paramref name="final"/>, unless
    /// <paramref name="final"/> has become something other than a regular file meanwhile.
    /// </summary>
    internal static void Replace(string temporary, string final)
    {
        var kind = FileKinds.Of(final);
        if (kind is not (FileKind.Missing or FileKind.Regular))
        {
            File.Delete(temporary);
            throw new OutputFolderException($"cannot write {final}: it is {FileKinds.Describe(kind)}, not a regular file; TrackSim replaces only regular files");
        }

        File.Move(temporary, final, overwrite: true);
    }

    /// <summary>Whether <paramref name="fileName"/> is a temporary name this class makes.</summary>
    public static bool IsTemporaryName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return fileName.StartsWith('.') && fileName.EndsWith(".tmp", StringComparison.Ordinal);
    }

    private static string TemporaryName(string full) =>
        Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
}
