using FeatureStore.Core.Drift;
using FeatureStore.Drift.Statistics;
using FeatureStore.Testing;
using static FeatureStore.Drift.Tests.Worker.DriftStack;

namespace FeatureStore.Drift.Tests.Worker;

/// <summary>Alerts go to the webhook once per drift episode, however many runs see the drift.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class AlertTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_webhook_receives_one_post_per_drift_episode_across_repeated_runs()
    {
        await using var webhook = new WebhookListener();
        await using var stack = await DriftStack.CreateAsync(infrastructure, "drift_alert", new Dictionary<string, string> { ["Drift:Webhook:Url"] = webhook.Url.ToString() });
        await stack.WriteItemsAsync("b", 700, stack.Baseline, seed: 11);
        await stack.WriteItemsAsync("c", 400, stack.Current, seed: 12, mean: 12);

        await stack.RunAsync();
        await stack.RunAsync();
        Assert.Equal(1, webhook.CountFor(Price, DriftChecks.Univariate));

        // The day before the current one looks like the week before it: the episode closes (OK), and the next drift opens a new one.
        var quiet = new TimeWindow(stack.Current.Start.AddDays(-1), stack.Current.Start);
        var ok = await stack.RunAsync(quiet, Price);
        Assert.Equal(DriftStatuses.Ok, Assert.Single(ok.Reports, r => r.Check == DriftChecks.Univariate).Status);
        await stack.RunAsync();
        await stack.RunAsync();

        Assert.Equal(2, webhook.CountFor(Price, DriftChecks.Univariate));
        Assert.Equal(0, webhook.CountFor(Color, DriftChecks.Univariate));
        Assert.Equal(0, webhook.CountFor(Embedding, DriftChecks.Univariate));
        var alert = webhook.Posts.First(p => p.GetProperty("subject").GetString() == Price);
        Assert.Equal("Drift", alert.GetProperty("status").GetString());
        Assert.Contains("KolmogorovSmirnov", alert.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.True(Guid.TryParse(alert.GetProperty("reportId").GetString(), out _));
    }
}
