namespace FeatureStore.SyntheticData;

/// <summary>
/// Something a tenant sells, named in both languages (with its Spanish article, "la limpieza
/// dental"), with a price in US dollars and how long it takes.
/// </summary>
internal sealed record Service(string SpanishArticle, string Spanish, string English, int PriceUsd, int Minutes)
{
    public string Name(string language) => language == Languages.Spanish ? Spanish : English;

    /// <summary>"la limpieza dental", "the dental cleaning".</summary>
    public string WithArticle(string language) => language == Languages.Spanish ? $"{SpanishArticle} {Spanish}" : $"the {English}";
}
