using System.Text.RegularExpressions;

namespace TrackSim.Tests.Repository;

/// <summary>The licence and the citation file say what the build says: the same licence and version.</summary>
[TestFixture]
public sealed class CitationAndLicenseTests
{
    [Test]
    public void The_licence_file_is_the_licence_the_tool_package_declares()
    {
        string declared = Element(RepositoryFiles.Read("src/TrackSim.Cli/TrackSim.Cli.csproj"), "PackageLicenseExpression");
        string licence = RepositoryFiles.Read("LICENSE");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(declared, Is.EqualTo("MIT"));
            Assert.That(licence, Does.StartWith("MIT License"));
            Assert.That(licence, Does.Contain("Copyright (c) 2026 " + Element(RepositoryFiles.Read("Directory.Build.props"), "Authors")));
        }
    }

    [Test]
    public void The_citation_file_names_the_version_licence_and_authors_of_the_build()
    {
        string props = RepositoryFiles.Read("Directory.Build.props");
        string citation = RepositoryFiles.Read("CITATION.cff");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Field(citation, "cff-version"), Is.EqualTo("1.2.0"));
            Assert.That(Field(citation, "version"), Is.EqualTo(Element(props, "Version")));
            Assert.That(Field(citation, "license"), Is.EqualTo(Element(RepositoryFiles.Read("src/TrackSim.Cli/TrackSim.Cli.csproj"), "PackageLicenseExpression")));
            Assert.That(citation, Does.Contain($"  - name: \"{Element(props, "Authors")}\""));
            Assert.That(Field(citation, "title"), Does.StartWith("TrackSim"));
        }
    }

    [Test]
    public void Reading_a_field_takes_its_value_without_quotes_and_fails_on_a_missing_one()
    {
        // Guards the tests above: a field is read whether quoted or not, and a missing one is no match.
        Assert.That(Field("a: 1\nversion: \"0.2.0\"\n", "version"), Is.EqualTo("0.2.0"));
        Assert.That(Field("version: 0.2.0\n", "version"), Is.EqualTo("0.2.0"));
        Assert.That(() => Field("title: x\n", "version"), Throws.InstanceOf<AssertionException>());
    }

    // A top-level field of a CFF (YAML) file, with its quotes removed.
    private static string Field(string cff, string name)
    {
        var match = Regex.Match(cff, $"^{Regex.Escape(name)}:\\s*\"?(?<value>[^\"\\r\\n]*)\"?\\s*$", RegexOptions.Multiline);
        Assert.That(match.Success, Is.True, $"CITATION.cff has no field '{name}'");
        return match.Groups["value"].Value.Trim();
    }

    // The text of the first <NAME> element of an MSBuild file.
    private static string Element(string project, string name)
    {
        var match = Regex.Match(project, $"<{name}>(?<value>[^<]*)</{name}>");
        Assert.That(match.Success, Is.True, $"no <{name}>");
        return match.Groups["value"].Value;
    }
}
