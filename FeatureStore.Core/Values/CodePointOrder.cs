namespace FeatureStore.Core.Values;

/// <summary>
/// Orders strings by Unicode code point, which is the byte order of their UTF-8 form and so the
/// order of Postgres's "C" collation. Entity ids are stored with it; .NET's ordinal comparison
/// differs only for characters outside the Basic Multilingual Plane, which it compares as UTF-16
/// surrogates (below U+E000) instead.
/// </summary>
public sealed class CodePointOrder : IComparer<string>
{
    /// <summary>The one instance.</summary>
    public static CodePointOrder Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            if (x[i] != y[i])
            {
                return Rank(x[i]) - Rank(y[i]);
            }
        }

        return x.Length - y.Length;
    }

    // Surrogates (U+D800-U+DFFF) stand for code points above U+FFFF: move them above U+E000-U+FFFF.
    private static int Rank(char c) => c switch
    {
        >= '\uE000' => c - 0x800,
        >= '\uD800' => c + 0x2000,
        _ => c,
    };
}
