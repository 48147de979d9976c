using FeatureStore.Testing;

namespace FeatureStore.Gateway.Tests;

/// <summary>The registry over GraphQL: apply (and dry run), problems field by field, history, diff, deprecation, rollback, splits, audit.</summary>
[Collection(InfrastructureCollection.Name)]
#pragma warning disable CA1001 // disposed in DisposeAsync (xunit's IAsyncLifetime)
public sealed class RegistryGraphQLTests(InfrastructureFixture infrastructure) : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string Apply = "mutation($d: [JSON!]!, $dry: Boolean) { applyFeatureDefinitions(definitions: $d, dryRun: $dry) { applied dryRun changes { name change fromVersion toVersion reasons } problems { feature field message } } }";
    private MigratedDatabase _database = null!;
    private GatewayFactory _gateway = null!;
    private HttpClient _http = null!;
    private GraphQLTestClient _client = null!;

    public async Task InitializeAsync()
    {
        _database = await MigratedDatabase.CreateAsync(infrastructure, "registrygql");
        _gateway = new GatewayFactory(_database.ConnectionString, infrastructure.Redis.ConnectionString);
        _http = _gateway.CreateClient();
        _client = new GraphQLTestClient(_http);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _gateway.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_dry_run_reports_the_plan_and_writes_nothing()
    {
        var body = await _client.QueryAsync(Apply, new { d = new[] { Intent("1.0.0") }, dry = true });

        var result = body.GetProperty("data").GetProperty("applyFeatureDefinitions");
        Assert.False(result.GetProperty("applied").GetBoolean());
        Assert.True(result.GetProperty("dryRun").GetBoolean());
        Assert.Equal("NEW", result.GetProperty("changes")[0].GetProperty("change").GetString());
        var list = await _client.QueryAsync("{ featureDefinitions { name } }");
        Assert.Empty(list.GetProperty("data").GetProperty("featureDefinitions").EnumerateArray());
    }

    [Fact]
    public async Task Invalid_definitions_list_every_problem_field_by_field_and_apply_nothing()
    {
        var bad = new Dictionary<string, object?>
        {
            ["name"] = "user:Bad Name",
            ["entityType"] = "user",
            ["valueType"] = new { kind = "vector" },
            ["computation"] = new { source = "messages", aggregation = "median", window = "forever" },
            ["refresh"] = "sometimes",
        };

        var body = await _client.QueryAsync(Apply, new { d = new object[] { Intent("1.0.0"), bad } });

        Assert.Equal("INVALID_DEFINITION", GraphQLTestClient.ErrorCode(body));
        var problems = body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("problems").EnumerateArray()
            .Select(p => p.GetProperty("field").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["computation.aggregation", "computation.window", "name", "refresh", "valueType.dimension"], problems);
        var list = await _client.QueryAsync("{ featureDefinitions { name } }");
        Assert.Empty(list.GetProperty("data").GetProperty("featureDefinitions").EnumerateArray());
    }

    [Fact]
    public async Task A_wrong_bump_is_an_invalid_definition_naming_the_required_version()
    {
        await _client.QueryAsync(Apply, new { d = new[] { Intent("1.0.0") } });

        var body = await _client.QueryAsync(Apply, new { d = new[] { Intent("1.0.1", allowed: ["booking"]) } });

        Assert.Equal("INVALID_DEFINITION", GraphQLTestClient.ErrorCode(body));
        Assert.Contains("needs a major bump from 1.0.0 to 2.0.0", body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feature_shows_its_history_a_diff_and_an_older_version_on_request()
    {
        await _client.QueryAsync(Apply, new { d = new[] { Intent("1.0.0") } });
        await _client.QueryAsync(Apply, new { d = new[] { Intent("2.0.0", allowed: ["booking"]) } });

        var body = await _client.QueryAsync("""
            { featureDefinition(name: "user:gql_intent", version: "1.0.0") {
                version activeVersion valueSchema
                versions { version change isActive }
                diff(from: "1.0.0", to: "2.0.0") { change reasons } } }
            """);

        var feature = body.GetProperty("data").GetProperty("featureDefinition");
        Assert.Equal("1.0.0", feature.GetProperty("version").GetString());
        Assert.Equal("2.0.0", feature.GetProperty("activeVersion").GetString());
        Assert.Equal("""{"kind":"categorical","allowedValues":["booking","pricing"]}""", feature.GetProperty("valueSchema").GetRawText());
        Assert.Equal(["1.0.0 NEW False", "2.0.0 MAJOR True"], feature.GetProperty("versions").EnumerateArray()
            .Select(v => $"{v.GetProperty("version").GetString()} {v.GetProperty("change").GetString()} {v.GetProperty("isActive").GetBoolean()}"));
        Assert.Equal("MAJOR", feature.GetProperty("diff").GetProperty("change").GetString());
        Assert.Equal("valueType.allowedValues removed pricing → (none) (MAJOR)", feature.GetProperty("diff").GetProperty("reasons")[0].GetString());
    }

    [Fact]
    public async Task Unknown_features_and_versions_have_their_own_error_codes()
    {
        await _client.QueryAsync(Apply, new { d = new[] { Intent("1.0.0") } });

        var feature = await _client.QueryAsync("""{ featureDefinition(name: "user:nope") { name } }""");
        var version = await _client.QueryAsync("""{ featureDefinition(name: "user:gql_intent", version: "9.9.9") { name } }""");
        var pin = await _client.QueryAsync("""{ resolveFeatureVersion(feature: "user:gql_intent@7", entityId: "u1") { version } }""");

        Assert.Equal("FEATURE_NOT_FOUND", GraphQLTestClient.ErrorCode(feature));
        Assert.Equal("VERSION_NOT_FOUND", GraphQLTestClient.ErrorCode(version));
        Assert.Equal("VERSION_NOT_FOUND", GraphQLTestClient.ErrorCode(pin));
    }

    [Fact]
    public async Task A_deprecated_version_warns_in_extensions_before_sunset_and_fails_after()
    {
        await _client.QueryAsync(Apply, new { d = new[] { Intent("1.0.0") } });
        await _client.QueryAsync(Apply, new { d = new[] { Intent("2.0.0", allowed: ["booking"]) } });
        var deprecated = await _client.QueryAsync("""
            mutation { deprecateFeatureVersion(name: "user:gql_intent", version: "1.0.0", reason: "use @2", sunsetAt: "2030-01-01T00:00:00Z") {
              versions { version isDeprecated deprecationReason sunsetAt } } }
            """);
        Assert.Equal("1.0.0 True use @2 2030-01-01T00:00:00+00:00", string.Join("|", deprecated.GetProperty("data").GetProperty("deprecateFeatureVersion").GetProperty("versions").EnumerateArray()
            .Where(v => v.GetProperty("isDeprecated").GetBoolean())
            .Select(v => $"{v.GetProperty("version").GetString()} True {v.GetProperty("deprecationReason").GetString()} {v.GetProperty("sunsetAt").GetString()}")));

        var before = await _client.QueryAsync("""{ resolveFeatureVersion(feature: "user:gql_intent@1", entityId: "u1", at: "2029-12-31T23:59:59Z") { version isDeprecated } }""");
        var after = await _client.QueryAsync("""{ resolveFeatureVersion(feature: "user:gql_intent@1", entityId: "u1", at: "2030-01-01T00:00:01Z") { version } }""");

        Assert.Equal("1.0.0", before.GetProperty("data").GetProperty("resolveFeatureVersion").GetProperty("version").GetString());
        var warning = Assert.Single(before.GetProperty("extensions").GetProperty("warnings").EnumerateArray());
        Assert.Equal("DEPRECATED_VERSION", warning.GetProperty("code").GetString());
        Assert.StartsWith("user:gql_intent@1.0.0 is deprecated: use @2", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("VERSION_SUNSET", GraphQLTestClient.ErrorCode(after));
    }

    [Fact]
    public async Task Rollback_split_and_audit_work_over_graphql_and_record_the_actor()
    {
        await _client.QueryAsync(Apply, new { d = new[] { Intent("1.0.0") } }, actor: "alice");
        await _client.QueryAsync(Apply, new { d = new[] { Intent("2.0.0", allowed: ["booking"]) } }, actor: "alice");

        var rolledBack = await _client.QueryAsync("""mutation { rollbackFeature(name: "user:gql_intent", version: "1.0.0") { activeVersion } }""", actor: "bob");
        var split = await _client.QueryAsync("""mutation { setTrafficSplit(name: "user:gql_intent", candidateVersion: "2.0.0", candidatePercent: 10) { trafficSplit { activeVersion candidateVersion candidatePercent } } }""", actor: "carol");
        var badSplit = await _client.QueryAsync("""mutation { setTrafficSplit(name: "user:gql_intent", candidateVersion: "2.0.0", candidatePercent: 0) { name } }""");
        var audit = await _client.QueryAsync("""{ featureAudit(name: "user:gql_intent") { action actor version } }""");

        Assert.Equal("1.0.0", rolledBack.GetProperty("data").GetProperty("rollbackFeature").GetProperty("activeVersion").GetString());
        var trafficSplit = split.GetProperty("data").GetProperty("setTrafficSplit").GetProperty("trafficSplit");
        Assert.Equal(("1.0.0", "2.0.0", 10.0), (trafficSplit.GetProperty("activeVersion").GetString(), trafficSplit.GetProperty("candidateVersion").GetString(), trafficSplit.GetProperty("candidatePercent").GetDouble()));
        Assert.Equal("INVALID_ARGUMENT", GraphQLTestClient.ErrorCode(badSplit));
        Assert.Equal(["traffic_split carol 2.0.0", "rollback bob 1.0.0", "apply alice 2.0.0", "apply alice 1.0.0"],
            audit.GetProperty("data").GetProperty("featureAudit").EnumerateArray()
                .Select(a => $"{a.GetProperty("action").GetString()} {a.GetProperty("actor").GetString()} {a.GetProperty("version").GetString()}"));
    }

    [Fact]
    public async Task Definitions_are_filtered_by_entity_type_tag_and_status()
    {
        await _client.QueryAsync(Apply, new { d = new[] { Intent("1.0.0") } });

        var byEntity = await _client.QueryAsync("""{ a: featureDefinitions(entityType: "user") { name } b: featureDefinitions(entityType: "tenant") { name } c: featureDefinitions(tag: "intent") { name } d: featureDefinitions(status: DEPRECATED) { name } }""");

        var data = byEntity.GetProperty("data");
        Assert.Equal(1, data.GetProperty("a").GetArrayLength());
        Assert.Equal(0, data.GetProperty("b").GetArrayLength());
        Assert.Equal(1, data.GetProperty("c").GetArrayLength());
        Assert.Equal(0, data.GetProperty("d").GetArrayLength());
    }

    private static Dictionary<string, object?> Intent(string version, string[]? allowed = null) => new()
    {
        ["name"] = "user:gql_intent",
        ["version"] = version,
        ["entityType"] = "user",
        ["valueType"] = new Dictionary<string, object?> { ["kind"] = "categorical", ["allowedValues"] = allowed ?? ["booking", "pricing"] },
        ["tags"] = new[] { "intent" },
        ["computation"] = new { source = "messages", aggregation = "mode", field = "intent" },
        ["refresh"] = "daily",
    };
}
