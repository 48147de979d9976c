using FeatureStore.Core.Sources;

namespace FeatureStore.SyntheticData;

/// <summary>A generated tenant with what its traffic needs: its template, time zone, intent chain and share of the traffic.</summary>
internal sealed class TenantContext
{
    private TenantContext(int index, Tenant tenant, TenantProfile profile, TimeZoneInfo zone, IntentChain chain, double weight)
    {
        Index = index;
        Tenant = tenant;
        Profile = profile;
        Zone = zone;
        Chain = chain;
        Weight = weight;
    }

    public int Index { get; }

    public Tenant Tenant { get; }

    public TenantProfile Profile { get; }

    public TimeZoneInfo Zone { get; }

    public IntentChain Chain { get; }

    /// <summary>How busy the tenant is relative to the others (0.5 to 2).</summary>
    public double Weight { get; }

    public static TenantContext Create(int seed, int index)
    {
        var random = SeededRandom.For(seed, RandomStream.Tenant, index);
        var profile = TenantProfile.All[index % TenantProfile.All.Count];
        var round = index / TenantProfile.All.Count;
        var name = round == 0 ? profile.Name : $"{profile.Name} ({profile.Branch} {round + 1})";
        var tenant = new Tenant(SourceIds.Tenant(index), name, profile.TimeZone, profile.OpensAt, profile.ClosesAt, profile.Language);
        var weight = 0.5 + (1.5 * random.NextDouble());
        return new TenantContext(index, tenant, profile, TimeZoneInfo.FindSystemTimeZoneById(profile.TimeZone), new IntentChain(random), weight);
    }
}
