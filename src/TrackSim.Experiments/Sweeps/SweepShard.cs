namespace TrackSim.Experiments.Sweeps;

/// <summary>
/// A deterministic share of a sweep's points: those whose index modulo <see cref="Count"/> equals
/// <see cref="Index"/> (0-based, as Slurm's <c>SLURM_ARRAY_TASK_ID</c> with <c>--array=0-(N-1)</c>).
/// </summary>
/// <param name="Index">This shard, 0 to Count - 1.</param>
/// <param name="Count">Number of shards.</param>
public sealed record SweepShard(int Index, int Count)
{
    /// <summary>The whole sweep.</summary>
    public static SweepShard All { get; } = new(0, 1);

    /// <summary>Whether point <paramref name="point"/> belongs to this shard.</summary>
    public bool Owns(int point) => point % Count == Index;

    /// <summary>Parses <c>I/N</c>.</summary>
    /// <exception cref="ArgumentException">Not two integers with 0 &lt;= I &lt; N.</exception>
    public static SweepShard Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int i)
            && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n)
            && n >= 1 && i < n)
        {
            return new SweepShard(i, n);
        }

        throw new ArgumentException($"--shard {text}: expected I/N with 0 <= I < N, e.g. 0/4 for the first of four shards");
    }

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"{Index}/{Count}");
}
