using System.Text.Json;
using BenchmarkDotNet.Attributes;
using TrackSim.Lessons;

namespace TrackSim.Benchmarks;

/// <summary>
/// The classroom page's run: a teaching lesson at its own replicates (and India-Pakistan at the
/// page's 50), as <c>POST /api/run</c> answers it: loaded with the page's changes, run, summarised
/// and written as the JSON the page receives. On one thread (what each of the server's two runs
/// at a time gets on this two-core machine) and on two (one run alone).
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet runs a generated class derived from this one.</remarks>
[Config(typeof(QuickConfig))]
[MemoryDiagnoser]
public class ClassroomBenchmarks
{
    private LessonService? _service;

    /// <summary>The lesson: every teaching scenario and the India-Pakistan scenario.</summary>
    [Params("co-optation", "functional-spillover", "nine-tracks", "realist-vs-functionalist", "transfer", "unbroken-engagement", "youth-and-language", "india-pakistan-1984-2021")]
    public string Lesson { get; set; } = string.Empty;

    /// <summary>Replicates run at a time.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Reads the shipped lessons as the server does when it starts.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string folder = Path.Combine(RepositoryRoot.Find(), "scenarios");
        var files = Directory.GetFiles(Path.Combine(folder, "teaching"), "*.yaml").Append(Path.Combine(folder, "india-pakistan-1984-2021.yaml"));
        _service = new LessonService(new LessonCatalog(files.Select(f => new LessonSource(f, File.ReadAllText(f)))));
    }

    /// <summary>One run at the lesson's default replicates, to the bytes of its JSON answer.</summary>
    [Benchmark]
    public byte[] Run()
    {
        var answer = _service!.Run(new RunRequest { Lesson = Lesson }, Threads, CancellationToken.None);
        if (answer.Status != ApiAnswer.Success)
        {
            throw new InvalidOperationException($"the lesson {Lesson} was refused: {((ApiError)answer.Body).Error}");
        }

        return JsonSerializer.SerializeToUtf8Bytes(answer.Body, answer.Body.GetType(), LessonService.Json);
    }
}
