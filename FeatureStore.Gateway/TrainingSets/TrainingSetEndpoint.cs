using System.Diagnostics;
using System.Text.Json;
using FeatureStore.Core.Drift;
using FeatureStore.Core.Errors;
using FeatureStore.Core.Serving;
using FeatureStore.Core.TrainingSets;
using Microsoft.Extensions.Options;

namespace FeatureStore.Gateway.TrainingSets;

/// <summary>
/// <c>POST /training-sets?type=user&amp;features=a,b</c> with a CSV or Parquet spine of
/// <c>id,timestamp</c>: streams back the point-in-time correct training set, CSV or Parquet, for
/// millions of rows in bounded memory (see docs/serving.md). Bad input is refused before the first
/// row is sent; a failure after that aborts the response, so a cut-off file is never mistaken for a whole one.
/// </summary>
internal static class TrainingSetEndpoint
{
    public static IEndpointRouteBuilder MapTrainingSetExport(this WebApplication app, string path)
    {
        app.MapPost(path, HandleAsync);
        return app;
    }

    private static async Task HandleAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<TrainingSetExportOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TrainingSetEndpoint).FullName!);
        var cancellationToken = http.RequestAborted;
        var type = http.Request.Query["type"].ToString();
        var references = http.Request.Query["features"].SelectMany(f => (f ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (type.Length == 0 || references.Count == 0)
        {
            await ProblemAsync(http, 400, FeatureStoreErrorCodes.InvalidArgument, "query parameters type and features are required, e.g. ?type=user&features=user:booking_rate,user:preferred_intent");
            return;
        }

        var input = TrainingSetFormats.OfBody(http.Request.ContentType);
        if (input is null)
        {
            await ProblemAsync(http, 415, FeatureStoreErrorCodes.InvalidArgument, $"send the spine as {TrainingSetFormats.Csv} (header id,timestamp) or {TrainingSetFormats.Parquet}, not '{http.Request.ContentType}'");
            return;
        }

        var output = TrainingSetFormats.OfResponse(http.Request.Query["format"], http.Request.GetTypedHeaders().Accept);
        if (output is null)
        {
            await ProblemAsync(http, 406, FeatureStoreErrorCodes.InvalidArgument, $"the export is {TrainingSetFormats.Csv} or {TrainingSetFormats.Parquet} (?format=csv|parquet)");
            return;
        }

        var gate = services.GetRequiredService<TrainingSetExportGate>();
        await gate.WaitAsync(cancellationToken);
        try
        {
            var exporter = services.GetRequiredService<TrainingSetExporter>();
            IReadOnlyList<TrainingSetColumn> columns;
            IStagedSpine spine;
            IReadOnlyList<string> ignored;
            try
            {
                columns = await exporter.PlanAsync(type, references, cancellationToken);
                (spine, ignored) = await StageAsync(services.GetRequiredService<ITrainingSetStore>(), type, input, http.Request, options.MaxRows, cancellationToken);
            }
            catch (FeatureStoreException error)
            {
                await ProblemAsync(http, 400, error.Code, error.Message);
                return;
            }

            await using (spine)
            {
                await SendAsync(http, columns, spine, ignored, output, exporter, logger, cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<(IStagedSpine, IReadOnlyList<string>)> StageAsync(ITrainingSetStore store, string type, string input, HttpRequest request, long maxRows, CancellationToken cancellationToken)
    {
        if (input == TrainingSetFormats.Csv)
        {
            var csv = new CsvSpineReader(request.BodyReader, maxRows);
            return (await store.StageAsync(type, csv.ReadAsync(cancellationToken), cancellationToken), csv.IgnoredColumns);
        }

        var parquet = new ParquetSpineReader(request.Body, maxRows);
        return (await store.StageAsync(type, parquet.ReadAsync(cancellationToken), cancellationToken), parquet.IgnoredColumns);
    }

    private static async Task SendAsync(HttpContext http, IReadOnlyList<TrainingSetColumn> columns, IStagedSpine spine, IReadOnlyList<string> ignored,
        string output, TrainingSetExporter exporter, ILogger logger, CancellationToken cancellationToken)
    {
        var response = http.Response;
        response.ContentType = output == TrainingSetFormats.Csv ? "text/csv; charset=utf-8" : TrainingSetFormats.Parquet;
        response.Headers.ContentDisposition = $"attachment; filename=\"training-set.{(output == TrainingSetFormats.Csv ? "csv" : "parquet")}\"";
        response.Headers["X-FeatureStore-Rows"] = spine.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (ignored.Count > 0)
        {
            response.Headers["X-FeatureStore-Ignored-Columns"] = string.Join(",", ignored);
        }

        foreach (var warning in columns.Select(c => c.Resolved.Warning).OfType<string>().Distinct())
        {
            response.Headers.Append("X-FeatureStore-Warning", warning);
        }

        var watch = Stopwatch.StartNew();
        var progress = new Progress<long>(rows => logger.LogInformation("Training-set export: {Rows} of {Total} rows", rows, spine.Count));
        try
        {
            // Each feature's sample becomes its drift baseline before the body ends (when this returns, or when the
            // Parquet writer is disposed), so a client that has the whole file knows the baselines are recorded too.
            long rows;
            if (output == TrainingSetFormats.Csv)
            {
                var csv = new CsvTrainingSetWriter(response.BodyWriter, [.. columns.Select(c => c.Reference)]);
                await csv.WriteHeaderAsync(cancellationToken);
                var sampled = new TrainingSetBaselineWriter(csv, columns, expectedRows: spine.Count);
                rows = await exporter.ExportAsync(columns, spine, sampled, progress, cancellationToken);
                await csv.CompleteAsync(cancellationToken);
                await TrainingSetBaselines.RecordAsync(http.RequestServices, sampled, logger);
            }
            else
            {
                await using var parquet = new ParquetTrainingSetWriter(response.Body, columns);
                var sampled = new TrainingSetBaselineWriter(parquet, columns, expectedRows: spine.Count);
                rows = await exporter.ExportAsync(columns, spine, sampled, progress, cancellationToken);
                await parquet.CompleteAsync(cancellationToken);
                await TrainingSetBaselines.RecordAsync(http.RequestServices, sampled, logger);
            }

            ServingMetrics.ExportedRows.Add(rows);
            logger.LogInformation("Exported {Rows} rows x {Features} features as {Format} in {Elapsed} ms", rows, columns.Count, output, watch.ElapsedMilliseconds);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            // Headers (and maybe rows) are out: abort, so the client sees a failed transfer, not a short file.
            logger.LogError(error, "Training-set export failed after {Elapsed} ms; aborting the response", watch.ElapsedMilliseconds);
            http.Abort();
        }
    }

    private static async Task ProblemAsync(HttpContext http, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(http.Response.Body, new { errors = new[] { new { message, extensions = new { code } } } }, cancellationToken: http.RequestAborted);
    }
}
