using System.Text.Json;
using FeatureStore.Gateway.GraphQL;
using FeatureStore.Testing;
using GraphQL.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace FeatureStore.Gateway.Tests;

/// <summary>
/// A request that reuses a cached document is validated from its operation's plan, not by walking the
/// document again. Each test sends a request twice: to a text seen for the first time (GraphQL.NET's
/// full validation) and to the same text once cached. The two answers must be the same, byte for byte,
/// errors and their locations included.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class CachedDocumentValidationTests(InfrastructureFixture infrastructure) : ServingTestBase(infrastructure, "cachedvalidation")
{
    private const string Features =
        "query($id: ID!, $n: [String!]!, $a: DateTime) { entity(type: \"user\", id: $id, asOf: $a) { id features(names: $n) { name value validFrom } } }";

    private int _freshTexts;

    [Fact]
    public async Task Values_read_through_a_cached_document_match_a_first_reading()
    {
        await WriteAsync(Value(Rate, "u1", 0.25, "2026-01-01T00:00:00Z"), Value(Rate, "u1", 0.5, "2026-02-01T00:00:00Z"));

        var current = await FirstAndCachedAsync(Features, Warm, new { id = "u1", n = new[] { Rate } });
        var asOf = await FirstAndCachedAsync(Features, Warm, new { id = "u1", n = new[] { Rate }, a = "2026-01-15T00:00:00Z" });

        Assert.Equal(0.5, ValueOf(current));
        Assert.Equal(0.25, ValueOf(asOf));
    }

    [Fact]
    public async Task A_missing_required_variable_is_refused_as_a_first_reading_refuses_it()
    {
        var answer = await FirstAndCachedAsync(Features, Warm, new { n = new[] { Rate } });

        Assert.Contains("No value provided for a non-null variable", Message(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_variable_that_does_not_parse_is_refused_as_a_first_reading_refuses_it()
    {
        var answer = await FirstAndCachedAsync(Features, Warm, new { id = "u1", n = new[] { Rate }, a = "yesterday" });

        Assert.Contains("$a", Message(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nullable_variable_used_where_a_value_is_required_may_be_left_out_but_not_sent_as_null()
    {
        // Legal GraphQL: $id may be nullable because it has a default, yet entity's id is required.
        const string Query = "query($id: ID = \"u1\") { entity(type: \"user\", id: $id) { id } }";

        var omitted = await FirstAndCachedAsync(Query, new { }, new { });
        var sentAsNull = await FirstAndCachedAsync(Query, new { }, new { id = (string?)null });

        Assert.Equal("u1", omitted.GetProperty("data").GetProperty("entity").GetProperty("id").GetString());
        Assert.Contains("Received a null input for a non-null variable", Message(sentAsNull), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directives_and_arguments_inside_fragments_take_each_request_s_variables()
    {
        await WriteAsync(Value(Rate, "u1", 0.75, "2026-01-01T00:00:00Z"));
        const string Query = """
            query($id: ID!, $skip: Boolean!, $withValues: Boolean!, $n: String!) {
              entity(type: "user", id: $id) { ...Parts @skip(if: $skip) id }
            }
            fragment Parts on Entity { ... on Entity { feature(name: $n) { name value @include(if: $withValues) } } }
            """;

        var shown = await FirstAndCachedAsync(Query, new { id = "u1", skip = true, withValues = false, n = Rate }, new { id = "u1", skip = false, withValues = true, n = Rate });
        var skipped = await FirstAndCachedAsync(Query, new { id = "u1", skip = false, withValues = true, n = Rate }, new { id = "u1", skip = true, withValues = true, n = Rate });

        Assert.Equal(0.75, shown.GetProperty("data").GetProperty("entity").GetProperty("feature").GetProperty("value").GetDouble());
        Assert.False(skipped.GetProperty("data").GetProperty("entity").TryGetProperty("feature", out _));
    }

    [Fact]
    public async Task A_write_with_a_bad_input_object_is_refused_as_a_first_reading_refuses_it_and_writes_nothing()
    {
        const string Write = "mutation($v: [FeatureValueInput!]!) { writeFeatureValues(values: $v) { written } }";
        var good = new { v = new[] { Value(Rate, "u2", 0.1, "2026-01-01T00:00:00Z") } };
        var missingValidFrom = new { v = new object[] { new { feature = Rate, entityId = "u2", value = 0.2 } } };

        var answer = await FirstAndCachedAsync(Write, good, missingValidFrom);

        Assert.Contains("validFrom", Message(answer), StringComparison.Ordinal);
        var features = await FeaturesAsync("user", "u2", [Rate]);
        Assert.Equal(0.1, features[0].GetProperty("value").GetDouble());
    }

    private static object Warm => new { id = "u1", n = new[] { Rate } };

    /// <summary>
    /// Sends <paramref name="request"/> with a text never seen before (trailing newlines make it new
    /// without moving any location), caches <paramref name="query"/> with <paramref name="warm"/>, then sends
    /// <paramref name="request"/> again through the cached document. Asserts both answers are the same
    /// and that the second was validated from a plan.
    /// </summary>
    private async Task<JsonElement> FirstAndCachedAsync(string query, object warm, object request)
    {
        var validator = (CachedDocumentValidator)Gateway.Services.GetRequiredService<IDocumentValidator>();
        var first = await Client.QueryAsync(query + new string('\n', ++_freshTexts), request);
        var warmed = await Client.QueryAsync(query, warm);
        Assert.False(warmed.TryGetProperty("errors", out var errors), errors.ToString());
        var planned = validator.Planned;

        var cached = await Client.QueryAsync(query, request);

        Assert.Equal(planned + 1, validator.Planned);
        Assert.Equal(first.GetRawText(), cached.GetRawText());
        return cached;
    }

    private static double ValueOf(JsonElement answer) =>
        answer.GetProperty("data").GetProperty("entity").GetProperty("features")[0].GetProperty("value").GetDouble();

    private static string Message(JsonElement answer) => answer.GetProperty("errors")[0].GetProperty("message").GetString()!;
}
