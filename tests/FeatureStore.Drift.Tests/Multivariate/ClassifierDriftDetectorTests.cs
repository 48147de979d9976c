using System.Globalization;
using System.Text.Json;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Drift.Detection;
using FeatureStore.Drift.Multivariate;
using Xunit.Abstractions;

namespace FeatureStore.Drift.Tests.Multivariate;

public sealed class ClassifierDriftDetectorTests(ITestOutputHelper output)
{
    private static readonly DriftThresholds Thresholds = new();

    private static readonly RowEncoder Encoder = new(new Dictionary<string, FeatureValueSchema>
    {
        ["user:session_minutes"] = new(FeatureValueType.Numeric),
        ["user:age"] = new(FeatureValueType.Numeric),
        ["user:plan"] = new(FeatureValueType.Categorical, AllowedValues: ["free", "pro", "team"]),
        ["user:embedding"] = new(FeatureValueType.Vector, Dimension: 8),
    });

    public enum Change
    {
        None,
        ShiftedMean,
        CategoryMix,
        RotatedEmbedding,
    }

    [Theory]
    [InlineData(Change.ShiftedMean, "user:session_minutes")]
    [InlineData(Change.CategoryMix, "user:plan")]
    [InlineData(Change.RotatedEmbedding, "user:embedding")]
    public void A_change_drifts_and_the_changed_feature_contributes_most(Change change, string changed)
    {
        var random = new Random(5);
        var result = new ClassifierDriftDetector(new ClassifierDriftOptions())
            .Detect(Encoder.Columns, Rows(random, 1000, Change.None), Rows(random, 1000, change), Thresholds);

        output.WriteLine($"{change}: AUC {result.Auc:F3}, " + string.Join(", ", result.Contributions.Select(c => $"{c.Feature} {c.Importance:F3}")));
        Assert.Equal(DriftStatus.Drift, result.Status);
        Assert.Equal(changed, result.Contributions[0].Feature);
        Assert.True(result.Contributions[0].Importance > 5 * Math.Abs(result.Contributions[1].Importance), "the changed feature stands out");
    }

    [Fact]
    public void The_same_seed_gives_the_same_answer()
    {
        Func<ClassifierDriftResult> detect = () =>
        {
            var random = new Random(8);
            return new ClassifierDriftDetector(new ClassifierDriftOptions { Folds = 3 })
                .Detect(Encoder.Columns, Rows(random, 400, Change.None), Rows(random, 400, Change.ShiftedMean), Thresholds);
        };

        var (first, second) = (detect(), detect());

        Assert.Equal(first.Auc, second.Auc);
        Assert.Equal(first.Contributions, second.Contributions);
    }

    [Fact]
    public void Too_few_rows_are_reported_ok_without_training()
    {
        var random = new Random(3);
        var result = new ClassifierDriftDetector(new ClassifierDriftOptions())
            .Detect(Encoder.Columns, Rows(random, 10, Change.None), Rows(random, 500, Change.ShiftedMean), Thresholds);

        Assert.Equal(DriftStatus.Ok, result.Status);
        Assert.Equal("too few rows to train on (10 < 30)", result.SkippedReason);
    }

    [Fact]
    public void No_change_raises_drift_in_at_most_five_of_a_hundred_trials()
    {
        // Smaller samples and models than the defaults keep 100 trainings quick; small samples are also the hard case for false alarms.
        var detector = new ClassifierDriftDetector(new ClassifierDriftOptions { Folds = 3, Trees = 20 });
        var results = Enumerable.Range(0, 100).Select(trial =>
        {
            var random = new Random(2000 + trial);
            return detector.Detect(Encoder.Columns, Rows(random, 300, Change.None), Rows(random, 300, Change.None), Thresholds);
        }).ToList();

        var drifts = results.Count(r => r.Status == DriftStatus.Drift);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"classifier: {drifts}/100 Drift, {results.Count(r => r.Status == DriftStatus.Warn)}/100 Warn, highest AUC {results.Max(r => r.Auc):F3}"));
        Assert.InRange(drifts, 0, 5);
    }

    private static float[][] Rows(Random random, int count, Change change)
    {
        var minutes = Generated.Normal(random, count, change == Change.ShiftedMean ? 35 : 30, 5);
        var ages = Generated.Normal(random, count, 40, 10);
        var plans = change == Change.CategoryMix
            ? Generated.Labels(random, count, ("free", 0.2), ("pro", 0.3), ("team", 0.5))
            : Generated.Labels(random, count, ("free", 0.6), ("pro", 0.3), ("team", 0.1));
        var embeddings = Generated.Cluster(random, count, 8, degrees: change == Change.RotatedEmbedding ? 40 : 0);
        return Enumerable.Range(0, count).Select(i => Encoder.Encode(new Dictionary<string, JsonElement>
        {
            ["user:session_minutes"] = Generated.Json(minutes[i]),
            ["user:age"] = Generated.Json(ages[i]),
            ["user:plan"] = JsonSerializer.SerializeToElement(plans[i]),
            ["user:embedding"] = JsonSerializer.SerializeToElement(embeddings[i]),
        })).ToArray();
    }
}
