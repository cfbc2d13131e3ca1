using System.Collections.Immutable;
using System.Text;
using TrackSim.Experiments.Files;

namespace TrackSim.Experiments.Calibration;

/// <summary>
/// particles.csv: every particle of every generation, one row each, with its weight, its distance
/// and one column per calibrated parameter; and generations.csv: each generation's tolerance,
/// simulations, acceptance, effective sample size and kernel widths. Numbers are written so they
/// read back to the same doubles, so a calibration continued from these files (<c>--resume</c>)
/// ends with the particles of an uninterrupted one.
/// </summary>
public static class ParticlesCsv
{
    /// <summary>The particles file's name.</summary>
    public const string FileName = "particles.csv";

    /// <summary>The generations file's name.</summary>
    public const string GenerationsFileName = "generations.csv";

    /// <summary>The header of particles.csv for these priors.</summary>
    public static string Header(IReadOnlyList<UniformPrior> priors) =>
        "generation,particle,proposal,weight,distance," + string.Join(',', priors.Select(p => CsvText.Field(p.Name)));

    /// <summary>The header of generations.csv for these priors.</summary>
    public static string GenerationsHeader(IReadOnlyList<UniformPrior> priors) =>
        "generation,tolerance,simulations,outside_prior,acceptance_rate,effective_sample_size," + string.Join(',', priors.Select(p => CsvText.Field("kernel_sd:" + p.Name)));

    /// <summary>The text of particles.csv.</summary>
    public static string Particles(IReadOnlyList<UniformPrior> priors, IEnumerable<AbcGeneration> generations)
    {
        ArgumentNullException.ThrowIfNull(priors);
        ArgumentNullException.ThrowIfNull(generations);
        var text = new StringBuilder(Header(priors)).Append('\n');
        foreach (var generation in generations)
        {
            for (int i = 0; i < generation.Particles.Length; i++)
            {
                var particle = generation.Particles[i];
                text.Append(CsvText.Integer(generation.Index)).Append(',').Append(CsvText.Integer(i)).Append(',')
                    .Append(particle.Proposal.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(',')
                    .Append(CsvText.Number(particle.Weight)).Append(',').Append(CsvText.Number(particle.Distance));
                foreach (double value in particle.Parameters)
                {
                    text.Append(',').Append(CsvText.Number(value));
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>The text of generations.csv.</summary>
    public static string Generations(IReadOnlyList<UniformPrior> priors, IEnumerable<AbcGeneration> generations)
    {
        ArgumentNullException.ThrowIfNull(priors);
        ArgumentNullException.ThrowIfNull(generations);
        var text = new StringBuilder(GenerationsHeader(priors)).Append('\n');
        foreach (var g in generations)
        {
            text.Append(CsvText.Integer(g.Index)).Append(',').Append(CsvText.Number(g.Tolerance)).Append(',')
                .Append(g.Simulations.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(',')
                .Append(g.OutsidePrior.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(',')
                .Append(CsvText.Number(g.AcceptanceRate)).Append(',').Append(CsvText.Number(g.EffectiveSampleSize));
            for (int k = 0; k < priors.Count; k++)
            {
                // Generation 0 draws from the prior and has no kernel.
                text.Append(',').Append(g.KernelSd.IsDefaultOrEmpty ? string.Empty : CsvText.Number(g.KernelSd[k]));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Reads back the generations written by <see cref="Particles"/> and <see cref="Generations"/>.</summary>
    /// <exception cref="InvalidDataException">The files are not those of a calibration with these priors, or are damaged.</exception>
    public static ImmutableArray<AbcGeneration> Read(string particlesPath, string generationsPath, IReadOnlyList<UniformPrior> priors)
    {
        ArgumentNullException.ThrowIfNull(priors);
        var particles = Records(particlesPath, Header(priors));
        var generations = Records(generationsPath, GenerationsHeader(priors));
        var result = ImmutableArray.CreateBuilder<AbcGeneration>();
        try
        {
            foreach (var row in generations)
            {
                int index = CsvText.ParseInteger(row[0]);
                if (index != result.Count)
                {
                    throw new InvalidDataException($"{generationsPath}: generation {index} where {result.Count} was expected");
                }

                var own = particles.Where(p => CsvText.ParseInteger(p[0]) == index).Select(p => new AbcParticle(
                    long.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture),
                    [.. p.Skip(5).Select(CsvText.ParseNumber)],
                    CsvText.ParseNumber(p[3]),
                    CsvText.ParseNumber(p[4]))).ToImmutableArray();
                ImmutableArray<double> kernel = index == 0 ? [] : [.. row.Skip(6).Select(CsvText.ParseNumber)];
                result.Add(new AbcGeneration(
                    index,
                    CsvText.ParseNumber(row[1]),
                    kernel,
                    own,
                    long.Parse(row[2], System.Globalization.CultureInfo.InvariantCulture),
                    long.Parse(row[3], System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{particlesPath} or {generationsPath}: a value does not parse ({e.Message})", e);
        }

        if (particles.Any(p => CsvText.ParseInteger(p[0]) >= result.Count))
        {
            throw new InvalidDataException($"{particlesPath}: particles of a generation that {generationsPath} does not list");
        }

        return result.ToImmutable();
    }

    private static List<string[]> Records(string path, string header)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: missing");
        }

        using var reader = new StreamReader(path);
        var records = CsvText.Records(reader).ToList();
        if (records.Count == 0 || string.Join(',', records[0].Select(CsvText.Field)) != header)
        {
            throw new InvalidDataException($"{path}: the header is not {header} (a calibration with other parameters?)");
        }

        int columns = records[0].Length;
        var rows = records.Skip(1).ToList();
        int bad = rows.FindIndex(r => r.Length != columns);
        return bad >= 0 ? throw new InvalidDataException($"{path}: line {bad + 2} has {rows[bad].Length} fields, not {columns}") : rows;
    }
}
