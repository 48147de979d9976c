using FeatureStore.Redis.Values;

namespace FeatureStore.Gateway.Tests;

/// <summary>The Redis key layout read back, as the cache warm-up's scan does.</summary>
public sealed class RedisKeysTests
{
    [Theory]
    [InlineData("fs:user:u1", "user", "u1")]
    [InlineData("fs:message:c1:m:7", "message", "c1:m:7")]
    public void An_entity_hash_names_its_entity_and_ids_may_hold_colons(string hash, string type, string id) =>
        Assert.Equal((type, id), new RedisKeys("fs").ParseEntity(hash));

    [Theory]
    [InlineData("fs:events")]
    [InlineData("fs:user:")]
    [InlineData("other:user:u1")]
    public void Keys_of_another_shape_are_not_entities(string key) => Assert.Null(new RedisKeys("fs").ParseEntity(key));

    [Fact]
    public void A_field_names_its_value_line_and_other_fields_are_ignored()
    {
        Assert.Equal(("user:booking_rate", 2), RedisKeys.ParseField(RedisKeys.Field("user:booking_rate", 2)));
        Assert.Null(RedisKeys.ParseField("user:booking_rate"));
        Assert.Null(RedisKeys.ParseField("user:booking_rate#x"));
    }

    [Fact]
    public void The_scan_pattern_escapes_glob_characters_of_the_prefix() =>
        Assert.Equal("a\\*b:*", new RedisKeys("a*b").AllEntities);
}
