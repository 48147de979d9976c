using System.Text.Json;
using FeatureStore.Drift.Detection;
using FeatureStore.Drift.Skew;

namespace FeatureStore.Drift.Tests.Skew;

public sealed class SkewComparerTests
{
    private static readonly DateTimeOffset At = Generated.Current.Start;

    [Fact]
    public void Counts_mismatches_and_which_side_was_missing()
    {
        SkewPair[] pairs =
        [
            new("u1", At, Generated.Json("1.5"), Generated.Json("1.5")),
            new("u2", At, Generated.Json("1.5"), Generated.Json("1.6")),
            new("u3", At, Generated.Json("null"), Generated.Json("2")),
            new("u4", At, Generated.Json("3"), Generated.Json("null")),
            new("u5", At, Generated.Json("null"), Generated.Json("null")),
        ];

        var report = SkewComparer.Compare("user:x", pairs, new DriftThresholds());

        Assert.Equal(5, report.Compared);
        Assert.Equal(3, report.Mismatches);
        Assert.Equal(1, report.OnlineMissing);
        Assert.Equal(1, report.OfflineMissing);
        Assert.Equal(0.6, report.MismatchRate, 1e-12);
        Assert.Equal(["u2", "u3", "u4"], report.ExampleEntities);
        Assert.Equal(DriftStatus.Drift, report.Status);
    }

    [Theory]
    [InlineData("0.1", "0.10000000149011612", true)]          // a float32 round trip
    [InlineData("1000000", "1000001", true)]                  // within 1e-5 relative
    [InlineData("1", "1.001", false)]
    [InlineData("[0.5, 0.25]", "[0.50000001, 0.25]", true)]  // vectors component by component
    [InlineData("[0.5, 0.25]", "[0.5]", false)]
    [InlineData("\"pro\"", "\"Pro\"", false)]                 // labels exactly
    [InlineData("{\"a\": [1, 2], \"b\": true}", "{\"b\": true, \"a\": [1, 2.0]}", true)]
    [InlineData("{\"a\": 1}", "{\"a\": 1, \"b\": 2}", false)]
    [InlineData("true", "false", false)]
    public void Values_are_compared_structurally_with_a_numeric_tolerance(string online, string offline, bool same) =>
        Assert.Equal(same, JsonValueComparer.Same(Generated.Json(online), Generated.Json(offline), 1e-6, 1e-5));

    [Fact]
    public void A_skewed_feature_is_named_among_clean_ones()
    {
        // Online serves the offline value for every feature, except that user:minutes is off by one for 10 % of entities
        // (a stale online copy, say); user:embedding's online copy went through float32.
        var random = new Random(9);
        var reports = new[] { "user:minutes", "user:plan", "user:embedding" }.Select(feature =>
        {
            var pairs = Enumerable.Range(0, 1000).Select(i =>
            {
                JsonElement offline = feature switch
                {
                    "user:minutes" => Generated.Json(Math.Round(random.Gaussian() * 5 + 30, 3)),
                    "user:plan" => JsonSerializer.SerializeToElement(random.Next(3) == 0 ? "pro" : "free"),
                    _ => JsonSerializer.SerializeToElement(new[] { random.NextDouble(), random.NextDouble() }),
                };
                var online = feature switch
                {
                    "user:minutes" when i % 10 == 0 => Generated.Json(offline.GetDouble() + 1),
                    "user:embedding" => JsonSerializer.SerializeToElement(offline.EnumerateArray().Select(c => (float)c.GetDouble()).ToArray()),
                    _ => offline,
                };
                return new SkewPair($"u{i}", At, online, offline);
            });
            return SkewComparer.Compare(feature, pairs, new DriftThresholds());
        }).ToList();

        Assert.Equal(["user:minutes"], reports.Where(r => r.Status == DriftStatus.Drift).Select(r => r.Feature));
        Assert.Equal(0.1, reports[0].MismatchRate, 1e-12);
        Assert.All(reports.Skip(1), r => Assert.Equal(0, r.Mismatches));
    }
}
