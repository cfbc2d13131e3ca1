using TrackSim.Core.Recording;
using TrackSim.Experiments.Ensembles;
using TrackSim.Experiments.Files;

namespace TrackSim.Reporting.Networks;

/// <summary>
/// The files of the network snapshots under <c>networks/</c>, one set per snapshot date, for
/// every replicate of the variant that <see cref="VariantOf"/> picks (the base scenario when it
/// was run): the Track II participants (<c>track2-nodes-DATE.csv</c>) and the pairs who met
/// (<c>track2-edges-DATE.csv</c>), the cross-border citizen ties per pair of states
/// (<c>citizen-ties-DATE.csv</c>) and their deterministic sample (<c>citizen-tie-sample-DATE.csv</c>).
/// </summary>
public static class NetworkFiles
{
    /// <summary>The folder under a results folder that holds the network files.</summary>
    public const string FolderName = "networks";

    /// <summary>Header of the participants file.</summary>
    public const string NodesHeader = "variant,replicate,node,initiative,index,side,role,third_party,member,attended";

    /// <summary>Header of the file of participants who met.</summary>
    public const string EdgesHeader = "variant,replicate,source,target,initiative,together,trust_source_target,trust_target_source";

    /// <summary>Header of the file of cross-border ties per pair of states.</summary>
    public const string TiesHeader = "variant,replicate,state_a,state_b,ties,active";

    /// <summary>Header of the file of sampled cross-border ties.</summary>
    public const string SampleHeader = "variant,replicate,stride,citizen_a,state_a,trust_a,citizen_b,state_b,trust_b,active";

    /// <summary>The variant whose networks are written and drawn: <c>base</c> when it was run, else the first.</summary>
    public static string VariantOf(IReadOnlyList<string> variants)
    {
        ArgumentNullException.ThrowIfNull(variants);
        return variants.Contains("base") ? "base" : variants[0];
    }

    /// <summary>The runs of the variant <see cref="VariantOf"/> picks that hold snapshots, by replicate.</summary>
    public static IReadOnlyList<RunResult> RunsOf(EnsembleResult ensemble)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        string variant = VariantOf(ensemble.Variants);
        return [.. ensemble.RunsOf(variant).Where(r => !r.Networks.IsDefaultOrEmpty).OrderBy(r => r.Replicate)];
    }

    /// <summary>The name of the participants file of a snapshot's files: its date is the snapshot's.</summary>
    public const string NodesKind = "track2-nodes";

    /// <summary>The name of one of a snapshot's files: <c>kind-YYYY-MM-DD.csv</c>.</summary>
    public static string NameOf(string kind, DateOnly date) => $"{kind}-{CsvText.Date(date)}.csv";

    /// <summary>
    /// Writes the files of every snapshot into <paramref name="folder"/> (created if needed) and
    /// returns their names; none when no run took a snapshot.
    /// </summary>
    public static IReadOnlyList<string> Write(string folder, EnsembleResult ensemble, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var runs = RunsOf(ensemble);
        if (runs.Count == 0)
        {
            return [];
        }

        Directory.CreateDirectory(folder);
        var files = new List<string>();
        for (int k = 0; k < runs[0].Networks.Length; k++)
        {
            var date = runs[0].Networks[k].Date;
            var snapshots = runs.Select(r => (r.Variant, r.Replicate, Snapshot: r.Networks[k])).ToList();
            files.Add(WriteOne(folder, NameOf(NodesKind, date), NodesHeader, snapshots, NodeRows, cancellationToken));
            files.Add(WriteOne(folder, NameOf("track2-edges", date), EdgesHeader, snapshots, EdgeRows, cancellationToken));
            files.Add(WriteOne(folder, NameOf("citizen-ties", date), TiesHeader, snapshots, TieRows, cancellationToken));
            files.Add(WriteOne(folder, NameOf("citizen-tie-sample", date), SampleHeader, snapshots, SampleRows, cancellationToken));
        }

        return files;
    }

    /// <summary>
    /// Reads the snapshots of <paramref name="dates"/> back from the files <see cref="Write"/> wrote into <paramref name="folder"/>,
    /// by replicate, each with its snapshots in date order (their step, which the files do not
    /// hold, is -1); the variant is null and the list empty when there are none. Throws <see cref="InvalidDataException"/> on files it did not write.
    /// </summary>
    public static (string? Variant, List<(int Replicate, List<NetworkSnapshot> Snapshots)> Runs) Read(string folder, IEnumerable<DateOnly> dates)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(dates);
        var byReplicate = new SortedDictionary<int, List<NetworkSnapshot>>();
        string? variant = null;
        try
        {
            foreach (var date in dates.Distinct().Order())
            {
                var nodes = Rows(folder, NameOf(NodesKind, date), NodesHeader);
                var edges = Rows(folder, NameOf("track2-edges", date), EdgesHeader);
                var ties = Rows(folder, NameOf("citizen-ties", date), TiesHeader);
                var sample = Rows(folder, NameOf("citizen-tie-sample", date), SampleHeader);
                variant ??= nodes.Concat(ties).Select(r => r[0]).FirstOrDefault();
                var replicates = nodes.Concat(edges).Concat(ties).Concat(sample).Select(r => CsvText.ParseInteger(r[1])).Distinct().Order();
                foreach (int replicate in replicates)
                {
                    bool Own(string[] row) => CsvText.ParseInteger(row[1]) == replicate;
                    var own = sample.Where(Own).ToList();
                    var snapshot = new NetworkSnapshot(
                        -1,
                        date,
                        [.. nodes.Where(Own).Select(r => new Track2Node(r[3], CsvText.ParseInteger(r[4]), r[5], r[6], r[7] == "true", r[8] == "true", CsvText.ParseInteger(r[9])))],
                        [.. edges.Where(Own).Select(r => new Track2Edge(r[4], Index(r[2]), Index(r[3]), CsvText.ParseInteger(r[5]), CsvText.ParseNumber(r[6]), CsvText.ParseNumber(r[7])))],
                        [.. ties.Where(Own).Select(r => new CitizenTiePair(r[2], r[3], long.Parse(r[4], System.Globalization.CultureInfo.InvariantCulture), long.Parse(r[5], System.Globalization.CultureInfo.InvariantCulture)))],
                        own.Count == 0 ? 1 : CsvText.ParseInteger(own[0][2]),
                        [.. own.Select(r => new CitizenTie(CsvText.ParseInteger(r[3]), r[4], TrustOf(r[5]), CsvText.ParseInteger(r[6]), r[7], TrustOf(r[8]), r[9] == "true"))]);
                    if (!byReplicate.TryGetValue(replicate, out var list))
                    {
                        byReplicate[replicate] = list = [];
                    }

                    list.Add(snapshot);
                }
            }
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
        {
            throw new InvalidDataException($"{folder}: a network file was not written by this version of TrackSim ({e.Message})", e);
        }

        return (variant, [.. byReplicate.Select(kv => (kv.Key, kv.Value))]);
    }

    private static List<string[]> Rows(string folder, string name, string header)
    {
        string path = Path.Combine(folder, name);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path} is missing");
        }

        using var reader = new StreamReader(path);
        var rows = CsvText.Records(reader).ToList();
        if (rows.Count == 0 || string.Join(',', rows[0]) != header)
        {
            throw new InvalidDataException($"{path} does not start with the header {header}");
        }

        return rows[1..];
    }

    // The index of a participant from its node id, initiative:index.
    private static int Index(string node) => CsvText.ParseInteger(node[(node.LastIndexOf(':') + 1)..]);

    private static double TrustOf(string field) => field.Length == 0 ? double.NaN : CsvText.ParseNumber(field);

    private static string WriteOne(
        string folder,
        string name,
        string header,
        IReadOnlyList<(string Variant, int Replicate, NetworkSnapshot Snapshot)> snapshots,
        Func<NetworkSnapshot, IEnumerable<string>> rows,
        CancellationToken cancellationToken)
    {
        AtomicFile.WriteText(
            Path.Combine(folder, name),
            writer =>
            {
                writer.Write(header);
                writer.Write('\n');
                foreach (var (variant, replicate, snapshot) in snapshots)
                {
                    string prefix = $"{CsvText.Field(variant)},{CsvText.Integer(replicate)},";
                    foreach (string row in rows(snapshot))
                    {
                        writer.Write(prefix);
                        writer.Write(row);
                        writer.Write('\n');
                    }
                }
            },
            cancellationToken);
        return name;
    }

    private static IEnumerable<string> NodeRows(NetworkSnapshot snapshot) =>
        snapshot.Participants.Select(n =>
            $"{CsvText.Field(n.Id)},{CsvText.Field(n.Initiative)},{CsvText.Integer(n.Index)},{CsvText.Field(n.Side)},{CsvText.Field(n.Role)},{Flag(n.ThirdParty)},{Flag(n.Member)},{CsvText.Integer(n.Attended)}");

    private static IEnumerable<string> EdgeRows(NetworkSnapshot snapshot) =>
        snapshot.Meetings.Select(e =>
            $"{CsvText.Field(Track2Node.IdOf(e.Initiative, e.A))},{CsvText.Field(Track2Node.IdOf(e.Initiative, e.B))},{CsvText.Field(e.Initiative)},{CsvText.Integer(e.Together)},{CsvText.Number(e.TrustAB)},{CsvText.Number(e.TrustBA)}");

    private static IEnumerable<string> TieRows(NetworkSnapshot snapshot) =>
        snapshot.TiePairs.Select(p => $"{CsvText.Field(p.A)},{CsvText.Field(p.B)},{Long(p.Ties)},{Long(p.Active)}");

    private static IEnumerable<string> SampleRows(NetworkSnapshot snapshot) =>
        snapshot.TieSample.Select(t =>
            $"{CsvText.Integer(snapshot.TieStride)},{CsvText.Integer(t.CitizenA)},{CsvText.Field(t.StateA)},{Trust(t.TrustA)},{CsvText.Integer(t.CitizenB)},{CsvText.Field(t.StateB)},{Trust(t.TrustB)},{Flag(t.Active)}");

    private static string Flag(bool value) => value ? "true" : "false";

    private static string Long(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // A citizen who holds no trust toward the other's state has an empty field.
    private static string Trust(double value) => double.IsNaN(value) ? string.Empty : CsvText.Number(value);
}
