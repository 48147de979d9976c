using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace FeatureStore.Gateway.Tests;

/// <summary>Sends GraphQL requests to the in-process gateway and parses the answers.</summary>
public sealed class GraphQLTestClient(HttpClient http)
{
    /// <summary>Posts a raw JSON body; returns the status and the parsed response body.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string json, string? accept = null, string? actor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (accept is not null)
        {
            request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        }

        if (actor is not null)
        {
            request.Headers.Add("X-FeatureStore-Actor", actor);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Runs a query with variables; returns the whole response body (data, errors, extensions).</summary>
    public async Task<JsonElement> QueryAsync(string query, object? variables = null, string? actor = null)
    {
        var (_, body) = await PostAsync(JsonSerializer.Serialize(new { query, variables }), actor: actor);
        return body;
    }

    /// <summary>The first error's code, for asserting on failures.</summary>
    public static string? ErrorCode(JsonElement body) =>
        body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
}
