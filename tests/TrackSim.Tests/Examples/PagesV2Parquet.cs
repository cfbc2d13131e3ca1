using System.IO.Compression;
using System.Text;

namespace TrackSim.Tests.Examples;

/// <summary>
/// Writes a series.parquet byte by byte with what TrackSim's writer (Parquet.Net) does not produce
/// but the examples' readers accept: data pages of version 2, several pages in a column chunk, RLE
/// runs of dictionary indices, PLAIN text columns, and a GZIP column whose page is stored
/// uncompressed. One row group; the columns and types of TrackSim's series.
/// </summary>
internal static class PagesV2Parquet
{
    private const int Int32Type = 1;
    private const int DoubleType = 5;
    private const int ByteArrayType = 6;
    private const int Uncompressed = 0;
    private const int Gzip = 2;
    private const int Plain = 0;
    private const int RleDictionary = 8;

    /// <summary>Writes <paramref name="rows"/> to <c>series.parquet</c> in <paramref name="folder"/>.</summary>
    public static void Write(string folder, IReadOnlyList<SeriesLine> rows)
    {
        var file = new MemoryStream();
        file.Write("PAR1"u8);
        int n = rows.Count;
        var chunks = new List<Chunk>
        {
            // variant: a dictionary page and RLE runs of indices, GZIP.
            DictionaryChunk(file, "variant", rows.Select(r => r.Variant).ToList()),
            // replicate, step, date: PLAIN integers in two pages each, uncompressed.
            PlainChunk(file, "replicate", Int32Type, Uncompressed, n, Ints(rows.Select(r => r.Replicate))),
            PlainChunk(file, "step", Int32Type, Uncompressed, n, Ints(rows.Select(r => r.Step))),
            PlainChunk(file, "date", Int32Type, Uncompressed, n, Ints(rows.Select(r => r.Date.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber))),
            // metric: PLAIN text, GZIP; subject: PLAIN text in a GZIP chunk whose pages say they are not compressed.
            PlainChunk(file, "metric", ByteArrayType, Gzip, n, Texts(rows.Select(r => r.Metric))),
            PlainChunk(file, "subject", ByteArrayType, Gzip, n, Texts(rows.Select(r => r.Subject)), compressPages: false),
            PlainChunk(file, "value", DoubleType, Gzip, n, rows.Select(r => BitConverter.GetBytes(r.Value)).ToList()),
        };

        var footer = new Compact();
        footer.I32(1, 1);
        footer.List(2, Compact.StructType, chunks.Count + 1);
        footer.Element().Binary(4, "schema").I32(5, chunks.Count).End();
        foreach (var chunk in chunks)
        {
            footer.Element().I32(1, chunk.Type).I32(3, 0).Binary(4, chunk.Name);
            if (chunk.Name == "date")
            {
                footer.I32(6, 6); // converted type DATE
            }
            else if (chunk.Type == ByteArrayType)
            {
                footer.I32(6, 0); // converted type UTF8
            }

            footer.End();
        }

        footer.I64(3, n);
        footer.List(4, Compact.StructType, 1);
        footer.Element().List(1, Compact.StructType, chunks.Count);
        foreach (var chunk in chunks)
        {
            footer.Element().I64(2, chunk.Start).Begin(3)
                .I32(1, chunk.Type)
                .I32List(2, chunk.Encodings)
                .BinaryList(3, chunk.Name)
                .I32(4, chunk.Codec)
                .I64(5, n)
                .I64(6, chunk.Uncompressed)
                .I64(7, chunk.Length)
                .I64(9, chunk.DataStart);
            if (chunk.DataStart != chunk.Start)
            {
                footer.I64(11, chunk.Start);
            }

            footer.End().End();
        }

        footer.I64(2, chunks.Sum(c => c.Uncompressed)).I64(3, n).End();
        footer.End();
        byte[] meta = footer.ToArray();
        file.Write(meta);
        file.Write(BitConverter.GetBytes(meta.Length));
        file.Write("PAR1"u8);
        File.WriteAllBytes(Path.Combine(folder, "series.parquet"), file.ToArray());
    }

    /// <summary>A column chunk as the footer describes it.</summary>
    private sealed record Chunk(string Name, int Type, int Codec, int[] Encodings, long Start, long DataStart, long Length, long Uncompressed);

    private static Chunk DictionaryChunk(MemoryStream file, string name, List<string> values)
    {
        long start = file.Position;
        var dictionary = values.Distinct().ToList();
        long uncompressed = WritePage(file, Gzip, 2, Concat(Texts(dictionary)), header => header
            .Begin(7).I32(1, dictionary.Count).I32(2, Plain).End());
        long dataStart = file.Position;

        // The bit width of the indices, then RLE runs: a varint of count << 1 and the index in
        // one byte (widths up to 8 bits).
        var body = new MemoryStream();
        int width = Math.Max(1, (int)Math.Ceiling(Math.Log2(dictionary.Count)));
        body.WriteByte((byte)width);
        for (int i = 0; i < values.Count;)
        {
            int j = i;
            while (j < values.Count && values[j] == values[i])
            {
                j++;
            }

            Varint(body, (ulong)(j - i) << 1);
            body.WriteByte((byte)dictionary.IndexOf(values[i]));
            i = j;
        }

        uncompressed += WritePage(file, Gzip, 3, body.ToArray(), header => header
            .Begin(8).I32(1, values.Count).I32(2, 0).I32(3, values.Count).I32(4, RleDictionary).I32(5, 0).I32(6, 0).End());
        return new Chunk(name, ByteArrayType, Gzip, [Plain, RleDictionary], start, dataStart, file.Position - start, uncompressed);
    }

    /// <summary>A PLAIN column chunk of two data pages (v2), the first with half the values.</summary>
    private static Chunk PlainChunk(MemoryStream file, string name, int type, int codec, int count, List<byte[]> values, bool compressPages = true)
    {
        long start = file.Position;
        long uncompressed = 0;
        foreach (var part in new[] { values.Take(count / 2).ToList(), values.Skip(count / 2).ToList() })
        {
            uncompressed += WritePage(file, compressPages ? codec : Uncompressed, 3, Concat(part), header => header
                .Begin(8).I32(1, part.Count).I32(2, 0).I32(3, part.Count).I32(4, Plain).I32(5, 0).I32(6, 0).Bool(7, compressPages && codec != Uncompressed).End());
        }

        return new Chunk(name, type, codec, [Plain], start, start, file.Position - start, uncompressed);
    }

    /// <summary>A page header (type, sizes, then what <paramref name="describe"/> adds) and its body.</summary>
    /// <returns>The page's size uncompressed, header included.</returns>
    private static long WritePage(MemoryStream file, int codec, int pageType, byte[] body, Func<Compact, Compact> describe)
    {
        byte[] stored = codec == Gzip ? Gzipped(body) : body;
        byte[] header = describe(new Compact().I32(1, pageType).I32(2, body.Length).I32(3, stored.Length)).End().ToArray();
        file.Write(header);
        file.Write(stored);
        return header.Length + body.Length;
    }

    private static byte[] Gzipped(byte[] body)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return output.ToArray();
    }

    private static List<byte[]> Ints(IEnumerable<int> values) => [.. values.Select(BitConverter.GetBytes)];

    private static List<byte[]> Texts(IEnumerable<string> values) =>
        [.. values.Select(v => BitConverter.GetBytes(Encoding.UTF8.GetByteCount(v)).Concat(Encoding.UTF8.GetBytes(v)).ToArray())];

    private static byte[] Concat(IEnumerable<byte[]> parts) => [.. parts.SelectMany(p => p)];

    private static void Varint(Stream stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        stream.WriteByte((byte)value);
    }

    /// <summary>Writes Thrift's compact protocol: field headers by delta, zigzag varints, lists.</summary>
    private sealed class Compact
    {
        /// <summary>The compact protocol's type of a struct.</summary>
        public const int StructType = 12;

        private readonly List<byte> _bytes = [];
        private readonly Stack<int> _outer = new();
        private int _last;

        public byte[] ToArray() => _bytes.ToArray();

        public Compact I32(int id, long value) => Field(id, 5).Zigzag(value);

        public Compact I64(int id, long value) => Field(id, 6).Zigzag(value);

        public Compact Bool(int id, bool value) => Field(id, value ? 1 : 2);

        public Compact Binary(int id, string text) => Field(id, 8).Text(text);

        /// <summary>A struct field; <see cref="End"/> closes it.</summary>
        public Compact Begin(int id)
        {
            Field(id, StructType);
            return Element();
        }

        /// <summary>A struct as an element of a list; <see cref="End"/> closes it.</summary>
        public Compact Element()
        {
            _outer.Push(_last);
            _last = 0;
            return this;
        }

        /// <summary>Closes a struct (or, outermost, the whole message).</summary>
        public Compact End()
        {
            _bytes.Add(0);
            _last = _outer.Count > 0 ? _outer.Pop() : 0;
            return this;
        }

        /// <summary>A list field's header; its <paramref name="count"/> elements follow.</summary>
        public Compact List(int id, int elementType, int count)
        {
            Field(id, 9);
            if (count < 15)
            {
                _bytes.Add((byte)((count << 4) | elementType));
            }
            else
            {
                _bytes.Add((byte)(0xF0 | elementType));
                Varint((ulong)count);
            }

            return this;
        }

        public Compact I32List(int id, int[] values)
        {
            List(id, 5, values.Length);
            foreach (int v in values)
            {
                Zigzag(v);
            }

            return this;
        }

        public Compact BinaryList(int id, params string[] values)
        {
            List(id, 8, values.Length);
            foreach (string v in values)
            {
                Text(v);
            }

            return this;
        }

        private Compact Field(int id, int type)
        {
            int delta = id - _last;
            if (delta is > 0 and <= 15)
            {
                _bytes.Add((byte)((delta << 4) | type));
            }
            else
            {
                _bytes.Add((byte)type);
                Zigzag(id);
            }

            _last = id;
            return this;
        }

        private Compact Zigzag(long value)
        {
            Varint((ulong)((value << 1) ^ (value >> 63)));
            return this;
        }

        private void Varint(ulong value)
        {
            while (value >= 0x80)
            {
                _bytes.Add((byte)(value | 0x80));
                value >>= 7;
            }

            _bytes.Add((byte)value);
        }

        private Compact Text(string text)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            Varint((ulong)bytes.Length);
            _bytes.AddRange(bytes);
            return this;
        }
    }
}
