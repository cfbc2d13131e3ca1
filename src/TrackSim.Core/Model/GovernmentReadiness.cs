namespace TrackSim.Core.Model;

/// <summary>
/// A government's readiness to negotiate (Pruitt 2007): TI-READINESS sets each government's
/// readiness for talks with it, and TI-AGREE asks for its readiness for an agreement on one topic.
/// The rules pass in the parameter values, so the two rules share the formula without calling
/// each other.
/// </summary>
internal static class GovernmentReadiness
{
    /// <summary>
    /// Readiness R = √(M·O)·(1 − c_H·h)·(1 − χ) from motivation M, optimism O, the leadership's
    /// hawkishness h and the share χ it withholds after the exposure of a secret channel.
    /// </summary>
    /// <param name="motivation">The government's motivation M.</param>
    /// <param name="optimism">The government's optimism O.</param>
    /// <param name="hawkishnessWeight">c_H, <c>readiness.hawkishness_weight</c>.</param>
    /// <param name="hawkishness">The leadership's hawkishness h.</param>
    /// <param name="withheld">χ, the share withheld after an exposure (T2-SECRECY); 0 when none.</param>
    public static double Of(double motivation, double optimism, double hawkishnessWeight, double hawkishness, double withheld) =>
        Math.Sqrt(motivation * optimism) * (1 - (hawkishnessWeight * hawkishness)) * (1 - withheld);

    /// <summary>
    /// Optimism of government <paramref name="side"/> about an agreement on <paramref name="topic"/>:
    /// 1 − (1 − O)(1 − c_X·(1 − e^(−X))), with X the stock of Track II texts it has received on the topic.
    /// </summary>
    /// <param name="dyad">The dyad.</param>
    /// <param name="side">0 for the dyad's first state, 1 for its second.</param>
    /// <param name="topic">The index in <c>World.Topics</c>, or -1 for none (no texts).</param>
    /// <param name="textWeight">c_X, <c>readiness.text_weight</c>.</param>
    public static double TopicOptimism(DyadRuntime dyad, int side, int topic, double textWeight)
    {
        ArgumentNullException.ThrowIfNull(dyad);
        double texts = topic >= 0 ? dyad.Texts[topic] : 0;
        return 1 - ((1 - dyad.Optimism[side]) * (1 - (textWeight * (1 - Math.Exp(-texts)))));
    }

    /// <summary>Readiness of government <paramref name="side"/> for an agreement on <paramref name="topic"/>: its readiness with the topic's optimism.</summary>
    /// <param name="world">The world (for the leadership's hawkishness).</param>
    /// <param name="dyad">The dyad.</param>
    /// <param name="side">0 for the dyad's first state, 1 for its second.</param>
    /// <param name="topic">The index in <c>World.Topics</c>, or -1 for none.</param>
    /// <param name="textWeight">c_X, <c>readiness.text_weight</c>.</param>
    /// <param name="hawkishnessWeight">c_H, <c>readiness.hawkishness_weight</c>.</param>
    public static double ForTopic(World world, DyadRuntime dyad, int side, int topic, double textWeight, double hawkishnessWeight)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(dyad);
        int state = side == 0 ? dyad.A : dyad.B;
        return Of(dyad.Motivation[side], TopicOptimism(dyad, side, topic, textWeight), hawkishnessWeight, world.States[state].Hawkishness, dyad.Withheld[side]);
    }
}
