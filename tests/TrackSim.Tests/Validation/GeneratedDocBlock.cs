namespace TrackSim.Tests.Validation;

/// <summary>
/// A table a test makes and a page shows between two marker lines,
/// <c>&lt;!-- NAME: made by MAKER --&gt;</c> and <c>&lt;!-- end of the NAME --&gt;</c>: the test
/// fails when the page and the table differ, and with UPDATE_DOCS=1 rewrites the page instead.
/// </summary>
internal static class GeneratedDocBlock
{
    /// <summary>Checks (or, when updating, writes) <paramref name="table"/> as the block <paramref name="name"/> of <paramref name="file"/>.</summary>
    public static void Check(string file, string name, string maker, string table)
    {
        string begin = $"<!-- {name}: made by {maker} -->\n";
        string end = $"<!-- end of the {name} -->";
        string doc = RepositoryFiles.Read(file);
        int b = doc.IndexOf(begin, StringComparison.Ordinal);
        int e = doc.IndexOf(end, StringComparison.Ordinal);
        Assert.That(b >= 0 && e > b, Is.True, $"{file} must hold the line {begin.Trim()} and, after it, the line {end}");
        string expected = "\n" + table + "\n";
        string actual = doc[(b + begin.Length)..e];
        if (RepositoryFiles.Updating && actual != expected)
        {
            RepositoryFiles.Write(file, doc[..(b + begin.Length)] + expected + doc[e..]);
            actual = expected;
        }

        Assert.That(actual, Is.EqualTo(expected), $"{file}'s {name} differs from what {maker} makes; run the tests with UPDATE_DOCS=1 to rewrite it");
    }
}
