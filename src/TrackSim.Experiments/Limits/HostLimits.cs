namespace TrackSim.Experiments.Limits;

/// <summary>
/// The memory and disk space this process may use, as the runtime and the file system report them.
/// Tests can assume other figures for the calls in one flow of execution, to check a refusal
/// without allocating the memory or filling the disk.
/// </summary>
public static class HostLimits
{
    private static readonly AsyncLocal<long?> AssumedMemory = new();
    private static readonly AsyncLocal<long?> AssumedDisk = new();

    /// <summary>
    /// Bytes of memory the process may use: physical memory, or the container's limit or
    /// <c>DOTNET_GCHeapHardLimit</c> when set (the runtime applies them).
    /// </summary>
    public static long AvailableMemoryBytes => AssumedMemory.Value ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>
    /// Free bytes on the file system that holds <paramref name="folder"/> (or its nearest existing
    /// parent), or null when it cannot be told.
    /// </summary>
    public static long? FreeDiskBytes(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (AssumedDisk.Value is { } assumed)
        {
            return assumed;
        }

        try
        {
            string? path = Path.GetFullPath(folder);
            while (path is not null && !Directory.Exists(path))
            {
                path = Path.GetDirectoryName(path);
            }

            if (path is null)
            {
                return null;
            }

            // The mount point with the longest root that contains the folder.
            var drive = DriveInfo.GetDrives()
                .Where(d => path.StartsWith(d.RootDirectory.FullName, StringComparison.Ordinal))
                .MaxBy(d => d.RootDirectory.FullName.Length);
            return drive is { IsReady: true } ? drive.AvailableFreeSpace : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            return null;
        }
    }

    /// <summary>
    /// Assumes <paramref name="memoryBytes"/> of memory and <paramref name="diskBytes"/> of free disk
    /// (null: the real figure) in the current flow of execution until the result is disposed.
    /// </summary>
    internal static IDisposable Assume(long? memoryBytes, long? diskBytes = null)
    {
        var (memory, disk) = (AssumedMemory.Value, AssumedDisk.Value);
        AssumedMemory.Value = memoryBytes;
        AssumedDisk.Value = diskBytes;
        return new Restore(() => (AssumedMemory.Value, AssumedDisk.Value) = (memory, disk));
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
