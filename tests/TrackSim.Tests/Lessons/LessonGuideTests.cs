using System.Text.Json;
using NUnit.Framework;
using TrackSim.Core.Domain;
using TrackSim.Lessons;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Tests.Lessons;

/// <summary>The teaching guide, read from docs/TEACHING.md, gives each teaching lesson its questions and exercises.</summary>
public sealed class LessonGuideTests
{
    private static readonly string[] TeachingLessons =
        [.. Directory.EnumerateFiles(RepositoryFiles.PathOf("scenarios/teaching"), "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).Cast<string>()];

    [Test]
    public void Every_teaching_lesson_and_only_those_has_a_guide()
    {
        Assert.That(LessonGuide.All.Keys, Is.EquivalentTo(TeachingLessons));
    }

    [TestCaseSource(nameof(TeachingLessons))]
    public void A_lessons_guide_has_what_to_notice_questions_and_an_exercise_with_its_answer(string id)
    {
        var guide = LessonGuide.For(id)!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(guide.Notice, Is.Not.Empty);
            Assert.That(guide.Discussion, Has.Count.GreaterThanOrEqualTo(2));
            Assert.That(guide.Exercises, Is.Not.Empty);
            foreach (var exercise in guide.Exercises)
            {
                Assert.That(exercise.Command, Does.StartWith($"tracksim run scenarios/teaching/{id}.yaml"));
                Assert.That(exercise.Predict, Does.Contain("?").Or.StartWith("Predict"), "the prediction asks something");
                Assert.That(exercise.Predict, Does.Not.Contain("What happens"));
                Assert.That(exercise.Answer.Length, Is.GreaterThan(40));
                Assert.That(exercise.Settings.Set, Is.Not.Empty, "an exercise changes a value");
            }

            // Plain text only: no Markdown marks reach the page.
            var texts = guide.Notice.Concat(guide.Discussion).Concat(guide.Exercises.SelectMany(e => new[] { e.Text, e.Predict, e.Answer }));
            Assert.That(texts.Where(t => t.Contains("**", StringComparison.Ordinal) || t.Contains("](", StringComparison.Ordinal) || t.Contains('`', StringComparison.Ordinal)), Is.Empty);
        }
    }

    [TestCaseSource(nameof(TeachingLessons))]
    public void Every_exercise_applies_to_its_lesson_as_the_page_sends_it(string id)
    {
        // The page sends an exercise's values as a run request's 'set'; they must load, and name a variant the lesson has.
        string yaml = File.ReadAllText(RepositoryFiles.PathOf($"scenarios/teaching/{id}.yaml"));
        foreach (var exercise in LessonGuide.For(id)!.Exercises)
        {
            var request = new RunRequest { Set = exercise.Settings.Set.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value)) };
            var (overrides, error) = LessonApi.Overrides(request);
            Assert.That(error, Is.Null, exercise.Command);
            var loaded = ScenarioLoader.LoadText(yaml, id + ".yaml", overrides!);
            Assert.That(loaded.Errors, Is.Empty, exercise.Command);
            if (exercise.Settings.Variant is { } variant)
            {
                Assert.That(loaded.Scenario!.VariantNames, Does.Contain(variant), exercise.Command);
            }
        }
    }

    [Test]
    public void A_guide_section_is_read_into_its_parts()
    {
        const string markdown = """
            # Guide

            ## 1. A lesson

            ```sh
            tracksim run scenarios/teaching/toy.yaml
            ```

            **What students should notice.**

            - Trust rises to 0.5, see [MODEL.md 7.4](MODEL.md#74).
            - It *stays* there
              for the rest of the run.

            **Discussion.**

            1. Why `0.5`?
            2. Who decides?

            **Exercise.** Double the rate:

            ```sh
            tracksim run scenarios/teaching/toy.yaml --set "variants[slow].parameters.a.b=0.2" --variant slow --out results/x
            ```

            Predict: will it rise faster? *(What happens: yes, to 0.7 by 2005.)*

            **Debrief.** Rates matter.

            ## 2. Another

            Mentions scenarios/teaching/other.yaml only.
            """;

        var guides = LessonGuide.Parse(markdown);
        var toy = guides["toy"];
        var exercise = toy.Exercises.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(guides.Keys, Is.EquivalentTo((string[])["toy", "other"]));
            Assert.That(toy.Notice, Is.EqualTo((string[])["Trust rises to 0.5, see MODEL.md 7.4.", "It stays there for the rest of the run."]));
            Assert.That(toy.Discussion, Is.EqualTo((string[])["Why 0.5?", "Who decides?"]));
            Assert.That(exercise.Text, Is.EqualTo("Double the rate:"));
            Assert.That(exercise.Predict, Is.EqualTo("Predict: will it rise faster?"));
            Assert.That(exercise.Answer, Is.EqualTo("yes, to 0.7 by 2005."));
            Assert.That(exercise.Settings.Variant, Is.EqualTo("slow"));
            Assert.That(exercise.Settings.Set, Is.EqualTo(new Dictionary<string, string> { ["variants[slow].parameters.a.b"] = "0.2" }));
            Assert.That(toy.Debrief, Is.EqualTo("Rates matter."));
            Assert.That(guides["other"].Exercises, Is.Empty);
        }
    }

    [Test]
    public void A_lesson_the_guide_does_not_describe_has_no_guide()
    {
        Assert.That(LessonGuide.For("india-pakistan-1984-2021"), Is.Null);
    }
}
