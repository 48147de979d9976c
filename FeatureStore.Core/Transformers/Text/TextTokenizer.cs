using System.Globalization;
using System.Text;

namespace FeatureStore.Core.Transformers.Text;

/// <summary>
/// The one word splitter of the text transformers, so sentiment, questions and embeddings agree on
/// what a word is: runs of letters and digits (an apostrophe between letters stays inside, so
/// "don't" is one word), each pictograph its own token, everything else a separator. Matching is
/// case- and accent-insensitive because chat users write "pesimo", "PÉSIMO" and "pésimo" alike.
/// </summary>
internal static class TextTokenizer
{
    /// <summary>The tokens of <paramref name="text"/>, in order.</summary>
    public static List<TextToken> Tokenize(string text)
    {
        // About one word per six characters in chat text: sized once rather than grown (every text is tokenized).
        var tokens = new List<TextToken>((text.Length / 6) + 4);
        var word = new StringBuilder();
        var pendingBreak = false;
        var pendingApostrophe = false;

        void Flush()
        {
            if (word.Length > 0)
            {
                var raw = word.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant();
                tokens.Add(new TextToken(raw, Fold(raw), IsEmoji: false, pendingBreak));
                pendingBreak = false;
                word.Clear();
            }

            pendingApostrophe = false;
        }

        // A rune's one or two UTF-16 units, appended without a string of them (every text is tokenized several times).
        Span<char> units = stackalloc char[2];
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsLetterOrDigit(rune) || (word.Length > 0 && category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark))
            {
                if (pendingApostrophe)
                {
                    word.Append('\'');
                    pendingApostrophe = false;
                }

                word.Append(units[..rune.EncodeToUtf16(units)]);
            }
            else if (IsApostrophe(rune) && word.Length > 0 && !pendingApostrophe)
            {
                pendingApostrophe = true;
            }
            else
            {
                Flush();
                if (category == UnicodeCategory.OtherSymbol)
                {
                    var symbol = rune.ToString();
                    tokens.Add(new TextToken(symbol, symbol, IsEmoji: true, pendingBreak));
                    pendingBreak = false;
                }
                else if (IsBreak(rune))
                {
                    pendingBreak = true;
                }
            }
        }

        Flush();
        return tokens;
    }

    /// <summary>Lower case without diacritics (Unicode NFD, combining marks dropped): "Pésimo" → "pesimo", "Ñ" → "n".</summary>
    public static string Fold(string text)
    {
        // Lower-case ASCII has nothing to decompose or drop: it folds to itself (most chat words).
        if (IsLowerAscii(text))
        {
            return text;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    private static bool IsLowerAscii(string text)
    {
        foreach (var c in text)
        {
            if (c > 0x7F || char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsApostrophe(Rune rune) => rune.Value is '\'' or '\u2019' or '\u02BC';

    // Clause and sentence punctuation: negation and boosters do not reach across it.
    private static bool IsBreak(Rune rune) => rune.Value is '.' or ',' or ';' or ':' or '!' or '?' or '¡' or '¿' or '\n' or '\r' or '…';
}
