namespace FeatureStore.Redis.Values;

/// <summary>
/// Sets hash fields only when the new value is not older than the stored one (by valid-from, then
/// written-at), so writers and repairs finishing out of order never push a key back in time.
/// ARGV: field, payload, from, at, repeated. Payloads carry "from"/"at" as the stored JSON.
/// </summary>
internal static class NewerOnlyScript
{
    public const string Lua = """
        for i = 1, #ARGV, 4 do
          local current = redis.call('HGET', KEYS[1], ARGV[i])
          local write = true
          if current then
            local old = cjson.decode(current)
            local from, at = tonumber(ARGV[i + 2]), tonumber(ARGV[i + 3])
            if old['from'] > from or (old['from'] == from and old['at'] > at) then
              write = false
            end
          end
          if write then
            redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
          end
        end
        return 0
        """;
}
