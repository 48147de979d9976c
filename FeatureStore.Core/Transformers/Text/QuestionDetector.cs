using System.Text.RegularExpressions;
using static FeatureStore.Core.Transformers.Text.QuestionWords;

namespace FeatureStore.Core.Transformers.Text;

/// <summary>
/// <c>contains_question</c>: whether a Spanish or English message asks something. The rule, in order:
/// <list type="number">
/// <item>Empty or blank text is no question.</item>
/// <item>Links are set aside first: a <c>?</c> inside a URL or a query string ("https://x.com/a?b=1",
/// "x.com/search?q=hola") is part of an address, not punctuation. A <c>?</c> right after a link
/// ("viste https://x.com/a?") still counts.</item>
/// <item>Any remaining <c>?</c> or <c>¿</c> makes it a question ("¿me ayudas" without its closing mark too).</item>
/// <item>Without a mark, chat users still ask: a sentence (split at <c>. ! ; : …</c> and line ends) is a
/// question when, after greetings and fillers ("hola, buenas tardes,"), it opens with an interrogative:
/// Spanish qué, cuál, cuándo, dónde, cómo, cuánto, quién, por qué; requests with a modal (puedo,
/// podría, ...) or a clitic and a request verb (me puedes, me confirmas); hay/tienen + an availability
/// noun (hay lugar, tienen citas); sabes + si/dónde; English what, which, when, where, how, who, why;
/// or an English auxiliary followed by a subject (can you, is it, do they, don't you).</item>
/// <item>Exclamations are never questions: a sentence that opens with <c>¡</c> or ends with <c>!</c>,
/// qué/que + an exclamative ("qué bueno"), what a, how nice.</item>
/// <item>Spanish interrogatives written without their accent are also conjunctions ("que te vaya bien",
/// "como te dije, ...", "cuando puedas"): unaccented, they count unless the next word or a later comma
/// marks that reading (see <see cref="QuestionWords"/>).</item>
/// </list>
/// Matching ignores case and accents except where the accent is the signal (qué vs que).
/// </summary>
public static partial class QuestionDetector
{
    /// <summary>True when <paramref name="text"/> asks a question (see the class comment for the rule).</summary>
    public static bool IsQuestion(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var prose = WithoutAddresses(text);
        if (prose.Contains('?', StringComparison.Ordinal) || prose.Contains('¿', StringComparison.Ordinal))
        {
            return true;
        }

        foreach (Match sentence in Sentence().Matches(prose))
        {
            var body = sentence.Groups["body"].Value;
            var exclamation = body.TrimStart().StartsWith('¡') || sentence.Groups["end"].Value.Contains('!', StringComparison.Ordinal);
            if (!exclamation && OpensLikeQuestion(TextTokenizer.Tokenize(body).Where(t => !t.IsEmoji).ToList()))
            {
                return true;
            }
        }

        return false;
    }

    // Links become a space, keeping the punctuation that closed the sentence after them; then a "?"
    // that opens a query parameter (?name=) outside a recognised link is dropped too.
    private static string WithoutAddresses(string text)
    {
        var masked = Address().Replace(text, m => " " + TrailingPunctuation().Match(m.Value).Value);
        return QueryParameter().Replace(masked, " ");
    }

    private static bool OpensLikeQuestion(List<TextToken> words)
    {
        var i = SkipFillers(words);
        if (i >= words.Count)
        {
            return false;
        }

        var word = words[i];
        var opener = word.Folded;
        var next = i + 1 < words.Count && !words[i + 1].AfterBreak ? words[i + 1].Folded : null;
        var commaLater = words.Skip(i + 1).Any(w => w.AfterBreak);

        if (SpanishWh.Contains(opener))
        {
            if (opener == "que" && next is not null && Exclamatives.Contains(next))
            {
                return false;
            }

            var accented = word.Raw != word.Folded;
            return accented || !(
                (next is not null && UnaccentedNotQuestion.TryGetValue(opener, out var statementNext) && statementNext.Contains(next))
                || (commaLater && SubordinateOpeners.Contains(opener)));
        }

        if (EnglishWh.Contains(opener))
        {
            return !(
                (next is not null && EnglishWhNotQuestion.TryGetValue(opener, out var statementNext) && statementNext.Contains(next))
                || (commaLater && SubordinateOpeners.Contains(opener)));
        }

        if (next is null)
        {
            return false;
        }

        return opener == "por" && next == "que"
            || (SpanishModal.Contains(opener) && !AfterModalNotQuestion.Contains(next))
            || (Clitics.Contains(opener) && CliticRequests.Contains(next))
            || (ExistenceOpeners.Contains(opener) && AvailabilityNouns.Contains(next))
            || (KnowOpeners.Contains(opener) && EmbeddedQuestionWords.Contains(next))
            || (EnglishAuxiliaries.Contains(opener) && EnglishSubjects.Contains(next)
                && !(ImperativeAuxiliaries.Contains(opener) && ImperativeObjects.Contains(next)));
    }

    private static int SkipFillers(List<TextToken> words)
    {
        var i = 0;
        while (i < words.Count)
        {
            var word = words[i].Folded;
            var next = i + 1 < words.Count ? words[i + 1].Folded : null;
            if ((word == "por" && next == "favor") || (word == "excuse" && next == "me"))
            {
                i += 2;
            }
            else if (Fillers.Contains(word))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    // A scheme (https://, mailto: is not a concern: it has no "?") or www., or a bare host with a path.
    [GeneratedRegex(@"(?:\b[a-z][a-z0-9+.\-]*://|\bwww\.|\b[\w\-]+(?:\.[\w\-]+)+/)\S*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Address();

    [GeneratedRegex(@"[?!.,;:)\]}""'»]+$")]
    private static partial Regex TrailingPunctuation();

    [GeneratedRegex(@"\?(?=[\w%.\-\[\]]+=)")]
    private static partial Regex QueryParameter();

    [GeneratedRegex(@"(?<body>[^.!;:…\n]+)(?<end>[.!;:…\n]*)")]
    private static partial Regex Sentence();
}
