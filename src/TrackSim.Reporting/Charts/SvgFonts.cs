using System.Buffers.Binary;
using System.Text;
using System.Xml.Linq;

namespace TrackSim.Reporting.Charts;

/// <summary>
/// Makes an SVG chart self-contained: the text drawn in the bundled font (DejaVu Sans) gets that
/// font embedded as an <c>@font-face</c> with a base64 data URI, so the file renders with the
/// same glyphs on a machine without the font. Each face (regular, bold) is embedded only if the
/// chart uses it, reduced to the glyphs its text needs: the others are emptied (glyph numbers
/// are kept, so nothing else in the font changes) and the tables a chart does not use are left
/// out (kerning and glyph substitution: Skia writes every glyph's position; glyph names).
/// </summary>
internal static class SvgFonts
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    // The tables kept: what a browser's font sanitiser requires, and the hinting tables the glyphs' instructions use.
    private static readonly string[] KeptTables = ["OS/2", "cmap", "cvt ", "fpgm", "gasp", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post", "prep"];

    /// <summary>The SVG with the bundled font's faces it uses embedded; unchanged when no text is in that font.</summary>
    public static byte[] Embed(byte[] svg)
    {
        ArgumentNullException.ThrowIfNull(svg);
        string text = Encoding.UTF8.GetString(svg);
        var document = XDocument.Parse(text);
        var regular = new HashSet<int>();
        var bold = new HashSet<int>();
        foreach (var element in document.Descendants(Svg + "text"))
        {
            if (!string.Equals((string?)element.Attribute("font-family"), ChartStyle.DefaultFont, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // Skia writes a weight of 600 or more for the bold face (SemiBold and up resolve to it, see ChartFonts).
            bool isBold = int.TryParse((string?)element.Attribute("font-weight"), out int weight) ? weight >= 600 : (string?)element.Attribute("font-weight") == "bold";
            var set = isBold ? bold : regular;
            foreach (var rune in element.Value.EnumerateRunes())
            {
                set.Add(rune.Value);
            }
        }

        var faces = new StringBuilder();
        if (regular.Count > 0)
        {
            faces.Append(FontFace(bold: false, regular));
        }

        if (bold.Count > 0)
        {
            faces.Append(FontFace(bold: true, bold));
        }

        if (faces.Length == 0)
        {
            return svg;
        }

        // After the root element's opening tag, as Skia writes it (the rest of the file is kept byte for byte).
        int root = text.IndexOf("<svg", StringComparison.Ordinal);
        int end = text.IndexOf('>', root) + 1;
        string style = $"\n\t<defs><style type=\"text/css\">{faces}</style></defs>";
        return Encoding.UTF8.GetBytes(text.Insert(end, style));
    }

    private static string FontFace(bool bold, HashSet<int> codePoints)
    {
        byte[] font = ChartFonts.Data(bold);
        var typeface = ChartFonts.Typeface(ChartStyle.DefaultFont, bold);
        var glyphs = new HashSet<int> { 0 };
        foreach (int codePoint in codePoints)
        {
            glyphs.Add(typeface.GetGlyph(codePoint));
        }

        string data = Convert.ToBase64String(Subset(font, glyphs));
        return $"@font-face{{font-family:'{ChartStyle.DefaultFont}';font-style:normal;font-weight:{(bold ? "bold" : "normal")};src:url(data:font/ttf;base64,{data}) format('truetype');}}";
    }

    /// <summary>
    /// The TrueType font <paramref name="font"/> with only <paramref name="keep"/> (and the glyphs
    /// their composites are made of) left in its outlines, the other glyphs empty, a long loca
    /// table, glyph names dropped (post format 3) and only <see cref="KeptTables"/>.
    /// </summary>
    internal static byte[] Subset(byte[] font, IReadOnlySet<int> keep)
    {
        ArgumentNullException.ThrowIfNull(font);
        ArgumentNullException.ThrowIfNull(keep);
        var tables = ReadTables(font);
        var head = tables["head"].ToArray();
        var maxp = tables["maxp"];
        int glyphCount = BinaryPrimitives.ReadUInt16BigEndian(maxp.Span[4..]);
        bool shortLoca = BinaryPrimitives.ReadInt16BigEndian(head.AsSpan(50)) == 0;
        var loca = tables["loca"];
        var glyf = tables["glyf"];
        int Offset(int glyph) => shortLoca ? BinaryPrimitives.ReadUInt16BigEndian(loca.Span[(glyph * 2)..]) * 2 : (int)BinaryPrimitives.ReadUInt32BigEndian(loca.Span[(glyph * 4)..]);

        // The glyphs kept, with every component of a composite glyph.
        var kept = new SortedSet<int>();
        var pending = new Stack<int>(keep.Where(g => g >= 0 && g < glyphCount));
        while (pending.Count > 0)
        {
            int glyph = pending.Pop();
            if (!kept.Add(glyph))
            {
                continue;
            }

            var outline = glyf.Span[Offset(glyph)..Offset(glyph + 1)];
            if (outline.Length >= 10 && BinaryPrimitives.ReadInt16BigEndian(outline) < 0)
            {
                foreach (int component in Components(outline))
                {
                    pending.Push(component);
                }
            }
        }

        using var newGlyf = new MemoryStream();
        var newLoca = new byte[(glyphCount + 1) * 4];
        for (int g = 0; g < glyphCount; g++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(g * 4), (uint)newGlyf.Length);
            if (kept.Contains(g))
            {
                newGlyf.Write(glyf.Span[Offset(g)..Offset(g + 1)]);
                while (newGlyf.Length % 4 != 0)
                {
                    newGlyf.WriteByte(0);
                }
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(glyphCount * 4), (uint)newGlyf.Length);

        // Long offsets; the checksum adjustment is recomputed below.
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1);
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0);

        // Glyph names are not needed to draw: post format 3 keeps the header's metrics alone.
        var post = tables["post"][..32].ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(post, 0x00030000);

        var output = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (string tag in KeptTables.Where(tables.ContainsKey))
        {
            output[tag] = tag switch
            {
                "glyf" => newGlyf.ToArray(),
                "loca" => newLoca,
                "head" => head,
                "post" => post,
                _ => tables[tag].ToArray(),
            };
        }

        return Write(output);
    }

    private static Dictionary<string, ReadOnlyMemory<byte>> ReadTables(byte[] font)
    {
        int count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var tables = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            var record = font.AsSpan(12 + (16 * i), 16);
            string tag = Encoding.ASCII.GetString(record[..4]);
            int offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            int length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            tables[tag] = font.AsMemory(offset, length);
        }

        return tables;
    }

    // The glyph numbers a composite glyph is made of (the TrueType 'glyf' table's component records).
    private static List<int> Components(ReadOnlySpan<byte> outline)
    {
        const int ArgsAreWords = 0x0001;
        const int HasScale = 0x0008;
        const int MoreComponents = 0x0020;
        const int HasXYScale = 0x0040;
        const int HasTwoByTwo = 0x0080;
        var components = new List<int>();
        int at = 10;
        int flags;
        do
        {
            flags = BinaryPrimitives.ReadUInt16BigEndian(outline[at..]);
            components.Add(BinaryPrimitives.ReadUInt16BigEndian(outline[(at + 2)..]));
            at += 4 + ((flags & ArgsAreWords) != 0 ? 4 : 2);
            at += (flags & HasScale) != 0 ? 2 : (flags & HasXYScale) != 0 ? 4 : (flags & HasTwoByTwo) != 0 ? 8 : 0;
        }
        while ((flags & MoreComponents) != 0 && at + 4 <= outline.Length);
        return components;
    }

    // An sfnt file of the tables, in tag order, each at a 4-byte boundary, with checksums and head's adjustment.
    private static byte[] Write(SortedDictionary<string, byte[]> tables)
    {
        int count = tables.Count;
        int power = 1;
        int log = 0;
        while (power * 2 <= count)
        {
            power *= 2;
            log++;
        }

        int headerLength = 12 + (16 * count);
        int length = headerLength + tables.Values.Sum(t => (t.Length + 3) & ~3);
        var file = new byte[length];
        BinaryPrimitives.WriteUInt32BigEndian(file, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(4), (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(6), (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(8), (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(10), (ushort)((count - power) * 16));
        int offset = headerLength;
        int headOffset = 0;
        int i = 0;
        foreach (var (tag, data) in tables)
        {
            var record = file.AsSpan(12 + (16 * i), 16);
            Encoding.ASCII.GetBytes(tag, record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            data.CopyTo(file, offset);
            if (tag == "head")
            {
                headOffset = offset;
            }

            offset += (data.Length + 3) & ~3;
            i++;
        }

        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(headOffset + 8), unchecked(0xB1B0AFBA - Checksum(file)));
        return file;
    }

    private static uint Checksum(byte[] data)
    {
        uint sum = 0;
        for (int i = 0; i < data.Length; i += 4)
        {
            uint word = 0;
            for (int k = 0; k < 4; k++)
            {
                word = (word << 8) | (i + k < data.Length ? data[i + k] : 0u);
            }

            sum = unchecked(sum + word);
        }

        return sum;
    }
}
