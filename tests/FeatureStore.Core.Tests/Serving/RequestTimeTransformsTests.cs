using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Serving;

namespace FeatureStore.Core.Tests.Serving;

public sealed class RequestTimeTransformsTests
{
    private static ComputationSpec Spec(string aggregation, string? timezone = null) =>
        new("messages", aggregation, null, null, new Dictionary<string, string>(),
            timezone is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["timezone"] = timezone });

    [Theory]
    [InlineData("hour_of_day", null, "2026-11-24T23:30:00Z", 23)]
    [InlineData("hour_of_day", "America/Mexico_City", "2026-11-24T23:30:00Z", 17)]
    [InlineData("day_of_week", null, "2026-11-23T12:00:00Z", 1)]
    [InlineData("day_of_week", null, "2026-11-29T12:00:00Z", 7)]
    [InlineData("day_of_week", "Asia/Tokyo", "2026-11-29T20:00:00Z", 1)]
    public void The_value_follows_from_the_instant_in_the_declared_time_zone(string aggregation, string? timezone, string at, int expected)
    {
        Assert.True(RequestTimeTransforms.Handles(Spec(aggregation, timezone)));
        Assert.Equal(expected, RequestTimeTransforms.Compute(Spec(aggregation, timezone), DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)).GetInt32());
    }

    [Fact]
    public void Aggregations_over_source_data_are_not_request_time()
    {
        Assert.False(RequestTimeTransforms.Handles(Spec("count")));
    }

    [Fact]
    public void An_unknown_time_zone_is_a_definition_problem()
    {
        const string Json = """
            { "name": "msg:hour", "entityType": "message", "valueType": "numeric", "refresh": "real-time",
              "computation": { "source": "messages", "aggregation": "hour_of_day", "parameters": { "timezone": "Mars/Olympus" } } }
            """;
        var problems = new List<DefinitionProblem>();

        Assert.Null(FeatureSpecJson.Read(System.Text.Json.JsonDocument.Parse(Json).RootElement, "test", problems));
        Assert.Equal("computation.parameters.timezone", Assert.Single(problems).Field);
    }
}
