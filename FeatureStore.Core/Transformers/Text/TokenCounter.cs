using FeatureStore.Core.Registry.Definitions;
using Microsoft.ML.Tokenizers;

namespace FeatureStore.Core.Transformers.Text;

/// <summary>
/// <c>token_count</c>: the number of tokens of a text under a real BPE tokenizer, the one the
/// computation's <c>tokenizer</c> parameter names (cl100k_base by default, the encoding of
/// GPT-4 and text-embedding-3). The vocabulary ships in the Microsoft.ML.Tokenizers.Data.Cl100kBase
/// package, so nothing is downloaded at run time.
/// </summary>
public static class TokenCounter
{
    /// <summary>The computation parameter that names the tokenizer.</summary>
    public const string TokenizerParameter = "tokenizer";

    /// <summary>The tokenizer used when the computation names none.</summary>
    public const string DefaultTokenizer = "cl100k_base";

    // Loading the 100k-entry vocabulary takes a few hundred milliseconds: once per process, on first use.
    // The tokenizer is safe to share between threads (its encode cache locks internally).
    private static readonly Dictionary<string, Lazy<Tokenizer>> Tokenizers = new(StringComparer.Ordinal)
    {
        [DefaultTokenizer] = new(() => TiktokenTokenizer.CreateForEncoding(DefaultTokenizer), LazyThreadSafetyMode.ExecutionAndPublication),
    };

    /// <summary>The tokenizer names this build can count with.</summary>
    public static IReadOnlyCollection<string> Supported => Tokenizers.Keys;

    /// <summary>The number of tokens of <paramref name="text"/> (0 for empty text).</summary>
    /// <exception cref="ArgumentException"><paramref name="tokenizer"/> is not one of <see cref="Supported"/>.</exception>
    public static int Count(string text, string tokenizer = DefaultTokenizer)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokenizer);
        if (!Tokenizers.TryGetValue(tokenizer, out var lazy))
        {
            throw new ArgumentException(
                $"tokenizer '{tokenizer}' is not supported; supported: {string.Join(", ", Supported)}", nameof(tokenizer));
        }

        return text.Length == 0 ? 0 : lazy.Value.CountTokens(text);
    }

    /// <summary>The number of tokens of <paramref name="text"/> with the tokenizer <paramref name="computation"/> names.</summary>
    public static int Count(ComputationSpec computation, string text)
    {
        ArgumentNullException.ThrowIfNull(computation);
        return Count(text, TokenizerOf(computation));
    }

    /// <summary>The tokenizer <paramref name="computation"/> names, or <see cref="DefaultTokenizer"/>.</summary>
    public static string TokenizerOf(ComputationSpec computation)
    {
        ArgumentNullException.ThrowIfNull(computation);
        return computation.Parameters.TryGetValue(TokenizerParameter, out var name) ? name : DefaultTokenizer;
    }
}
