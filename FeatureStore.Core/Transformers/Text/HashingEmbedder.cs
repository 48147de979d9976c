using System.Buffers;
using System.IO.Hashing;
using System.Text;

namespace FeatureStore.Core.Transformers.Text;

/// <summary>
/// The default embedder: local, deterministic, nothing from the network. The scheme (changing any
/// part changes every stored vector, so it is pinned by a test):
/// <list type="number">
/// <item>Tokens as every text transformer sees them: lower case, accents dropped, emoji kept.</item>
/// <item>Features: each word with weight 1, and the character trigrams of the word between boundary
/// marks ("&lt;reservar&gt;" → "&lt;re", "res", ..., "ar&gt;") with weight 1/√(trigram count), so a word's
/// subwords weigh as much as the word and "quiero"/"quisiera" or "cita"/"citas" still overlap.</item>
/// <item>Feature hashing: XxHash64 (seed 0) of the feature's UTF-8 bytes; the hash modulo the dimension
/// picks the component and its top bit the sign (+ or −), a random-sign projection that keeps inner
/// products unbiased. The hash is fixed by its specification and sums run in a fixed order, so vectors
/// are identical across processes and machines (only a Unicode table update in a new .NET, changing
/// how some rare character folds, could move them; the pinned test would tell).</item>
/// <item>The vector is scaled to unit length (L2), so cosine similarity is a dot product.</item>
/// </list>
/// A text without any word or emoji (empty, blank, only punctuation) gets the vector of the sentinel
/// feature "∅": a fixed unit vector, never all zeros (cosine against zero is undefined), equal for
/// every such text and nearly orthogonal to real texts.
/// </summary>
public sealed class HashingEmbedder : IEmbeddingProvider
{
    /// <summary>The configuration name of this provider.</summary>
    public const string ProviderName = "hashing";

    private const string EmptySentinel = "∅";

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, int dimension, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        var vectors = new float[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            vectors[i] = Embed(texts[i], dimension);
        }

        return Task.FromResult<IReadOnlyList<float[]>>(vectors);
    }

    /// <summary>The unit vector of <paramref name="text"/> with <paramref name="dimension"/> components.</summary>
    public static float[] Embed(string text, int dimension)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        // The sums are scratch (every message's embedding needs them): pooled, cleared, sliced to the dimension.
        var rentedSums = ArrayPool<double>.Shared.Rent(dimension);
        var sums = rentedSums.AsSpan(0, dimension);
        sums.Clear();
        var any = false;
        // Each feature's text is built in one reused buffer, not as strings: a message has dozens of them.
        var buffer = ArrayPool<char>.Shared.Rent(64);
        Span<char> trigram = stackalloc char[5];
        "c:".CopyTo(trigram);
        try
        {
            foreach (var token in TextTokenizer.Tokenize(text))
            {
                any = true;
                Add(sums, Compose(ref buffer, "w:", token.Folded, ""), 1);
                if (!token.IsEmoji)
                {
                    var bounded = Compose(ref buffer, "<", token.Folded, ">");
                    var trigrams = bounded.Length - 2;
                    var weight = 1 / Math.Sqrt(trigrams);
                    for (var start = 0; start < trigrams; start++)
                    {
                        bounded.Slice(start, 3).CopyTo(trigram[2..]);
                        Add(sums, trigram, weight);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        // Summed in a fixed order in doubles, one rounding to float at the end: the same bits everywhere.
        var squares = 0.0;
        foreach (var sum in sums)
        {
            squares += sum * sum;
        }

        var norm = Math.Sqrt(squares);
        if (!any || norm == 0)
        {
            // Nothing to hash, or (vanishingly rare) features that cancelled out exactly.
            sums.Clear();
            Add(sums, EmptySentinel, 1);
            norm = 1;
        }

        var vector = new float[dimension];
        for (var i = 0; i < dimension; i++)
        {
            vector[i] = (float)(sums[i] / norm);
        }

        ArrayPool<double>.Shared.Return(rentedSums);
        return vector;
    }

    // prefix + word + suffix at the buffer's start (grown from the pool when the word is long).
    private static ReadOnlySpan<char> Compose(ref char[] buffer, string prefix, string word, string suffix)
    {
        var length = prefix.Length + word.Length + suffix.Length;
        if (buffer.Length < length)
        {
            ArrayPool<char>.Shared.Return(buffer);
            buffer = ArrayPool<char>.Shared.Rent(length);
        }

        prefix.CopyTo(buffer);
        word.CopyTo(buffer.AsSpan(prefix.Length));
        suffix.CopyTo(buffer.AsSpan(prefix.Length + word.Length));
        return buffer.AsSpan(0, length);
    }

    private static void Add(Span<double> sums, ReadOnlySpan<char> feature, double weight)
    {
        var length = Encoding.UTF8.GetMaxByteCount(feature.Length);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(feature, rented);
            var hash = XxHash64.HashToUInt64(rented.AsSpan(0, written));
            var index = (int)(hash % (ulong)sums.Length);
            sums[index] += (hash >> 63) == 0 ? weight : -weight;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
