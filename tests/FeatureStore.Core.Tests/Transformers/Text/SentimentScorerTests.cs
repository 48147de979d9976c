using System.Globalization;
using System.Text;
using FeatureStore.Core.Transformers.Text;

namespace FeatureStore.Core.Tests.Transformers.Text;

public sealed class SentimentScorerTests
{
    [Theory]
    [InlineData("¡Excelente servicio, muchas gracias!")]
    [InlineData("Todo perfecto, muy amables")]
    [InlineData("El servicio fue genial 😊")]
    [InlineData("Me encantó, lo recomiendo")]
    [InlineData("No está nada mal, la verdad")]
    [InlineData("Great service, thanks!")]
    [InlineData("I love it 😍")]
    [InlineData("Amazing staff, very helpful")]
    [InlineData("Not bad at all")]
    public void Clearly_positive_messages_score_above_0_3(string text) => Assert.True(SentimentScorer.Score(text) > 0.3, $"{text}: {SentimentScorer.Score(text)}");

    [Theory]
    [InlineData("Pésimo servicio, llegaron tarde")]
    [InlineData("Terrible experiencia")]
    [InlineData("Estoy muy molesto 😡")]
    [InlineData("No me gusta nada cómo me atendieron")]
    [InlineData("La atención fue lenta y grosera")]
    [InlineData("The service was awful and slow")]
    [InlineData("This is the worst")]
    [InlineData("I'm not happy with my booking")]
    [InlineData("Very disappointed 👎")]
    public void Clearly_negative_messages_score_below_minus_0_3(string text) => Assert.True(SentimentScorer.Score(text) < -0.3, $"{text}: {SentimentScorer.Score(text)}");

    [Theory]
    [InlineData("Quiero reservar una cita para mañana")]
    [InlineData("Buenas tardes")]
    [InlineData("Buenos días, ¿a qué hora abren?")]
    [InlineData("La cita es esta tarde, por la tarde no puedo ir")]
    [InlineData("Quiero cancelar mi cita")]
    [InlineData("De nada")]
    [InlineData("I want to book an appointment")]
    [InlineData("Good morning")]
    [InlineData("My number is 12345")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!... 🤔")]
    [InlineData(null)]
    public void Neutral_or_empty_messages_score_exactly_0(string? text) => Assert.Equal(0, SentimentScorer.Score(text));

    [Theory]
    [InlineData("bueno", "no es bueno")]
    [InlineData("me gusta", "no me gusta")]
    [InlineData("funciona", "nunca funciona")]
    [InlineData("good", "not good")]
    [InlineData("helpful", "wasn't helpful")]
    [InlineData("mal", "no está mal")]
    [InlineData("bad", "not bad")]
    [InlineData("problema", "sin problema")]
    public void A_negation_flips_the_sign(string plain, string negated)
    {
        var (before, after) = (SentimentScorer.Score(plain), SentimentScorer.Score(negated));

        Assert.NotEqual(0, before);
        Assert.Equal(-Math.Sign(before), Math.Sign(after));
        Assert.True(Math.Abs(after) < Math.Abs(before), "a negated word is weaker than the word itself (VADER's -0.74)");
    }

    [Fact]
    public void A_negation_does_not_reach_across_punctuation()
    {
        Assert.True(SentimentScorer.Score("No, el servicio fue excelente") > 0.3);
    }

    [Theory]
    [InlineData("bueno", "muy bueno")]
    [InlineData("malo", "súper malo")]
    [InlineData("good", "very good")]
    [InlineData("slow", "extremely slow")]
    public void Boosters_strengthen(string plain, string boosted) =>
        Assert.True(Math.Abs(SentimentScorer.Score(boosted)) > Math.Abs(SentimentScorer.Score(plain)));

    [Theory]
    [InlineData("lento", "un poco lento")]
    [InlineData("slow", "a bit slow")]
    public void Dampeners_weaken_without_flipping(string plain, string dampened)
    {
        Assert.Equal(Math.Sign(SentimentScorer.Score(plain)), Math.Sign(SentimentScorer.Score(dampened)));
        Assert.True(Math.Abs(SentimentScorer.Score(dampened)) < Math.Abs(SentimentScorer.Score(plain)));
    }

    [Theory]
    [InlineData("El lugar es bonito pero la atención fue pésima")]
    [InlineData("The food was good but the service was terrible")]
    public void After_but_the_clause_that_follows_decides(string text) => Assert.True(SentimentScorer.Score(text) < 0);

    [Fact]
    public void Matching_ignores_case_and_accents()
    {
        var score = SentimentScorer.Score("pésimo");

        Assert.Equal(score, SentimentScorer.Score("PÉSIMO"));
        Assert.Equal(score, SentimentScorer.Score("pesimo"));
        Assert.Equal(score, SentimentScorer.Score("Pe\u0301simo"));
    }

    [Fact]
    public void Tarde_is_late_alone_and_the_afternoon_in_a_phrase()
    {
        Assert.True(SentimentScorer.Score("llegaron muy tarde") < 0);
        Assert.Equal(0, SentimentScorer.Score("mañana en la tarde"));
        Assert.Equal(0, SentimentScorer.Score("buenas tardes"));
    }

    [Fact]
    public void Every_lexicon_term_scores_alone_with_the_sign_of_its_weight()
    {
        var path = Path.Combine(RepositoryPaths.Root, "FeatureStore.Core", "Transformers", "Text", "Data", "sentiment-lexicon.tsv");
        var rows = File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1).Select(l => l.Split('\t')).ToList();

        Assert.True(rows.Count >= 300, $"the lexicon has {rows.Count} terms");
        foreach (var (term, kind, value) in rows.Select(r => (r[0], r[1], double.Parse(r[2], CultureInfo.InvariantCulture))))
        {
            var expected = kind == "word" ? Math.Sign(value) : 0;
            Assert.True(Math.Sign(SentimentScorer.Score(term)) == expected, $"{term} ({kind} {value}) scored {SentimentScorer.Score(term)}");
        }
    }

    [Fact]
    public void Scores_stay_within_minus_1_and_1_on_random_text()
    {
        var random = new Random(20261124);
        string[] pieces = ["excelente", "gracias", "pésimo", "no", "muy", "not", "very", "great", "awful", "pero", "but", "😡", "😍", ",", "!", "?", "¿", "¡", "la", "tarde", "x", "🤔", "\n", "ñ", "123"];
        for (var n = 0; n < 2000; n++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(0, 60); i > 0; i--)
            {
                text.Append(random.Next(3) == 0 ? (char)random.Next(32, 0x2FFF) : pieces[random.Next(pieces.Length)]).Append(' ');
            }

            var score = SentimentScorer.Score(text.ToString());
            Assert.InRange(score, -1, 1);
            Assert.False(double.IsNaN(score));
        }

        Assert.InRange(SentimentScorer.Score(string.Concat(Enumerable.Repeat("excelente ", 500))), 0.99, 1);
    }
}
