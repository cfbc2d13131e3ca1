using NUnit.Framework;

namespace TrackSim.Tests.Cli;

/// <summary>Finds files of the repository (the shipped scenarios) from the test output folder.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder that holds TrackSim.sln.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The full path of a repository file given with forward slashes, e.g. <c>scenarios/minimal.yaml</c>.</summary>
    public static string File(string relative) =>
        Path.Combine([Root, .. relative.Split('/')]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(folder.FullName, "TrackSim.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No TrackSim.sln above {TestContext.CurrentContext.TestDirectory}.");
    }
}
