using System.Globalization;
using System.Text;

namespace FeatureStore.SyntheticData;

/// <summary>
/// Fills a template's slots for one conversation and styles user messages the way people type on
/// their phones: sometimes all lower case without the opening ¿ or ¡, sometimes an emoji.
/// </summary>
internal sealed class Utterance(Phrasebook book, TenantContext tenant, Service service, DateTime appointmentLocal)
{
    private static readonly string[] Emojis = [" 🙏", " 😊", " 👍", " 🙂"];

    public Phrasebook Book => book;

    public string User(SeededRandom random, string[] templates)
    {
        var text = Fill(random, random.Pick(templates));
        if (random.Chance(book.Language == Languages.Spanish ? 0.15 : 0.12))
        {
            text = text.ToLower(CultureInfo.InvariantCulture).Replace("¿", "", StringComparison.Ordinal).Replace("¡", "", StringComparison.Ordinal);
        }

        if (random.Chance(0.05) && !text.Any(char.IsSurrogate))
        {
            text += random.Pick(Emojis);
        }

        return text;
    }

    public string Assistant(SeededRandom random, string[] templates) => Fill(random, random.Pick(templates));

    private string Fill(SeededRandom random, string template)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var language = book.Language;
        var profile = tenant.Profile;
        var text = new StringBuilder(template);
        // Only the slots the template has: formatting a price or a date nobody reads is most of the cost.
        void Put(string slot, Func<string> value)
        {
            if (template.Contains(slot, StringComparison.Ordinal))
            {
                text.Replace(slot, value());
            }
        }

        Put("{the_service}", () => service.WithArticle(language));
        Put("{service}", () => service.Name(language));
        Put("{price}", () => profile.Currency.Format(service.PriceUsd));
        Put("{minutes}", () => service.Minutes.ToString(CultureInfo.InvariantCulture));
        Put("{business}", () => tenant.Tenant.Name);
        Put("{address}", () => profile.Address);
        Put("{opens}", () => book.Clock(tenant.Tenant.OpensAt));
        Put("{closes}", () => book.Clock(tenant.Tenant.ClosesAt));
        Put("{slot}", () => book.Slot(appointmentLocal));
        Put("{day}", () => random.Pick(book.DayPhrases));
        Put("{time}", () => random.Pick(book.TimePhrases));
        return Capitalized(text);
    }

    // "la limpieza dental cuesta..." -> "La limpieza...", "¿la limpieza...?" -> "¿La limpieza...?"
    private static string Capitalized(StringBuilder text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsLetter(text[i]))
            {
                text[i] = char.ToUpperInvariant(text[i]);
                break;
            }

            if (text[i] is not ('¿' or '¡'))
            {
                break;
            }
        }

        return text.ToString();
    }
}
