namespace FeatureStore.SyntheticData;

/// <summary>Where a region's users write from, and how often.</summary>
internal sealed record Channels(IReadOnlyList<string> Names, IReadOnlyList<double> Weights)
{
    public static readonly Channels LatinAmerica = new(["whatsapp", "instagram", "web", "messenger"], [0.60, 0.15, 0.20, 0.05]);
    public static readonly Channels Spain = new(["whatsapp", "web", "instagram"], [0.50, 0.35, 0.15]);
    public static readonly Channels UnitedStates = new(["web", "sms", "whatsapp", "instagram"], [0.45, 0.30, 0.10, 0.15]);
}
