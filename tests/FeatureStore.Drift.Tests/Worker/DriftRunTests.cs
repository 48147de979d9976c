using System.Text.Json;
using FeatureStore.Core.Drift;
using FeatureStore.Testing;
using static FeatureStore.Drift.Tests.Worker.DriftStack;

namespace FeatureStore.Drift.Tests.Worker;

/// <summary>
/// Drift runs on the real stores: generated values written through the gateway's writer for a baseline week and a
/// current day; each kind of change is found within that one window, on the feature that changed and no other.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class DriftRunTests(InfrastructureFixture infrastructure)
{
    private const int PerWindow = 400;

    [Theory]
    [InlineData(Price)]
    [InlineData(Color)]
    [InlineData(Embedding)]
    public async Task Changing_one_feature_is_drift_on_that_feature_alone(string changed)
    {
        await using var stack = await DriftStack.CreateAsync(infrastructure, "drift_one");
        await stack.WriteItemsAsync("b", PerWindow, stack.Baseline, seed: 1);
        await stack.WriteItemsAsync("c", PerWindow, stack.Current, seed: 2,
            mean: changed == Price ? 12 : 10,
            mix: changed == Color ? (0.3, 0.3, 0.4) : null,
            degrees: changed == Embedding ? 40 : 0);

        var run = await stack.RunAsync();

        Assert.Empty(run.Failures);
        var univariate = run.Reports.Where(r => r.Check == DriftChecks.Univariate).ToDictionary(r => r.Feature);
        Assert.Equal([Color, Embedding, Price], univariate.Keys.Order(StringComparer.Ordinal));
        foreach (var (feature, report) in univariate)
        {
            Assert.True((feature == changed ? DriftStatuses.Drift : DriftStatuses.Ok) == report.Status, $"{feature}: {report.Status} {JsonSerializer.Serialize(report.Tests)}");
            Assert.True(report.HasPlot);
            Assert.Equal(PerWindow, report.Statistics!.Value.GetProperty("current").GetProperty("count").GetInt32());
            Assert.Equal(PerWindow, report.Statistics!.Value.GetProperty("baseline").GetProperty("count").GetInt32());
            Assert.Equal(DriftBaselineKinds.Window, report.Details!.Value.GetProperty("baseline").GetProperty("kind").GetString());
        }

        // The classifier sees the same change; when it calls it, the feature it names first is the one that changed.
        var classifier = Assert.Single(run.Reports, r => r.Check == DriftChecks.Classifier);
        Assert.Equal(DriftSubjects.AllFeaturesOf("item"), classifier.Feature);
        if (classifier.Status != DriftStatuses.Ok)
        {
            Assert.Equal(changed, classifier.Contributions[0].Feature);
        }

        Assert.Equal(3, await Sql.ScalarAsync<int>(stack.Database.ConnectionString, "SELECT count(*) FROM ai_drift_statistics"));
    }

    [Fact]
    public async Task Windows_drawn_from_one_distribution_are_ok_everywhere_and_raise_no_alert()
    {
        await using var stack = await DriftStack.CreateAsync(infrastructure, "drift_none");
        await stack.WriteItemsAsync("b", PerWindow, stack.Baseline, seed: 3);
        await stack.WriteItemsAsync("c", PerWindow, stack.Current, seed: 4);

        var run = await stack.RunAsync();

        Assert.Equal(4, run.Reports.Count);
        Assert.All(run.Reports, r => Assert.True(r.Status == DriftStatuses.Ok, $"{r.Feature} {r.Check}: {r.Status} {JsonSerializer.Serialize(r.Tests)}"));
        Assert.Empty(run.Alerts);
    }

    [Fact]
    public async Task A_rotated_embedding_cluster_is_named_by_the_classifier()
    {
        await using var stack = await DriftStack.CreateAsync(infrastructure, "drift_clf");
        await stack.WriteItemsAsync("b", PerWindow, stack.Baseline, seed: 5);
        await stack.WriteItemsAsync("c", PerWindow, stack.Current, seed: 6, degrees: 40);

        var run = await stack.RunAsync();

        var classifier = Assert.Single(run.Reports, r => r.Check == DriftChecks.Classifier);
        Assert.Equal(DriftStatuses.Drift, classifier.Status);
        Assert.Equal(Embedding, classifier.Contributions[0].Feature);
        Assert.True(classifier.HasPlot);
    }

    [Fact]
    public async Task A_new_major_version_starts_without_a_baseline()
    {
        await using var stack = await DriftStack.CreateAsync(infrastructure, "drift_major");
        await stack.WriteItemsAsync("b", PerWindow, stack.Baseline, seed: 7);
        await stack.WriteItemsAsync("c", PerWindow, stack.Current, seed: 8, mean: 12);
        await stack.Served<Core.Registry.IFeatureRegistry>().ApplyAsync([Definitions.Read(new System.Text.Json.Nodes.JsonObject
        {
            ["name"] = Price, ["version"] = "2.0.0", ["entityType"] = "item", ["valueType"] = new System.Text.Json.Nodes.JsonObject { ["kind"] = "numeric" },
            ["computation"] = new System.Text.Json.Nodes.JsonObject { ["source"] = "items", ["aggregation"] = "max", ["field"] = "price" }, ["refresh"] = "daily",
        })], "test", CancellationToken.None);

        var run = await stack.RunAsync(null, Price);

        // Line 2 has no values yet: nothing to compare, so no drift, and the reason is given.
        var report = Assert.Single(run.Reports, r => r.Check == DriftChecks.Univariate);
        Assert.Equal((2, DriftStatuses.Ok), (report.ValueLine, report.Status));
        Assert.Contains("too few values", report.Details!.Value.GetProperty("skippedReason").GetString(), StringComparison.Ordinal);
    }
}
