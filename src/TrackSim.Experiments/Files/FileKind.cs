using System.Runtime.InteropServices;

namespace TrackSim.Experiments.Files;

/// <summary>What a path names, without following a symbolic link at its end.</summary>
public enum FileKind
{
    /// <summary>Nothing is there.</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A folder (not a link to one).</summary>
    Directory,

    /// <summary>A symbolic link, whatever it points to.</summary>
    SymbolicLink,

    /// <summary>A FIFO, a device, a socket: nothing TrackSim may replace.</summary>
    Special,
}

/// <summary>Finds the <see cref="FileKind"/> of a path with <c>lstat</c>.</summary>
public static partial class FileKinds
{
    private const int TypeMask = 0xF000;
    private const int RegularType = 0x8000;
    private const int DirectoryType = 0x4000;
    private const int LinkType = 0xA000;

    /// <summary>The kind of <paramref name="path"/>; a symbolic link is never followed.</summary>
    public static FileKind Of(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!OperatingSystem.IsWindows())
        {
            if (NativeStatus.LStat(path, out var status) != 0)
            {
                return Fallback(path);
            }

            return (status.Mode & TypeMask) switch
            {
                RegularType => FileKind.Regular,
                DirectoryType => FileKind.Directory,
                LinkType => FileKind.SymbolicLink,
                _ => FileKind.Special,
            };
        }

        return Fallback(path);
    }

    /// <summary>A short description of a kind for messages ("a FIFO or device").</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Regular => "a file",
        FileKind.Directory => "a folder",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Special => "a FIFO, device or socket",
        _ => "missing",
    };

    private static FileKind Fallback(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists && !System.IO.Directory.Exists(path) && info.LinkTarget is null)
        {
            return FileKind.Missing;
        }

        if (info.LinkTarget is not null)
        {
            return FileKind.SymbolicLink;
        }

        return System.IO.Directory.Exists(path) ? FileKind.Directory : FileKind.Regular;
    }

    // The runtime's own portable lstat (System.Native, shipped with every .NET on Unix): its
    // FileStatus has the same layout on every platform, with the file type in Mode.
    private static class NativeStatus
    {
        public static int LStat(string path, out Status status)
        {
            try
            {
                return SystemNativeLStat(path, out status);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                status = default;
                return -1;
            }
        }

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        private static extern int SystemNativeLStat(string path, out Status status);
    }

    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct Status
    {
        public int Flags;
        public int Mode;
    }
}
