using System.Text.Json;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Registry.Versioning;

namespace FeatureStore.Core.Tests.Registry.Definitions;

public sealed class FeatureSpecJsonTests
{
    private const string BookingRate = """
        {
          "$schema": "../schema/feature-definition.schema.json",
          "name": "user:booking_rate",
          "version": "1.2.3",
          "entityType": "user",
          "valueType": { "kind": "numeric" },
          "description": "Share of conversations that led to a booking, 0..1.",
          "owner": "growth",
          "tags": ["conversion", "bookings"],
          "computation": {
            "source": "bookings", "aggregation": "ratio", "window": "30d",
            "parameters": { "denominator": "conversations", "min_conversations": 3 },
            "filters": { "status": "confirmed" }
          },
          "refresh": "daily",
          "ttl": "48h"
        }
        """;

    [Fact]
    public void A_json_schema_reads_the_same_whatever_the_key_order_as_after_a_jsonb_round_trip()
    {
        const string Template = """
            { "name": "tenant:mix", "entityType": "tenant", "valueType": { "kind": "json", "jsonSchema": SCHEMA },
              "computation": { "source": "messages", "aggregation": "distribution", "field": "intent" }, "refresh": "daily" }
            """;

        var written = ReadValid(Template.Replace("SCHEMA", """{"type":"object","additionalProperties":{"type":"number","minimum":0}}""", StringComparison.Ordinal));
        var reordered = ReadValid(Template.Replace("SCHEMA", """{ "additionalProperties": { "minimum": 0, "type": "number" }, "type": "object" }""", StringComparison.Ordinal));

        Assert.Equal(written.Value.JsonSchema, reordered.Value.JsonSchema);
        Assert.Equal("""{"additionalProperties":{"minimum":0,"type":"number"},"type":"object"}""", written.Value.JsonSchema);
    }

    [Theory]
    [InlineData(null, StalePolicy.Flag, null)]
    [InlineData("flag", StalePolicy.Flag, null)]
    [InlineData("omit", StalePolicy.Omit, "omit")]
    public void The_stale_policy_defaults_to_flag_and_is_written_only_when_omit(string? policy, StalePolicy expected, string? written)
    {
        var json = policy is null ? BookingRate : BookingRate.Replace("\"ttl\": \"48h\"", $"\"ttl\": \"48h\", \"stalePolicy\": \"{policy}\"", StringComparison.Ordinal);

        var spec = ReadValid(json);

        Assert.Equal(expected, spec.StalePolicy);
        Assert.Equal(written, (string?)FeatureSpecJson.ToJson(spec)["stalePolicy"]);
    }

    [Fact]
    public void An_unknown_stale_policy_is_a_problem_and_changing_it_is_minor()
    {
        var problems = new List<DefinitionProblem>();
        FeatureSpecJson.Read(JsonDocument.Parse(BookingRate.Replace("\"ttl\": \"48h\"", "\"ttl\": \"48h\", \"stalePolicy\": \"drop\"", StringComparison.Ordinal)).RootElement, "t", problems);
        var flag = ReadValid(BookingRate);
        var omit = flag with { StalePolicy = StalePolicy.Omit };

        Assert.Equal("stalePolicy", Assert.Single(problems).Field);
        Assert.Equal(ChangeKind.Minor, ChangeClassifier.Classify(flag, omit).Kind);
    }

    [Fact]
    public void A_valid_definition_reads_into_every_field()
    {
        var spec = ReadValid(BookingRate);

        Assert.Equal(("user:booking_rate", new SemanticVersion(1, 2, 3), "user"), (spec.Name, spec.Version, spec.EntityType));
        Assert.True(spec.Value.SameAs(new FeatureValueSchema(FeatureValueType.Numeric)));
        Assert.Equal(("Share of conversations that led to a booking, 0..1.", "growth"), (spec.Description, spec.Owner));
        Assert.Equal(("bookings", "ratio", null, TimeSpan.FromDays(30)), (spec.Computation.Source, spec.Computation.Aggregation, spec.Computation.Field, spec.Computation.Window));
        Assert.Equal(new Dictionary<string, string> { ["status"] = "confirmed" }, spec.Computation.Filters);
        Assert.Equal(new Dictionary<string, string> { ["denominator"] = "conversations", ["min_conversations"] = "3" }, spec.Computation.Parameters);
        Assert.Equal(("daily", TimeSpan.FromDays(2)), (spec.Refresh, spec.TimeToLive));
    }

    [Fact]
    public void The_canonical_text_has_a_fixed_order_sorted_maps_and_shortest_durations()
    {
        Assert.Equal(
            """{"name":"user:booking_rate","version":"1.2.3","entityType":"user","valueType":{"kind":"numeric"},"description":"Share of conversations that led to a booking, 0..1.","owner":"growth","tags":["bookings","conversion"],"computation":{"source":"bookings","aggregation":"ratio","window":"30d","filters":{"status":"confirmed"},"parameters":{"denominator":"conversations","min_conversations":"3"}},"refresh":"daily","ttl":"2d"}""",
            FeatureSpecJson.ToJsonText(ReadValid(BookingRate)));
    }

    [Theory]
    [InlineData(BookingRate)]
    [InlineData("""{"name":"user:preferred_intent","entityType":"user","valueType":{"kind":"categorical","allowedValues":["pricing","booking"]},"computation":{"source":"messages","aggregation":"mode","field":"intent"},"refresh":"0 3 * * *"}""")]
    [InlineData("""{"name":"user:history","entityType":"user","valueType":{"kind":"array","elementType":"numeric","maxLength":10},"computation":{"source":"feedback","aggregation":"ordered_array","field":"satisfaction"},"refresh":"real-time"}""")]
    [InlineData("""{"name":"tenant:mix","entityType":"tenant","valueType":{"kind":"json","jsonSchema":{"type":"object","additionalProperties":{"type":"number"}}},"computation":{"source":"messages","aggregation":"distribution","field":"intent","window":"7d"},"refresh":"weekly"}""")]
    [InlineData("""{"name":"msg:embedding","entityType":"message","valueType":{"kind":"vector","dimension":384},"computation":{"source":"messages","aggregation":"embedding","field":"text"},"refresh":"real-time","ttl":"30d"}""")]
    public void A_valid_definition_round_trips_through_its_canonical_text(string json)
    {
        var canonical = FeatureSpecJson.ToJsonText(ReadValid(json));

        var again = FeatureSpecJson.FromStored(canonical);

        Assert.Equal(canonical, FeatureSpecJson.ToJsonText(again));
        Assert.Equal(ChangeKind.Unchanged, ChangeClassifier.Classify(ReadValid(json), again).Kind);
    }

    [Fact]
    public void A_kind_name_alone_is_shorthand_for_an_object_with_that_kind()
    {
        var spec = ReadValid(BookingRate.Replace("""{ "kind": "numeric" }""", "\"numeric\"", StringComparison.Ordinal));

        Assert.True(spec.Value.SameAs(new FeatureValueSchema(FeatureValueType.Numeric)));
    }

    [Fact]
    public void A_definition_without_a_version_is_1_0_0()
    {
        var spec = ReadValid(BookingRate.Replace("\"version\": \"1.2.3\",", "", StringComparison.Ordinal));

        Assert.Equal(SemanticVersion.Initial, spec.Version);
    }

    [Theory]
    [InlineData("0 3 * * *")]
    [InlineData("*/15 8-20 * * 1-5")]
    [InlineData("real-time")]
    [InlineData("hourly")]
    [InlineData("weekly")]
    public void A_named_schedule_or_a_five_field_cron_expression_is_a_valid_refresh(string refresh)
    {
        Assert.Equal(refresh, ReadValid(BookingRate.Replace("\"daily\"", $"\"{refresh}\"", StringComparison.Ordinal)).Refresh);
    }

    [Fact]
    public void Tags_are_sorted_and_deduplicated()
    {
        var spec = ReadValid(BookingRate.Replace("""["conversion", "bookings"]""", """["growth", "bookings", "a-b", "growth"]""", StringComparison.Ordinal));

        Assert.Equal(["a-b", "bookings", "growth"], spec.Tags);
    }

    [Fact]
    public void An_invalid_definition_reports_every_problem_field_by_field()
    {
        const string json = """
            {
              "name": "Booking Rate",
              "version": "1.0",
              "valueType": { "kind": "vector" },
              "computation": { "source": "bookings", "aggregation": "median", "window": "7 days" },
              "refresh": "sometimes",
              "ttl": "0h",
              "tags": ["Growth"],
              "colour": "blue"
            }
            """;

        var problems = ReadInvalid(json);

        Assert.Equal(
            ["colour", "computation.aggregation", "computation.window", "entityType", "name", "refresh", "tags", "ttl", "valueType.dimension", "version"],
            problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        Assert.All(problems, p => Assert.Equal("bad.json", p.Feature));
        Assert.Contains(problems, p => p.ToString() == "bad.json: computation.window: '7 days' must be a duration such as 24h or 7d");
    }

    [Theory]
    [InlineData("""{ "kind": "numeric", "allowedValues": ["a"] }""", "valueType.allowedValues")]
    [InlineData("""{ "kind": "boolean", "maxLength": 3 }""", "valueType.maxLength")]
    [InlineData("""{ "kind": "array", "elementType": "numeric", "dimension": 3 }""", "valueType.dimension")]
    [InlineData("""{ "kind": "vector", "dimension": 3, "jsonSchema": {} }""", "valueType.jsonSchema")]
    [InlineData("""{ "kind": "json", "elementType": "numeric" }""", "valueType.elementType")]
    [InlineData("""{ "kind": "vector" }""", "valueType.dimension")]
    [InlineData("""{ "kind": "vector", "dimension": 0 }""", "valueType.dimension")]
    [InlineData("""{ "kind": "vector", "dimension": "384" }""", "valueType.dimension")]
    [InlineData("\"vector\"", "valueType.dimension")]
    [InlineData("""{ "kind": "array" }""", "valueType.elementType")]
    [InlineData("""{ "kind": "array", "elementType": "array" }""", "valueType.elementType")]
    [InlineData("""{ "kind": "array", "elementType": "numeric", "maxLength": -1 }""", "valueType.maxLength")]
    [InlineData("""{ "kind": "categorical", "allowedValues": [] }""", "valueType.allowedValues")]
    [InlineData("""{ "kind": "categorical", "allowedValues": ["a", "a"] }""", "valueType.allowedValues")]
    [InlineData("""{ "kind": "categorical", "allowedValues": [1] }""", "valueType.allowedValues")]
    [InlineData("""{ "kind": "json", "jsonSchema": "object" }""", "valueType.jsonSchema")]
    [InlineData("\"float\"", "valueType.kind")]
    [InlineData("""{ "dimension": 3 }""", "valueType.kind")]
    public void A_value_type_problem_names_the_feature_and_the_field(string valueType, string field)
    {
        var problems = ReadInvalid(BookingRate.Replace("""{ "kind": "numeric" }""", valueType, StringComparison.Ordinal));

        var problem = Assert.Single(problems);
        Assert.Equal(("user:booking_rate", field), (problem.Feature, problem.Field));
    }

    [Theory]
    [InlineData("\"version\": \"1.2.3\"", "\"version\": 2", "version")]
    [InlineData("\"ttl\": \"48h\"", "\"ttl\": 3600", "ttl")]
    [InlineData("\"window\": \"30d\"", "\"window\": 24", "computation.window")]
    [InlineData("\"owner\": \"growth\"", "\"owner\": 7", "owner")]
    public void A_field_of_the_wrong_json_type_is_reported_not_ignored(string field, string wrong, string reported)
    {
        var problems = ReadInvalid(BookingRate.Replace(field, wrong, StringComparison.Ordinal));

        Assert.Equal([reported], problems.Select(p => p.Field));
    }

    [Theory]
    [InlineData("\"window\": \"30d\"", "\"windw\": \"30d\"", "computation.windw")]
    [InlineData("""{ "kind": "numeric" }""", """{ "kind": "numeric", "unit": "ms" }""", "valueType.unit")]
    public void An_unknown_field_inside_valueType_or_computation_is_reported(string field, string misspelt, string reported)
    {
        var problems = ReadInvalid(BookingRate.Replace(field, misspelt, StringComparison.Ordinal));

        Assert.Equal([reported], problems.Select(p => p.Field));
    }

    [Theory]
    [InlineData("\"ttl\": \"48h\"", "\"ttl\": \"99999999999d\"", "ttl")]
    [InlineData("\"window\": \"30d\"", "\"window\": \"99999999999d\"", "computation.window")]
    [InlineData("\"refresh\": \"daily\"", "\"refresh\": \"H * * * *\"", "refresh")]
    public void A_value_the_parsers_cannot_handle_is_a_problem_not_an_exception(string field, string unreadable, string reported)
    {
        var problems = ReadInvalid(BookingRate.Replace(field, unreadable, StringComparison.Ordinal));

        Assert.Equal([reported], problems.Select(p => p.Field));
    }

    [Fact]
    public void A_definition_that_is_not_an_object_is_one_problem()
    {
        Assert.Equal([new DefinitionProblem("bad.json", "", "a definition must be a JSON object")], ReadInvalid("[1, 2]"));
    }

    private static FeatureSpec ReadValid(string json)
    {
        var problems = new List<DefinitionProblem>();
        using var document = JsonDocument.Parse(json);

        var spec = FeatureSpecJson.Read(document.RootElement, "good.json", problems);

        Assert.Empty(problems.Select(p => p.ToString()));
        return Assert.IsType<FeatureSpec>(spec);
    }

    private static List<DefinitionProblem> ReadInvalid(string json)
    {
        var problems = new List<DefinitionProblem>();
        using var document = JsonDocument.Parse(json);

        Assert.Null(FeatureSpecJson.Read(document.RootElement, "bad.json", problems));
        return problems;
    }
}
