using System.Globalization;

namespace TrackSim.Scenarios.Schema;

/// <summary>A key of a mapping in the scenario format.</summary>
/// <param name="Name">The key.</param>
/// <param name="Shape">The shape of its value.</param>
/// <param name="Description">What it means, in one or two sentences.</param>
/// <param name="Required">Whether the key must be present.</param>
/// <param name="Default">The value used when the key is absent (a number, text or boolean), or null.</param>
/// <param name="DefaultText">How the docs describe the default when it is not a plain value.</param>
public sealed record Field(string Name, Shape Shape, string Description, bool Required = false, object? Default = null, string? DefaultText = null)
{
    /// <summary>The default as the docs show it.</summary>
    public string DefaultDisplay => Required ? "required" : DefaultText ?? Default switch
    {
        null => "none",
        double d => NumberShape.Format(d),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Default.ToString() ?? "none",
    };
}
