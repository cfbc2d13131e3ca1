using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using NUnit.Framework;
using TrackSim.Experiments.Ensembles;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Tests.Architecture;

/// <summary>The layers depend on each other and on libraries only as the design allows.</summary>
public sealed class AssemblyReferenceTests
{
    private static readonly Assembly Core = typeof(TrackSim.Core.Domain.Scenario).Assembly;
    private static readonly Assembly Scenarios = typeof(ScenarioLoader).Assembly;
    private static readonly Assembly Experiments = typeof(Ensemble).Assembly;

    private static readonly Assembly Lessons = typeof(TrackSim.Lessons.LessonService).Assembly;
    private static readonly Assembly Server = typeof(TrackSim.Server.TrackSimServer).Assembly;
    private static readonly Assembly Web = typeof(TrackSim.Web.StaticBackend).Assembly;

    // Reporting has no public type to name yet; the test project references it, so it loads by name.
    private static readonly Assembly Reporting = Assembly.Load(new AssemblyName("TrackSim.Reporting"));

    [Test]
    public void Core_references_only_the_base_library_and_MathNet()
    {
        var others = References(Core).Where(name => !IsBaseLibrary(name) && name != "MathNet.Numerics");
        Assert.That(others, Is.Empty);
    }

    [TestCase("YamlDotNet")]
    [TestCase("ScottPlot")]
    [TestCase("System.CommandLine")]
    [TestCase("Spectre.Console")]
    [TestCase("TrackSim.Scenarios")]
    [TestCase("TrackSim.Reporting")]
    [TestCase("TrackSim.Experiments")]
    public void Core_does_not_reference(string assembly)
    {
        Assert.That(References(Core), Does.Not.Contain(assembly));
    }

    [Test]
    public void Experiments_references_only_the_base_library_MathNet_and_Core()
    {
        var others = References(Experiments).Where(name => !IsBaseLibrary(name) && name is not ("MathNet.Numerics" or "TrackSim.Core"));
        Assert.That(others, Is.Empty);
    }

    [TestCase("YamlDotNet")]
    [TestCase("ScottPlot")]
    [TestCase("System.CommandLine")]
    [TestCase("Spectre.Console")]
    [TestCase("TrackSim.Scenarios")]
    [TestCase("TrackSim.Reporting")]
    [TestCase("TrackSim.Cli")]
    [TestCase("tracksim")]
    public void Experiments_does_not_reference(string assembly)
    {
        Assert.That(References(Experiments), Does.Not.Contain(assembly));
    }

    [TestCase("YamlDotNet")]
    [TestCase("TrackSim.Scenarios")]
    [TestCase("TrackSim.Cli")]
    [TestCase("tracksim")]
    public void Reporting_does_not_reference(string assembly)
    {
        Assert.That(References(Reporting), Does.Not.Contain(assembly));
    }

    [TestCase("TrackSim.Core.Engine", "Simulation")]
    [TestCase("TrackSim.Experiments.Ensembles", "Ensemble")]
    [TestCase("TrackSim.Experiments.Sweeps", "SweepRunner")]
    public void Reporting_does_not_run_the_model(string ns, string name)
    {
        // Reporting reads recorded runs and draws or writes them; running the model is Experiments' and the command line's.
        Assert.That(TypesUsedBy(Reporting), Does.Not.Contain($"{ns}.{name}"));
    }

    [Test]
    public void Type_scan_sees_the_types_an_assembly_uses()
    {
        // Guards the test above: the command line does run the model, through the ensemble and the sweep runner.
        var cli = Assembly.Load(new AssemblyName("tracksim"));
        Assert.That(TypesUsedBy(cli), Does.Contain("TrackSim.Experiments.Ensembles.Ensemble").And.Contain("TrackSim.Experiments.Sweeps.SweepRunner"));
        Assert.That(TypesUsedBy(Experiments), Does.Contain("TrackSim.Core.Engine.Simulation"));
    }

    [TestCase("ScottPlot")]
    [TestCase("TrackSim.Reporting")]
    [TestCase("TrackSim.Experiments")]
    [TestCase("System.CommandLine")]
    [TestCase("Spectre.Console")]
    public void Scenarios_does_not_reference(string assembly)
    {
        Assert.That(References(Scenarios), Does.Not.Contain(assembly));
    }

    [Test]
    public void Lessons_references_only_the_base_library_Core_Scenarios_and_Experiments()
    {
        // The page's API without its transport: it must run in a browser, so no web server and no package with native code.
        var others = References(Lessons).Where(name => !IsBaseLibrary(name) && name is not ("TrackSim.Core" or "TrackSim.Scenarios" or "TrackSim.Experiments"));
        Assert.That(others, Is.Empty);
    }

    [Test]
    public void Server_references_only_the_base_library_ASP_NET_Core_and_the_libraries_below_it()
    {
        var others = References(Server).Where(name => !IsBaseLibrary(name) && !IsAspNetCore(name) && name is not ("TrackSim.Core" or "TrackSim.Scenarios" or "TrackSim.Experiments" or "TrackSim.Lessons"));
        Assert.That(others, Is.Empty);
    }

    [TestCase("YamlDotNet")]
    [TestCase("ScottPlot")]
    [TestCase("System.CommandLine")]
    [TestCase("Spectre.Console")]
    [TestCase("TrackSim.Reporting")]
    [TestCase("TrackSim.Cli")]
    [TestCase("tracksim")]
    public void Server_does_not_reference(string assembly)
    {
        Assert.That(References(Server), Does.Not.Contain(assembly));
    }

    [Test]
    public void Web_references_only_the_base_library_and_Lessons()
    {
        // The static page runs in a browser: the page's API and the runtime's JavaScript interop, nothing with a file, console or server.
        var others = References(Web).Where(name => !IsBaseLibrary(name) && name != "TrackSim.Lessons");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(others, Is.Empty);
            Assert.That(References(Web), Does.Contain("TrackSim.Lessons").And.Contain("System.Runtime.InteropServices.JavaScript"));
        }
    }

    [TestCase("TrackSim.Server")]
    [TestCase("TrackSim.Reporting")]
    [TestCase("TrackSim.Cli")]
    [TestCase("ScottPlot")]
    public void Web_does_not_reference(string assembly)
    {
        Assert.That(References(Web), Does.Not.Contain(assembly));
    }

    [Test]
    public void Only_the_server_and_the_command_line_use_ASP_NET_Core()
    {
        // The libraries stay free of a web server, so the static build can run them in a browser.
        var web = new[] { Core, Scenarios, Experiments, Lessons, Reporting, Web }.SelectMany(a => References(a).Where(IsAspNetCore).Select(name => $"{a.GetName().Name} -> {name}"));
        Assert.That(web, Is.Empty);
    }

    [Test]
    public void Server_reference_list_includes_ASP_NET_Core()
    {
        // Guards the tests above: the server's references are seen, and the ASP.NET Core check tells them from the base library.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(References(Server).Where(IsAspNetCore), Is.Not.Empty);
            Assert.That(References(Server), Does.Contain("TrackSim.Lessons"));
            Assert.That(References(Lessons), Does.Contain("TrackSim.Experiments"));
            Assert.That(IsAspNetCore("System.Runtime"), Is.False);
            Assert.That(IsAspNetCore("Microsoft.AspNetCore.Http.Abstractions"), Is.True);
        }
    }

    [Test]
    public void Reference_lists_include_package_assemblies()
    {
        // Guards the tests above: they would pass vacuously if package references were not listed.
        Assert.That(References(Scenarios), Does.Contain("YamlDotNet").And.Contain("TrackSim.Core"));
        Assert.That(References(Experiments), Does.Contain("MathNet.Numerics").And.Contain("TrackSim.Core"));
    }

    [Test]
    public void Base_library_check_tells_the_runtime_from_packages()
    {
        // Guards IsBaseLibrary: a package named System.* is not part of the runtime.
        Assert.That(IsBaseLibrary("System.Runtime"), Is.True);
        Assert.That(IsBaseLibrary("System.Collections.Immutable"), Is.True);
        Assert.That(IsBaseLibrary("System.CommandLine"), Is.False);
        Assert.That(IsBaseLibrary("MathNet.Numerics"), Is.False);
    }

    // The full names of the types an assembly refers to in its metadata (every type it uses from another assembly).
    private static HashSet<string> TypesUsedBy(Assembly assembly)
    {
        using var stream = File.OpenRead(assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return [.. metadata.TypeReferences.Select(handle => metadata.GetTypeReference(handle)).Select(t => $"{metadata.GetString(t.Namespace)}.{metadata.GetString(t.Name)}")];
    }

    private static string[] References(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(a => a.Name!)];

    // ASP.NET Core is the shared framework that ships with the SDK: an assembly in the folder of Microsoft.AspNetCore.Http.Abstractions.
    private static bool IsAspNetCore(string name) =>
        File.Exists(Path.Combine(Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.Location)!, name + ".dll"));

    // The base library is what ships with the runtime: an assembly in the folder of System.Private.CoreLib.
    private static bool IsBaseLibrary(string name) =>
        File.Exists(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, name + ".dll"));
}
