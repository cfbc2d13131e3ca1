using TrackSim.Core.Parameters;

namespace TrackSim.Core.Model;

/// <summary>
/// The resolved parameters of a run, read once from the <see cref="ParameterSet"/> into arrays
/// so a rule reads a number by the definition it declares (<c>world.P[Fear]</c>), not by a
/// dictionary key. Defaults and ranges live in the rules' declarations only.
/// </summary>
internal sealed class ModelParameters
{
    private readonly double[] _values;
    private readonly double[]?[] _perState;

    /// <param name="set">The values of the run.</param>
    /// <param name="stateIds">The states, in the scenario's order, for the parameters of a state.</param>
    public ModelParameters(ParameterSet set, IReadOnlyList<string> stateIds)
    {
        var all = ParameterCatalog.All;
        _values = new double[all.Count];
        _perState = new double[]?[all.Count];
        for (int i = 0; i < all.Count; i++)
        {
            var definition = all[i];
            _values[i] = set[definition.Key];
            if (definition.Scope == ParameterScope.State)
            {
                _perState[i] = [.. stateIds.Select(id => set.Of(definition.Key, id))];
            }
        }
    }

    /// <summary>The value of a parameter for the whole model (for a parameter of a state: the value for all states).</summary>
    public double this[ParameterDefinition parameter] => _values[parameter.Index];

    /// <summary>The value of a parameter of a state for state <paramref name="state"/>.</summary>
    public double Of(ParameterDefinition parameter, int state) =>
        _perState[parameter.Index] is { } values ? values[state] : _values[parameter.Index];

    /// <summary>The factor by which a quantity with the given half-life decays over <paramref name="years"/>.</summary>
    public static double Decay(double halfLifeYears, double years) => Math.Pow(0.5, years / halfLifeYears);
}
