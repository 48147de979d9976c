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
/// dataset. Timed from the request's first byte to the answer's last, for three kinds of run, each after a warm-up:
/// warm (nothing written between exports: the gateway's kept lines serve it), after a small write (one value per
/// feature, for an entity outside the spine: each kept line is patched with it from the changes log) and after a large
/// write (one write per feature of more entities than are logged, all outside the spine: each kept line is patched with
/// the entities its rows' versions name).
/// A 404 means the endpoint does not exist yet: reported, never a failure of the run.
/// </summary>
internal sealed class TrainingSetExport(GatewayClient client, ServingDataset data)
{
    private const int CheckEvery = 100;

    // More entities per line than a write logs (OfflineSql.LogChangesUpTo): the gateway finds them by the rows' versions.
    private const int LargeWriteEntities = 1_001;

    public async Task<ExportResult> MeasureAsync(IReadOnlyList<SpineRow> spine, int runs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spine);
        var body = SpineCsv(spine);
        var kinds = new (string Label, string Name, Func<int, CancellationToken, Task> Before)[]
        {
            ("POST /training-sets (CSV, streamed), warm", "warm", (_, _) => Task.CompletedTask),
            ("POST /training-sets, after a small write (1 entity per feature: kept lines patched)", "after a small write", WriteSmallAsync),
            ($"POST /training-sets, after a large write ({LargeWriteEntities:N0} entities per feature: kept lines patched by row versions)", "after a large write", WriteLargeAsync),
        };
        var measures = new List<ExportMeasure>();
        var checkedRows = 0;
        for (var kind = 0; kind < kinds.Length; kind++)
        {
            var rates = new List<double>();
            // The first warm run warms the gateway up; it is printed, not counted.
            for (var run = kind == 0 ? 0 : 1; run <= runs; run++)
            {
                await kinds[kind].Before(kind * runs + run, cancellationToken);
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

                var last = outcome.Run;
                var rate = last.Rows / clock.Elapsed.TotalSeconds;
                var label = run == 0 ? "warm-up" : string.Create(CultureInfo.InvariantCulture, $"{kinds[kind].Name} run {run}");
                Console.WriteLine($"export: {label}: {last.Rows:N0} rows in {clock.Elapsed.TotalSeconds:0.00} s ({rate:N0} rows/s), {last.Mismatches} of {last.Checked} checked rows wrong");
                if (last.Mismatches > 0 || last.Rows != spine.Count)
                {
                    return ExportResult.Failed(last.Mismatches > 0
                        ? $"{last.Mismatches} of {last.Checked} checked rows wrong, e.g. {last.FirstMismatch}"
                        : $"{last.Rows:N0} rows for a {spine.Count:N0}-row spine");
                }

                checkedRows = last.Checked;
                if (run > 0)
                {
                    rates.Add(rate);
                }

                if (clock.Elapsed > TimeSpan.FromSeconds(30))
                {
                    break;
                }
            }

            measures.Add(new ExportMeasure(kinds[kind].Label, rates));
        }

        return new ExportResult(ExportState.Measured, measures, checkedRows, null);
    }

    // A value for an entity outside the spine on every feature, in one write: each value line changed, while the
    // spine's expected answers stay the same.
    private async Task WriteSmallAsync(int run, CancellationToken cancellationToken)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"cold-{run}");
        var values = data.Features.Select(f => (f.Name, id, Value(f, run))).ToList();
        FeatureAnswers.CheckWritten(await client.PostGraphQLAsync(GraphQLBodies.Write(values, DateTimeOffset.UtcNow), cancellationToken), values.Count);
    }

    // Values for many entities outside the spine, one write per feature (a write takes at most 10,000 values).
    private async Task WriteLargeAsync(int run, CancellationToken cancellationToken)
    {
        var at = DateTimeOffset.UtcNow;
        foreach (var feature in data.Features)
        {
            var values = Enumerable.Range(0, LargeWriteEntities)
                .Select(i => (feature.Name, string.Create(CultureInfo.InvariantCulture, $"bulk-{run}-{i}"), Value(feature, run))).ToList();
            FeatureAnswers.CheckWritten(await client.PostGraphQLAsync(GraphQLBodies.Write(values, at), cancellationToken), values.Count);
        }
    }

    private static object Value(BenchmarkFeature feature, int run) =>
        feature.IsNumeric ? (double)run : BenchmarkFeature.Categories[run % BenchmarkFeature.Categories.Count];

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
