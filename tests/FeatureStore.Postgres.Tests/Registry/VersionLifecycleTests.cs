using System.Text.Json;
using System.Text.Json.Nodes;
using FeatureStore.Core.Errors;
using FeatureStore.Core.Registry.State;
using FeatureStore.Core.Registry.Versioning;
using FeatureStore.Testing;

namespace FeatureStore.Postgres.Tests.Registry;

/// <summary>Pins across a major upgrade, deprecation before and after sunset, rollback, A/B splits, audit.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class VersionLifecycleTests(InfrastructureFixture infrastructure) : RegistryTestBase(infrastructure, "lifecycle")
{
    private const string Name = "user:test_intent";
    private static readonly DateTimeOffset Sunset = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Pinned_readers_keep_their_major_version_after_a_new_major_is_activated()
    {
        var feature = await ThreeVersionsAsync();

        Assert.Equal("2.0.0", Resolve(feature, Name).Version.Version.ToString());
        Assert.Equal("1.1.0", Resolve(feature, Name + "@1").Version.Version.ToString());
        Assert.Equal("1.0.0", Resolve(feature, Name + "@1.0").Version.Version.ToString());
        Assert.Equal("1.0.0", Resolve(feature, Name + "@1.0.0").Version.Version.ToString());
        Assert.Equal(1, Resolve(feature, Name + "@1").ValueLine);
        Assert.Equal(2, Resolve(feature, Name).ValueLine);
        var missing = Assert.Throws<FeatureStoreException>(() => Resolve(feature, Name + "@3"));
        Assert.Equal(FeatureStoreErrorCodes.VersionNotFound, missing.Code);
        Assert.Contains("1.0.0, 1.1.0, 2.0.0", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deprecated_version_is_served_with_a_warning_before_its_sunset_and_refused_after()
    {
        await ThreeVersionsAsync();

        var feature = await Registry.DeprecateAsync(Name, new SemanticVersion(1, 1, 0), "use user:test_intent@2", Sunset, Actor, CancellationToken.None);

        var before = VersionResolver.Resolve(feature, VersionPin.TryParse(Name + "@1")!, "u1", Sunset.AddSeconds(-1));
        Assert.Equal("1.1.0", before.Version.Version.ToString());
        Assert.Equal($"{Name}@1.1.0 is deprecated: use user:test_intent@2; reads fail after 2030-01-01T00:00:00.0000000+00:00", before.Warning);
        var after = Assert.Throws<FeatureStoreException>(() => VersionResolver.Resolve(feature, VersionPin.TryParse(Name + "@1")!, "u1", Sunset));
        Assert.Equal(FeatureStoreErrorCodes.VersionSunset, after.Code);
        Assert.Null(VersionResolver.Resolve(feature, VersionPin.TryParse(Name)!, "u1", Sunset).Warning);
        Assert.Equal(FeatureStatus.Active, feature.Status);
    }

    [Fact]
    public async Task A_feature_whose_active_version_is_deprecated_is_listed_as_deprecated()
    {
        await ThreeVersionsAsync();
        await Registry.DeprecateAsync(Name, new SemanticVersion(2, 0, 0), "retiring intents", Sunset, Actor, CancellationToken.None);

        var deprecated = await Registry.ListAsync(new FeatureQuery(Status: FeatureStatus.Deprecated), CancellationToken.None);
        var active = await Registry.ListAsync(new FeatureQuery(Status: FeatureStatus.Active), CancellationToken.None);

        Assert.Equal([Name], deprecated.Select(f => f.Name));
        Assert.DoesNotContain(active, f => f.Name == Name);
    }

    [Fact]
    public async Task Rollback_reactivates_a_previous_version_without_rewriting_history()
    {
        await ThreeVersionsAsync();

        var feature = await Registry.RollbackAsync(Name, new SemanticVersion(1, 1, 0), Actor, CancellationToken.None);

        Assert.Equal(new SemanticVersion(1, 1, 0), feature.ActiveVersion);
        Assert.Equal(["1.0.0", "1.1.0", "2.0.0"], feature.Versions.Select(v => v.Version.ToString()));
        Assert.Equal("1.1.0", Resolve(feature, Name).Version.Version.ToString());
        Assert.Equal(1, await CountAsync($"SELECT count(*) FROM ai_feature_registry WHERE name = '{Name}' AND active_version = '1.1.0' AND schema_version = 1"));
        var audit = (await Registry.AuditAsync(Name, 1, CancellationToken.None)).Single();
        Assert.Equal(("rollback", "1.1.0", Actor), (audit.Action, audit.Version, audit.Actor));
        Assert.Equal("2.0.0", JsonDocument.Parse(audit.Details).RootElement.GetProperty("from").GetString());
    }

    [Fact]
    public async Task Rolling_back_to_an_unknown_version_or_feature_names_the_problem()
    {
        await ThreeVersionsAsync();

        var version = await Assert.ThrowsAsync<FeatureStoreException>(() => Registry.RollbackAsync(Name, new SemanticVersion(1, 5, 0), Actor, CancellationToken.None));
        var feature = await Assert.ThrowsAsync<FeatureStoreException>(() => Registry.RollbackAsync("user:nope", new SemanticVersion(1, 0, 0), Actor, CancellationToken.None));

        Assert.Equal(FeatureStoreErrorCodes.VersionNotFound, version.Code);
        Assert.Equal(FeatureStoreErrorCodes.FeatureNotFound, feature.Code);
    }

    [Fact]
    public async Task A_90_10_split_serves_the_candidate_to_10_percent_of_entities_stably()
    {
        await ThreeVersionsAsync();
        await Registry.RollbackAsync(Name, new SemanticVersion(1, 1, 0), Actor, CancellationToken.None);

        var feature = await Registry.SetTrafficSplitAsync(Name, new SemanticVersion(2, 0, 0), 10m, Actor, CancellationToken.None);
        var reloaded = (await Registry.FindAsync(Name, CancellationToken.None))!;

        var ids = Enumerable.Range(0, 10_000).Select(i => $"user-{i}").ToList();
        var served = ids.Select(id => Resolve(feature, Name, id).Version.Version.ToString()).ToList();
        var candidateShare = served.Count(v => v == "2.0.0") / (double)ids.Count;
        Assert.InRange(candidateShare, 0.07, 0.13);
        Assert.All(served, v => Assert.True(v is "1.1.0" or "2.0.0", v));
        Assert.Equal(served, ids.Select(id => Resolve(reloaded, Name, id).Version.Version.ToString()));
        Assert.Equal("1.0.0", Resolve(feature, Name + "@1.0.0", ids[0]).Version.Version.ToString());
    }

    [Fact]
    public async Task A_split_needs_a_known_candidate_other_than_the_active_version_and_a_percent_inside_0_to_100()
    {
        await ThreeVersionsAsync();

        var same = await Assert.ThrowsAsync<FeatureStoreException>(() => Registry.SetTrafficSplitAsync(Name, new SemanticVersion(2, 0, 0), 10m, Actor, CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<FeatureStoreException>(() => Registry.SetTrafficSplitAsync(Name, new SemanticVersion(9, 0, 0), 10m, Actor, CancellationToken.None));
        var percent = await Assert.ThrowsAsync<FeatureStoreException>(() => Registry.SetTrafficSplitAsync(Name, new SemanticVersion(1, 0, 0), 100m, Actor, CancellationToken.None));

        Assert.Equal(FeatureStoreErrorCodes.InvalidArgument, same.Code);
        Assert.Equal(FeatureStoreErrorCodes.VersionNotFound, unknown.Code);
        Assert.Equal(FeatureStoreErrorCodes.InvalidArgument, percent.Code);
    }

    [Fact]
    public async Task Clearing_a_split_or_activating_a_new_version_ends_it()
    {
        await ThreeVersionsAsync();
        await Registry.SetTrafficSplitAsync(Name, new SemanticVersion(1, 1, 0), 50m, Actor, CancellationToken.None);

        var cleared = await Registry.ClearTrafficSplitAsync(Name, Actor, CancellationToken.None);
        await Registry.SetTrafficSplitAsync(Name, new SemanticVersion(1, 1, 0), 50m, Actor, CancellationToken.None);
        await Registry.ApplyAsync([Definitions.Intent(version: "2.0.1", change: MajorChange + (j => j["owner"] = "ml-platform"))], Actor, CancellationToken.None);
        var afterApply = (await Registry.FindAsync(Name, CancellationToken.None))!;

        Assert.Null(cleared.Split);
        Assert.Null(afterApply.Split);
        Assert.Equal(new SemanticVersion(2, 0, 1), afterApply.ActiveVersion);
    }

    [Fact]
    public async Task Every_change_is_audited_with_who_did_it()
    {
        await ThreeVersionsAsync();
        await Registry.DeprecateAsync(Name, new SemanticVersion(1, 0, 0), "old", Sunset, "alice", CancellationToken.None);
        await Registry.SetTrafficSplitAsync(Name, new SemanticVersion(1, 1, 0), 25m, "bob", CancellationToken.None);
        await Registry.ClearTrafficSplitAsync(Name, "bob", CancellationToken.None);
        await Registry.RollbackAsync(Name, new SemanticVersion(1, 1, 0), "carol", CancellationToken.None);

        var audit = await Registry.AuditAsync(Name, 50, CancellationToken.None);

        Assert.Equal(
            [("rollback", "carol", "1.1.0"), ("clear_traffic_split", "bob", "1.1.0"), ("traffic_split", "bob", "1.1.0"), ("deprecate", "alice", "1.0.0"),
             ("apply", Actor, "2.0.0"), ("apply", Actor, "1.1.0"), ("apply", Actor, "1.0.0")],
            audit.Select(a => (a.Action, a.Actor, a.Version!)));
        Assert.Equal("MAJOR", JsonDocument.Parse(audit[4].Details).RootElement.GetProperty("change").GetString());
    }

    private static readonly Action<JsonObject> MajorChange = j => j["valueType"]!["allowedValues"] = new JsonArray("booking", "pricing");

    // 1.0.0, then 1.1.0 (a category added), then 2.0.0 (one removed), active.
    private async Task<RegisteredFeature> ThreeVersionsAsync()
    {
        await Registry.ApplyAsync([Definitions.Intent()], Actor, CancellationToken.None);
        await Registry.ApplyAsync([Definitions.Intent(version: "1.1.0", change: j => j["valueType"]!["allowedValues"] = new JsonArray("booking", "pricing", "support", "other"))], Actor, CancellationToken.None);
        await Registry.ApplyAsync([Definitions.Intent(version: "2.0.0", change: MajorChange)], Actor, CancellationToken.None);
        return (await Registry.FindAsync(Name, CancellationToken.None))!;
    }

    private static ResolvedVersion Resolve(RegisteredFeature feature, string reference, string entityId = "u1") =>
        VersionResolver.Resolve(feature, VersionPin.TryParse(reference)!, entityId, DateTimeOffset.UtcNow);
}
