using System.Globalization;

namespace FeatureStore.SyntheticData;

/// <summary>How a tenant writes prices: "$1,250 MXN", "$180.000 COP", "54 €", "$45".</summary>
internal sealed record Currency(string Prefix, string Suffix, double PerUsd, int RoundTo, string ThousandsSeparator)
{
    public static readonly Currency Mxn = new("$", " MXN", 18, 10, ",");
    public static readonly Currency Cop = new("$", " COP", 4000, 1000, ".");
    public static readonly Currency Eur = new("", " €", 0.9, 1, ".");
    public static readonly Currency Usd = new("$", "", 1, 5, ",");
    public static readonly Currency Ars = new("$", " ARS", 1000, 1000, ".");
    public static readonly Currency Pen = new("S/ ", "", 3.7, 5, ",");
    public static readonly Currency Clp = new("$", " CLP", 900, 1000, ".");

    public string Format(int priceUsd)
    {
        var amount = (long)Math.Max(RoundTo, Math.Round(priceUsd * PerUsd / RoundTo) * RoundTo);
        var digits = amount.ToString("#,0", CultureInfo.InvariantCulture).Replace(",", ThousandsSeparator, StringComparison.Ordinal);
        return Prefix + digits + Suffix;
    }
}
