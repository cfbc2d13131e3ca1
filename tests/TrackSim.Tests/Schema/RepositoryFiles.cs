using NUnit.Framework;

namespace TrackSim.Tests.Schema;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepositoryFiles
{
    /// <summary>The repository root: the nearest folder above the test output that holds TrackSim.sln.</summary>
    public static string Root
    {
        get
        {
            for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "TrackSim.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException($"No folder above {TestContext.CurrentContext.TestDirectory} holds TrackSim.sln.");
        }
    }

    /// <summary>The full path of a file given relative to the root with '/' separators.</summary>
    public static string PathOf(string relative) => Path.Combine([Root, .. relative.Split('/')]);

    /// <summary>Whether the run asks the tests to rewrite the generated files instead of only comparing them.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1";

    /// <summary>Reads a text file as UTF-8.</summary>
    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Writes a text file as UTF-8 without a byte-order mark.</summary>
    public static void Write(string relative, string text) =>
        File.WriteAllText(PathOf(relative), text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
}
