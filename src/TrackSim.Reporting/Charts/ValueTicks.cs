using System.Globalization;

namespace TrackSim.Reporting.Charts;

/// <summary>"Nice" y axis limits and ticks: steps of 1, 2, 2.5 or 5 times a power of ten, kept inside a metric's natural bounds.</summary>
internal static class ValueTicks
{
    private static readonly double[] Nice = [1, 2, 2.5, 5, 10];

    /// <summary>
    /// Limits and ticks covering <paramref name="low"/> to <paramref name="high"/> with at most
    /// <paramref name="maxTicks"/> ticks, never beyond <paramref name="floor"/> and <paramref name="ceiling"/>.
    /// A flat series at zero (nothing happened) is shown on a unit scale, not magnified around
    /// zero. With <paramref name="whole"/> the ticks fall on whole numbers only (years).
    /// </summary>
    public static (double Min, double Max, IReadOnlyList<(double Value, string Label)> Ticks) For(
        double low, double high, double floor, double ceiling, int maxTicks, bool whole = false)
    {
        maxTicks = Math.Max(2, maxTicks);
        if (!double.IsFinite(low) || !double.IsFinite(high))
        {
            (low, high) = (0, 1);
        }

        if (high - low < 1e-9)
        {
            // Around a flat value, a tenth of it either side; around zero, a unit, so that an
            // all-zero series reads as nothing on a plain scale rather than on 0-0.06.
            double pad = Math.Abs(high) < 1e-9 ? 1 : Math.Abs(high) * 0.1;
            (low, high) = (low - pad, high + pad);
        }

        // A little air so lines do not run along the frame, except at a natural bound such as 0.
        double margin = (high - low) * 0.04;
        low = Math.Max(floor, low - margin);
        high = Math.Min(ceiling, high + margin);

        double step = 0;
        double min = 0;
        double max = 0;
        for (int target = Math.Min(maxTicks, 6); target >= 2; target--)
        {
            step = NiceStep((high - low) / (target - 1));
            if (whole)
            {
                step = WholeStep(step);
            }

            min = Math.Max(floor, Math.Floor((low / step) + 1e-9) * step);
            max = Math.Min(ceiling, Math.Ceiling((high / step) - 1e-9) * step);
            if (Count(min, max, step) <= maxTicks)
            {
                break;
            }
        }

        int decimals = Decimals(step);
        var ticks = new List<(double, string)>();
        for (double v = Math.Ceiling((min / step) - 1e-9) * step; v <= max + (step * 1e-6); v += step)
        {
            double value = Math.Round(v, 12);
            if (Math.Abs(value) < step * 1e-6)
            {
                // Never "-0.0".
                value = 0;
            }

            ticks.Add((value, Label(value, decimals)));
        }

        return (Math.Min(min, low), Math.Max(max, high), ticks);
    }

    /// <summary>
    /// <paramref name="value"/> with <paramref name="decimals"/> decimals, no group separators, and a
    /// typographic minus sign (U+2212), which is as wide as a digit and reads better than a hyphen.
    /// </summary>
    public static string Label(double value, int decimals)
    {
        string text = Math.Abs(value).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return value < 0 ? "−" + text : text;
    }

    private static int Count(double min, double max, double step) => (int)Math.Floor(((max - min) / step) + 1e-9) + 1;

    private static double NiceStep(double raw)
    {
        double power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (double nice in Nice)
        {
            if (nice * power >= raw * (1 - 1e-9))
            {
                return nice * power;
            }
        }

        return 10 * power;
    }

    /// <summary>The nice step of at least 1 and whole: 2.5 becomes 5, anything under 1 becomes 1.</summary>
    private static double WholeStep(double step) => step < 1 ? 1 : Math.Abs(step - Math.Round(step)) > 1e-9 ? 2 * step : step;

    private static int Decimals(double step)
    {
        for (int d = 0; d < 10; d++)
        {
            double scaled = step * Math.Pow(10, d);
            if (Math.Abs(scaled - Math.Round(scaled)) < 1e-9)
            {
                return d;
            }
        }

        return 10;
    }
}
