using System.Collections.Immutable;

namespace TrackSim.Experiments.Calibration;

/// <summary>One generation (population) of an ABC-SMC run.</summary>
/// <param name="Index">The generation, 0 for the draw from the prior.</param>
/// <param name="Tolerance">The tolerance its particles met (infinite for an unrestricted generation 0).</param>
/// <param name="KernelSd">The standard deviation of the Gaussian perturbation per parameter (empty for generation 0, drawn from the prior).</param>
/// <param name="Particles">The accepted particles, in proposal order.</param>
/// <param name="Simulations">The simulations run until the last particle was accepted.</param>
/// <param name="OutsidePrior">The proposals in that span that fell outside the prior and were rejected without simulating.</param>
public sealed record AbcGeneration(
    int Index,
    double Tolerance,
    ImmutableArray<double> KernelSd,
    ImmutableArray<AbcParticle> Particles,
    long Simulations,
    long OutsidePrior)
{
    /// <summary>The share of simulations accepted, N / <see cref="Simulations"/>.</summary>
    public double AcceptanceRate => (double)Particles.Length / Simulations;

    /// <summary>Kish's effective sample size of the weights, 1 / Σ w², between 1 and N.</summary>
    public double EffectiveSampleSize
    {
        get
        {
            double sum = 0;
            foreach (var particle in Particles)
            {
                sum += particle.Weight * particle.Weight;
            }

            return 1 / sum;
        }
    }

    /// <summary>The weighted mean of parameter <paramref name="parameter"/> (its index among the priors).</summary>
    public double Mean(int parameter)
    {
        double mean = 0;
        foreach (var particle in Particles)
        {
            mean += particle.Weight * particle.Parameters[parameter];
        }

        return mean;
    }

    /// <summary>
    /// The weighted variance of parameter <paramref name="parameter"/>, Σ w (θ - mean)² with the
    /// normalised weights (no small-sample correction: it is the variance of the weighted
    /// population itself, the quantity the perturbation kernel of Beaumont et al. (2009) doubles).
    /// </summary>
    public double Variance(int parameter)
    {
        double mean = Mean(parameter);
        double variance = 0;
        foreach (var particle in Particles)
        {
            double d = particle.Parameters[parameter] - mean;
            variance += particle.Weight * d * d;
        }

        return variance;
    }

    /// <summary>The weighted standard deviation of parameter <paramref name="parameter"/>, the square root of <see cref="Variance"/>.</summary>
    public double StandardDeviation(int parameter) => Math.Sqrt(Variance(parameter));

    /// <summary>The running sums of the particles' weights, in particle order: the table <see cref="Pick"/> draws from.</summary>
    internal double[] CumulativeWeights()
    {
        var cumulative = new double[Particles.Length];
        double sum = 0;
        for (int i = 0; i < cumulative.Length; i++)
        {
            sum += Particles[i].Weight;
            cumulative[i] = sum;
        }

        return cumulative;
    }

    /// <summary>The particle that a uniform draw <paramref name="unit"/> in [0, 1) picks by weight, from <see cref="CumulativeWeights"/>.</summary>
    internal static int Pick(double[] cumulative, double unit)
    {
        double u = unit * cumulative[^1];
        int j = Array.BinarySearch(cumulative, u);

        // Not found gives the complement of the first entry above u: the particle whose interval holds u.
        j = j < 0 ? ~j : j + 1;
        return Math.Min(j, cumulative.Length - 1);
    }
}
