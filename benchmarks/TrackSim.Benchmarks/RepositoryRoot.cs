namespace TrackSim.Benchmarks;

/// <summary>Finds the repository's root folder, so benchmarks can read the shipped scenarios.</summary>
internal static class RepositoryRoot
{
    private const string Marker = "TrackSim.sln";

    /// <summary>
    /// The nearest folder holding the solution file, walking up from the running assembly.
    /// BenchmarkDotNet runs each benchmark from a generated project under bin/, so the walk
    /// starts there and still reaches the root.
    /// </summary>
    public static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, Marker)))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds {Marker}; run the benchmarks from a checkout of the repository");
    }

    /// <summary>Reads a file given by its path relative to the repository root, with '/' separators.</summary>
    public static string ReadText(string relativePath) =>
        File.ReadAllText(Path.Combine([Find(), .. relativePath.Split('/')]));
}
