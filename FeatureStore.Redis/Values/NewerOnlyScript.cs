namespace FeatureStore.Redis.Values;

/// <summary>
/// Sets hash fields only when the new value is not older than the stored one (by valid-from, then
/// written-at), so writers and repairs finishing out of order never push a key back in time.
/// ARGV: field, payload, from, at, repeated. Payloads carry "from"/"at" as the stored JSON.
/// </summary>
internal static class NewerOnlyScript
{
    // RedisValuePayload writes "from" and "at" last, so a stored payload ends with them: reading the end saves
    // decoding the whole value (an embedding's hundreds of numbers) just to compare two instants. The suffix is the
    // writer's own (a value's text comes before it and cannot end the payload); anything else is decoded.
    public const string Lua = """
        local function stamps(payload)
          local from, at = string.match(payload, '"from":(%-?%d+),"at":(%-?%d+)}$')
          if from then
            return tonumber(from), tonumber(at)
          end
          local old = cjson.decode(payload)
          return old['from'], old['at']
        end
        local fields = {}
        for i = 1, #ARGV, 4 do
          fields[#fields + 1] = ARGV[i]
        end
        -- One read of every field; a field named twice compares with what the first of them left.
        local current = redis.call('HMGET', KEYS[1], unpack(fields))
        local held = {}
        for i = 1, #ARGV, 4 do
          local field = ARGV[i]
          local from, at = tonumber(ARGV[i + 2]), tonumber(ARGV[i + 3])
          local stored = current[(i + 3) / 4]
          local old = held[field]
          if old == nil and stored then
            old = { stamps(stored) }
          end
          if old == nil or not (old[1] > from or (old[1] == from and old[2] > at)) then
            redis.call('HSET', KEYS[1], field, ARGV[i + 1])
            held[field] = { from, at }
          else
            held[field] = old
          end
        end
        return 0
        """;
}
