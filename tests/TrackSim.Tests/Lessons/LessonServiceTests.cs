using NUnit.Framework;
using TrackSim.Lessons;
using TrackSim.Server.Lessons;

namespace TrackSim.Tests.Lessons;

/// <summary>The page's API apart from HTTP: lessons, uploaded scenarios and what a lesson offers.</summary>
public sealed class LessonServiceTests
{
    private static readonly LessonService Service = new(new LessonCatalog(LessonFiles.Read(LessonFiles.In(RepositoryFiles.PathOf("scenarios"), null)).Sources));

    private static string Text(string lesson) => File.ReadAllText(RepositoryFiles.PathOf($"scenarios/teaching/{lesson}.yaml"));

    [Test]
    public void An_uploaded_scenario_runs_to_the_same_numbers_as_the_lesson_it_copies()
    {
        var asLesson = Service.Run(new RunRequest { Lesson = "co-optation", Variant = "independent", Replicates = 4 }, threads: 2, CancellationToken.None);
        var asUpload = Service.Run(new RunRequest { Yaml = Text("co-optation"), Variant = "independent", Replicates = 4 }, threads: 1, CancellationToken.None);

        Assert.That(asLesson.Status, Is.EqualTo(ApiAnswer.Success));
        Assert.That(asUpload.Status, Is.EqualTo(ApiAnswer.Success), () => ((ApiError)asUpload.Body).Error);
        var lesson = (RunResponse)asLesson.Body;
        var upload = (RunResponse)asUpload.Body;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(upload.Lesson, Is.EqualTo(LessonService.UploadId));
            Assert.That(upload.Dates, Is.EqualTo(lesson.Dates));
            Assert.That(upload.Series.Select(s => s.Median), Is.EqualTo(lesson.Series.Select(s => s.Median)));
            Assert.That(upload.Series.Select(s => s.P95), Is.EqualTo(lesson.Series.Select(s => s.P95)));
        }
    }

    [Test]
    public void An_uploaded_scenario_offers_the_controls_of_its_text()
    {
        var answer = LessonService.Upload(new ValidateRequest(Text("youth-and-language")));
        var detail = (LessonDetail)answer.Body;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Status, Is.EqualTo(ApiAnswer.Success));
            Assert.That(detail.Id, Is.EqualTo(LessonService.UploadId));
            Assert.That(detail.Variants.Select(v => v.Name), Is.EqualTo((string[])["base", "no-generational-change"]));
            Assert.That(detail.Guide, Is.Null, "an upload is not a lesson of the guide, whatever its text");
        }
    }

    [Test]
    public void A_scenario_that_does_not_load_is_refused_with_its_first_problem_and_line()
    {
        string broken = Text("co-optation").Replace("replicates: 10", "replicates: ten", StringComparison.Ordinal);
        Assume.That(broken, Is.Not.EqualTo(Text("co-optation")), "the lesson sets its replicates");
        int line = broken.Split('\n').ToList().FindIndex(l => l.Contains("replicates: ten", StringComparison.Ordinal)) + 1;

        var upload = LessonService.Upload(new ValidateRequest(broken));
        var run = Service.Run(new RunRequest { Yaml = broken }, threads: 1, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(upload.Status, Is.EqualTo(ApiAnswer.BadRequest));
            Assert.That(((ApiError)upload.Body).Error, Does.StartWith($"the uploaded scenario does not load: line {line}, column "));
            Assert.That(run.Status, Is.EqualTo(ApiAnswer.BadRequest));
            Assert.That(((ApiError)run.Body).Error, Is.EqualTo(((ApiError)upload.Body).Error));
        }
    }

    [Test]
    public void A_request_with_both_a_lesson_and_a_text_is_refused()
    {
        var answer = Service.Run(new RunRequest { Lesson = "co-optation", Yaml = Text("co-optation") }, threads: 1, CancellationToken.None);

        Assert.That(answer.Status, Is.EqualTo(ApiAnswer.BadRequest));
        Assert.That(((ApiError)answer.Body).Error, Does.Contain("not both"));
    }

    [Test]
    public void A_parameter_an_exercise_changes_gets_a_slider_at_the_value_the_lesson_uses()
    {
        // The co-optation exercise halves track2.anchor_strength, which the scenario itself does not set.
        var detail = (LessonDetail)Service.Lesson("co-optation").Body;
        var anchor = detail.Parameters.SingleOrDefault(p => p.Key == "track2.anchor_strength");

        Assert.That(anchor, Is.Not.Null);
        Assert.That(anchor!.Value, Is.EqualTo(0.1), "docs/TEACHING.md: the pull is 0.1 per meeting as written");
    }

    [TestCase("co-optation")]
    [TestCase("nine-tracks")]
    [TestCase("india-pakistan-1984-2021")]
    public void The_series_a_lesson_announces_are_those_its_runs_answer(string id)
    {
        var detail = (LessonDetail)Service.Lesson(id).Body;
        var run = (RunResponse)Service.Run(new RunRequest { Lesson = id, Replicates = 1 }, threads: 2, CancellationToken.None).Body;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(detail.Series.Select(s => (s.Metric, s.Subject)), Is.EqualTo(run.Series.Select(s => (s.Metric, s.Subject))));
            Assert.That(detail.Start, Is.EqualTo(run.Dates[0]));
            Assert.That(detail.End, Is.EqualTo(run.Dates[^1]));
        }
    }
}
