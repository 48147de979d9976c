using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using FeatureStore.Drift.Worker;
using FeatureStore.Testing;
using static FeatureStore.Drift.Tests.Worker.DriftStack;

namespace FeatureStore.Drift.Tests.Worker;

/// <summary>What the drift worker stored, as the gateway shows it: driftReports, driftStatus, requestDriftCheck and the plots.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class DriftGraphQLTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Reports_and_statuses_answer_through_graphql_and_each_plot_is_a_valid_svg()
    {
        await using var stack = await DriftStack.CreateAsync(infrastructure, "drift_gql");
        await stack.WriteItemsAsync("b", 400, stack.Baseline, seed: 13);
        await stack.WriteItemsAsync("c", 400, stack.Current, seed: 14, mean: 12);
        await stack.RunAsync();

        var body = await stack.QueryAsync("""
            query($f: String!, $from: DateTime) {
              driftReports(feature: $f, from: $from) { id feature check status from to valueLine version plotUrl baselineId statistics details
                tests { test score pValue warnAt driftAt status } contributions { feature } }
              driftStatus { feature status reports { check status } }
            }
            """, new { f = Price, from = stack.Current.Start.AddHours(-1) });

        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        var report = Assert.Single(body.GetProperty("data").GetProperty("driftReports").EnumerateArray());
        Assert.Equal(("UNIVARIATE", "DRIFT", 1, "1.0.0"), (report.GetProperty("check").GetString(), report.GetProperty("status").GetString(),
            report.GetProperty("valueLine").GetInt32(), report.GetProperty("version").GetString()));
        Assert.Contains(report.GetProperty("tests").EnumerateArray(), t => t.GetProperty("test").GetString() == "KolmogorovSmirnov" && t.GetProperty("status").GetString() == "DRIFT");
        Assert.Equal(400, report.GetProperty("statistics").GetProperty("current").GetProperty("numbers").GetProperty("count").GetInt32());

        var statuses = body.GetProperty("data").GetProperty("driftStatus").EnumerateArray().ToDictionary(s => s.GetProperty("feature").GetString()!, s => s.GetProperty("status").GetString());
        Assert.Equal("DRIFT", statuses[Price]);
        Assert.Equal("OK", statuses[Color]);
        Assert.True(statuses.ContainsKey("item:*"));

        var plot = await stack.Http.GetAsync(report.GetProperty("plotUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, plot.StatusCode);
        Assert.Equal("image/svg+xml", plot.Content.Headers.ContentType!.MediaType);
        var svg = XDocument.Parse(await plot.Content.ReadAsStringAsync());
        Assert.Equal(XName.Get("svg", "http://www.w3.org/2000/svg"), svg.Root!.Name);
        Assert.Contains(svg.Descendants(), e => (string?)e.Attribute("class") == "series current");
    }

    [Fact]
    public async Task Bad_arguments_and_unknown_plots_get_the_usual_error_codes()
    {
        await using var stack = await DriftStack.CreateAsync(infrastructure, "drift_gqlerr");

        Assert.Equal("FEATURE_NOT_FOUND", Code(await stack.QueryAsync("{ driftReports(feature: \"item:nope\") { id } }")));
        Assert.Equal("FEATURE_NOT_FOUND", Code(await stack.QueryAsync("{ driftStatus(feature: \"nope:*\") { feature } }")));
        Assert.Equal("LIMIT_EXCEEDED", Code(await stack.QueryAsync("{ driftReports(feature: \"item:price\", first: 0) { id } }")));
        Assert.Equal("INVALID_ARGUMENT", Code(await stack.QueryAsync(
            "{ driftReports(feature: \"item:price\", from: \"2026-01-02T00:00:00Z\", to: \"2026-01-01T00:00:00Z\") { id } }")));
        Assert.Equal("FEATURE_NOT_FOUND", Code(await stack.QueryAsync("mutation { requestDriftCheck(features: [\"item:nope\"]) { id } }")));
        var empty = await stack.QueryAsync("{ driftReports(feature: \"item:*\") { id } driftStatus { feature } }");
        Assert.Equal(0, empty.GetProperty("data").GetProperty("driftReports").GetArrayLength());

        foreach (var path in new[] { $"/drift/plots/{Guid.NewGuid()}.svg", "/drift/plots/not-a-report.svg" })
        {
            var missing = await stack.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("INVALID_ARGUMENT", Code(JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement));
        }
    }

    [Fact]
    public async Task A_requested_check_is_run_by_one_worker_only()
    {
        await using var stack = await DriftStack.CreateAsync(infrastructure, "drift_req");
        await stack.WriteItemsAsync("c", 100, stack.Current, seed: 15);

        var body = await stack.QueryAsync("mutation { requestDriftCheck(features: [\"item:price\"]) { id features status } }");
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        var request = body.GetProperty("data").GetProperty("requestDriftCheck");
        Assert.Equal("pending", request.GetProperty("status").GetString());

        var processor = stack.Drift<DriftRequestProcessor>();
        var first = await processor.ProcessNextAsync("worker-1", CancellationToken.None);
        var second = await processor.ProcessNextAsync("worker-2", CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal([Price, "item:*"], first.Reports.Select(r => r.Feature));
        Assert.Equal("done", (await Sql.StringsAsync(stack.Database.ConnectionString, "SELECT status FROM ai_drift_requests"))[0]);
    }

    [Fact]
    public async Task The_scheduler_queues_one_check_per_tick_whatever_the_replicas()
    {
        await using var stack = await DriftStack.CreateAsync(infrastructure, "drift_tick");
        var scheduler = stack.Drift<DriftScheduler>();

        Assert.True(await scheduler.ScheduleDueAsync(CancellationToken.None));
        Assert.False(await scheduler.ScheduleDueAsync(CancellationToken.None));

        var run = await stack.Drift<DriftRequestProcessor>().ProcessNextAsync("worker-1", CancellationToken.None);
        Assert.Equal(scheduler.TickAt(DateTimeOffset.UtcNow), run!.Window.End);
        Assert.Equal(TimeSpan.FromDays(1), run.Window.End - run.Window.Start);
    }

    private static string? Code(JsonElement body) =>
        body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
}
