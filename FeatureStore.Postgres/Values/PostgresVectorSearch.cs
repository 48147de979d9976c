using FeatureStore.Core.Values;
using Npgsql;
using Pgvector;

namespace FeatureStore.Postgres.Values;

/// <summary>Similarity search with pgvector on <c>ai_feature_vectors</c>, through each line's HNSW index (<see cref="VectorIndexes"/>).</summary>
internal sealed class PostgresVectorSearch(NpgsqlDataSource dataSource, FeatureIds featureIds) : IVectorSearch
{
    // HNSW returns at most ef_search candidates: ask for comfortably more than k.
    private const int MinEfSearch = 40;

    public async Task<IReadOnlyList<Neighbor>> NearestAsync(VectorLine line, float[] query, string? exclude, int k, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var featureId = (await featureIds.ResolveAsync(connection, [line.Feature], cancellationToken))[line.Feature];
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var efSearch = Math.Max(MinEfSearch, 2 * (k + 1));
        await using (var set = new NpgsqlCommand($"SET LOCAL hnsw.ef_search = {efSearch}", connection, transaction))
        {
            await set.ExecuteNonQueryAsync(cancellationToken);
        }

        var distance = $"{VectorIndexes.Expression(line.Dimension)} <=> @to";
        var sql = $"""
            SELECT entity_id, {distance}, valid_from
            FROM ai_feature_vectors
            WHERE {VectorIndexes.Predicate(featureId, line.ValueLine, line.Dimension)} AND (@exclude::text IS NULL OR entity_id <> @exclude)
            ORDER BY {distance}
            LIMIT @k
            """;
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("to", new Vector(query));
        command.Parameters.Add(new NpgsqlParameter("exclude", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)exclude ?? DBNull.Value });
        command.Parameters.AddWithValue("k", k);
        var neighbors = new List<Neighbor>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                neighbors.Add(new Neighbor(reader.GetString(0), reader.GetDouble(1), reader.GetFieldValue<DateTimeOffset>(2)));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return neighbors;
    }

    public async Task<float[]?> CurrentAsync(VectorLine line, string entityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var featureId = (await featureIds.ResolveAsync(connection, [line.Feature], cancellationToken))[line.Feature];
        await using var command = new NpgsqlCommand(
            "SELECT embedding FROM ai_feature_vectors WHERE feature_id = @feature AND version_major = @line AND entity_type = @type AND entity_id = @id AND vector_dims(embedding) = @dimension", connection);
        command.Parameters.AddWithValue("feature", featureId);
        command.Parameters.AddWithValue("line", line.ValueLine);
        command.Parameters.AddWithValue("type", line.EntityType);
        command.Parameters.AddWithValue("id", entityId);
        command.Parameters.AddWithValue("dimension", line.Dimension);
        return await command.ExecuteScalarAsync(cancellationToken) is Vector vector ? vector.ToArray() : null;
    }
}
