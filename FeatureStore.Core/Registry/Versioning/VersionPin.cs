using System.Globalization;

namespace FeatureStore.Core.Registry.Versioning;

/// <summary>
/// How a reader names a feature: <c>name</c> (the active version, or its A/B split),
/// <c>name@1</c> (latest 1.x), <c>name@1.2</c> (latest 1.2.x) or <c>name@1.2.0</c> (exactly).
/// </summary>
/// <param name="Name">The feature name without the pin.</param>
/// <param name="Major">Pinned major version, if any.</param>
/// <param name="Minor">Pinned minor version (only with a major).</param>
/// <param name="Patch">Pinned patch version (only with a minor).</param>
public sealed record VersionPin(string Name, int? Major, int? Minor, int? Patch)
{
    /// <summary>True when the reader names no version and takes whatever is active.</summary>
    public bool IsUnpinned => Major is null;

    /// <summary>Parses <c>name</c>, <c>name@1</c>, <c>name@1.2</c> or <c>name@1.2.0</c>; null when malformed.</summary>
    public static VersionPin? TryParse(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }

        var at = reference.IndexOf('@', StringComparison.Ordinal);
        if (at == 0)
        {
            return null;
        }

        if (at < 0)
        {
            return new VersionPin(reference, null, null, null);
        }

        // Read in place: every value a batch writes names its version (name@1.2.0), so no strings for the parts.
        var rest = reference.AsSpan(at + 1);
        Span<int?> numbers = [null, null, null];
        for (var i = 0; ; i++)
        {
            var dot = rest.IndexOf('.');
            var part = dot < 0 ? rest : rest[..dot];
            if (i == 3 || !int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return null;
            }

            numbers[i] = n;
            if (dot < 0)
            {
                break;
            }

            rest = rest[(dot + 1)..];
        }

        return new VersionPin(reference[..at], numbers[0], numbers[1], numbers[2]);
    }

    /// <summary>True when <paramref name="version"/> satisfies this pin.</summary>
    public bool Matches(SemanticVersion version) =>
        (Major is null || Major == version.Major)
        && (Minor is null || Minor == version.Minor)
        && (Patch is null || Patch == version.Patch);

    /// <summary>The reference as a reader writes it.</summary>
    public override string ToString() =>
        Major is null ? Name
        : Minor is null ? string.Create(CultureInfo.InvariantCulture, $"{Name}@{Major}")
        : Patch is null ? string.Create(CultureInfo.InvariantCulture, $"{Name}@{Major}.{Minor}")
        : string.Create(CultureInfo.InvariantCulture, $"{Name}@{Major}.{Minor}.{Patch}");
}
