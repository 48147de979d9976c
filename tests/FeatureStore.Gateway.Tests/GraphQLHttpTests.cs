using System.Net;
using System.Text;
using System.Text.Json;
using FeatureStore.Gateway.GraphQL;
using FeatureStore.Testing;
using GraphQL.DI;
using Microsoft.Extensions.DependencyInjection;

namespace FeatureStore.Gateway.Tests;

/// <summary>GraphQL over HTTP: methods, media types, status codes and error bodies.</summary>
[Collection(InfrastructureCollection.Name)]
#pragma warning disable CA1001 // disposed in DisposeAsync (xunit's IAsyncLifetime)
public sealed class GraphQLHttpTests(InfrastructureFixture infrastructure) : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string GraphQLResponse = "application/graphql-response+json";
    private MigratedDatabase _database = null!;
    private GatewayFactory _gateway = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _database = await MigratedDatabase.CreateAsync(infrastructure, "gateway");
        _gateway = new GatewayFactory(_database.ConnectionString, infrastructure.Redis.ConnectionString);
        _client = _gateway.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _gateway.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Typename_is_answered_over_post()
    {
        var (status, body) = await PostAsync("""{"query":"{ __typename }"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Query", body.GetProperty("data").GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task Typename_is_answered_over_get_with_variables()
    {
        var query = Uri.EscapeDataString("query Q($hide: Boolean!) { __typename @skip(if: $hide) }");
        var variables = Uri.EscapeDataString("""{"hide":false}""");

        using var response = await _client.GetAsync(new Uri($"/graphql?query={query}&variables={variables}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Query", body.GetProperty("data").GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task A_mutation_document_cached_from_a_post_is_still_refused_over_get()
    {
        const string Mutation = "mutation($d: [JSON!]!) { applyFeatureDefinitions(definitions: $d, dryRun: true) { applied } }";
        var (first, _) = await PostAsync(JsonSerializer.Serialize(new { query = Mutation, variables = new { d = Array.Empty<object>() } }));
        var (second, _) = await PostAsync(JsonSerializer.Serialize(new { query = Mutation, variables = new { d = Array.Empty<object>() } }));

        using var overGet = await _client.GetAsync(new Uri($"/graphql?query={Uri.EscapeDataString(Mutation)}&variables={Uri.EscapeDataString("""{"d":[]}""")}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.OK, second);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, overGet.StatusCode);
    }

    [Fact]
    public async Task A_repeated_query_text_is_parsed_once_and_reused_with_new_variables()
    {
        const string Query = "query($n: String!) { __type(name: $n) { name } }";
        var cache = _gateway.Services.GetServices<IConfigureExecution>().OfType<ParsedDocumentCache>().Single();
        var before = (cache.Count, cache.Hits);

        var first = await PostAsync(JsonSerializer.Serialize(new { query = Query, variables = new { n = "Query" } }));
        var second = await PostAsync(JsonSerializer.Serialize(new { query = Query, variables = new { n = "Mutation" } }));

        Assert.Equal("Query", first.Body.GetProperty("data").GetProperty("__type").GetProperty("name").GetString());
        Assert.Equal("Mutation", second.Body.GetProperty("data").GetProperty("__type").GetProperty("name").GetString());
        Assert.Equal(before.Count + 1, cache.Count);
        Assert.Equal(before.Hits + 1, cache.Hits);
    }

    [Fact]
    public async Task A_query_deeper_than_fifteen_levels_is_refused_every_time_and_one_at_the_limit_runs_twice()
    {
        static string Nested(int depth) => "{ __schema { queryType { fields { type " + string.Concat(Enumerable.Repeat("{ ofType ", depth - 5)) + "{ name }" + new string('}', depth - 5) + " } } } }";
        var tooDeep = JsonSerializer.Serialize(new { query = Nested(16) });
        var atLimit = JsonSerializer.Serialize(new { query = Nested(15) });

        var refused = new[] { await PostAsync(tooDeep), await PostAsync(tooDeep) };
        var served = new[] { await PostAsync(atLimit), await PostAsync(atLimit) };

        // The depth check runs when a text is first seen; a refused text is never cached, so it is refused again.
        Assert.All(refused, r => Assert.Contains("depth", r.Body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase));
        Assert.All(served, r => Assert.Equal(JsonValueKind.Object, r.Body.GetProperty("data").ValueKind));
    }

    [Fact]
    public async Task Feature_definitions_applied_over_graphql_are_listed()
    {
        var (applyStatus, applied) = await PostAsync("""
            {"query":"mutation($d: [JSON!]!) { applyFeatureDefinitions(definitions: $d) { applied changes { name change } } }",
             "variables":{"d":[{"name":"tenant:message_volume_24h","entityType":"tenant","valueType":"numeric",
               "description":"Messages in the last 24 hours","computation":{"source":"messages","aggregation":"count","window":"24h"},"refresh":"hourly"}]}}
            """);
        Assert.Equal(HttpStatusCode.OK, applyStatus);
        Assert.True(applied.GetProperty("data").GetProperty("applyFeatureDefinitions").GetProperty("applied").GetBoolean());

        var (status, body) = await PostAsync("""{"query":"{ featureDefinitions { name entityType valueType description } }"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var definition = Assert.Single(body.GetProperty("data").GetProperty("featureDefinitions").EnumerateArray());
        Assert.Equal("tenant:message_volume_24h", definition.GetProperty("name").GetString());
        Assert.Equal("tenant", definition.GetProperty("entityType").GetString());
        Assert.Equal("numeric", definition.GetProperty("valueType").GetString());
        Assert.Equal("Messages in the last 24 hours", definition.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Invalid_json_is_a_400_with_a_graphql_error_body()
    {
        var (status, body) = await PostAsync("""{"query": "{ __typename }" """);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_JSON", ErrorCode(body));
    }

    [Fact]
    public async Task A_request_without_a_query_is_a_400()
    {
        var (status, body) = await PostAsync("""{"operationName":"Q"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("MISSING_QUERY", ErrorCode(body));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415()
    {
        using var content = new StringContent("{ __typename }", Encoding.UTF8, "application/graphql");

        using var response = await _client.PostAsync(new Uri("/graphql", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", ErrorCode(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement));
    }

    [Fact]
    public async Task An_accept_header_allowing_no_json_is_a_406()
    {
        var (status, body) = await PostAsync("""{"query":"{ __typename }"}""", accept: "text/html");

        Assert.Equal(HttpStatusCode.NotAcceptable, status);
        Assert.Equal("NOT_ACCEPTABLE", ErrorCode(body));
    }

    [Fact]
    public async Task A_validation_error_is_a_400_without_data_for_graphql_response_json()
    {
        var (status, body) = await PostAsync("""{"query":"{ noSuchField }"}""", accept: GraphQLResponse);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(body.TryGetProperty("data", out _));
        Assert.Contains("noSuchField", body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_validation_error_is_a_200_for_plain_application_json()
    {
        var (status, body) = await PostAsync("""{"query":"{ noSuchField }"}""", accept: "application/json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", ErrorCode(body));
    }

    [Fact]
    public async Task A_syntax_error_names_where_it_is()
    {
        var (status, body) = await PostAsync("""{"query":"{ __typename "}""", accept: GraphQLResponse);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("SYNTAX_ERROR", ErrorCode(body));
        Assert.True(body.GetProperty("errors")[0].TryGetProperty("locations", out _));
    }

    [Fact]
    public async Task Other_methods_are_a_405_naming_the_allowed_ones()
    {
        using var content = new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json");

        using var response = await _client.PutAsync(new Uri("/graphql", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task A_failing_resolver_reports_an_internal_error_without_exception_details()
    {
        await Sql.ExecuteAsync(_database.ConnectionString, "ALTER TABLE ai_feature_registry RENAME TO ai_feature_registry_gone");
        try
        {
            var (status, body) = await PostAsync("""{"query":"{ featureDefinitions { name } }"}""");
            var text = body.GetRawText();

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("INTERNAL_ERROR", ErrorCode(body));
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
            Assert.DoesNotContain("ai_feature_registry", text, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        }
        finally
        {
            await Sql.ExecuteAsync(_database.ConnectionString, "ALTER TABLE ai_feature_registry_gone RENAME TO ai_feature_registry");
        }
    }

    private Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string json, string? accept = null) =>
        new GraphQLTestClient(_client).PostAsync(json, accept);

    private static string? ErrorCode(JsonElement body) => GraphQLTestClient.ErrorCode(body);
}
