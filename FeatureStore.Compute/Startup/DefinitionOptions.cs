namespace FeatureStore.Compute.Startup;

/// <summary>Where the default feature definitions live and whether an empty registry is seeded with them.</summary>
internal sealed class DefinitionOptions
{
    public const string Section = "FeatureStore:Definitions";

    /// <summary>The definitions folder (the repository's <c>features/</c>); unset means no seeding.</summary>
    public string? Directory { get; set; }

    /// <summary>Apply the folder's definitions when the registry has no feature at all (first start).</summary>
    public bool SeedWhenEmpty { get; set; } = true;

    /// <summary>Overrides for <c>variables.json</c>, e.g. <c>FeatureStore__Definitions__Variables__embeddingDimension=768</c>.</summary>
    public Dictionary<string, string> Variables { get; set; } = [];
}
