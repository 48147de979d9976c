using System.Globalization;
using System.Xml.Linq;
using FeatureStore.Core.Registry;
using FeatureStore.Drift.Plots;

namespace FeatureStore.Drift.Tests.Plots;

public sealed class SvgDistributionPlotTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void A_numeric_feature_is_drawn_as_overlaid_histograms()
    {
        var random = new Random(4);
        var svg = SvgDistributionPlot.Histogram("user:minutes", "value", Generated.Normal(random, 500, 30, 5), Generated.Normal(random, 300, 33, 5), bins: 20);

        var root = Parse(svg);
        Assert.Equal(20, Series(root, "baseline").Count());
        Assert.Equal(20, Series(root, "current").Count());

        // Bar heights are shares of each series' own values: the plot area (280 high) spans 0 to the top tick,
        // so the heights of a series add up to 280 / top tick.
        var top = Ticks(root, "y").Elements(Svg + "text").Select(t => t.Value).Where(v => v.EndsWith('%'))
            .Max(v => double.Parse(v.TrimEnd('%').Trim(), CultureInfo.InvariantCulture) / 100);
        Assert.Equal(280 / top, Series(root, "baseline").Sum(r => Coordinate(r, "height")), 0.5);
        Assert.Equal(280 / top, Series(root, "current").Sum(r => Coordinate(r, "height")), 0.5);
    }

    [Fact]
    public void A_categorical_feature_is_drawn_as_grouped_bars_with_rare_labels_pooled()
    {
        var baseline = Enumerable.Range(0, 15).ToDictionary(i => $"label{i:D2}", i => 100 - i);
        var current = new Dictionary<string, int> { ["label00"] = 50, ["new"] = 300 };

        var root = Parse(SvgDistributionPlot.Bars("user:plan", baseline, current));

        // 16 labels: the 11 most frequent and "(other)" are drawn.
        Assert.Equal(12, Series(root, "baseline").Count());
        Assert.Equal(12, Series(root, "current").Count());
        var ticks = Ticks(root, "x").Elements(Svg + "text").Select(t => t.Value).ToList();
        Assert.Equal("new", ticks[0]);
        Assert.Contains("(other)", ticks);
    }

    [Fact]
    public void Labels_are_escaped_and_every_sample_kind_has_a_plot_but_json()
    {
        var random = new Random(6);
        var title = "user:<odd> & \"quoted\"";
        Assert.Equal(title, Parse(SvgDistributionPlot.Bars(title, new Dictionary<string, int> { ["a<b"] = 1 }, new Dictionary<string, int>()))
            .Element(Svg + "title")!.Value);

        Parse(SvgDistributionPlot.For("f", Generated.ArraySample([1, 2, 3]), Generated.ArraySample([]))!);
        Parse(SvgDistributionPlot.For("f", Generated.VectorSample(Generated.Cluster(random, 50, 4)), Generated.VectorSample(Generated.Cluster(random, 50, 4, 30)))!);
        Parse(SvgDistributionPlot.For("f", Generated.NumericSample([5, 5, 5]), Generated.NumericSample([5]))!);
        Assert.Null(SvgDistributionPlot.For("f", Generated.NumericSample([]) with { Kind = FeatureValueType.Json }, Generated.NumericSample([]) with { Kind = FeatureValueType.Json }));
    }

    /// <summary>Parses the document and checks what every plot must have: an SVG 1.1 root, a title, two axes, a legend, finite coordinates inside the canvas.</summary>
    private static XElement Parse(string svg)
    {
        var root = XDocument.Parse(svg).Root!;
        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("1.1", root.Attribute("version")?.Value);
        Assert.Equal("0 0 640 400", root.Attribute("viewBox")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(root.Element(Svg + "title")?.Value));
        Assert.Equal(["x-axis", "y-axis"], Axes(root).Elements(Svg + "line").Select(l => l.Attribute("class")?.Value));
        Assert.NotEmpty(Ticks(root, "x").Elements(Svg + "text"));
        Assert.Equal(3, Ticks(root, "y").Elements(Svg + "text").Count());

        var legend = root.Elements(Svg + "g").Single(g => g.Attribute("class")?.Value == "legend");
        Assert.Equal(2, legend.Elements(Svg + "rect").Count());
        Assert.Collection(legend.Elements(Svg + "text"), t => Assert.StartsWith("baseline (n = ", t.Value), t => Assert.StartsWith("current (n = ", t.Value));

        foreach (var rect in root.Descendants(Svg + "rect").Where(r => r.Attribute("x") is not null))
        {
            var (x, y, width, height) = (Coordinate(rect, "x"), Coordinate(rect, "y"), Coordinate(rect, "width"), Coordinate(rect, "height"));
            Assert.InRange(x, 0, 640);
            Assert.InRange(x + width, 0, 640);
            Assert.InRange(y, 0, 400);
            Assert.InRange(y + height, 0, 400);
        }

        return root;
    }

    private static XElement Axes(XElement root) => root.Elements(Svg + "g").Single(g => g.Attribute("class")?.Value == "axes");

    private static XElement Ticks(XElement root, string axis) => Axes(root).Elements(Svg + "g").Single(g => g.Attribute("class")?.Value == axis + "-ticks");

    private static IEnumerable<XElement> Series(XElement root, string name) =>
        root.Elements(Svg + "g").Single(g => g.Attribute("class")?.Value == "series " + name).Elements(Svg + "rect");

    private static double Coordinate(XElement element, string attribute)
    {
        var value = double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);
        Assert.True(double.IsFinite(value), $"{attribute} = {value}");
        return value;
    }
}
