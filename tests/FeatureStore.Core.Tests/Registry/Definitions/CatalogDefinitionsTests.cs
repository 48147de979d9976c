using System.Text.Json.Nodes;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;

namespace FeatureStore.Core.Tests.Registry.Definitions;

/// <summary>The real <c>features/</c> folder holds PRODUCT.md's catalog, exactly.</summary>
public sealed class CatalogDefinitionsTests
{
    private static readonly Dictionary<string, (string Entity, FeatureValueType Kind, string Refresh)> Catalog = new()
    {
        ["tenant:message_volume_24h"] = ("tenant", FeatureValueType.Numeric, "hourly"),
        ["tenant:avg_satisfaction_7d"] = ("tenant", FeatureValueType.Numeric, "daily"),
        ["tenant:intent_distribution_7d"] = ("tenant", FeatureValueType.Json, "daily"),
        ["tenant:embedding_centroid"] = ("tenant", FeatureValueType.Vector, "daily"),
        ["conv:message_count"] = ("conversation", FeatureValueType.Numeric, "real-time"),
        ["conv:sentiment_trajectory"] = ("conversation", FeatureValueType.Array, "real-time"),
        ["conv:intent_sequence"] = ("conversation", FeatureValueType.Array, "real-time"),
        ["conv:avg_response_time_ms"] = ("conversation", FeatureValueType.Numeric, "real-time"),
        ["user:total_conversations"] = ("user", FeatureValueType.Numeric, "daily"),
        ["user:preferred_intent"] = ("user", FeatureValueType.Categorical, "daily"),
        ["user:satisfaction_history"] = ("user", FeatureValueType.Array, "real-time"),
        ["user:booking_rate"] = ("user", FeatureValueType.Numeric, "daily"),
        ["msg:embedding"] = ("message", FeatureValueType.Vector, "real-time"),
        ["msg:token_count"] = ("message", FeatureValueType.Numeric, "real-time"),
        ["msg:sentiment"] = ("message", FeatureValueType.Numeric, "real-time"),
        ["msg:contains_question"] = ("message", FeatureValueType.Boolean, "real-time"),

        // The classifier's feature vector adds the message's context (PRODUCT.md).
        ["msg:hour_of_day"] = ("message", FeatureValueType.Numeric, "real-time"),
        ["msg:day_of_week"] = ("message", FeatureValueType.Numeric, "real-time"),
        ["msg:in_business_hours"] = ("message", FeatureValueType.Boolean, "real-time"),
        ["msg:seconds_since_previous"] = ("message", FeatureValueType.Numeric, "real-time"),
        ["msg:previous_intent"] = ("message", FeatureValueType.Categorical, "real-time"),
    };

    [Fact]
    public void The_features_folder_loads_without_problems()
    {
        var (_, problems) = DefinitionFiles.Load(RepositoryPaths.Features);

        Assert.Empty(problems.Select(p => p.ToString()));
    }

    [Fact]
    public void It_defines_exactly_the_sixteen_catalog_features()
    {
        var (specs, _) = DefinitionFiles.Load(RepositoryPaths.Features);

        Assert.Equal(Catalog.Keys.Order(StringComparer.Ordinal), specs.Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_feature_has_the_catalogs_entity_type_value_kind_and_refresh()
    {
        var (specs, _) = DefinitionFiles.Load(RepositoryPaths.Features);

        Assert.All(specs, spec => Assert.Equal(Catalog[spec.Name], (spec.EntityType, spec.Value.Kind, spec.Refresh)));
    }

    [Fact]
    public void The_vector_features_take_their_dimension_from_variables_json_or_an_override()
    {
        var (defaults, _) = DefinitionFiles.Load(RepositoryPaths.Features);
        var (overridden, problems) = DefinitionFiles.Load(RepositoryPaths.Features, new Dictionary<string, string> { ["embeddingDimension"] = "768" });

        Assert.Empty(problems);
        Assert.Equal(["msg:embedding 384", "tenant:embedding_centroid 384"], Dimensions(defaults));
        Assert.Equal(["msg:embedding 768", "tenant:embedding_centroid 768"], Dimensions(overridden));
    }

    [Fact]
    public void The_last_ten_satisfaction_scores_are_an_array_of_at_most_ten_numbers()
    {
        var history = Load("user:satisfaction_history");

        Assert.True(history.Value.SameAs(new FeatureValueSchema(FeatureValueType.Array, ElementType: FeatureValueType.Numeric, MaxLength: 10)));
        Assert.Equal(("feedback", "ordered_array", "satisfaction", "10"), (history.Computation.Source, history.Computation.Aggregation, history.Computation.Field, history.Computation.Parameters["limit"]));
    }

    [Fact]
    public void The_preferred_intent_and_the_intent_distribution_use_the_same_intents()
    {
        var preferred = Load("user:preferred_intent");
        var distribution = JsonNode.Parse(Load("tenant:intent_distribution_7d").Value.JsonSchema!)!;

        var intents = distribution["propertyNames"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>());

        Assert.Equal(["greeting", "booking", "pricing", "support", "complaint", "cancellation", "information", "other"], preferred.Value.AllowedValues!);
        Assert.Equal(preferred.Value.AllowedValues!, intents);
    }

    [Fact]
    public void Every_file_is_named_after_its_feature_in_its_entity_folder()
    {
        var files = Directory.EnumerateFiles(RepositoryPaths.Features, "*.json", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != DefinitionFiles.VariablesFile && Path.GetFileName(Path.GetDirectoryName(f)) != "schema")
            .ToList();

        Assert.Equal(Catalog.Count, files.Count);
        Assert.All(files, file =>
        {
            var json = JsonNode.Parse(File.ReadAllText(file))!;
            var name = json["name"]!.GetValue<string>();
            Assert.Equal(name[(name.IndexOf(':', StringComparison.Ordinal) + 1)..], Path.GetFileNameWithoutExtension(file));
            Assert.Equal(json["entityType"]!.GetValue<string>(), Path.GetFileName(Path.GetDirectoryName(file)));
            Assert.Equal("../schema/feature-definition.schema.json", json["$schema"]!.GetValue<string>());
        });
    }

    private static FeatureSpec Load(string name) => DefinitionFiles.Load(RepositoryPaths.Features).Specs.Single(s => s.Name == name);

    private static IEnumerable<string> Dimensions(IEnumerable<FeatureSpec> specs) =>
        specs.Where(s => s.Value.Kind == FeatureValueType.Vector).Select(s => $"{s.Name} {s.Value.Dimension}").Order(StringComparer.Ordinal);
}
