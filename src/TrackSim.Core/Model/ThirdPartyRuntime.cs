using TrackSim.Core.Domain;

namespace TrackSim.Core.Model;

/// <summary>A third party during a run: the sides' trust in it, which events move.</summary>
internal sealed class ThirdPartyRuntime
{
    /// <param name="spec">The third party as the scenario gives it.</param>
    /// <param name="states">The scenario's states, whose trust in it is kept by index.</param>
    public ThirdPartyRuntime(ThirdPartySpec spec, StateRuntime[] states)
    {
        Spec = spec;
        Trust = [.. states.Select(s => spec.TrustOf(s.Id))];
    }

    public ThirdPartySpec Spec { get; }

    /// <summary>Trust of each state's government and participants in the third party, in [0,1], by state index (T2-THIRD-TRUST).</summary>
    public double[] Trust { get; }

    /// <summary>
    /// How far a group of third parties reassures the given states: the lowest, over the states,
    /// of the highest trust in any of them (each side leans on the one it trusts most; the least
    /// reassured side limits). With <paramref name="textsOnly"/>, only the facilitators and
    /// mediators count; -1 when none of the group counts or there is no state.
    /// </summary>
    /// <param name="all">The world's third parties.</param>
    /// <param name="states">Indices of the states.</param>
    /// <param name="group">Indices of the third parties of the group in <paramref name="all"/>.</param>
    /// <param name="textsOnly">Whether only third parties that carry texts count.</param>
    public static double Reassurance(ThirdPartyRuntime[] all, int[] states, int[] group, bool textsOnly)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(group);
        double lowest = double.MaxValue;
        bool any = false;
        foreach (int s in states)
        {
            double highest = 0;
            foreach (int k in group)
            {
                if (!textsOnly || all[k].Spec.CarriesTexts)
                {
                    highest = Math.Max(highest, all[k].Trust[s]);
                    any = true;
                }
            }

            lowest = Math.Min(lowest, highest);
        }

        return any ? lowest : -1;
    }

    /// <summary>The mean trust of the states in it.</summary>
    public double MeanTrust()
    {
        double sum = 0;
        foreach (double t in Trust)
        {
            sum += t;
        }

        return Trust.Length == 0 ? 0 : sum / Trust.Length;
    }
}
