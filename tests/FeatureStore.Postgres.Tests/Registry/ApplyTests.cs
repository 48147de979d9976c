using System.Text.Json.Nodes;
using FeatureStore.Core.Errors;
using FeatureStore.Core.Registry.Versioning;
using FeatureStore.Testing;

namespace FeatureStore.Postgres.Tests.Registry;

/// <summary>Plan and apply against the real registry: classification, idempotence, wrong bumps, all or nothing.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ApplyTests(InfrastructureFixture infrastructure) : RegistryTestBase(infrastructure, "apply")
{
    [Fact]
    public async Task New_features_are_applied_and_applying_the_same_definitions_again_changes_nothing()
    {
        var definitions = new[] { Definitions.Embedding(), Definitions.Intent() };

        var first = await Registry.ApplyAsync(definitions, Actor, CancellationToken.None);
        var versionsAfterFirst = await CountAsync("SELECT count(*) FROM ai_feature_versions");
        var auditAfterFirst = await CountAsync("SELECT count(*) FROM ai_feature_audit_log");
        var second = await Registry.ApplyAsync(definitions, Actor, CancellationToken.None);

        Assert.All(first.Entries, e => Assert.Equal(ChangeKind.New, e.Kind));
        Assert.All(second.Entries, e => Assert.Equal(ChangeKind.Unchanged, e.Kind));
        Assert.Equal(2, versionsAfterFirst);
        Assert.Equal(versionsAfterFirst, await CountAsync("SELECT count(*) FROM ai_feature_versions"));
        Assert.Equal(auditAfterFirst, await CountAsync("SELECT count(*) FROM ai_feature_audit_log"));
    }

    [Fact]
    public async Task Patch_minor_and_major_changes_each_create_a_new_immutable_version_and_activate_it()
    {
        await Registry.ApplyAsync([Definitions.Intent()], Actor, CancellationToken.None);

        var patch = await Registry.ApplyAsync([Definitions.Intent(version: "1.0.1", change: j => j["description"] = "Most frequent intent, 30 days")], Actor, CancellationToken.None);
        var minor = await Registry.ApplyAsync([Definitions.Intent(version: "1.1.0", change: j =>
        {
            j["description"] = "Most frequent intent, 30 days";
            j["valueType"]!["allowedValues"] = new JsonArray("booking", "pricing", "support", "complaint");
        })], Actor, CancellationToken.None);
        var major = await Registry.ApplyAsync([Definitions.Intent(version: "2.0.0", change: j =>
        {
            j["description"] = "Most frequent intent, 30 days";
            j["valueType"]!["allowedValues"] = new JsonArray("booking", "pricing", "complaint");
        })], Actor, CancellationToken.None);

        Assert.Equal(ChangeKind.Patch, Assert.Single(patch.Entries).Kind);
        Assert.Equal(ChangeKind.Minor, Assert.Single(minor.Entries).Kind);
        Assert.Equal(ChangeKind.Major, Assert.Single(major.Entries).Kind);
        var feature = (await Registry.FindAsync("user:test_intent", CancellationToken.None))!;
        Assert.Equal(["1.0.0", "1.0.1", "1.1.0", "2.0.0"], feature.Versions.Select(v => v.Version.ToString()));
        Assert.Equal([ChangeKind.New, ChangeKind.Patch, ChangeKind.Minor, ChangeKind.Major], feature.Versions.Select(v => v.Change));
        Assert.Equal(new SemanticVersion(2, 0, 0), feature.ActiveVersion);
        Assert.Equal(["booking", "pricing", "support"], feature.Versions[0].Spec.Value.AllowedValues!);
    }

    [Fact]
    public async Task A_bump_smaller_than_the_change_is_rejected_naming_the_feature_the_change_and_the_required_bump()
    {
        await Registry.ApplyAsync([Definitions.Embedding()], Actor, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidDefinitionException>(() => Registry.ApplyAsync(
            [Definitions.Embedding(version: "1.1.0", change: j => j["valueType"]!["dimension"] = 768)], Actor, CancellationToken.None));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("msg:test_embedding", problem.Feature);
        Assert.Equal("version", problem.Field);
        Assert.Contains("MAJOR change (valueType.dimension 384 → 768 (MAJOR))", problem.Message, StringComparison.Ordinal);
        Assert.Contains("to 2.0.0 or above; the definition declares 1.1.0", problem.Message, StringComparison.Ordinal);
        Assert.Equal(FeatureStoreErrorCodes.InvalidDefinition, error.Code);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM ai_feature_versions"));
    }

    [Fact]
    public async Task One_invalid_definition_stops_the_whole_apply_and_nothing_is_written()
    {
        await Registry.ApplyAsync([Definitions.Embedding()], Actor, CancellationToken.None);
        var auditBefore = await CountAsync("SELECT count(*) FROM ai_feature_audit_log");

        await Assert.ThrowsAsync<InvalidDefinitionException>(() => Registry.ApplyAsync(
            [
                Definitions.Intent(),
                Definitions.Embedding(version: "1.0.1", change: j => j["computation"]!["aggregation"] = "centroid"),
            ],
            Actor, CancellationToken.None));

        Assert.Null(await Registry.FindAsync("user:test_intent", CancellationToken.None));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM ai_feature_registry"));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM ai_feature_versions"));
        Assert.Equal(auditBefore, await CountAsync("SELECT count(*) FROM ai_feature_audit_log"));
    }

    [Fact]
    public async Task A_dry_run_plan_reports_each_kind_without_writing()
    {
        await Registry.ApplyAsync([Definitions.Embedding(), Definitions.Intent()], Actor, CancellationToken.None);

        var plan = await Registry.PlanAsync(
            [
                Definitions.Embedding(version: "1.0.1", change: j => j["owner"] = "search"),
                Definitions.Intent(),
                Definitions.Intent(name: "user:test_intent_v2"),
            ],
            CancellationToken.None);

        Assert.True(plan.IsValid);
        Assert.Equal([ChangeKind.Patch, ChangeKind.Unchanged, ChangeKind.New], plan.Entries.Select(e => e.Kind));
        Assert.Equal(2, await CountAsync("SELECT count(*) FROM ai_feature_versions"));
    }

    [Fact]
    public async Task Concurrent_applies_of_the_same_definition_register_it_once()
    {
        var spec = Definitions.Intent(name: "user:raced_intent");

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Registry.ApplyAsync([spec], Actor, CancellationToken.None)));

        Assert.Equal(1, results.Count(r => r.Entries[0].Kind == ChangeKind.New));
        Assert.Equal(3, results.Count(r => r.Entries[0].Kind == ChangeKind.Unchanged));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM ai_feature_versions v JOIN ai_feature_registry r ON r.id = v.feature_id WHERE r.name = 'user:raced_intent'"));
    }

    [Fact]
    public async Task The_registry_row_mirrors_the_active_version()
    {
        await Registry.ApplyAsync([Definitions.Embedding()], Actor, CancellationToken.None);
        await Registry.ApplyAsync([Definitions.Embedding(version: "2.0.0", change: j => j["valueType"]!["dimension"] = 768)], Actor, CancellationToken.None);

        Assert.Equal(1, await CountAsync("""
            SELECT count(*) FROM ai_feature_registry
            WHERE name = 'msg:test_embedding' AND active_version = '2.0.0' AND schema_version = 2
              AND feature_type = 'vector' AND value_schema = '{"kind":"vector","dimension":768}'::jsonb
            """));
    }
}
