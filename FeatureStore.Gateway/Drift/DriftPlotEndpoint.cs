using System.Text.Json;
using FeatureStore.Core.Drift;
using FeatureStore.Core.Errors;

namespace FeatureStore.Gateway.Drift;

/// <summary><c>GET /drift/plots/{reportId}.svg</c>: a drift report's baseline-vs-current picture, as the drift worker drew and stored it.</summary>
internal static class DriftPlotEndpoint
{
    public const string Path = "/drift/plots";

    /// <summary>The URL path of a report's plot (relative, so it works behind any host or proxy).</summary>
    public static string PathOf(Guid reportId) => $"{Path}/{reportId}.svg";

    public static IEndpointRouteBuilder MapDriftPlots(this WebApplication app)
    {
        app.MapGet(Path + "/{reportId}.svg", HandleAsync);
        return app;
    }

    private static async Task HandleAsync(HttpContext http, string reportId)
    {
        var svg = Guid.TryParse(reportId, out var id) ? await http.RequestServices.GetRequiredService<IDriftStore>().PlotAsync(id, http.RequestAborted) : null;
        if (svg is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            http.Response.ContentType = "application/json; charset=utf-8";
            var message = $"no drift report '{reportId}' with a plot";
            await JsonSerializer.SerializeAsync(http.Response.Body,
                new { errors = new[] { new { message, extensions = new { code = FeatureStoreErrorCodes.InvalidArgument } } } }, cancellationToken: http.RequestAborted);
            return;
        }

        http.Response.ContentType = "image/svg+xml; charset=utf-8";
        // A report never changes once written: its plot may be cached for good.
        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        await http.Response.WriteAsync(svg, http.RequestAborted);
    }
}
