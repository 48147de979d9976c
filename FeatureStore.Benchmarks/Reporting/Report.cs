using System.Globalization;
using System.Text;
using FeatureStore.Benchmarks.Data;
using FeatureStore.Benchmarks.Floors;
using FeatureStore.Benchmarks.Gateway;
using FeatureStore.Benchmarks.Measuring;
using FeatureStore.Benchmarks.Scenarios;

namespace FeatureStore.Benchmarks.Reporting;

/// <summary>
/// The results as markdown: each measure beside the floor it is compared with (measured in the
/// same run), the ratio, and the issue's targets. Printed to stdout and, with --out, to a file.
/// </summary>
internal static class Report
{
    public const double GatewayToKestrelP99 = 2.0;
    public const double CacheHitTarget = 0.95;
    public const double ExportTarget = 350_000;

    public static string Render(BenchmarkResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var o = results.Options;
        var env = results.Environment;
        var numeric = BenchmarkFeature.Create(o.Features).Count(f => f.IsNumeric);
        var text = new StringBuilder();
        text.AppendLine(Invariant($"# FeatureStore serving benchmark, {env.StartedAt:yyyy-MM-dd HH:mm} UTC{(o.Quick ? " (--quick)" : "")}"));
        text.AppendLine();
        text.AppendLine(Invariant($"Machine: {env.Cores} cores, {env.Os}, {env.Runtime}; {env.Postgres}; Redis {env.Redis}."));
        if (env.ForeignCpu is { } foreign)
        {
            text.AppendLine(Invariant($"While measuring, processes outside this run used {Percent(foreign)} of the cores (hypervisor steal {Percent(env.StolenCpu ?? 0)}){(foreign > 0.05 ? ": the machine was NOT quiet, numbers are pessimistic" : "")}."));
        }
        text.AppendLine(Invariant($"Data: {o.Entities:N0} users x F = {o.Features} features ({numeric} numeric, {o.Features - numeric} categorical), {env.HistoryRows:N0} history rows, loaded in {env.LoadTime.TotalSeconds:0} s."));
        text.AppendLine(Invariant($"Latency: one HTTP/1.1 keep-alive connection, {o.Warmup.TotalSeconds:0.#} s warm-up then {o.Duration.TotalSeconds:0.#} s per measure in 5 interleaved rounds; times in µs; every answer checked."));
        text.AppendLine();
        Latency(text, results.Latency, results.GatewaySources, results.Cache);
        Throughput(text, results);
        Cache(text, results.Cache);
        Export(text, o, results.Export, results.SqlFloorRowsPerSecond);
        Notice(text, results.Notice);
        Targets(text, results);
        return text.ToString();
    }

    /// <summary>The latency table alone, for <c>--only latency</c>.</summary>
    public static string RenderLatency(IReadOnlyDictionary<string, LatencyResult> latency, IReadOnlyDictionary<string, SourceCounts> sources)
    {
        var text = new StringBuilder();
        Latency(text, latency, sources, []);
        return text.ToString();
    }

    private static void Latency(StringBuilder text, IReadOnlyDictionary<string, LatencyResult> measured, IReadOnlyDictionary<string, SourceCounts> gatewaySources, IReadOnlyList<CacheResult> caches)
    {
        text.AppendLine("## Latency, one connection");
        text.AppendLine();
        var table = new MarkdownTable("measure", "calls", "p50", "p99", "req/s", "served from", "compared with", "p50 x", "p99 x", "target");
        var rows = new (string Name, string? Floor, string Target)[]
        {
            (RedisFloor.One, null, ""),
            (RedisFloor.Hundred, null, ""),
            (KestrelFloor.One, RedisFloor.One, ""),
            (KestrelFloor.Hundred, RedisFloor.Hundred, ""),
            (PostgresAsOfFloor.One, null, ""),
            (PostgresAsOfFloor.Hundred, null, ""),
            (GatewayProbes.One, KestrelFloor.One, "p99 <= 2x"),
            (GatewayProbes.Hundred, KestrelFloor.Hundred, "p99 <= 2x"),
            (GatewayProbes.OneAsOf, PostgresAsOfFloor.One, ""),
            (GatewayProbes.HundredAsOf, PostgresAsOfFloor.Hundred, ""),
        };
        foreach (var (name, floor, target) in rows)
        {
            var latency = measured[name].Latency;
            var sources = gatewaySources.TryGetValue(name, out var counts) ? Sources(counts) : "";
            AddLatencyRow(table, name, latency, sources, floor is null ? null : (floor, measured[floor].Latency), target);
        }

        foreach (var cache in caches)
        {
            AddLatencyRow(table, Invariant($"gateway: 1 x F now, Zipf s={cache.Exponent}"), cache.Latency, Sources(cache.Sources),
                (KestrelFloor.One, measured[KestrelFloor.One].Latency), "");
        }
        text.AppendLine(table.ToString());
    }

    private static void AddLatencyRow(MarkdownTable table, string name, Percentiles latency, string sources, (string Name, Percentiles Latency)? floor, string target)
    {
        var p99Ratio = floor is { } f ? latency.P99 / f.Latency.P99 : double.NaN;
        table.Add(
            name,
            Invariant($"{latency.Count:N0}"),
            Micros(latency.P50),
            Micros(latency.P99),
            Invariant($"{1_000_000 / latency.Mean:N0}"),
            sources,
            floor?.Name.Replace("floor: ", "", StringComparison.Ordinal) ?? "",
            floor is { } g ? Ratio(latency.P50 / g.Latency.P50) : "",
            floor is null ? "" : Ratio(p99Ratio),
            target.Length == 0 ? "" : $"{target}: {Verdict(p99Ratio <= GatewayToKestrelP99)}");
    }

    private static void Throughput(StringBuilder text, BenchmarkResults results)
    {
        if (results.Throughput.Count == 0)
        {
            return;
        }

        text.AppendLine("## Throughput, concurrent connections (closed loop)");
        text.AppendLine();
        var table = new MarkdownTable("measure", "connections", "req/s", "p50", "p99", "vs floor req/s");
        var floor = results.Throughput.FirstOrDefault(t => t.Name == KestrelFloor.One);
        foreach (var run in results.Throughput)
        {
            table.Add(run.Name, Invariant($"{run.Connections}"), Invariant($"{run.PerSecond:N0}"), Micros(run.Latency.P50), Micros(run.Latency.P99),
                floor is null || run == floor ? "" : Ratio(run.PerSecond / floor.PerSecond));
        }

        text.AppendLine(table.ToString());
    }

    private static void Cache(StringBuilder text, IReadOnlyList<CacheResult> results)
    {
        text.AppendLine("## In-process cache, Zipf workload (1 user x F per request, one connection)");
        text.AppendLine();
        var table = new MarkdownTable("workload", "requests", "req/s", "values from CACHE", "from ONLINE", "hit rate", "best possible without warm-up (same sequence and MaxAge)", "TTL model without warm-up", "MaxAge for 95 % without warm-up (model)", "target");
        foreach (var cache in results)
        {
            table.Add(Invariant($"Zipf s={cache.Exponent}"), Invariant($"{cache.Latency.Count:N0}"), Invariant($"{1_000_000 / cache.Latency.Mean:N0}"),
                Invariant($"{cache.Sources.Cache:N0}"), Invariant($"{cache.Sources.Online:N0}"), Percent(cache.HitRate), Percent(cache.IdealHitRate),
                Percent(cache.ModelHitRate), cache.MaxAgeForTarget is { } maxAge ? Duration(maxAge) : "over a year", $"> 95 %: {Verdict(cache.HitRate > CacheHitTarget)}");
        }

        text.AppendLine(table.ToString());
    }

    /// <summary>The export's table alone, for <c>--only export</c>.</summary>
    public static string RenderExport(BenchmarkOptions options, ExportResult export, IReadOnlyList<double> sqlFloorRowsPerSecond)
    {
        var text = new StringBuilder();
        Export(text, options, export, sqlFloorRowsPerSecond);
        return text.ToString();
    }

    private static void Export(StringBuilder text, BenchmarkOptions o, ExportResult export, IReadOnlyList<double> sqlFloorRowsPerSecond)
    {
        text.AppendLine(Invariant($"## Training-set export, {o.Spine:N0} spine rows x F features"));
        text.AppendLine();
        var table = new MarkdownTable("measure", "runs", "rows/s (median)", "values/s", "vs SQL floor", "target");
        var sql = Median(sqlFloorRowsPerSecond);
        switch (export.State)
        {
            case ExportState.Measured:
                foreach (var (label, rates) in export.Measures)
                {
                    var rate = Median(rates);
                    table.Add(label, Invariant($"{rates.Count}"), Invariant($"{rate:N0}"), Invariant($"{rate * o.Features:N0}"),
                        Ratio(rate / sql), $">= 350k rows/s: {Verdict(rate >= ExportTarget)}");
                }

                break;
            case ExportState.NotAvailable:
                table.Add("POST /training-sets (CSV, streamed)", "0", "pending", "", "", "endpoint not available (404)");
                break;
            default:
                table.Add("POST /training-sets (CSV, streamed)", "0", "FAILED", "", "", export.Problem ?? "");
                break;
        }

        table.Add("floor: SQL LATERAL via Npgsql (COPY spine + LATERAL LIMIT 1 per feature)", Invariant($"{sqlFloorRowsPerSecond.Count}"),
            Invariant($"{sql:N0}"), Invariant($"{sql * o.Features:N0}"), "", "LIMITS.md: 35k server-only, 16k delivered");
        text.AppendLine(table.ToString());
    }

    private static void Notice(StringBuilder text, NoticeResult notice)
    {
        text.AppendLine("## Notice delivery (write through gateway B, read through gateway A's cache)");
        text.AppendLine();
        var table = new MarkdownTable("measure", "trials", "p50 ms", "p99 ms", "max ms");
        table.Add("write acknowledged (writeFeatureValues on B)", Invariant($"{notice.Write.Count}"), Millis(notice.Write.P50), Millis(notice.Write.P99), Millis(notice.Write.Max));
        table.Add("write sent -> first fresh read on A", Invariant($"{notice.FromWrite.Count}"), Millis(notice.FromWrite.P50), Millis(notice.FromWrite.P99), Millis(notice.FromWrite.Max));
        table.Add("write acknowledged -> first fresh read on A", Invariant($"{notice.FromAck.Count}"), Millis(notice.FromAck.P50), Millis(notice.FromAck.P99), Millis(notice.FromAck.Max));
        text.AppendLine(table.ToString());
        text.AppendLine(Invariant($"Reads on A begun after B acknowledged the write that still returned the old value: {notice.StaleReadsAfterAck} (over {notice.Trials} trials); trials never fresh within 10 s: {notice.Lost}."));
        text.AppendLine();
    }

    private static void Targets(StringBuilder text, BenchmarkResults results)
    {
        var latency = results.Latency;
        text.AppendLine("## Targets");
        text.AppendLine();
        Target(text, "gateway p99 within 2x of the Kestrel floor, 1 x F", latency[GatewayProbes.One].Latency.P99 / latency[KestrelFloor.One].Latency.P99 <= GatewayToKestrelP99,
            Ratio(latency[GatewayProbes.One].Latency.P99 / latency[KestrelFloor.One].Latency.P99));
        Target(text, "gateway p99 within 2x of the Kestrel floor, 100 x F", latency[GatewayProbes.Hundred].Latency.P99 / latency[KestrelFloor.Hundred].Latency.P99 <= GatewayToKestrelP99,
            Ratio(latency[GatewayProbes.Hundred].Latency.P99 / latency[KestrelFloor.Hundred].Latency.P99));
        foreach (var cache in results.Cache)
        {
            Target(text, Invariant($"cache hit rate > 95 % on Zipf s={cache.Exponent}"), cache.HitRate > CacheHitTarget,
                Invariant($"{Percent(cache.HitRate)}; without warm-up at best {Percent(cache.IdealHitRate)} on that sequence"));
        }

        if (results.Export.State == ExportState.Measured)
        {
            foreach (var (label, rates) in results.Export.Measures)
            {
                var rate = Median(rates);
                Target(text, $"{label}: export >= 350k rows/s", rate >= ExportTarget, Invariant($"{rate:N0} rows/s"));
            }
        }
        else
        {
            text.AppendLine(Invariant($"- export >= 350k rows/s: pending ({(results.Export.State == ExportState.NotAvailable ? "endpoint not available" : results.Export.Problem)})"));
        }

        text.AppendLine();
    }

    private static void Target(StringBuilder text, string what, bool met, string measured) =>
        text.AppendLine(Invariant($"- {what}: {Verdict(met)} ({measured})"));

    private static string Sources(SourceCounts counts) => counts.Total == 0 ? ""
        : counts.Offline == counts.Total ? "history 100 %"
        : Invariant($"cache {Percent((double)counts.Cache / counts.Total)}, Redis {Percent((double)counts.Online / counts.Total)}");

    private static double Median(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : new Percentiles(values).P50;

    private static string Duration(TimeSpan duration) =>
        duration < TimeSpan.FromMinutes(2) ? Invariant($"{duration.TotalSeconds:0} s")
        : duration < TimeSpan.FromHours(2) ? Invariant($"{duration.TotalMinutes:0} min")
        : Invariant($"{duration.TotalHours:0.#} h");

    private static string Verdict(bool met) => met ? "met" : "MISSED";

    private static string Micros(double micros) => Invariant($"{micros:N0}");

    private static string Millis(double micros) => Invariant($"{micros / 1000:0.00}");

    private static string Ratio(double ratio) => double.IsNaN(ratio) ? "" : Invariant($"{ratio:0.00}x");

    private static string Percent(double fraction) => Invariant($"{fraction * 100:0.0} %");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
