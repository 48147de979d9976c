using System.Globalization;
using System.Net;
using System.Text;
using FeatureStore.Core.Drift;
using FeatureStore.Drift.Statistics;
using FeatureStore.Testing;
using static FeatureStore.Drift.Tests.Worker.DriftStack;

namespace FeatureStore.Drift.Tests.Worker;

/// <summary>An exported training set becomes its features' baseline: drift is then measured against what the model learnt from.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class TrainingSetBaselineTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task After_an_export_the_features_are_compared_with_the_training_set_instead_of_the_last_week()
    {
        await using var stack = await DriftStack.CreateAsync(infrastructure, "drift_train");
        // Prices moved from 10 to 12 a month ago and stayed there: against the last week, nothing drifts.
        var trained = new TimeWindow(stack.Now.AddDays(-40), stack.Now.AddDays(-39));
        await stack.WriteItemsAsync("t", 300, trained, seed: 16);
        await stack.WriteItemsAsync("b", 400, stack.Baseline, seed: 17, mean: 12);
        await stack.WriteItemsAsync("c", 400, stack.Current, seed: 18, mean: 12);
        var before = await stack.RunAsync(null, Price);
        Assert.Equal(DriftStatuses.Ok, before.Reports.Single(r => r.Check == DriftChecks.Univariate).Status);

        var spine = new StringBuilder("id,timestamp\n");
        foreach (var i in Enumerable.Range(0, 300))
        {
            spine.Append(CultureInfo.InvariantCulture, $"t-{i:D4},{trained.End:O}\n");
        }

        using var export = await stack.Http.PostAsync($"/training-sets?type=item&features={Price},{Color}", new StringContent(spine.ToString(), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(300, (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);

        Assert.Equal(2, await Sql.ScalarAsync<int>(stack.Database.ConnectionString, "SELECT count(*) FROM ai_drift_baselines WHERE kind = 'training_set'"));

        var after = await stack.RunAsync(null, Price);

        var report = after.Reports.Single(r => r.Check == DriftChecks.Univariate);
        Assert.True(report.Status == DriftStatuses.Drift, System.Text.Json.JsonSerializer.Serialize(report));
        Assert.Equal(DriftBaselineKinds.TrainingSet, report.Details!.Value.GetProperty("baseline").GetProperty("kind").GetString());
        Assert.Equal(300, report.Details.Value.GetProperty("baseline").GetProperty("values").GetInt32());
    }
}
