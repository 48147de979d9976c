namespace FeatureStore.SyntheticData;

/// <summary>The two languages TIS TIS traffic is written in (ISO 639-1).</summary>
internal static class Languages
{
    public const string Spanish = "es";
    public const string English = "en";

    public static string Other(string language) => language == Spanish ? English : Spanish;
}
