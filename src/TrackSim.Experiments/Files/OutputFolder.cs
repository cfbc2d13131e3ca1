using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace TrackSim.Experiments.Files;

/// <summary>
/// A folder that a command writes its output into (a results, sweep or merge folder), held for
/// the whole command. It owns every write and delete there:
/// <list type="bullet">
/// <item>an exclusive lock (<see cref="LockFileName"/>, opened with <see cref="FileShare.None"/>) so two
/// commands never write one folder at once; the operating system drops it when the process ends;</item>
/// <item>paths inside it are checked segment by segment: no <c>..</c>, no absolute path, no symbolic
/// link followed, nothing replaced that is not a regular file;</item>
/// <item>a file is deleted only when its SHA-256 is the one TrackSim recorded for it;</item>
/// <item>writes can be staged (<see cref="Stage"/>) and renamed into place together, the manifest last;</item>
/// <item>temporary files of interrupted commands are removed when the folder is opened.</item>
/// </list>
/// </summary>
public sealed partial class OutputFolder : IDisposable
{
    /// <summary>The lock file; its presence also shows that TrackSim has written in the folder.</summary>
    public const string LockFileName = ".tracksim.lock";

    /// <summary>How long <see cref="Open"/> waits for another command to release the folder.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(2);

    private const int SharingViolation = unchecked((int)0x80070020);

    private FileStream? _lock;

    private OutputFolder(string path, string realPath, FileStream lockStream, bool usedBefore)
    {
        Path = path;
        FullPath = System.IO.Path.GetFullPath(path).TrimEnd(System.IO.Path.DirectorySeparatorChar);
        RealPath = realPath;
        _lock = lockStream;
        UsedBefore = usedBefore;
    }

    /// <summary>The folder as the user named it (for messages).</summary>
    public string Path { get; }

    /// <summary>The folder as an absolute path, links not resolved.</summary>
    public string FullPath { get; }

    /// <summary>The folder with every symbolic link of it and its parents resolved.</summary>
    public string RealPath { get; }

    /// <summary>Whether the lock file was there before: TrackSim has written in this folder.</summary>
    public bool UsedBefore { get; }

    /// <summary>Whether TrackSim has written in <paramref name="folder"/> (it holds the lock file).</summary>
    public static bool WasUsed(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return FileKinds.Of(System.IO.Path.Combine(folder, LockFileName)) == FileKind.Regular;
    }

    /// <summary>
    /// Creates <paramref name="folder"/> if needed, locks it (waiting up to <paramref name="wait"/>),
    /// removes TrackSim's temporary files left by an interrupted command and checks that a file can be
    /// created there. Throws <see cref="OutputFolderException"/> saying why the folder cannot be used.
    /// </summary>
    public static OutputFolder Open(string folder, TimeSpan? wait = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var kind = FileKinds.Of(folder);
        if (kind is FileKind.Regular or FileKind.Special)
        {
            throw new OutputFolderException($"{folder} is {FileKinds.Describe(kind)}, not a folder");
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputFolderException($"cannot create the folder {folder}: {e.Message}", e);
        }

        string real = RealPathOf(folder);
        string lockPath = System.IO.Path.Combine(real, LockFileName);
        var lockKind = FileKinds.Of(lockPath);
        if (lockKind is not (FileKind.Missing or FileKind.Regular))
        {
            throw new OutputFolderException($"{System.IO.Path.Combine(folder, LockFileName)} is {FileKinds.Describe(lockKind)}; TrackSim uses that name for its lock file: remove it");
        }

        var stream = AcquireLock(folder, lockPath, wait ?? DefaultWait);
        var result = new OutputFolder(folder, real, stream, lockKind == FileKind.Regular);
        try
        {
            result.RemoveTemporaries();
            result.Probe();
        }
        catch
        {
            result.Dispose();
            throw;
        }

        return result;
    }

    /// <summary>
    /// The full path of <paramref name="relative"/> (forward slashes, no <c>..</c>) inside the folder,
    /// after checking that no part of it is a symbolic link or a special file and that the last part,
    /// if it exists, is a regular file. Throws <see cref="OutputFolderException"/> otherwise.
    /// </summary>
    public string Resolve(string relative)
    {
        string? problem = Problem(relative, out string full);
        return problem is null ? full : throw new OutputFolderException(problem);
    }

    /// <summary>Whether <paramref name="relative"/> is a safe path in the folder (see <see cref="Resolve"/>).</summary>
    public bool IsSafe(string relative) => Problem(relative, out _) is null;

    /// <summary>The full path of the sub-folder <paramref name="relative"/>, created if needed, after the checks of <see cref="Resolve"/>.</summary>
    public string Folder(string relative)
    {
        string full = RealPath;
        foreach (string segment in Segments(relative))
        {
            full = System.IO.Path.Combine(full, segment);
            var kind = FileKinds.Of(full);
            if (kind == FileKind.Missing)
            {
                Directory.CreateDirectory(full);
            }
            else if (kind != FileKind.Directory)
            {
                throw new OutputFolderException($"{Display(relative)} is {FileKinds.Describe(kind)}, not a folder; TrackSim does not write through it");
            }
        }

        return full;
    }

    /// <summary>Writes <paramref name="relative"/> atomically (temporary file, then rename), after the checks of <see cref="Resolve"/>.</summary>
    public void Write(string relative, Action<Stream> write, CancellationToken cancellationToken = default)
    {
        string full = Resolve(relative);
        int slash = relative.LastIndexOf('/');
        if (slash > 0)
        {
            Folder(relative[..slash]);
        }

        AtomicFile.Write(full, write, cancellationToken);
    }

    /// <summary>
    /// Deletes <paramref name="relative"/> if it is a regular file inside the folder whose SHA-256 is
    /// <paramref name="sha256"/>, the hash TrackSim recorded when it wrote it; anything else (a path
    /// leaving the folder, a link, a file edited since) is kept. Returns whether it was deleted.
    /// </summary>
    public bool DeleteOwned(string relative, string sha256)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        if (Problem(relative, out string full) is not null || FileKinds.Of(full) != FileKind.Regular)
        {
            return false;
        }

        if (!string.Equals(Sha256(full), sha256, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        File.Delete(full);
        return true;
    }

    /// <summary>
    /// Starts staging: until the returned scope is committed, <see cref="AtomicFile"/> writes under this
    /// folder (on this logical thread) stay under their temporary names; <see cref="StagedWrites.Commit"/>
    /// renames them all into place; disposing without commit removes them.
    /// </summary>
    public StagedWrites Stage() => new(this);

    /// <summary>Releases the lock (the lock file stays, as a mark that TrackSim wrote here).</summary>
    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }

    /// <summary>SHA-256 of a file, lower-case hexadecimal.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Whether <paramref name="fileName"/> is a temporary name TrackSim makes (<c>.NAME.GUID.tmp</c>).</summary>
    public static bool IsOwnTemporary(string fileName) => TemporaryPattern().IsMatch(fileName);

    /// <summary>The real path of <paramref name="path"/>: absolute, with every symbolic link resolved.</summary>
    public static string RealPathOf(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Real(System.IO.Path.GetFullPath(path), 0);
    }

    internal string? Problem(string relative, out string full)
    {
        full = RealPath;
        if (string.IsNullOrEmpty(relative) || relative.StartsWith('/') || relative.Contains('\\', StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative))
        {
            return $"{Display(relative)}: not a relative path inside {Path}";
        }

        string[] segments = relative.Split('/');
        if (segments.Any(s => s is "" or "." or ".."))
        {
            return $"{Display(relative)}: a path with '..', '.' or an empty part is not accepted in {Path}";
        }

        for (int i = 0; i < segments.Length; i++)
        {
            full = System.IO.Path.Combine(full, segments[i]);
            var kind = FileKinds.Of(full);
            bool last = i == segments.Length - 1;
            if (kind == FileKind.Missing)
            {
                continue;
            }

            if (!last && kind != FileKind.Directory)
            {
                return $"{Display(string.Join('/', segments[..(i + 1)]))} is {FileKinds.Describe(kind)}; TrackSim does not write or delete through it";
            }

            if (last && kind != FileKind.Regular)
            {
                return $"{Display(relative)} is {FileKinds.Describe(kind)}, not a regular file; TrackSim replaces only regular files";
            }
        }

        return full.StartsWith(RealPath + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? null
            : $"{Display(relative)} is outside {Path}";
    }

    private string Display(string relative) => System.IO.Path.Combine(Path, relative ?? string.Empty);

    private static IEnumerable<string> Segments(string relative) =>
        relative.Split('/').Select(s => s is "" or "." or ".." ? throw new OutputFolderException($"'{relative}' is not a plain folder name") : s);

    private static FileStream AcquireLock(string folder, string lockPath, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive advisory lock (flock) that the kernel drops with the process.
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException e) when (e.HResult == SharingViolation || e.Message.Contains("being used by another process", StringComparison.Ordinal))
            {
                if (DateTime.UtcNow >= deadline)
                {
                    throw new OutputFolderException($"{folder} is in use by another tracksim command; wait for it to finish, or choose another folder", e) { InUse = true };
                }

                Thread.Sleep(50);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new OutputFolderException($"cannot write to {folder}: {e.Message}", e);
            }
        }
    }

    private void RemoveTemporaries()
    {
        foreach (string folder in new[] { RealPath }.Concat(Directory.EnumerateDirectories(RealPath).Where(d => FileKinds.Of(d) == FileKind.Directory)))
        {
            foreach (string file in Directory.EnumerateFiles(folder))
            {
                if (IsOwnTemporary(System.IO.Path.GetFileName(file)) && FileKinds.Of(file) == FileKind.Regular)
                {
                    File.Delete(file);
                }
            }
        }
    }

    private void Probe()
    {
        string probe = System.IO.Path.Combine(RealPath, $".tracksim-probe.{Guid.NewGuid():N}.tmp");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
            }

            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputFolderException($"cannot write to {Path}: {e.Message.Replace(probe, Path, StringComparison.Ordinal)}", e);
        }
    }

    private static string Real(string full, int depth)
    {
        if (depth > 40)
        {
            throw new OutputFolderException($"{full}: too many levels of symbolic links");
        }

        string root = System.IO.Path.GetPathRoot(full) ?? "/";
        string current = root;
        foreach (string segment in full[root.Length..].Split(System.IO.Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            string next = System.IO.Path.Combine(current, segment);
            if (FileKinds.Of(next) == FileKind.SymbolicLink)
            {
                string target = new FileInfo(next).LinkTarget!;
                next = Real(System.IO.Path.GetFullPath(target, current), depth + 1);
            }

            current = next;
        }

        return current;
    }

    [GeneratedRegex(@"^\..+\.[0-9a-f]{32}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TemporaryPattern();
}
