namespace FeatureStore.Compute.Startup;

/// <summary>The demo dataset loaded on first start, so a newcomer's first query returns real values (<c>FeatureStore:DemoData</c>).</summary>
internal sealed class DemoDataOptions
{
    public const string Section = "FeatureStore:DemoData";

    /// <summary>Load it when every source table is empty; false for a production database.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seed of the generator: the same seed gives the same rows.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Tenants (businesses).</summary>
    public int Tenants { get; set; } = 3;

    /// <summary>Users of each tenant.</summary>
    public int UsersPerTenant { get; set; } = 40;

    /// <summary>Messages in all, spread over the last <see cref="Days"/> days.</summary>
    public int Messages { get; set; } = 2_000;

    /// <summary>How many days of traffic, ending at the start of the current hour.</summary>
    public int Days { get; set; } = 7;
}
