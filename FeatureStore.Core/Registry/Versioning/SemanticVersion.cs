using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FeatureStore.Core.Registry.Versioning;

/// <summary>A feature version, <c>MAJOR.MINOR.PATCH</c>: major changes break readers, minor add, patch describe.</summary>
public readonly record struct SemanticVersion(int Major, int Minor, int Patch) : IComparable<SemanticVersion>
{
    /// <summary>The first version of every feature unless its definition says otherwise.</summary>
    public static SemanticVersion Initial { get; } = new(1, 0, 0);

    /// <summary>Parses <c>1.2.3</c>; false for anything else (no pre-release tags: features are released or not).</summary>
    public static bool TryParse(string? text, out SemanticVersion version)
    {
        version = default;
        var parts = text?.Split('.');
        if (parts is not { Length: 3 }
            || !TryPart(parts[0], out var major) || !TryPart(parts[1], out var minor) || !TryPart(parts[2], out var patch))
        {
            return false;
        }

        version = new SemanticVersion(major, minor, patch);
        return true;
    }

    /// <summary>Parses <c>1.2.3</c> or throws <see cref="FormatException"/>.</summary>
    public static SemanticVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"'{text}' is not a version of the form MAJOR.MINOR.PATCH");

    /// <summary>The kind of bump from <paramref name="from"/> to this version, or null when this one is not greater.</summary>
    public ChangeKind? BumpFrom(SemanticVersion from) =>
        CompareTo(from) <= 0 ? null
        : Major != from.Major ? ChangeKind.Major
        : Minor != from.Minor ? ChangeKind.Minor
        : ChangeKind.Patch;

    /// <summary>The smallest version above this one that carries a bump of <paramref name="kind"/>.</summary>
    public SemanticVersion Next(ChangeKind kind) => kind switch
    {
        ChangeKind.Major => new(Major + 1, 0, 0),
        ChangeKind.Minor => new(Major, Minor + 1, 0),
        _ => new(Major, Minor, Patch + 1),
    };

    /// <summary>Orders by major, then minor, then patch.</summary>
    public int CompareTo(SemanticVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major)
        : Minor != other.Minor ? Minor.CompareTo(other.Minor)
        : Patch.CompareTo(other.Patch);

    /// <summary>Version order.</summary>
    public static bool operator <(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) < 0;

    /// <summary>Version order.</summary>
    public static bool operator >(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) > 0;

    /// <summary>Version order.</summary>
    public static bool operator <=(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) <= 0;

    /// <summary>Version order.</summary>
    public static bool operator >=(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) >= 0;

    /// <summary><c>MAJOR.MINOR.PATCH</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");

    private static bool TryPart(string text, [NotNullWhen(true)] out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && (text == "0" || !text.StartsWith('0'));
}
