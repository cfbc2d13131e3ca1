using BenchmarkDotNet.Configs;

namespace TrackSim.Benchmarks;

/// <summary>The quick job with a column of citizen updates per second.</summary>
public sealed class CitizenStepConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public CitizenStepConfig()
    {
        Add(new QuickConfig());
        AddColumn(new UpdatesPerSecondColumn());
    }
}
