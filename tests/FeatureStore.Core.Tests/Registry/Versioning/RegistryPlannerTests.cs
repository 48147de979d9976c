using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Registry.Versioning;

namespace FeatureStore.Core.Tests.Registry.Versioning;

public sealed class RegistryPlannerTests
{
    private static readonly SemanticVersion V100 = new(1, 0, 0);

    [Fact]
    public void A_feature_the_registry_does_not_know_is_new_at_its_declared_version()
    {
        var plan = RegistryPlanner.Plan(Registered(), [TestSpecs.BookingRate("1.2.0")]);

        Assert.True(plan.IsValid);
        AssertEntry(Assert.Single(plan.Entries), "user:booking_rate", ChangeKind.New, null, new SemanticVersion(1, 2, 0), []);
        Assert.True(plan.Entries[0].WritesVersion);
    }

    [Fact]
    public void An_identical_definition_is_unchanged_and_writes_nothing()
    {
        var plan = RegistryPlanner.Plan(Registered(TestSpecs.BookingRate()), [TestSpecs.BookingRate()]);

        Assert.True(plan.IsValid);
        var entry = Assert.Single(plan.Entries);
        AssertEntry(entry, "user:booking_rate", ChangeKind.Unchanged, V100, V100, []);
        Assert.False(entry.WritesVersion);
    }

    [Fact]
    public void A_patch_change_with_a_patch_bump_is_accepted()
    {
        var proposed = TestSpecs.BookingRate("1.0.1") with { Owner = "ml-platform" };

        var plan = RegistryPlanner.Plan(Registered(TestSpecs.BookingRate()), [proposed]);

        Assert.True(plan.IsValid);
        AssertEntry(Assert.Single(plan.Entries), "user:booking_rate", ChangeKind.Patch, V100, new SemanticVersion(1, 0, 1), ["owner growth → ml-platform (PATCH)"]);
    }

    [Fact]
    public void A_major_change_declared_as_a_minor_bump_is_rejected_naming_the_version_it_needs()
    {
        var proposed = TestSpecs.BookingRate("1.1.0") with { EntityType = "tenant" };

        var plan = RegistryPlanner.Plan(Registered(TestSpecs.BookingRate()), [proposed]);

        Assert.False(plan.IsValid);
        var problem = Assert.Single(plan.Problems);
        Assert.Equal(("user:booking_rate", "version"), (problem.Feature, problem.Field));
        Assert.Equal(
            "user:booking_rate: version: MAJOR change (entityType user → tenant (MAJOR)) needs a major bump from 1.0.0 to 2.0.0 or above; the definition declares 1.1.0",
            problem.ToString());
        Assert.Equal(ChangeKind.Major, Assert.Single(plan.Entries).Kind);
    }

    [Fact]
    public void A_bigger_bump_than_the_change_needs_is_accepted()
    {
        var proposed = TestSpecs.BookingRate("2.0.0") with { Refresh = "hourly" };

        var plan = RegistryPlanner.Plan(Registered(TestSpecs.BookingRate()), [proposed]);

        Assert.True(plan.IsValid);
        AssertEntry(Assert.Single(plan.Entries), "user:booking_rate", ChangeKind.Minor, V100, new SemanticVersion(2, 0, 0), ["refresh daily → hourly (MINOR)"]);
    }

    [Theory]
    [InlineData("1.0.0")]
    [InlineData("0.9.0")]
    public void A_change_that_keeps_or_lowers_the_version_is_rejected(string version)
    {
        var proposed = TestSpecs.BookingRate(version) with { Description = "Booking rate." };

        var plan = RegistryPlanner.Plan(Registered(TestSpecs.BookingRate()), [proposed]);

        var problem = Assert.Single(plan.Problems);
        Assert.Equal("version", problem.Field);
        Assert.EndsWith($"needs a patch bump from 1.0.0 to 1.0.1 or above; the definition declares {version}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unchanged_definition_with_a_new_version_is_rejected()
    {
        var plan = RegistryPlanner.Plan(Registered(TestSpecs.BookingRate()), [TestSpecs.BookingRate("1.0.1")]);

        Assert.False(plan.IsValid);
        Assert.Equal(
            new DefinitionProblem("user:booking_rate", "version", "the definition is unchanged from 1.0.0; keep version 1.0.0 (a version marks a change)"),
            Assert.Single(plan.Problems));
        Assert.Equal(ChangeKind.Unchanged, Assert.Single(plan.Entries).Kind);
    }

    [Fact]
    public void A_feature_defined_twice_is_rejected()
    {
        var plan = RegistryPlanner.Plan(Registered(), [TestSpecs.BookingRate(), TestSpecs.BookingRate("2.0.0")]);

        Assert.False(plan.IsValid);
        Assert.Equal(new DefinitionProblem("user:booking_rate", "name", "defined 2 times; each feature must be defined once"), Assert.Single(plan.Problems));
    }

    [Fact]
    public void One_bad_definition_makes_the_whole_plan_invalid_while_every_entry_is_still_reported()
    {
        var registered = Registered(TestSpecs.BookingRate(), TestSpecs.BookingRate() with { Name = "user:total_conversations" });
        var proposed = new[]
        {
            TestSpecs.BookingRate("1.0.1") with { Tags = ["bookings", "conversion"] },
            TestSpecs.BookingRate("1.0.1") with { Name = "user:total_conversations", Value = new FeatureValueSchema(FeatureValueType.Boolean) },
            TestSpecs.BookingRate() with { Name = "msg:token_count" },
        };

        var plan = RegistryPlanner.Plan(registered, proposed);

        Assert.False(plan.IsValid);
        Assert.Equal(["user:total_conversations"], plan.Problems.Select(p => p.Feature));
        Assert.Equal(
            [("user:booking_rate", ChangeKind.Patch), ("user:total_conversations", ChangeKind.Major), ("msg:token_count", ChangeKind.New)],
            plan.Entries.Select(e => (e.Name, e.Kind)));
    }

    private static Dictionary<string, FeatureSpec> Registered(params FeatureSpec[] specs) => specs.ToDictionary(s => s.Name);

    private static void AssertEntry(PlanEntry entry, string name, ChangeKind kind, SemanticVersion? from, SemanticVersion to, string[] reasons)
    {
        Assert.Equal((name, kind, from, to), (entry.Name, entry.Kind, entry.FromVersion, entry.ToVersion));
        Assert.Equal(reasons, entry.Reasons);
    }
}
