using BenchmarkDotNet.Attributes;
using TrackSim.Scenarios;
using TrackSim.Scenarios.Loading;
using TrackSim.Scenarios.Yaml;
using YamlDotNet.Core;

namespace TrackSim.Benchmarks;

/// <summary>
/// Loading a scenario from text: YAML reading, the structural check and the mapping with its
/// semantic checks, as <see cref="ScenarioLoader.LoadText"/> does them. Files are read once
/// in the setup so disk speed does not enter the figures. The generated cases show how the
/// cost grows with the number of events and initiatives; the YAML-only cases split the
/// largest one into the library's parser alone, the positioned tree built on it, and the rest
/// (validation and mapping).
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet runs a generated class derived from this one.</remarks>
[Config(typeof(QuickConfig))]
[MemoryDiagnoser]
public class ScenarioLoadingBenchmarks
{
    private string _minimal = string.Empty;
    private string _everyField = string.Empty;
    private string _medium = string.Empty;
    private string _large = string.Empty;

    /// <summary>Reads the shipped scenarios, writes the generated ones, and checks that all load cleanly.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _minimal = RepositoryRoot.ReadText("scenarios/minimal.yaml");
        _everyField = RepositoryRoot.ReadText("scenarios/examples/every-field.yaml");
        _medium = GeneratedScenario.Build(events: 200, initiatives: 10);
        _large = GeneratedScenario.Build(events: 2000, initiatives: 100);

        // An error path returns early and would make the figures look too good.
        foreach (var (name, text) in new[] { ("minimal.yaml", _minimal), ("every-field.yaml", _everyField), ("medium.yaml", _medium), ("large.yaml", _large) })
        {
            var result = ScenarioLoader.LoadText(text, name);
            if (!result.IsValid)
            {
                throw new InvalidOperationException($"{name} does not load cleanly:\n{string.Join('\n', result.Errors)}");
            }
        }
    }

    /// <summary>The shipped minimal scenario: the smallest file, so mostly fixed costs.</summary>
    [Benchmark(Baseline = true)]
    public LoadResult Minimal() => ScenarioLoader.LoadText(_minimal, "minimal.yaml");

    /// <summary>The shipped scenario that sets every key of the format, so every check runs.</summary>
    [Benchmark]
    public LoadResult EveryField() => ScenarioLoader.LoadText(_everyField, "every-field.yaml");

    /// <summary>A generated scenario with 200 events and 10 initiatives.</summary>
    [Benchmark]
    public LoadResult Generated200Events() => ScenarioLoader.LoadText(_medium, "medium.yaml");

    /// <summary>A generated scenario with 2,000 events and 100 initiatives.</summary>
    [Benchmark]
    public LoadResult Generated2000Events() => ScenarioLoader.LoadText(_large, "large.yaml");

    /// <summary>Only the YAML tree of the 2,000-event scenario, without validation or mapping.</summary>
    [Benchmark]
    public YamlNode? Generated2000EventsYamlTree() => YamlTreeReader.Read(_large, "large.yaml", []);

    /// <summary>Only YamlDotNet's parser over the 2,000-event scenario: the floor under the tree reader.</summary>
    [Benchmark]
    public int Generated2000EventsYamlParser()
    {
        var parser = new Parser(new StringReader(_large));
        int events = 0;
        while (parser.MoveNext())
        {
            events++;
        }

        return events;
    }
}
