using System.Globalization;
using System.Runtime.InteropServices;
using TrackSim.Core.Domain;

namespace TrackSim.Benchmarks;

/// <summary>
/// The <c>--export DIR N KIND SEED</c> mode: writes the input of the citizen-step benchmark and
/// TrackSim's result of one step as raw little-endian arrays, for the C and NumPy references in
/// <c>benchmarks/reference/</c> to read, run and compare.
/// </summary>
/// <remarks>
/// Files: <c>meta.txt</c> (one <c>key value</c> pair a line), <c>offsets.i32</c> (N + 1 row
/// starts), <c>targets.i32</c> (the tie ends in use), <c>flags.u8</c>, <c>trust.f32</c> (trust
/// before the step) and <c>expected.f32</c> (trust after one step with one round).
/// </remarks>
internal static class ReferenceExport
{
    public static int Run(string[] args)
    {
        if (args.Length != 4
            || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            || !TryParseKind(args[2], out var kind)
            || !ulong.TryParse(args[3], NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed))
        {
            Console.Error.WriteLine("usage: --export DIR N small_world|random SEED");
            return 2;
        }

        string folder = args[0];
        Directory.CreateDirectory(folder);
        var input = CitizenStepInput.Create(count, kind, seed);
        var network = input.Network;
        int ends = network.Offsets[count];
        Write(folder, "offsets.i32", MemoryMarshal.AsBytes(network.Offsets.AsSpan()));
        Write(folder, "targets.i32", MemoryMarshal.AsBytes(network.Targets.AsSpan(0, ends)));
        Write(folder, "flags.u8", input.Population.Flags);
        Write(folder, "trust.f32", MemoryMarshal.AsBytes(input.Initial.AsSpan()));

        input.Step(threads: 1);
        float[] expected = (float[])input.Population.Trust.Clone();

        // The parallel path must agree, or the references would be checked against one of two answers.
        input.Restore();
        input.Step(threads: 2);
        if (!input.Population.Trust.AsSpan().SequenceEqual(expected))
        {
            Console.Error.WriteLine("error: the step on two threads differs from the step on one");
            return 1;
        }

        Write(folder, "expected.f32", MemoryMarshal.AsBytes(expected.AsSpan()));
        int moved = 0;
        for (int i = 0; i < count; i++)
        {
            moved += expected[i] != input.Initial[i] ? 1 : 0;
        }

        string meta = FormattableString.Invariant(
            $"""
            count {count}
            per_state {network.PerState}
            states {network.StateCount}
            kind {args[2]}
            tie_ends {ends}
            epsilon {CitizenStepInput.Epsilon:R}
            mu {CitizenStepInput.Mu:R}
            seed {input.Seed}
            step {CitizenStepInput.StepNumber}
            moved {moved}

            """);
        File.WriteAllText(Path.Combine(folder, "meta.txt"), meta);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exported {count} citizens, {ends} tie ends, {moved} moved in one step, to {folder}"));
        return 0;
    }

    internal static bool TryParseKind(string text, out NetworkKind kind)
    {
        (bool ok, kind) = text switch
        {
            "small_world" => (true, NetworkKind.SmallWorld),
            "random" => (true, NetworkKind.Random),
            _ => (false, NetworkKind.SmallWorld),
        };
        return ok;
    }

    private static void Write(string folder, string name, ReadOnlySpan<byte> bytes)
    {
        using var file = File.Create(Path.Combine(folder, name));
        file.Write(bytes);
    }
}
