using System.Text.Json;
using FeatureStore.Testing;

namespace FeatureStore.Gateway.Tests;

/// <summary>Bad input gets a code that names the problem, nothing is written, and the gateway keeps serving.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ServingBadInputTests(InfrastructureFixture infrastructure) : ServingTestBase(infrastructure, "badinput")
{
    [Fact]
    public async Task A_batch_with_one_bad_value_writes_nothing_and_lists_every_problem()
    {
        var body = await WriteExpectingErrorsAsync(
            Value(Rate, "u1", 0.5, "2026-01-01T00:00:00Z"),
            Value(Rate, "u2", "high", "2026-01-01T00:00:00Z"),
            Value(Embedding, "m1", new[] { 0.1, 0.2 }, "2026-01-01T00:00:00Z"),
            Value(Intent, "u1", "weather", "2026-01-01T00:00:00Z"),
            Value("user:nope", "u1", 1, "2026-01-01T00:00:00Z"));

        Assert.Equal("INVALID_VALUE", GraphQLTestClient.ErrorCode(body));
        var problems = body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("field").GetString()}: {p.GetProperty("message").GetString()}").ToList();
        Assert.Equal(
            [
                "values[1].value: must be a number",
                "values[2].value: must have dimension 3, not 2",
                "values[3].value: 'weather' is not one of booking, pricing",
                "values[4]: no feature of that name",
            ],
            problems);
        Assert.Equal(0, await Sql.ScalarAsync<long>(Database.ConnectionString, "SELECT count(*) FROM ai_feature_values_offline"));
        Assert.Equal("MISSING", (await FeaturesAsync("user", "u1", [Rate]))[0].GetProperty("source").GetString());
    }

    [Fact]
    public async Task Unknown_features_wrong_entity_types_and_bad_pins_each_get_their_own_error_code()
    {
        await WriteAsync(Value(Rate, "u1", 0.5, "2026-01-01T00:00:00Z"));

        var body = await Client.QueryAsync("""
            { entity(type: "user", id: "u1") {
                ok: feature(name: "user:test_rate") { value }
                unknown: feature(name: "user:nope") { value }
                wrongType: feature(name: "msg:test_vec") { value }
                badPin: feature(name: "user:test_rate@9") { value } } }
            """);

        // FeatureValue! is non-null (the contract), so a failed field nulls its entity; every error is still reported.
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
        var codes = body.GetProperty("errors").EnumerateArray()
            .Select(e => $"{e.GetProperty("path")[1].GetString()} {e.GetProperty("extensions").GetProperty("code").GetString()}").Order(StringComparer.Ordinal);
        Assert.Equal(["badPin VERSION_NOT_FOUND", "unknown FEATURE_NOT_FOUND", "wrongType ENTITY_TYPE_MISMATCH"], codes);
    }

    [Fact]
    public async Task A_features_list_reports_each_failing_name_at_its_own_index_with_its_code()
    {
        await WriteAsync(Value(Rate, "u1", 0.5, "2026-01-01T00:00:00Z"));

        var body = await Client.QueryAsync("""
            { entities(type: "user", ids: ["u1", "u2"]) { id features(names: ["user:test_rate", "user:nope", "msg:test_vec"]) { value } } }
            """);

        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
        var errors = body.GetProperty("errors").EnumerateArray()
            .Select(e => $"{string.Join('.', e.GetProperty("path").EnumerateArray().Select(p => p.ToString()))} {e.GetProperty("extensions").GetProperty("code").GetString()}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "entities.0.features.1 FEATURE_NOT_FOUND",
                "entities.0.features.2 ENTITY_TYPE_MISMATCH",
                "entities.1.features.1 FEATURE_NOT_FOUND",
                "entities.1.features.2 ENTITY_TYPE_MISMATCH",
            ],
            errors);
    }

    [Fact]
    public async Task An_unknown_entity_type_and_too_many_ids_are_refused_with_their_codes()
    {
        var unknownType = await Client.QueryAsync("""{ entity(type: "planet", id: "p1") { id } }""");
        var tooMany = await Client.QueryAsync("query($ids: [ID!]!) { entities(type: \"user\", ids: $ids) { id } }",
            new { ids = Enumerable.Range(0, 1_001).Select(i => $"u{i}").ToArray() });
        var stillServing = await Client.QueryAsync("{ __typename }");

        Assert.Equal("ENTITY_TYPE_MISMATCH", GraphQLTestClient.ErrorCode(unknownType));
        Assert.Contains("known: message, user", unknownType.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("LIMIT_EXCEEDED", GraphQLTestClient.ErrorCode(tooMany));
        Assert.Equal("Query", stillServing.GetProperty("data").GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task A_value_without_a_valid_from_is_a_validation_error()
    {
        var body = await Client.QueryAsync("""mutation { writeFeatureValues(values: [{feature: "user:test_rate", entityId: "u1", value: 1}]) { written } }""");

        Assert.Equal(JsonValueKind.Undefined, body.TryGetProperty("data", out var data) ? data.ValueKind : JsonValueKind.Undefined);
        Assert.Contains("validFrom", body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_valid_from_the_future_is_refused_so_now_and_as_of_now_agree()
    {
        var body = await WriteExpectingErrorsAsync(Value(Rate, "u1", 1, DateTimeOffset.UtcNow.AddDays(1).ToString("O")));

        Assert.Equal("INVALID_VALUE", GraphQLTestClient.ErrorCode(body));
        Assert.Equal("values[0].validFrom", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("problems")[0].GetProperty("field").GetString());
    }
}
