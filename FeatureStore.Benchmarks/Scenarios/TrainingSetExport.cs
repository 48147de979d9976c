using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FeatureStore.Benchmarks.Data;
using FeatureStore.Benchmarks.Gateway;

namespace FeatureStore.Benchmarks.Scenarios;

/// <summary>
/// The streaming training-set export, <c>POST /training-sets?type=user&amp;features=...</c>: the
/// spine as CSV (<c>id,timestamp</c>), the answer streamed back as CSV
/// (<c>id,timestamp,feature...</c>) and counted line by line; every 100th row checked against the
/// dataset. Timed from the request's first byte to the answer's last, warm (nothing written between exports) and
/// cold (a value written to every feature first, for an entity outside the spine). A 404 means the endpoint does
/// not exist yet: reported, never a failure of the run.
/// </summary>
internal sealed class TrainingSetExport(GatewayClient client, ServingDataset data)
{
    private const int CheckEvery = 100;

    public async Task<ExportResult> MeasureAsync(IReadOnlyList<SpineRow> spine, int runs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spine);
        var body = SpineCsv(spine);
        var warm = new List<double>();
        var cold = new List<double>();
        ExportRun last = new(0, 0, 0, null);
        // Run 0 warms up; then warm runs, then as many cold ones, each after a write to every feature.
        for (var run = 0; run <= 2 * runs; run++)
        {
            var isCold = run > runs;
            if (isCold)
            {
                await WriteToEveryFeatureAsync(run, cancellationToken);
            }

            var clock = Stopwatch.StartNew();
            var outcome = await RunOnceAsync(body, cancellationToken);
            if (outcome.Status == HttpStatusCode.NotFound)
            {
                Console.WriteLine("export: endpoint not available (POST /training-sets answered 404)");
                return ExportResult.NotAvailable;
            }

            if (outcome.Status != HttpStatusCode.OK || outcome.Run is null)
            {
                Console.WriteLine($"export: POST /training-sets answered {(int)outcome.Status}: {outcome.Error}");
                return ExportResult.Failed($"answered {(int)outcome.Status}: {outcome.Error}");
            }

            last = outcome.Run;
            var rate = last.Rows / clock.Elapsed.TotalSeconds;
            var label = run == 0 ? "warm-up" : isCold ? string.Create(CultureInfo.InvariantCulture, $"cold run {run - runs}") : string.Create(CultureInfo.InvariantCulture, $"run {run}");
            Console.WriteLine($"export: {label}: {last.Rows:N0} rows in {clock.Elapsed.TotalSeconds:0.00} s ({rate:N0} rows/s), {last.Mismatches} of {last.Checked} checked rows wrong");
            if (last.Mismatches > 0 || last.Rows != spine.Count)
            {
                return ExportResult.Failed(last.Mismatches > 0
                    ? $"{last.Mismatches} of {last.Checked} checked rows wrong, e.g. {last.FirstMismatch}"
                    : $"{last.Rows:N0} rows for a {spine.Count:N0}-row spine");
            }

            if (run > 0)
            {
                (isCold ? cold : warm).Add(rate);
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                break;
            }
        }

        return new ExportResult(ExportState.Measured, warm, cold, last.Checked, null);
    }

    // A value for an entity outside the spine on every feature: each value line changed, so the gateway reads it again,
    // while the spine's expected answers stay the same.
    private async Task WriteToEveryFeatureAsync(int run, CancellationToken cancellationToken)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"cold-{run}");
        var values = data.Features.Select(f => (f.Name, id, f.IsNumeric ? (object)(double)run : BenchmarkFeature.Categories[run % BenchmarkFeature.Categories.Count])).ToList();
        FeatureAnswers.CheckWritten(await client.PostGraphQLAsync(GraphQLBodies.Write(values, DateTimeOffset.UtcNow), cancellationToken), values.Count);
    }

    private async Task<(HttpStatusCode Status, ExportRun? Run, string? Error)> RunOnceAsync(byte[] body, CancellationToken cancellationToken)
    {
        var features = string.Join(",", data.Features.Select(f => f.Name));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/training-sets?type={BenchmarkFeature.EntityType}&features={Uri.EscapeDataString(features)}", UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var error = await response.Content.ReadAsStringAsync(cancellationToken);
            return (response.StatusCode, null, error[..Math.Min(error.Length, 400)]);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var lines = new StreamReader(stream, Encoding.UTF8);
        var header = await lines.ReadLineAsync(cancellationToken);
        var expectedHeader = "id,timestamp," + string.Join(",", data.Features.Select(f => f.Name));
        if (header != expectedHeader)
        {
            return (HttpStatusCode.OK, new ExportRun(0, 1, 1, $"header '{header}', expected '{expectedHeader}'"), null);
        }

        long rows = 0;
        int checkedRows = 0, mismatches = 0;
        string? first = null;
        while (await lines.ReadLineAsync(cancellationToken) is { } line)
        {
            if (rows++ % CheckEvery != 0)
            {
                continue;
            }

            checkedRows++;
            if (Problem(line) is { } problem)
            {
                mismatches++;
                first ??= problem;
            }
        }

        return (HttpStatusCode.OK, new ExportRun(rows, checkedRows, mismatches, first), null);
    }

    // One CSV row against the dataset: the features of that user as of that timestamp.
    private string? Problem(string line)
    {
        var cells = line.Split(',');
        if (cells.Length != data.Features.Count + 2 || !cells[0].StartsWith('u')
            || !int.TryParse(cells[0].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var entity) || entity >= data.Entities
            || !DateTimeOffset.TryParse(cells[1], CultureInfo.InvariantCulture, DateTimeStyles.None, out var timestamp))
        {
            return $"unreadable row '{line}'";
        }

        var micros = ServingDataset.Micros(timestamp);
        for (var f = 0; f < data.Features.Count; f++)
        {
            var expected = data.Value(entity, f, data.VersionAt(entity, f, micros));
            var cell = cells[f + 2].Trim('"');
            var same = expected is double number
                ? double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var read) && read == number
                : cell == (string)expected;
            if (!same)
            {
                return $"'{line}': {data.Features[f].Name} should be {expected}";
            }
        }

        return null;
    }

    private static byte[] SpineCsv(IReadOnlyList<SpineRow> spine)
    {
        var csv = new StringBuilder("id,timestamp\n", spine.Count * 48);
        foreach (var row in spine)
        {
            csv.Append(row.EntityId).Append(',').Append(row.Timestamp.ToString("O", CultureInfo.InvariantCulture)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private sealed record ExportRun(long Rows, int Checked, int Mismatches, string? FirstMismatch);
}
