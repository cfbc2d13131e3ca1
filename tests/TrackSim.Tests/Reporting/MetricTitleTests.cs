using NUnit.Framework;
using TrackSim.Reporting.Charts;

namespace TrackSim.Tests.Reporting;

public sealed class MetricTitleTests
{
    [TestCase("Tension", "tension")]
    [TestCase("Public trust", "public trust")]
    [TestCase("Active functional links", "active functional links")]
    [TestCase("Track II trust", "Track II trust")]
    [TestCase("Track II agreement", "Track II agreement")]
    [TestCase("CBM units", "CBM units")]
    [TestCase("X", "X")]
    public void Common_nouns_lose_their_capital_and_names_keep_it(string title, string inSentence) =>
        Assert.That(MetricTitle.InSentence(title), Is.EqualTo(inSentence));
}
