using System.Numerics;

namespace TrackSim.Core.Citizens;

/// <summary>
/// <see cref="Math.Clamp(float, float, float)"/> and its double twin to [0,1] on vectors, with
/// the same comparisons in the same order: below 0 gives +0, else above 1 gives 1, else the
/// value itself (a NaN or a -0 passes through). <c>Vector.Max</c> and <c>Vector.Min</c> would
/// not do: they order -0 below +0 and so turn a -0 into a +0.
/// </summary>
internal static class UnitClamp
{
    public static Vector<float> Clamp(Vector<float> value) =>
        Vector.ConditionalSelect(Vector.LessThan(value, Vector<float>.Zero), Vector<float>.Zero, Vector.ConditionalSelect(Vector.GreaterThan(value, Vector<float>.One), Vector<float>.One, value));

    public static Vector<double> Clamp(Vector<double> value) =>
        Vector.ConditionalSelect(Vector.LessThan(value, Vector<double>.Zero), Vector<double>.Zero, Vector.ConditionalSelect(Vector.GreaterThan(value, Vector<double>.One), Vector<double>.One, value));
}
