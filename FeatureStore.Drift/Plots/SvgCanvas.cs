using System.Globalization;
using System.Xml.Linq;

namespace FeatureStore.Drift.Plots;

/// <summary>
/// The frame every distribution plot shares: an SVG 1.1 document with a title, a plot area with two axes,
/// and a legend for the baseline and current series. Built with XLinq, so labels are always escaped.
/// </summary>
internal sealed class SvgCanvas
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public const double Width = 640;
    public const double Height = 400;
    public const double Left = 60;
    public const double Right = 620;
    public const double Top = 50;
    public const double Bottom = 330;

    public const string BaselineColour = "#4c78a8";
    public const string CurrentColour = "#f58518";

    private readonly XElement _root;
    private readonly XElement _axes = Group("axes");
    private readonly XElement _xTicks = Group("x-ticks");
    private readonly XElement _yTicks = Group("y-ticks");

    public SvgCanvas(string title, string description)
    {
        _root = new XElement(Svg + "svg",
            new XAttribute("version", "1.1"),
            new XAttribute("width", Number(Width)),
            new XAttribute("height", Number(Height)),
            new XAttribute("viewBox", $"0 0 {Number(Width)} {Number(Height)}"),
            new XAttribute("font-family", "sans-serif"),
            new XAttribute("font-size", "11"),
            new XElement(Svg + "title", title),
            new XElement(Svg + "desc", description),
            new XElement(Svg + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "white")),
            Text(Left, 28, title, "start", "14"),
            _axes);
        _axes.Add(Line(Left, Bottom, Right, Bottom, "x-axis"), Line(Left, Bottom, Left, Top, "y-axis"), _xTicks, _yTicks);
    }

    /// <summary>Plot-area height of a share in [0, <paramref name="maximum"/>].</summary>
    public static double Y(double share, double maximum) => Bottom - ((Bottom - Top) * share / maximum);

    public static string Number(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);

    public static XElement Group(string cssClass) => new(Svg + "g", new XAttribute("class", cssClass));

    public static XElement Bar(double x, double y, double width, string colour) =>
        new(Svg + "rect",
            new XAttribute("x", Number(x)),
            new XAttribute("y", Number(y)),
            new XAttribute("width", Number(Math.Max(width, 0))),
            new XAttribute("height", Number(Math.Max(Bottom - y, 0))),
            new XAttribute("fill", colour),
            new XAttribute("fill-opacity", "0.6"));

    public static XElement Text(double x, double y, string text, string anchor = "middle", string? size = null)
    {
        var element = new XElement(Svg + "text", new XAttribute("x", Number(x)), new XAttribute("y", Number(y)), new XAttribute("text-anchor", anchor), text);
        if (size is not null)
        {
            element.Add(new XAttribute("font-size", size));
        }

        return element;
    }

    /// <summary>Adds a tick with its label under the x axis.</summary>
    public void XTick(double x, string label) =>
        _xTicks.Add(Line(x, Bottom, x, Bottom + 5), Text(x, Bottom + 18, label));

    /// <summary>Adds the share ticks (0, half, the maximum) left of the y axis, and the axes' titles.</summary>
    public void ShareAxis(double maximum, string xTitle)
    {
        foreach (var share in new[] { 0, maximum / 2, maximum })
        {
            var y = Y(share, maximum);
            _yTicks.Add(Line(Left - 5, y, Left, y), Text(Left - 8, y + 4, share.ToString("P0", CultureInfo.InvariantCulture), "end"));
        }

        var yTitle = Text(15, (Top + Bottom) / 2, "share of values");
        yTitle.Add(new XAttribute("transform", $"rotate(-90 15 {Number((Top + Bottom) / 2)})"));
        _axes.Add(Text((Left + Right) / 2, Bottom + 40, xTitle), yTitle);
    }

    public void Add(XElement element) => _root.Add(element);

    /// <summary>The finished document; the legend sits above the plot area, right of the title, where no bar reaches.</summary>
    public string Render(int baselineCount, int currentCount)
    {
        var legend = Group("legend");
        var entries = new[] { ("baseline", BaselineColour, baselineCount), ("current", CurrentColour, currentCount) };
        for (var i = 0; i < entries.Length; i++)
        {
            var (name, colour, count) = entries[i];
            var y = 8 + (i * 18);
            legend.Add(
                new XElement(Svg + "rect", new XAttribute("x", Number(Right - 130)), new XAttribute("y", Number(y)), new XAttribute("width", "12"), new XAttribute("height", "12"), new XAttribute("fill", colour), new XAttribute("fill-opacity", "0.6")),
                Text(Right - 112, y + 10, string.Create(CultureInfo.InvariantCulture, $"{name} (n = {count})"), "start"));
        }

        _root.Add(legend);
        return new XDeclaration("1.0", "utf-8", null) + "\n" + _root;
    }

    private static XElement Line(double x1, double y1, double x2, double y2, string? cssClass = null)
    {
        var line = new XElement(Svg + "line",
            new XAttribute("x1", Number(x1)),
            new XAttribute("y1", Number(y1)),
            new XAttribute("x2", Number(x2)),
            new XAttribute("y2", Number(y2)),
            new XAttribute("stroke", "black"));
        if (cssClass is not null)
        {
            line.Add(new XAttribute("class", cssClass));
        }

        return line;
    }
}
