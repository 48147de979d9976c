using System.Globalization;

namespace FeatureStore.Core.Transformers.Text;

/// <summary>What a lexicon term does to the score.</summary>
internal enum LexiconKind
{
    /// <summary>A sentiment word with a valence.</summary>
    Word,

    /// <summary>Makes the next sentiment word stronger or weaker.</summary>
    Booster,

    /// <summary>Flips the next sentiment word.</summary>
    Negator,

    /// <summary>"but": the clause after it outweighs the one before.</summary>
    Contrast,
}

/// <summary>One term of the lexicon.</summary>
internal readonly record struct LexiconEntry(LexiconKind Kind, double Value);

/// <summary>
/// The bilingual lexicon shipped inside the assembly (Data/sentiment-lexicon.tsv, which documents its
/// origin and format), keyed by folded term; phrases are their folded words joined by one space.
/// </summary>
internal sealed class SentimentLexicon
{
    private const string ResourceName = "FeatureStore.Core.Transformers.Text.Data.sentiment-lexicon.tsv";

    private static readonly Lazy<SentimentLexicon> Embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, LexiconEntry> _entries;

    private readonly Dictionary<string, LexiconEntry>.AlternateLookup<ReadOnlySpan<char>> _spans;

    private SentimentLexicon(Dictionary<string, LexiconEntry> entries)
    {
        _entries = entries;
        _spans = entries.GetAlternateLookup<ReadOnlySpan<char>>();
        LongestPhrase = entries.Keys.Max(k => k.Count(c => c == ' ') + 1);
    }

    /// <summary>The lexicon shipped with this build.</summary>
    public static SentimentLexicon Shipped => Embedded.Value;

    /// <summary>The most words any term has.</summary>
    public int LongestPhrase { get; }

    /// <summary>How many terms the lexicon holds.</summary>
    public int Count => _entries.Count;

    /// <summary>The entry of a folded term, if any.</summary>
    public bool TryGet(string foldedTerm, out LexiconEntry entry) => _entries.TryGetValue(foldedTerm, out entry);

    /// <summary>The entry of a folded term held in a buffer (a phrase being matched), if any.</summary>
    public bool TryGet(ReadOnlySpan<char> foldedTerm, out LexiconEntry entry) => _spans.TryGetValue(foldedTerm, out entry);

    /// <summary>Parses the TSV format; a malformed or repeated line fails loudly (a silent skip would shift every score).</summary>
    public static SentimentLexicon Parse(TextReader reader)
    {
        var entries = new Dictionary<string, LexiconEntry>(StringComparer.Ordinal);
        var headerSeen = false;
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var columns = line.Split('\t');
            if (!headerSeen)
            {
                headerSeen = columns is ["term", "kind", "value"]
                    ? true
                    : throw new InvalidDataException($"sentiment lexicon line {number}: expected the header 'term<TAB>kind<TAB>value'");
                continue;
            }

            if (columns.Length != 3
                || !Enum.TryParse<LexiconKind>(columns[1], ignoreCase: true, out var kind)
                || !double.TryParse(columns[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new InvalidDataException($"sentiment lexicon line {number}: expected term<TAB>word|booster|negator|contrast<TAB>number, got '{line}'");
            }

            var key = string.Join(' ', TextTokenizer.Tokenize(columns[0]).Select(t => t.Folded));
            if (key.Length == 0 || !entries.TryAdd(key, new LexiconEntry(kind, value)))
            {
                throw new InvalidDataException($"sentiment lexicon line {number}: '{columns[0]}' is empty or repeats an earlier term (after folding accents and case)");
            }
        }

        return entries.Count > 0 ? new SentimentLexicon(entries) : throw new InvalidDataException("sentiment lexicon is empty");
    }

    private static SentimentLexicon LoadEmbedded()
    {
        using var stream = typeof(SentimentLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from {typeof(SentimentLexicon).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
