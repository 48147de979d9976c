using System.Buffers;

namespace FeatureStore.Core.Transformers.Text;

/// <summary>
/// <c>sentiment</c>: a score in [-1, 1] for Spanish or English text from a documented bilingual lexicon
/// (Data/sentiment-lexicon.tsv, shipped inside the assembly), in the manner of VADER:
/// <list type="number">
/// <item>Words are matched without case or accents; phrases of the lexicon win over their words
/// ("buenas tardes" is a greeting, "la tarde" the afternoon).</item>
/// <item>A booster up to 2 words before a sentiment word scales it (muy, very, súper: +30 %; un poco, a bit: −30 %).</item>
/// <item>A negator up to 3 words before it (no, nunca, sin, not, never, don't, ...) multiplies it by −0.74:
/// the sign flips, and "not bad" stays weaker than "good".</item>
/// <item>Neither reaches across punctuation: in "No, gracias" the "no" answers, it does not negate.</item>
/// <item>After a contrast word (pero, but, sin embargo, however) words weigh 1.5, before it 0.5.</item>
/// <item>The sum s is normalized to s / sqrt(s² + 15), VADER's alpha: one strong word gives about ±0.6,
/// several approach ±1, none gives exactly 0.</item>
/// </list>
/// Emoji in the lexicon count like words; other punctuation and symbols are ignored.
/// </summary>
public static class SentimentScorer
{
    private const double Alpha = 15;
    private const double NegationFactor = -0.74;
    private const int NegationWindow = 3;
    private const int BoosterWindow = 2;
    private const double BeforeContrast = 0.5;
    private const double AfterContrast = 1.5;

    /// <summary>The sentiment of <paramref name="text"/>, from -1 (negative) to 1 (positive); 0 for empty or neutral text.</summary>
    public static double Score(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        var lexicon = SentimentLexicon.Shipped;
        var terms = Match(TextTokenizer.Tokenize(text), lexicon);
        var valences = new List<(int Index, double Value)>();
        var lastContrast = -1;
        for (var i = 0; i < terms.Count; i++)
        {
            if (terms[i].Entry is not { } entry)
            {
                continue;
            }

            switch (entry.Kind)
            {
                case LexiconKind.Contrast:
                    lastContrast = i;
                    break;
                case LexiconKind.Word when entry.Value != 0:
                    valences.Add((i, entry.Value * Modifier(terms, i)));
                    break;
                default:
                    break;
            }
        }

        var sum = valences.Sum(v => lastContrast < 0 ? v.Value : v.Value * (v.Index < lastContrast ? BeforeContrast : AfterContrast));
        return sum == 0 ? 0 : Math.Clamp(sum / Math.Sqrt((sum * sum) + Alpha), -1, 1);
    }

    // Boosters and a negator in the same clause shortly before the word at i.
    private static double Modifier(List<Term> terms, int i)
    {
        var factor = 1.0;
        var negated = false;
        for (var back = 1; back <= Math.Max(NegationWindow, BoosterWindow) && i - back >= 0; back++)
        {
            if (terms[i - back + 1].AfterBreak)
            {
                break;
            }

            switch (terms[i - back].Entry)
            {
                case { Kind: LexiconKind.Booster } booster when back <= BoosterWindow:
                    factor *= 1 + booster.Value;
                    break;
                case { Kind: LexiconKind.Negator } when back <= NegationWindow:
                    negated = true;
                    break;
                default:
                    break;
            }
        }

        return negated ? factor * NegationFactor : factor;
    }

    // Tokens grouped into lexicon terms, longest phrase first; a phrase never spans punctuation. A phrase is looked up
    // from a reused buffer of its words, not a string of them: every token tries each phrase length.
    private static List<Term> Match(List<TextToken> tokens, SentimentLexicon lexicon)
    {
        var terms = new List<Term>(tokens.Count);
        var phrase = ArrayPool<char>.Shared.Rent(128);
        try
        {
            var i = 0;
            while (i < tokens.Count)
            {
                var matched = false;
                for (var length = Math.Min(lexicon.LongestPhrase, tokens.Count - i); length >= 1 && !matched; length--)
                {
                    if (SpansBreak(tokens, i, length))
                    {
                        continue;
                    }

                    var found = length == 1 ? lexicon.TryGet(tokens[i].Folded, out var entry) : lexicon.TryGet(Join(tokens, i, length, ref phrase), out entry);
                    if (found)
                    {
                        terms.Add(new Term(entry, tokens[i].AfterBreak));
                        i += length;
                        matched = true;
                    }
                }

                if (!matched)
                {
                    terms.Add(new Term(null, tokens[i].AfterBreak));
                    i++;
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(phrase);
        }

        return terms;
    }

    // Punctuation before any word of the phrase but its first.
    private static bool SpansBreak(List<TextToken> tokens, int start, int length)
    {
        for (var k = start + 1; k < start + length; k++)
        {
            if (tokens[k].AfterBreak)
            {
                return true;
            }
        }

        return false;
    }

    // The phrase's folded words joined by single spaces, as the lexicon's keys are written.
    private static ReadOnlySpan<char> Join(List<TextToken> tokens, int start, int length, ref char[] buffer)
    {
        var size = length - 1;
        for (var k = start; k < start + length; k++)
        {
            size += tokens[k].Folded.Length;
        }

        if (buffer.Length < size)
        {
            ArrayPool<char>.Shared.Return(buffer);
            buffer = ArrayPool<char>.Shared.Rent(size);
        }

        var used = 0;
        for (var k = start; k < start + length; k++)
        {
            if (k > start)
            {
                buffer[used++] = ' ';
            }

            tokens[k].Folded.CopyTo(buffer.AsSpan(used));
            used += tokens[k].Folded.Length;
        }

        return buffer.AsSpan(0, used);
    }

    private readonly record struct Term(LexiconEntry? Entry, bool AfterBreak);
}
