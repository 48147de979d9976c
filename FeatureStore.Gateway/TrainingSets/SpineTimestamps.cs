using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using FeatureStore.Core.Errors;

namespace FeatureStore.Gateway.TrainingSets;

/// <summary>Spine timestamps: ISO-8601 with an explicit offset, because "2026-01-01 10:00" alone would silently mean some server's zone.</summary>
internal static partial class SpineTimestamps
{
    public static DateTimeOffset Parse(string text, long line)
    {
        var trimmed = text.Trim();
        if (!ExplicitOffset().IsMatch(trimmed)
            || !DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument,
                $"row {line}: timestamp '{text}' is not ISO-8601 with an offset (e.g. 2026-01-01T10:00:00Z or 2026-01-01T10:00:00-06:00)");
        }

        return instant;
    }

    /// <summary>
    /// The usual form, <c>yyyy-MM-ddTHH:mm:ss[.fffffff](Z|+HH:mm|-HH:mm)</c> (ASCII whitespace around allowed), read
    /// straight from UTF-8 as <see cref="Parse"/> would read it; false for anything else, which <see cref="Parse"/>
    /// then decides (it knows every form, and words the error).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseUtf8(ReadOnlySpan<byte> text, out DateTimeOffset instant)
    {
        instant = default;
        text = text.Trim(" \t\r\n\v\f"u8);
        if (text.Length < 20
            || !Number(text, 0, 4, out var year) || text[4] != (byte)'-' || !Number(text, 5, 2, out var month) || text[7] != (byte)'-'
            || !Number(text, 8, 2, out var day) || text[10] != (byte)'T' || !Number(text, 11, 2, out var hour) || text[13] != (byte)':'
            || !Number(text, 14, 2, out var minute) || text[16] != (byte)':' || !Number(text, 17, 2, out var second))
        {
            return false;
        }

        var at = 19;
        long fraction = 0;
        if (text[at] == (byte)'.')
        {
            var digits = 0;
            while (++at < text.Length && char.IsAsciiDigit((char)text[at]) && ++digits <= 7)
            {
                fraction = (fraction * 10) + (text[at] - '0');
            }

            if (digits is 0 or > 7)
            {
                return false;
            }

            for (var d = digits; d < 7; d++)
            {
                fraction *= 10;
            }
        }

        var rest = text[at..];
        TimeSpan offset;
        if (rest is [(byte)'Z'])
        {
            offset = TimeSpan.Zero;
        }
        else if (rest is [(byte)'+' or (byte)'-', _, _, (byte)':', _, _] && Number(rest, 1, 2, out var hours) && Number(rest, 4, 2, out var minutes)
            && minutes < 60 && (hours < 14 || (hours == 14 && minutes == 0)))
        {
            var magnitude = new TimeSpan(hours, minutes, 0);
            offset = rest[0] == (byte)'-' ? -magnitude : magnitude;
        }
        else
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second).Ticks + fraction;
        var utc = local - offset.Ticks;
        if (utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        instant = new DateTimeOffset(local, offset);
        return true;
    }

    private static bool Number(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        foreach (var b in text.Slice(start, count))
        {
            if (!char.IsAsciiDigit((char)b))
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }

    /// <summary>Bytes of <see cref="FormatUtf8"/>'s output.</summary>
    public const int Utf8Length = 27;

    /// <summary>
    /// Output form: UTC, microseconds (the store's precision), i.e. <c>yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'</c>, as
    /// UTF-8, written digit by digit (a custom format string cost more than the rest of an export row); returns
    /// <see cref="Utf8Length"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int FormatUtf8(DateTimeOffset instant, Span<byte> destination)
    {
        var utc = instant.UtcDateTime;
        _ = destination[Utf8Length - 1];
        Digits(destination, 0, utc.Year, 4);
        destination[4] = (byte)'-';
        Digits(destination, 5, utc.Month, 2);
        destination[7] = (byte)'-';
        Digits(destination, 8, utc.Day, 2);
        destination[10] = (byte)'T';
        Digits(destination, 11, utc.Hour, 2);
        destination[13] = (byte)':';
        Digits(destination, 14, utc.Minute, 2);
        destination[16] = (byte)':';
        Digits(destination, 17, utc.Second, 2);
        destination[19] = (byte)'.';
        Digits(destination, 20, (int)(utc.Ticks % TimeSpan.TicksPerSecond / 10), 6);
        destination[26] = (byte)'Z';
        return Utf8Length;
    }

    private static void Digits(Span<byte> destination, int start, int value, int count)
    {
        for (var i = start + count - 1; i >= start; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    [GeneratedRegex(@"(Z|z|[+-]\d{2}(:?\d{2})?)$")]
    private static partial Regex ExplicitOffset();
}
