using System.Net.Http.Json;
using System.Text.Json;

namespace FeatureStore.AppHost.Tests;

/// <summary>Posts GraphQL queries to a running gateway over real HTTP.</summary>
internal sealed class GatewayClient(string baseUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(10) };

    public async Task<JsonElement> QueryAsync(string query)
    {
        using var response = await _http.PostAsJsonAsync("/graphql", new { query });
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Polls until the gateway answers <c>{ __typename }</c>, or fails after <paramref name="timeout"/>.</summary>
    public async Task WaitUntilAnsweringAsync(TimeSpan timeout, Func<bool> stillStarting)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                var body = await QueryAsync("{ __typename }");
                if (body.GetProperty("data").GetProperty("__typename").GetString() == "Query")
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && stillStarting())
            {
            }
            catch (TaskCanceledException) when (DateTime.UtcNow < deadline && stillStarting())
            {
            }

            await Task.Delay(250);
        }
    }

    public void Dispose() => _http.Dispose();
}
