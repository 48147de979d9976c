using FeatureStore.Core.Transformers.Text;

namespace FeatureStore.Core.Tests.Transformers.Text;

public sealed class HashingEmbedderTests
{
    [Fact]
    public void The_scheme_is_pinned_so_stored_vectors_stay_comparable()
    {
        // Computed once; a change here changes every stored msg:embedding (retrain or re-embed, and bump the feature's major version).
        float[] expected = [0.13871221f, 0.6203399f, -0.2937972f, 0f, -0.2937972f, 0.6203399f, 0.13871221f, -0.13871221f];

        Assert.Equal(expected, HashingEmbedder.Embed("Hola, ¿cómo estás?", 8));
    }

    [Fact]
    public async Task Identical_texts_get_identical_vectors_from_any_instance()
    {
        var first = await new HashingEmbedder().EmbedAsync(["Quiero reservar una cita mañana", "quiero reservar una cita mañana"], 384, CancellationToken.None);
        var second = await new HashingEmbedder().EmbedAsync(["Quiero reservar una cita mañana"], 384, CancellationToken.None);

        Assert.Equal(first[0], second[0]);
        Assert.Equal(first[0], first[1]);
        Assert.Equal(first[0], HashingEmbedder.Embed("QUIERO RESERVAR UNA CITA MANANA", 384));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(384)]
    [InlineData(1536)]
    public void Vectors_have_the_requested_dimension_and_unit_length(int dimension)
    {
        foreach (var text in new[] { "hola", "The weather is cold today 🥶", "¿Tienen citas el lunes?", "", "?!" })
        {
            var vector = HashingEmbedder.Embed(text, dimension);

            Assert.Equal(dimension, vector.Length);
            Assert.Equal(1, Norm(vector), 5);
        }
    }

    [Fact]
    public void Similar_sentences_are_closer_than_unrelated_ones()
    {
        var booking = HashingEmbedder.Embed("quiero reservar una cita mañana", 384);
        var paraphrase = HashingEmbedder.Embed("quisiera reservar una cita para mañana", 384);
        var weather = HashingEmbedder.Embed("the weather is cold", 384);

        Assert.True(Cosine(booking, paraphrase) > 0.6, $"paraphrase: {Cosine(booking, paraphrase)}");
        Assert.True(Cosine(booking, weather) < 0.2, $"unrelated: {Cosine(booking, weather)}");
    }

    [Fact]
    public void Inflected_words_share_subwords()
    {
        var plural = Cosine(HashingEmbedder.Embed("citas", 384), HashingEmbedder.Embed("cita", 384));
        var other = Cosine(HashingEmbedder.Embed("perro", 384), HashingEmbedder.Embed("cita", 384));

        Assert.True(plural > other + 0.2, $"citas~cita {plural}, perro~cita {other}");
    }

    [Fact]
    public void Texts_without_words_share_one_defined_unit_vector()
    {
        var empty = HashingEmbedder.Embed("", 384);

        Assert.Equal(1, Norm(empty), 5);
        Assert.Equal(empty, HashingEmbedder.Embed("   ", 384));
        Assert.Equal(empty, HashingEmbedder.Embed("?!... ¿¡", 384));
        Assert.True(Math.Abs(Cosine(empty, HashingEmbedder.Embed("hola", 384))) < 0.5);
    }

    [Fact]
    public async Task Bad_arguments_and_cancellation_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HashingEmbedder.Embed("hola", 0));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new HashingEmbedder().EmbedAsync(["hola"], 8, cancelled.Token));
    }

    internal static double Norm(float[] v) => Math.Sqrt(v.Sum(x => (double)x * x));

    internal static double Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum() / (Norm(a) * Norm(b));
}
