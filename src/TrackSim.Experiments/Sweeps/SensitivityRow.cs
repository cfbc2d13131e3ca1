namespace TrackSim.Experiments.Sweeps;

/// <summary>One line of sensitivity.csv: one index of one parameter for one outcome.</summary>
/// <param name="Parameter">Scenario path of the parameter.</param>
/// <param name="Outcome">Outcome column name.</param>
/// <param name="Index">pearson_r (grid, lhs); mu, mu_star, sigma (morris); S1, ST (sobol).</param>
/// <param name="Value">The estimate.</param>
/// <param name="Low">Lower end of its 95% interval, or null where the design gives none.</param>
/// <param name="High">Upper end of its 95% interval, or null.</param>
public sealed record SensitivityRow(string Parameter, string Outcome, string Index, double Value, double? Low, double? High);
