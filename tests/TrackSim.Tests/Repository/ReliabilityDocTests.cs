using System.Reflection;
using System.Text.RegularExpressions;

namespace TrackSim.Tests.Repository;

/// <summary>docs/RELIABILITY.md names, for each promise, tests that exist.</summary>
public sealed partial class ReliabilityDocTests
{
    private static readonly Type[] TestTypes = [.. typeof(ReliabilityDocTests).Assembly.GetTypes().Where(t => t.Name.EndsWith("Tests", StringComparison.Ordinal))];

    [Test]
    public void Every_test_the_page_names_exists()
    {
        string doc = RepositoryFiles.Read("docs/RELIABILITY.md");
        var named = TestName().Matches(doc).Select(m => (Type: m.Groups["type"].Value, Method: m.Groups["method"].Value)).ToArray();
        var missing = named.Where(n => !Exists(n.Type, n.Method)).Select(n => n.Method.Length == 0 ? n.Type : $"{n.Type}.{n.Method}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(named, Has.Length.GreaterThan(20), "the page names the tests that hold its promises");
            Assert.That(missing, Is.Empty);
        }
    }

    [Test]
    public void The_check_tells_a_real_test_from_a_made_up_one()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Exists(nameof(ReliabilityDocTests), nameof(Every_test_the_page_names_exists)), Is.True);
            Assert.That(Exists(nameof(ReliabilityDocTests), "No_such_test"), Is.False);
            Assert.That(Exists("NoSuchTests", string.Empty), Is.False);
        }
    }

    private static bool Exists(string type, string method)
    {
        var matches = TestTypes.Where(t => t.Name == type).ToArray();
        return method.Length == 0
            ? matches.Length > 0
            : matches.Any(t => t.GetMethod(method, BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static) is { } m
                && m.GetCustomAttributes().Any(a => a is TestAttribute or TestCaseAttribute or TestCaseSourceAttribute));
    }

    [GeneratedRegex(@"`(?<type>[A-Z]\w*Tests)(?:\.(?<method>\w+))?`")]
    private static partial Regex TestName();
}
