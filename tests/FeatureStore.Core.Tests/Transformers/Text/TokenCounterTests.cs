using FeatureStore.Core.Transformers.Text;

namespace FeatureStore.Core.Tests.Transformers.Text;

public sealed class TokenCounterTests
{
    // Counted once with cl100k_base and pinned: a change means the tokenizer or its data changed.
    [Theory]
    [InlineData("", 0)]
    [InlineData("Hello, world!", 4)]
    [InlineData("I want to book an appointment for tomorrow.", 9)]
    [InlineData("Can you help me? 👍🏽", 10)]
    [InlineData("¿Cuándo abren mañana?", 8)]
    [InlineData("¡Muchas gracias por la atención!", 8)]
    [InlineData("Quiero reservar una cita 😊", 8)]
    [InlineData("El niño pidió café con azúcar", 11)]
    public void Counts_are_those_of_cl100k_base(string text, int expected)
    {
        Assert.Equal(expected, TokenCounter.Count(text));
        Assert.Equal(expected, TokenCounter.Count(TextSpecs.Computation("token_count", new() { ["tokenizer"] = "cl100k_base" }), text));
    }

    [Fact]
    public void Without_a_tokenizer_parameter_cl100k_base_is_used()
    {
        var computation = TextSpecs.Computation("token_count");

        Assert.Equal("cl100k_base", TokenCounter.TokenizerOf(computation));
        Assert.Equal(4, TokenCounter.Count(computation, "Hello, world!"));
    }

    [Fact]
    public void An_unknown_tokenizer_is_refused_naming_the_supported_ones()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            TokenCounter.Count(TextSpecs.Computation("token_count", new() { ["tokenizer"] = "o200k_base" }), "hola"));

        Assert.Contains("o200k_base", error.Message, StringComparison.Ordinal);
        Assert.Contains("cl100k_base", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Concurrent_counts_agree_with_sequential_ones()
    {
        var texts = Enumerable.Range(0, 200).Select(i => $"Mensaje número {i}: ¿tienen citas el día {i % 31}? 😊").ToArray();
        var sequential = texts.Select(t => TokenCounter.Count(t)).ToArray();

        var parallel = new int[texts.Length];
        Parallel.For(0, texts.Length, i => parallel[i] = TokenCounter.Count(texts[i]));

        Assert.Equal(sequential, parallel);
    }
}
