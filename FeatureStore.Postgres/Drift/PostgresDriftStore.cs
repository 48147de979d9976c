using FeatureStore.Core.Drift;
using Npgsql;
using NpgsqlTypes;

namespace FeatureStore.Postgres.Drift;

/// <summary>Baselines, window statistics and reports in <c>ai_drift_baselines</c>, <c>ai_drift_statistics</c> and <c>ai_drift_reports</c>; see <see cref="DriftSql"/>.</summary>
internal sealed class PostgresDriftStore(NpgsqlDataSource dataSource) : IDriftStore
{
    public async Task<Guid> SaveBaselineAsync(DriftBaseline baseline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        await using var command = dataSource.CreateCommand(DriftSql.SaveBaseline);
        command.Parameters.AddWithValue("id", baseline.Id);
        command.Parameters.AddWithValue("feature", baseline.Feature);
        command.Parameters.AddWithValue("line", baseline.ValueLine);
        command.Parameters.AddWithValue("version", baseline.Version);
        command.Parameters.AddWithValue("kind", baseline.Kind);
        command.Parameters.AddWithValue("start", baseline.WindowStart.ToUniversalTime());
        command.Parameters.AddWithValue("end", baseline.WindowEnd.ToUniversalTime());
        using var values = baseline.Values is null ? null : BaselineSampleJson.Write(baseline.Values);
        // UTF-8 bytes sent as text (Npgsql writes them as they are); the statement casts them to jsonb.
        command.Parameters.Add(values is null
            ? Text("values", null)
            : new NpgsqlParameter<ReadOnlyMemory<byte>>("values", NpgsqlDbType.Text) { TypedValue = values.WrittenMemory });
        command.Parameters.AddWithValue("size", baseline.Values?.Count ?? 0);
        command.Parameters.AddWithValue("created", baseline.CreatedAt.ToUniversalTime());
        return (Guid)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<DriftBaseline?> LatestBaselineAsync(string feature, int valueLine, string kind, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(DriftSql.LatestBaseline);
        command.Parameters.AddWithValue("feature", feature);
        command.Parameters.AddWithValue("line", valueLine);
        command.Parameters.AddWithValue("kind", kind);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var values = reader.IsDBNull(4) ? null : BaselineSampleJson.Read(reader.GetString(4));
        return new DriftBaseline(reader.GetGuid(0), feature, valueLine, reader.GetString(1), kind,
            reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3), values, reader.GetFieldValue<DateTimeOffset>(5));
    }

    public async Task SaveStatisticsAsync(DriftWindowStatistics statistics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        await using var command = dataSource.CreateCommand(DriftSql.SaveStatistics);
        command.Parameters.AddWithValue("feature", statistics.Feature);
        command.Parameters.AddWithValue("line", statistics.ValueLine);
        command.Parameters.AddWithValue("start", statistics.WindowStart.ToUniversalTime());
        command.Parameters.AddWithValue("end", statistics.WindowEnd.ToUniversalTime());
        command.Parameters.AddWithValue("statistics", statistics.Statistics.GetRawText());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SaveReportAsync(DriftReport report, string? plotSvg, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var command = dataSource.CreateCommand(DriftSql.SaveReport);
        command.Parameters.AddWithValue("id", report.Id);
        command.Parameters.AddWithValue("feature", report.Feature);
        command.Parameters.AddWithValue("check", report.Check);
        command.Parameters.AddWithValue("entity_type", report.EntityType);
        command.Parameters.Add(new NpgsqlParameter("line", NpgsqlDbType.Integer) { Value = (object?)report.ValueLine ?? DBNull.Value });
        command.Parameters.Add(Text("version", report.Version));
        command.Parameters.AddWithValue("start", report.WindowStart.ToUniversalTime());
        command.Parameters.AddWithValue("end", report.WindowEnd.ToUniversalTime());
        command.Parameters.AddWithValue("status", report.Status);
        command.Parameters.Add(new NpgsqlParameter("baseline_id", NpgsqlDbType.Uuid) { Value = (object?)report.BaselineId ?? DBNull.Value });
        command.Parameters.AddWithValue("tests", DriftJson.Write(report.Tests));
        command.Parameters.AddWithValue("contributions", DriftJson.Write(report.Contributions));
        command.Parameters.Add(Text("statistics", report.Statistics?.GetRawText()));
        command.Parameters.Add(Text("details", report.Details?.GetRawText()));
        command.Parameters.Add(Text("plot", plotSvg));
        command.Parameters.AddWithValue("created", report.CreatedAt.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DriftReport>> ListReportsAsync(string feature, DateTimeOffset? since, DateTimeOffset? until, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(DriftSql.ListReports);
        command.Parameters.AddWithValue("feature", feature);
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = (object?)since?.ToUniversalTime() ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = (object?)until?.ToUniversalTime() ?? DBNull.Value });
        command.Parameters.AddWithValue("limit", limit);
        return await ReadReportsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<DriftReport>> LatestReportsAsync(string? feature, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(DriftSql.LatestReports);
        command.Parameters.Add(Text("feature", feature));
        return await ReadReportsAsync(command, cancellationToken);
    }

    public async Task<string?> PlotAsync(Guid reportId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(DriftSql.Plot);
        command.Parameters.AddWithValue("id", reportId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private static async Task<IReadOnlyList<DriftReport>> ReadReportsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var reports = new List<DriftReport>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            reports.Add(new DriftReport(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6),
                reader.GetFieldValue<DateTimeOffset>(7),
                reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetGuid(9),
                DriftJson.Read<List<DriftScore>>(reader.GetString(10)),
                DriftJson.Read<List<DriftContribution>>(reader.GetString(11)),
                reader.IsDBNull(12) ? null : DriftJson.Element(reader.GetString(12)),
                reader.IsDBNull(13) ? null : DriftJson.Element(reader.GetString(13)),
                reader.GetBoolean(14),
                reader.GetFieldValue<DateTimeOffset>(15)));
        }

        return reports;
    }

    private static NpgsqlParameter Text(string name, string? value) => new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };
}
