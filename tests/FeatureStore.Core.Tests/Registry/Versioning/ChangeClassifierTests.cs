using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Registry.Versioning;

namespace FeatureStore.Core.Tests.Registry.Versioning;

public sealed class ChangeClassifierTests
{
    private static readonly FeatureValueSchema Intents = Categorical("booking", "pricing", "other");

    [Fact]
    public void An_identical_definition_is_unchanged_whatever_its_version()
    {
        var change = ChangeClassifier.Classify(TestSpecs.BookingRate(), TestSpecs.BookingRate("3.1.4"));

        Assert.Equal(ChangeKind.Unchanged, change.Kind);
        Assert.Empty(change.Reasons);
    }

    [Fact]
    public void Changing_the_entity_type_is_major()
    {
        AssertChange(TestSpecs.BookingRate(), TestSpecs.BookingRate() with { EntityType = "tenant" }, ChangeKind.Major, "entityType user → tenant (MAJOR)");
    }

    [Fact]
    public void Changing_the_value_kind_is_major_and_reported_once()
    {
        var vector = TestSpecs.WithValue(new FeatureValueSchema(FeatureValueType.Vector, Dimension: 384));

        AssertChange(TestSpecs.BookingRate(), vector, ChangeKind.Major, "valueType.kind numeric → vector (MAJOR)");
    }

    [Fact]
    public void Changing_the_vector_dimension_is_major()
    {
        AssertChange(Vector(384), Vector(768), ChangeKind.Major, "valueType.dimension 384 → 768 (MAJOR)");
    }

    [Fact]
    public void Removing_allowed_values_is_major()
    {
        AssertChange(TestSpecs.WithValue(Intents), TestSpecs.WithValue(Categorical("booking", "pricing")), ChangeKind.Major, "valueType.allowedValues removed other → (none) (MAJOR)");
    }

    [Fact]
    public void Adding_allowed_values_is_minor()
    {
        AssertChange(TestSpecs.WithValue(Intents), TestSpecs.WithValue(Categorical("booking", "pricing", "other", "support")), ChangeKind.Minor, "valueType.allowedValues added (none) → support (MINOR)");
    }

    [Fact]
    public void Replacing_an_allowed_value_is_major_and_lists_both_sides()
    {
        var change = ChangeClassifier.Classify(TestSpecs.WithValue(Intents), TestSpecs.WithValue(Categorical("booking", "pricing", "support")));

        Assert.Equal(ChangeKind.Major, change.Kind);
        Assert.Equal(["valueType.allowedValues removed other → (none) (MAJOR)", "valueType.allowedValues added (none) → support (MINOR)"], change.Reasons);
    }

    [Fact]
    public void Imposing_allowed_values_where_any_label_was_allowed_is_major()
    {
        AssertChange(TestSpecs.WithValue(Categorical()), TestSpecs.WithValue(Categorical("a", "b")), ChangeKind.Major, "valueType.allowedValues any → a,b (MAJOR)");
    }

    [Fact]
    public void Lifting_allowed_values_is_minor()
    {
        AssertChange(TestSpecs.WithValue(Categorical("a", "b")), TestSpecs.WithValue(Categorical()), ChangeKind.Minor, "valueType.allowedValues a,b → any (MINOR)");
    }

    [Fact]
    public void Reordering_allowed_values_is_unchanged()
    {
        Assert.Equal(ChangeKind.Unchanged, ChangeClassifier.Classify(TestSpecs.WithValue(Categorical("a", "b")), TestSpecs.WithValue(Categorical("b", "a"))).Kind);
    }

    [Fact]
    public void Changing_the_array_element_type_is_major()
    {
        AssertChange(Array(FeatureValueType.Numeric, null), Array(FeatureValueType.Categorical, null), ChangeKind.Major, "valueType.elementType numeric → categorical (MAJOR)");
    }

    [Theory]
    [InlineData(10, 5, ChangeKind.Major, "valueType.maxLength 10 → 5 (MAJOR)")]
    [InlineData(null, 10, ChangeKind.Major, "valueType.maxLength (none) → 10 (MAJOR)")]
    [InlineData(10, 20, ChangeKind.Minor, "valueType.maxLength 10 → 20 (MINOR)")]
    [InlineData(10, null, ChangeKind.Minor, "valueType.maxLength 10 → (none) (MINOR)")]
    public void A_tighter_array_limit_is_major_and_a_looser_or_removed_one_minor(int? from, int? to, ChangeKind expected, string reason)
    {
        AssertChange(Array(FeatureValueType.Numeric, from), Array(FeatureValueType.Numeric, to), expected, reason);
    }

    [Fact]
    public void Changing_the_json_schema_is_major()
    {
        var from = TestSpecs.WithValue(new FeatureValueSchema(FeatureValueType.Json, JsonSchema: """{"type":"object"}"""));
        var to = TestSpecs.WithValue(new FeatureValueSchema(FeatureValueType.Json, JsonSchema: """{"type":"array"}"""));

        AssertChange(from, to, ChangeKind.Major, """valueType.jsonSchema {"type":"object"} → {"type":"array"} (MAJOR)""");
    }

    [Fact]
    public void Changing_the_window_is_major_and_shows_both_computations_cut_to_80_characters()
    {
        var to = TestSpecs.BookingRate() with { Computation = TestSpecs.Computation(window: TimeSpan.FromDays(7)) };

        AssertChange(TestSpecs.BookingRate(), to, ChangeKind.Major,
            """computation {"source":"bookings","aggregation":"ratio","window":"30d","parameters":{"deno... → {"source":"bookings","aggregation":"ratio","window":"1w","parameters":{"denom... (MAJOR)""");
    }

    [Theory]
    [InlineData("aggregation")]
    [InlineData("field")]
    [InlineData("filters")]
    [InlineData("no window")]
    public void Any_computation_change_is_major(string what)
    {
        var computation = what switch
        {
            "aggregation" => TestSpecs.Computation(aggregation: "avg"),
            "field" => TestSpecs.Computation(field: "amount"),
            "filters" => TestSpecs.Computation(filters: new() { ["status"] = "confirmed" }),
            _ => TestSpecs.BookingRate().Computation with { Window = null },
        };

        var change = ChangeClassifier.Classify(TestSpecs.BookingRate(), TestSpecs.BookingRate() with { Computation = computation });

        Assert.Equal(ChangeKind.Major, change.Kind);
        var reason = Assert.Single(change.Reasons);
        Assert.StartsWith("computation {", reason, StringComparison.Ordinal);
        Assert.EndsWith("(MAJOR)", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_window_spelled_differently_is_unchanged()
    {
        var weekInDays = TestSpecs.BookingRate() with { Computation = TestSpecs.Computation(window: TimeSpan.FromDays(7)) };
        var weekInHours = TestSpecs.BookingRate() with { Computation = TestSpecs.Computation(window: TimeSpan.FromHours(168)) };

        Assert.Equal(ChangeKind.Unchanged, ChangeClassifier.Classify(weekInDays, weekInHours).Kind);
    }

    [Fact]
    public void Changing_the_refresh_is_minor()
    {
        AssertChange(TestSpecs.BookingRate(), TestSpecs.BookingRate() with { Refresh = "hourly" }, ChangeKind.Minor, "refresh daily → hourly (MINOR)");
    }

    [Theory]
    [InlineData(1, "ttl 2d → 1d (MINOR)")]
    [InlineData(null, "ttl 2d → (none) (MINOR)")]
    public void Changing_or_removing_the_ttl_is_minor(int? days, string reason)
    {
        var to = TestSpecs.BookingRate() with { TimeToLive = days is { } d ? TimeSpan.FromDays(d) : null };

        AssertChange(TestSpecs.BookingRate(), to, ChangeKind.Minor, reason);
    }

    [Fact]
    public void Changing_the_description_is_a_patch()
    {
        AssertChange(TestSpecs.BookingRate(), TestSpecs.BookingRate() with { Description = "Booking rate." }, ChangeKind.Patch,
            "description Share of the user's conversations that led to a booking, 0..1. → Booking rate. (PATCH)");
    }

    [Fact]
    public void Changing_the_owner_is_a_patch()
    {
        AssertChange(TestSpecs.BookingRate(), TestSpecs.BookingRate() with { Owner = "ml-platform" }, ChangeKind.Patch, "owner growth → ml-platform (PATCH)");
    }

    [Fact]
    public void Changing_the_tags_is_a_patch()
    {
        AssertChange(TestSpecs.BookingRate(), TestSpecs.BookingRate() with { Tags = ["bookings", "conversion"] }, ChangeKind.Patch, "tags bookings → bookings,conversion (PATCH)");
    }

    [Fact]
    public void Mixed_changes_take_the_largest_kind_and_list_every_reason_largest_first()
    {
        var to = TestSpecs.BookingRate() with { Owner = "ml-platform", Refresh = "hourly", EntityType = "tenant" };

        var change = ChangeClassifier.Classify(TestSpecs.BookingRate(), to);

        Assert.Equal(ChangeKind.Major, change.Kind);
        Assert.Equal(["entityType user → tenant (MAJOR)", "refresh daily → hourly (MINOR)", "owner growth → ml-platform (PATCH)"], change.Reasons);
    }

    private static void AssertChange(FeatureSpec from, FeatureSpec to, ChangeKind kind, string reason)
    {
        var change = ChangeClassifier.Classify(from, to);

        Assert.Equal(kind, change.Kind);
        Assert.Equal([reason], change.Reasons);
    }

    private static FeatureValueSchema Categorical(params string[] values) =>
        new(FeatureValueType.Categorical, AllowedValues: values.Length == 0 ? null : values);

    private static FeatureSpec Vector(int dimension) => TestSpecs.WithValue(new FeatureValueSchema(FeatureValueType.Vector, Dimension: dimension));

    private static FeatureSpec Array(FeatureValueType element, int? maxLength) =>
        TestSpecs.WithValue(new FeatureValueSchema(FeatureValueType.Array, ElementType: element, MaxLength: maxLength));
}
