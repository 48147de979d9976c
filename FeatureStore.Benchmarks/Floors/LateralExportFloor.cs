using System.Diagnostics;
using System.Globalization;
using System.Text;
using FeatureStore.Benchmarks.Scenarios;
using Npgsql;
using NpgsqlTypes;

namespace FeatureStore.Benchmarks.Floors;

/// <summary>
/// The SQL floor of the training-set export (LIMITS.md's 35k rows/s): the same spine sent with
/// binary COPY into a temporary table, then one LATERAL ... LIMIT 1 per feature per spine row,
/// every row delivered to this process. Timed from the first COPY byte to the last row read.
/// </summary>
internal sealed class LateralExportFloor(NpgsqlDataSource database, IReadOnlyList<Guid> featureIds)
{
    /// <summary>Runs once to warm up, then <paramref name="runs"/> times (fewer if one is slow); rows/s of each timed run.</summary>
    public async Task<IReadOnlyList<double>> MeasureAsync(IReadOnlyList<SpineRow> spine, int runs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spine);
        var rates = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            var clock = Stopwatch.StartNew();
            await RunOnceAsync(spine, cancellationToken);
            var rate = spine.Count / clock.Elapsed.TotalSeconds;
            Console.WriteLine($"sql floor: {(run == 0 ? "warm-up" : "run " + run.ToString(CultureInfo.InvariantCulture))}: {spine.Count:N0} rows in {clock.Elapsed.TotalSeconds:0.00} s ({rate:N0} rows/s)");
            if (run > 0)
            {
                rates.Add(rate);
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                break;
            }
        }

        return rates;
    }

    private async Task RunOnceAsync(IReadOnlyList<SpineRow> spine, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand("""CREATE TEMP TABLE spine (ord int, entity_id text COLLATE "C", ts timestamptz)""", connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY spine (ord, entity_id, ts) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < spine.Count; i++)
            {
                copy.StartRow();
                copy.Write(i, NpgsqlDbType.Integer);
                copy.Write(spine[i].EntityId, NpgsqlDbType.Text);
                copy.Write(spine[i].Timestamp, NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using var query = new NpgsqlCommand(Sql(), connection) { CommandTimeout = 0 };
        for (var f = 0; f < featureIds.Count; f++)
        {
            query.Parameters.AddWithValue("f" + f.ToString(CultureInfo.InvariantCulture), featureIds[f]);
        }

        long rows = 0, values = 0;
        await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows++;
                for (var f = 0; f < featureIds.Count; f++)
                {
                    values += reader.IsDBNull(f + 1) ? 0 : 1;
                }
            }
        }

        if (rows != spine.Count || values != rows * featureIds.Count)
        {
            throw new InvalidOperationException($"sql floor: {rows} rows and {values} values for {spine.Count} spine rows x {featureIds.Count} features");
        }
    }

    /// <summary>
    /// 1. The spine, in the order sent (sorted by entity, then timestamp). 2. Per feature, the newest
    /// value at or before the row's timestamp: LATERAL ... ORDER BY valid_from DESC LIMIT 1 on the
    /// lookup index, as the store's as-of read does. 3. One row per spine row, a column per feature.
    /// </summary>
    private string Sql()
    {
        var sql = new StringBuilder("SELECT s.ord");
        for (var f = 0; f < featureIds.Count; f++)
        {
            sql.Append(CultureInfo.InvariantCulture, $", v{f}.value::text");
        }

        sql.Append(" FROM spine s");
        for (var f = 0; f < featureIds.Count; f++)
        {
            sql.Append(CultureInfo.InvariantCulture, $"""
                 LEFT JOIN LATERAL (SELECT o.value FROM ai_feature_values_offline o
                   WHERE o.feature_id = @f{f} AND o.version_major = 1 AND o.entity_type = 'user'
                     AND o.entity_id = s.entity_id AND o.valid_from <= s.ts
                   ORDER BY o.valid_from DESC LIMIT 1) v{f} ON true
                """);
        }

        return sql.ToString();
    }
}
