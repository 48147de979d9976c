using System.Runtime.CompilerServices;
using System.Threading.Channels;
using FeatureStore.Core.TrainingSets;
using Npgsql;

namespace FeatureStore.Postgres.Values;

/// <summary>
/// Runs an export's ordered read on another thread, a few batches ahead of the merge, so the two cores share the
/// work; a bounded channel keeps memory to a few batches whatever the size of the read.
/// </summary>
internal static class CopyReadAhead
{
    private const int BatchesAhead = 4;
    private const int BufferBytes = 1 << 16;
    private const int MinimumRead = 1 << 12;

    /// <summary>The batches <paramref name="produce"/> writes; when the caller stops early, the producer is cancelled and awaited.</summary>
    public static async IAsyncEnumerable<EntityRowBatch> ReadAsync(Func<ChannelWriter<EntityRowBatch>, CancellationToken, Task> produce,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batches = Channel.CreateBounded<EntityRowBatch>(new BoundedChannelOptions(BatchesAhead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producing = Task.Run(async () =>
        {
            try
            {
                await produce(batches.Writer, stop.Token);
                batches.Writer.Complete();
            }
            catch (Exception error)
            {
                // The merge sees the failure (or the cancellation) where it reads the next batch.
                batches.Writer.TryComplete(error);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
            {
                yield return batch;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producing;
        }
    }

    /// <summary>Reads the binary COPY TO <paramref name="copy"/> to its end, into batches.</summary>
    public static async Task CopyAsync(NpgsqlConnection connection, string copy, bool withValues, ChannelWriter<EntityRowBatch> batches, CancellationToken cancellationToken)
    {
        var stream = await connection.BeginRawBinaryCopyAsync(copy, cancellationToken);
        var completed = false;
        try
        {
            // Reads get no token: Npgsql would register it for every row (each row is a message). One registration
            // for the whole COPY asks the server to stop instead, and the read in progress fails.
            using (cancellationToken.UnsafeRegister(static stream => Stop((NpgsqlRawCopyStream)stream!), stream))
            {
                await ReadToEndAsync(stream, new BinaryCopy.Reader(withValues), batches, cancellationToken);
            }

            cancellationToken.ThrowIfCancellationRequested();
            completed = true;
        }
        finally
        {
            if (completed)
            {
                await stream.DisposeAsync();
            }
            else
            {
                await AbandonAsync(stream);
            }
        }
    }

    private static async Task ReadToEndAsync(NpgsqlRawCopyStream stream, BinaryCopy.Reader reader, ChannelWriter<EntityRowBatch> batches, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferBytes];
        int start = 0, end = 0;
        var batch = new EntityRowBatch();
        while (!reader.Done)
        {
            (buffer, start, end) = MakeRoom(buffer, start, end);
            var read = await stream.ReadAsync(buffer.AsMemory(end), CancellationToken.None);
            if (read == 0)
            {
                throw new InvalidDataException("the COPY data ended without its trailer");
            }

            end += read;
            while (true)
            {
                start += reader.Read(buffer.AsSpan(start, end - start), batch);
                if (!reader.BatchFull)
                {
                    break;
                }

                await batches.WriteAsync(batch, cancellationToken);
                batch = new EntityRowBatch();
            }
        }

        if (batch.Count > 0)
        {
            await batches.WriteAsync(batch, cancellationToken);
        }

        // The end of the COPY (CopyDone, then the command's completion) reads as 0 bytes.
        while (await stream.ReadAsync(buffer, CancellationToken.None) > 0)
        {
        }
    }

    // Keeps at least MinimumRead bytes free after the data: the unread tail moves to the front, and a row larger
    // than the buffer makes it grow.
    private static (byte[] Buffer, int Start, int End) MakeRoom(byte[] buffer, int start, int end)
    {
        if (buffer.Length - end >= MinimumRead)
        {
            return (buffer, start, end);
        }

        var target = end - start + MinimumRead > buffer.Length ? new byte[buffer.Length * 2] : buffer;
        buffer.AsSpan(start, end - start).CopyTo(target);
        return (target, 0, end - start);
    }

    // A read stopped half way (the merge is done or failed): the server is asked to stop sending the rest, so closing
    // the COPY does not read all of it. It answers with an error, the expected end here: the caller's exception is
    // the one that counts.
    private static async ValueTask AbandonAsync(NpgsqlRawCopyStream stream)
    {
        Stop(stream);
        try
        {
            await stream.DisposeAsync();
        }
        catch (Exception error) when (error is NpgsqlException or ObjectDisposedException or InvalidOperationException)
        {
            // The COPY failed (or broke the connection, which then leaves the pool).
        }
    }

    private static void Stop(NpgsqlRawCopyStream stream)
    {
        try
        {
            stream.Cancel();
        }
        catch (Exception error) when (error is NpgsqlException or ObjectDisposedException or InvalidOperationException)
        {
            // Already over.
        }
    }
}
