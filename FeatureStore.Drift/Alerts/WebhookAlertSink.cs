using System.Text.Json;
using Microsoft.Extensions.Options;

namespace FeatureStore.Drift.Alerts;

/// <summary>Posts each alert as JSON (camelCase, statuses as strings) to a configured URL.</summary>
public sealed class WebhookAlertSink(HttpClient http, IOptions<WebhookAlertOptions> options) : IAlertSink
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <inheritdoc />
    public async Task SendAsync(DriftAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var url = options.Value.Url ?? throw new InvalidOperationException($"no webhook URL configured ({WebhookAlertOptions.Section}:Url)");
        using var response = await http.PostAsJsonAsync(url, alert, Json, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
