using System.Runtime.CompilerServices;

namespace FeatureStore.Gateway.TrainingSets;

/// <summary>RFC 4180 fields: a field holding a comma, quote or line break is quoted, its quotes doubled.</summary>
internal static class CsvFields
{
    private static ReadOnlySpan<byte> Special => ",\"\n\r"u8;

    /// <summary>The most bytes a field of <paramref name="length"/> bytes can take: quoted, every byte a doubled quote.</summary>
    public static int MaxLength(int length) => (2 * length) + 2;

    /// <summary>Writes <paramref name="text"/> (UTF-8) as a field; returns the bytes written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Write(Span<byte> destination, ReadOnlySpan<byte> text)
    {
        if (text.IndexOfAny(Special) < 0)
        {
            text.CopyTo(destination);
            return text.Length;
        }

        var length = 0;
        destination[length++] = (byte)'"';
        foreach (var b in text)
        {
            destination[length++] = b;
            if (b == (byte)'"')
            {
                destination[length++] = b;
            }
        }

        destination[length++] = (byte)'"';
        return length;
    }

    /// <summary>The same for text, for the header.</summary>
    public static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
