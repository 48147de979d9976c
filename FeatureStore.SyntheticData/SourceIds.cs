using System.Globalization;

namespace FeatureStore.SyntheticData;

/// <summary>
/// Fixed-width ids ("t001", "u000123", "c0000456", "m00001234"): valid entity ids whose code-point
/// order (Postgres "C" collation) is their numeric order. Numbers start at 1.
/// </summary>
internal static class SourceIds
{
    public static string Tenant(int index) => Format('t', index, 3);

    public static string User(int index) => Format('u', index, 6);

    public static string Conversation(int index) => Format('c', index, 7);

    public static string Message(long index) => Format('m', index, 8);

    public static string Feedback(long index) => Format('f', index, 8);

    public static string Booking(long index) => Format('b', index, 8);

    public static string Event(long index) => Format('e', index, 8);

    private static string Format(char prefix, long zeroBasedIndex, int digits) =>
        prefix + (zeroBasedIndex + 1).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
}
