using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using FeatureStore.Postgres.Values;
using Npgsql;

namespace FeatureStore.Benchmarks.Computation;

/// <summary>
/// The storage floor: the batch's own output copied, inside Postgres, into empty tables of the same shape (columns,
/// collation, compression, checks and every index), by as many connections as the batch had replicas, then the vector
/// lines' HNSW indexes built on the copy, as the batch defers and builds them. Nothing is computed, sent or parsed: it is
/// the least any batch pays that keeps every value's history and online copy in these tables, so the batch's ratio to
/// it is the part our code could still win, and its ratio to the GROUP BY floor the part no code can. Redis is left out
/// (3 % of the batch's CPU). The copies are dropped at the end.
/// </summary>
internal static partial class StorageFloor
{
    private const string Prefix = "bench_floor_";

    private static readonly string[] Tables = ["ai_feature_values_offline", "ai_feature_values_online", "ai_feature_vectors"];

    public sealed record Result(long Rows, TimeSpan Copy, TimeSpan VectorIndexes)
    {
        public TimeSpan Total => Copy + VectorIndexes;
    }

    public static async Task<Result> MeasureAsync(NpgsqlDataSource database, int connections, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        try
        {
            var indexes = await CreateCopiesAsync(connection, cancellationToken);
            var watch = Stopwatch.StartNew();
            var rows = await Task.WhenAll(Enumerable.Range(0, connections).Select(part => CopyPartAsync(database, part, connections, cancellationToken)));
            var copy = watch.Elapsed;
            watch.Restart();
            // Every line's vectors, an upper bound for each line's build memory (the batch sizes it to the line).
            var vectors = rows.Sum(r => r[^1]);
            foreach (var definition in indexes.Where(IsHnsw))
            {
                var dimension = int.Parse(Dimension().Match(definition).Groups[1].Value, CultureInfo.InvariantCulture);
                await ExecuteAsync(connection, $"SET maintenance_work_mem = '{VectorIndexes.BuildMemoryMiB(vectors, dimension).ToString(CultureInfo.InvariantCulture)}MB'", cancellationToken);
                await ExecuteAsync(connection, definition, cancellationToken);
            }

            return new Result(rows.Sum(r => r.Sum()), copy, watch.Elapsed);
        }
        finally
        {
            await ExecuteAsync(connection, "RESET maintenance_work_mem", CancellationToken.None);
            foreach (var table in Tables)
            {
                await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {Prefix}{table}", CancellationToken.None);
            }
        }
    }

    // Empty copies with their B-tree indexes (a live store writes into those); returns the copies' index definitions,
    // the HNSW ones to be built after the copy.
    private static async Task<List<string>> CreateCopiesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var definitions = new List<string>();
        foreach (var table in Tables)
        {
            await ExecuteAsync(connection, $"""
                DROP TABLE IF EXISTS {Prefix}{table};
                CREATE TABLE {Prefix}{table} (LIKE {table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE INCLUDING COMPRESSION)
                """, cancellationToken);
            await using var query = new NpgsqlCommand("SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i WHERE i.indrelid = @table::regclass", connection);
            query.Parameters.AddWithValue("table", table);
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                // pg_get_indexdef quotes the names it must ("PK_..."): the copy's index gets a plain name of its own.
                var definition = IndexDefinition().Match(reader.GetString(0));
                if (!definition.Success)
                {
                    throw new InvalidOperationException($"an index of {table} not understood: {reader.GetString(0)}");
                }

                definitions.Add($"{definition.Groups["create"].Value} {Prefix}index_{definitions.Count} ON public.{Prefix}{table} {definition.Groups["rest"].Value}");
            }
        }

        foreach (var definition in definitions.Where(d => !IsHnsw(d)))
        {
            await ExecuteAsync(connection, definition, cancellationToken);
        }

        return definitions;
    }

    // One share of every table's rows, by entity, in one transaction per table (as a replica writes its items).
    private static async Task<long[]> CopyPartAsync(NpgsqlDataSource database, int part, int parts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = new long[Tables.Length];
        for (var i = 0; i < Tables.Length; i++)
        {
            await using var copy = new NpgsqlCommand($"INSERT INTO {Prefix}{Tables[i]} SELECT * FROM {Tables[i]} WHERE abs(hashtext(entity_id) % {parts}) = {part}", connection) { CommandTimeout = 0 };
            rows[i] = await copy.ExecuteNonQueryAsync(cancellationToken);
        }

        return rows;
    }

    private static bool IsHnsw(string definition) => definition.Contains("USING hnsw", StringComparison.Ordinal);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [GeneratedRegex(@"^(?<create>CREATE (UNIQUE )?INDEX) \S+ ON \S+ (?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex IndexDefinition();

    [GeneratedRegex(@"vector\((\d+)\)")]
    private static partial Regex Dimension();
}
