namespace TrackSim.Experiments.Files;

/// <summary>
/// Writes made under an <see cref="OutputFolder"/> while this scope is active stay under their
/// temporary names until <see cref="Commit"/> renames them all into place, in order. An interrupted
/// command therefore leaves the folder's previous files (and manifest) as they were.
/// </summary>
public sealed class StagedWrites : IDisposable
{
    private static readonly AsyncLocal<StagedWrites?> Current = new();

    private readonly OutputFolder _folder;
    private readonly StagedWrites? _outer;
    private readonly List<(string Temporary, string Final)> _pending = [];
    private readonly Lock _gate = new();
    private bool _done;

    internal StagedWrites(OutputFolder folder)
    {
        _folder = folder;
        _outer = Current.Value;
        Current.Value = this;
    }

    /// <summary>
    /// Renames every staged file into place (not cancellable: it takes milliseconds), then writes
    /// <paramref name="last"/> (the manifest) atomically, if given.
    /// </summary>
    public void Commit(string? last = null, Action<Stream>? writeLast = null)
    {
        Current.Value = _outer;
        List<(string Temporary, string Final)> pending;
        lock (_gate)
        {
            pending = [.. _pending];
            _pending.Clear();
            _done = true;
        }

        foreach (var (temporary, final) in pending)
        {
            AtomicFile.Replace(temporary, final);
        }

        if (last is not null && writeLast is not null)
        {
            _folder.Write(last, writeLast);
        }
    }

    /// <summary>Removes the staged files not committed.</summary>
    public void Dispose()
    {
        if (ReferenceEquals(Current.Value, this))
        {
            Current.Value = _outer;
        }

        lock (_gate)
        {
            foreach (var (temporary, _) in _pending)
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }

            _pending.Clear();
            _done = true;
        }
    }

    /// <summary>Where the content for <paramref name="fullPath"/> is now: its temporary file while staged, else the path itself.</summary>
    public string CurrentPath(string fullPath)
    {
        string full = System.IO.Path.GetFullPath(fullPath);
        lock (_gate)
        {
            foreach (var (temporary, final) in _pending)
            {
                if (final == full)
                {
                    return temporary;
                }
            }
        }

        return fullPath;
    }

    /// <summary>The active scope that covers <paramref name="fullPath"/>, or null.</summary>
    internal static StagedWrites? For(string fullPath)
    {
        var scope = Current.Value;
        if (scope is null || scope._done)
        {
            return null;
        }

        string? relative = null;
        foreach (string root in new[] { scope._folder.FullPath, scope._folder.RealPath })
        {
            if (fullPath.StartsWith(root + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                relative = fullPath[(root.Length + 1)..].Replace(System.IO.Path.DirectorySeparatorChar, '/');
                break;
            }
        }

        if (relative is null)
        {
            return null;
        }

        // Inside the folder nothing is written through a link or over a special file.
        scope._folder.Resolve(relative);
        return scope;
    }

    internal void Add(string temporary, string final)
    {
        lock (_gate)
        {
            _pending.RemoveAll(p => p.Final == final && DeleteQuietly(p.Temporary));
            _pending.Add((temporary, final));
        }
    }

    private static bool DeleteQuietly(string path)
    {
        File.Delete(path);
        return true;
    }
}
