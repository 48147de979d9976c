using System.Runtime.CompilerServices;
using FeatureStore.Core.Errors;
using FeatureStore.Core.TrainingSets;
using Parquet;
using Parquet.Schema;

namespace FeatureStore.Gateway.TrainingSets;

/// <summary>
/// Reads a Parquet spine: columns <c>id</c> (string or integer) and <c>timestamp</c> (a timestamp,
/// or an ISO-8601 string with offset), one row group at a time. Parquet needs a seekable file, so
/// the body is first copied to a temporary file (deleted on close): memory stays bounded.
/// </summary>
internal sealed class ParquetSpineReader(Stream body, long maxRows)
{
    public IReadOnlyList<string> IgnoredColumns { get; private set; } = [];

    public async IAsyncEnumerable<SpineRow> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await body.CopyToAsync(file, cancellationToken);
        file.Position = 0;
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(file, cancellationToken: cancellationToken);
        }
        catch (IOException error)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, $"the body is not a Parquet file: {error.Message}");
        }

        await using var _ = reader;
        var fields = reader.Schema.GetDataFields();
        var id = fields.FirstOrDefault(f => f.Name.Equals("id", StringComparison.OrdinalIgnoreCase));
        var timestamp = fields.FirstOrDefault(f => f.Name.Equals("timestamp", StringComparison.OrdinalIgnoreCase));
        if (id is null || timestamp is null)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, $"the Parquet file must have columns id and timestamp; it has: {string.Join(", ", fields.Select(f => f.Name))}");
        }

        IgnoredColumns = [.. fields.Where(f => f != id && f != timestamp).Select(f => f.Name)];
        long row = 0;
        for (var group = 0; group < reader.RowGroupCount; group++)
        {
            using var rows = reader.OpenRowGroupReader(group);
            var ids = await ReadIdsAsync(rows, id, cancellationToken);
            var instants = await ReadInstantsAsync(rows, timestamp, row, cancellationToken);
            for (var i = 0; i < ids.Length; i++)
            {
                if (++row > maxRows)
                {
                    throw new FeatureStoreException(FeatureStoreErrorCodes.LimitExceeded, $"at most {maxRows} rows per export");
                }

                yield return new SpineRow(ids[i] is { Length: > 0 } value ? value
                    : throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, $"row {row}: id is empty"), instants[i]);
            }
        }
    }

    private static async Task<string?[]> ReadIdsAsync(ParquetRowGroupReader rows, DataField field, CancellationToken cancellationToken)
    {
        var count = (int)rows.RowCount;
        if (field.ClrType == typeof(long) || field.ClrType == typeof(int))
        {
            var numbers = new long?[count];
            if (field.ClrType == typeof(long))
            {
                await rows.ReadAsync<long>(field, numbers.AsMemory(), cancellationToken: cancellationToken);
            }
            else
            {
                var ints = new int?[count];
                await rows.ReadAsync<int>(field, ints.AsMemory(), cancellationToken: cancellationToken);
                ints.Select(i => (long?)i).ToArray().CopyTo(numbers, 0);
            }

            return [.. numbers.Select(n => n?.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        }

        var strings = new string?[count];
        await rows.ReadAsync(field, strings.AsMemory(), cancellationToken: cancellationToken);
        return strings;
    }

    private static async Task<DateTimeOffset[]> ReadInstantsAsync(ParquetRowGroupReader rows, DataField field, long before, CancellationToken cancellationToken)
    {
        var count = (int)rows.RowCount;
        if (field.ClrType == typeof(DateTime))
        {
            var times = new DateTime?[count];
            await rows.ReadAsync<DateTime>(field, times.AsMemory(), cancellationToken: cancellationToken);
            return [.. times.Select((t, i) => t is { } time
                ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)) // Parquet timestamps are UTC instants
                : throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, $"row {before + i + 1}: timestamp is null"))];
        }

        var texts = new string?[count];
        await rows.ReadAsync(field, texts.AsMemory(), cancellationToken: cancellationToken);
        return [.. texts.Select((t, i) => SpineTimestamps.Parse(t ?? "", before + i + 1))];
    }
}
