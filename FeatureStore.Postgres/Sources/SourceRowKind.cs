using FeatureStore.Core.Sources;
using Npgsql;

namespace FeatureStore.Postgres.Sources;

/// <summary>
/// One kind of source row (tenants, messages, ...): its table, the columns a row fills and how a
/// batch's rows of that kind are written by binary COPY. The store loops over
/// <see cref="SourceRowKinds.All"/> instead of spelling every kind out in every operation.
/// </summary>
internal abstract class SourceRowKind(string table, string columns)
{
    /// <summary>The table, e.g. <c>src_messages</c>.</summary>
    public string Table { get; } = table;

    /// <summary>The columns a row fills, in COPY order (the reader reads them back in the same order); <c>ingested_at</c> and <c>seq</c> are the database's.</summary>
    public string Columns { get; } = columns;

    /// <summary>How many rows of this kind <paramref name="batch"/> holds.</summary>
    public abstract int CountIn(SourceBatch batch);

    /// <summary>An id that appears more than once among the batch's rows of this kind, or null.</summary>
    public abstract string? RepeatedIdIn(SourceBatch batch);

    /// <summary>Copies the batch's rows of this kind into <paramref name="target"/> (this table, or a staging table shaped like it).</summary>
    public abstract Task CopyAsync(NpgsqlConnection connection, SourceBatch batch, string target, CancellationToken cancellationToken);
}

/// <inheritdoc />
internal sealed class SourceRowKind<T>(
    string table,
    string columns,
    Func<SourceBatch, IReadOnlyList<T>> rowsIn,
    Func<T, string> idOf,
    Func<NpgsqlBinaryImporter, T, CancellationToken, Task> writeRowAsync) : SourceRowKind(table, columns)
{
    public override int CountIn(SourceBatch batch) => rowsIn(batch).Count;

    public override string? RepeatedIdIn(SourceBatch batch)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return rowsIn(batch).Select(idOf).FirstOrDefault(id => !seen.Add(id));
    }

    public override async Task CopyAsync(NpgsqlConnection connection, SourceBatch batch, string target, CancellationToken cancellationToken)
    {
        var rows = rowsIn(batch);
        if (rows.Count == 0)
        {
            return;
        }

        await using var copy = await connection.BeginBinaryImportAsync($"COPY {target} ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(cancellationToken);
            await writeRowAsync(copy, row, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }
}
