namespace FeatureStore.Postgres.Data;

/// <summary>
/// Entity ids are identifiers, not words: they sort by code point ("C" collation), the same order
/// on every server whatever its locale. The training-set export merges ordered reads in .NET and
/// relies on this order matching <see cref="FeatureStore.Core.Values.CodePointOrder"/>.
/// </summary>
internal static class EntityIds
{
    public const string Collation = "C";
}
