namespace TrackSim.Reporting.Charts;

/// <summary>
/// Records the resolution in a PNG (its <c>pHYs</c> chunk), which the encoder leaves out, so
/// LaTeX, Word and image viewers place a 300 dpi chart at its intended size in inches.
/// </summary>
internal static class PngResolution
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>A copy of <paramref name="png"/> with a <c>pHYs</c> chunk for <paramref name="dpi"/> right after the header chunk.</summary>
    public static byte[] WithDpi(byte[] png, int dpi)
    {
        ArgumentNullException.ThrowIfNull(png);
        // Signature (8 bytes), then IHDR: length (4), type (4), 13 data bytes, CRC (4).
        const int afterHeader = 8 + 4 + 4 + 13 + 4;
        if (png.Length < afterHeader || png[12] != 'I' || png[13] != 'H' || png[14] != 'D' || png[15] != 'R')
        {
            throw new ArgumentException("Not a PNG image.", nameof(png));
        }

        uint perMetre = (uint)Math.Round(dpi / 0.0254);
        var chunk = new byte[4 + 4 + 9 + 4];
        WriteUInt32(chunk, 0, 9);
        chunk[4] = (byte)'p';
        chunk[5] = (byte)'H';
        chunk[6] = (byte)'Y';
        chunk[7] = (byte)'s';
        WriteUInt32(chunk, 8, perMetre);
        WriteUInt32(chunk, 12, perMetre);
        chunk[16] = 1; // the unit is the metre
        WriteUInt32(chunk, 17, Crc(chunk.AsSpan(4, 4 + 9)));
        return [.. png.AsSpan(0, afterHeader), .. chunk, .. png.AsSpan(afterHeader)];
    }

    /// <summary>The resolution recorded in a PNG's <c>pHYs</c> chunk, or null.</summary>
    public static int? DpiOf(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        int offset = 8;
        while (offset + 8 <= png.Length)
        {
            int length = (int)ReadUInt32(png, offset);
            if (png[offset + 4] == 'p' && png[offset + 5] == 'H' && png[offset + 6] == 'Y' && png[offset + 7] == 's' && length == 9)
            {
                return (int)Math.Round(ReadUInt32(png, offset + 8) * 0.0254);
            }

            offset += 12 + length;
        }

        return null;
    }

    private static void WriteUInt32(byte[] buffer, int offset, uint value)
    {
        buffer[offset] = (byte)(value >> 24);
        buffer[offset + 1] = (byte)(value >> 16);
        buffer[offset + 2] = (byte)(value >> 8);
        buffer[offset + 3] = (byte)value;
    }

    private static uint ReadUInt32(byte[] buffer, int offset) =>
        ((uint)buffer[offset] << 24) | ((uint)buffer[offset + 1] << 16) | ((uint)buffer[offset + 2] << 8) | buffer[offset + 3];

    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFF;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
