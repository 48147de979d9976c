using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Time;

namespace FeatureStore.Core.Tests.Registry.Definitions;

/// <summary>features/schema/feature-definition.schema.json says what FeatureSpecJson accepts, no more, no less.</summary>
public sealed class DefinitionSchemaTests
{
    private const string Minimal = """{"name":"user:x","entityType":"user","valueType":"numeric","computation":{"source":"messages","aggregation":"count"},"refresh":"daily"}""";

    private static readonly JsonNode Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Features, "schema", "feature-definition.schema.json")))!;

    [Fact]
    public void Its_enums_are_the_cores_lists()
    {
        Assert.Equal(Aggregations.Known.Order(StringComparer.Ordinal), Strings(Schema["$defs"]!["computation"]!["properties"]!["aggregation"]!["enum"]!));
        Assert.Equal(FeatureValueTypes.WireNames, Strings(Schema["$defs"]!["kind"]!["enum"]!));
        Assert.Equal(FeatureValueTypes.WireNames.Where(n => n != "array"), Strings(Schema["$defs"]!["valueTypeObject"]!["properties"]!["elementType"]!["enum"]!));
        Assert.Equal(RefreshSchedules.Named, Strings(Schema["properties"]!["refresh"]!["anyOf"]![0]!["enum"]!));
    }

    [Fact]
    public void Its_required_fields_are_the_ones_the_reader_requires()
    {
        var required = Strings(Schema["required"]!);
        var minimal = JsonNode.Parse(Minimal)!.AsObject();

        Assert.Equal(["name", "entityType", "valueType", "computation", "refresh"], required);
        Assert.All(required, field => Assert.NotEmpty(Problems(Without(minimal, field))));
        Assert.Empty(Problems(minimal));
    }

    [Fact]
    public void Its_top_level_properties_are_the_fields_the_reader_knows()
    {
        var properties = Schema["properties"]!.AsObject().Select(p => p.Key).ToList();

        Assert.Equal(["$schema", "name", "version", "entityType", "valueType", "description", "owner", "tags", "computation", "refresh", "ttl", "stalePolicy"], properties);
        Assert.False(Schema["additionalProperties"]!.GetValue<bool>());
        Assert.Equal(["nonsense"], Problems(With(JsonNode.Parse(Minimal)!.AsObject(), "nonsense", "x")).Select(p => p.Field));
    }

    [Theory]
    [InlineData("user:booking_rate")]
    [InlineData("conv:avg_response_time_ms")]
    [InlineData("User:rate")]
    [InlineData("user:")]
    [InlineData("user:rate:x")]
    [InlineData("user:1rate")]
    [InlineData("user-x:rate")]
    public void Its_name_pattern_agrees_with_the_reader(string name)
    {
        var pattern = Schema["properties"]!["name"]!["pattern"]!.GetValue<string>();

        Assert.Equal(Regex.IsMatch(name, pattern), Problems(With(JsonNode.Parse(Minimal)!.AsObject(), "name", name)).Count == 0);
    }

    [Theory]
    [InlineData("30s")]
    [InlineData("2w")]
    [InlineData("0h")]
    [InlineData("1y")]
    [InlineData("24")]
    [InlineData("-1h")]
    public void Its_duration_pattern_agrees_with_durations(string text)
    {
        var pattern = Schema["$defs"]!["duration"]!["pattern"]!.GetValue<string>();

        Assert.Equal(Regex.IsMatch(text, pattern), Durations.TryParse(text, out _));
    }

    [Theory]
    [InlineData("daily")]
    [InlineData("real-time")]
    [InlineData("0 3 * * *")]
    [InlineData("*/15 8-20 * * MON-FRI")]
    [InlineData("@hourly")]
    [InlineData("Daily")]
    [InlineData("monthly")]
    [InlineData("0 3 * * * *")]
    [InlineData("0 3 * *")]
    public void Its_refresh_rule_agrees_with_refresh_schedules(string refresh)
    {
        var options = Schema["properties"]!["refresh"]!["anyOf"]!.AsArray();
        var named = Strings(options[0]!["enum"]!).Contains(refresh);
        var patterns = options.Skip(1).Select(o => o!["pattern"]!.GetValue<string>());

        Assert.Equal(named || patterns.Any(p => Regex.IsMatch(refresh, p)), RefreshSchedules.IsValid(refresh));
    }

    private static List<string> Strings(JsonNode array) => array.AsArray().Select(n => n!.GetValue<string>()).ToList();

    private static JsonObject Without(JsonObject json, string field)
    {
        var copy = json.DeepClone().AsObject();
        copy.Remove(field);
        return copy;
    }

    private static JsonObject With(JsonObject json, string field, string value)
    {
        var copy = json.DeepClone().AsObject();
        copy[field] = value;
        return copy;
    }

    private static List<DefinitionProblem> Problems(JsonObject json)
    {
        var problems = new List<DefinitionProblem>();
        using var document = JsonDocument.Parse(json.ToJsonString());
        FeatureSpecJson.Read(document.RootElement, "test.json", problems);
        return problems;
    }
}
