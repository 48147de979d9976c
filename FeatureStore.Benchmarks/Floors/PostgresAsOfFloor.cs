using System.Text.Json;
using FeatureStore.Benchmarks.Data;
using FeatureStore.Benchmarks.Gateway;
using FeatureStore.Benchmarks.Measuring;
using Npgsql;

namespace FeatureStore.Benchmarks.Floors;

/// <summary>
/// The as-of floor: the offline store's own point-in-time statement (unnest of the points, then
/// LATERAL ... ORDER BY valid_from DESC LIMIT 1 on the lookup index), prepared, on one Npgsql
/// connection, for 1 x F and 100 x F points. What an asOf read costs before HTTP and GraphQL.
/// </summary>
internal sealed class PostgresAsOfFloor(NpgsqlConnection connection, ServingDataset data, IReadOnlyList<Guid> featureIds)
{
    public const string One = "floor: Npgsql as-of 1 x F (LATERAL)";
    public const string Hundred = "floor: Npgsql as-of 100 x F (LATERAL)";

    /// <summary>
    /// 1. Expand the points (sorted by key, as the store sends them). 2. For each, the newest row at
    /// or before its instant, walking the lookup index backwards. Same columns as the store reads.
    /// </summary>
    private const string AsOf = """
        SELECT k.ord, o.version, o.value::text, o.valid_from, o.valid_to, o.computed_at
        FROM unnest(@feature_ids, @lines, @entity_types, @entity_ids, @as_ofs) WITH ORDINALITY AS k(feature_id, line, entity_type, entity_id, as_of, ord)
        CROSS JOIN LATERAL (
            SELECT version, value, valid_from, valid_to, computed_at
            FROM ai_feature_values_offline o
            WHERE o.feature_id = k.feature_id AND o.version_major = k.line
              AND o.entity_type = k.entity_type AND o.entity_id = k.entity_id AND o.valid_from <= k.as_of
            ORDER BY o.valid_from DESC
            LIMIT 1) o
        """;

    public IEnumerable<Probe> Probes(int manyEntities)
    {
        yield return Probe(One, 1);
        yield return Probe(Hundred, manyEntities);
    }

    private Probe Probe(string name, int entities)
    {
        var command = new NpgsqlCommand(AsOf, connection);
        var featureIdsParameter = new NpgsqlParameter<Guid[]>("feature_ids", []);
        var lines = new NpgsqlParameter<int[]>("lines", []);
        var types = new NpgsqlParameter<string[]>("entity_types", []);
        var ids = new NpgsqlParameter<string[]>("entity_ids", []);
        var asOfs = new NpgsqlParameter<DateTimeOffset[]>("as_ofs", []);
        command.Parameters.AddRange(new NpgsqlParameter[] { featureIdsParameter, lines, types, ids, asOfs });
        var prepared = false;
        return new Probe(name, random =>
        {
            var asOf = data.FirstInstantWithAllValues + random.NextInt64(data.End - data.FirstInstantWithAllValues);
            var points = (from f in Enumerable.Range(0, data.Features.Count)
                          from e in RandomEntities.Distinct(random, entities, data.Entities)
                          orderby f, ServingDataset.EntityId(e)
                          select (Feature: f, Entity: e)).ToArray();
            featureIdsParameter.TypedValue = [.. points.Select(p => featureIds[p.Feature])];
            lines.TypedValue = [.. points.Select(_ => 1)];
            types.TypedValue = [.. points.Select(_ => BenchmarkFeature.EntityType)];
            ids.TypedValue = [.. points.Select(p => ServingDataset.EntityId(p.Entity))];
            asOfs.TypedValue = [.. points.Select(_ => ServingDataset.Instant(asOf))];
            var values = new string?[points.Length];
            return new Call(async ct =>
            {
                if (!prepared)
                {
                    await command.PrepareAsync(ct);
                    prepared = true;
                }

                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    values[(int)reader.GetInt64(0) - 1] = reader.GetString(2);
                }
            }, () =>
            {
                for (var i = 0; i < points.Length; i++)
                {
                    var (feature, entity) = points[i];
                    var expected = data.Value(entity, feature, data.VersionAt(entity, feature, asOf));
                    using var value = JsonDocument.Parse(values[i] ?? "null");
                    if (!FeatureAnswers.Matches(value.RootElement, expected))
                    {
                        throw new InvalidOperationException($"as-of floor: {ServingDataset.EntityId(entity)} {data.Features[feature].Name}: expected {expected}, got {values[i] ?? "no row"}");
                    }
                }
            });
        });
    }
}
