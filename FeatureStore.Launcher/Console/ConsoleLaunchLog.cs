namespace FeatureStore.Launcher.Console;

/// <summary>Writes lines to the console as <c>name | text</c>, one writer at a time so lines never interleave.</summary>
public sealed class ConsoleLaunchLog : ILaunchLog
{
    private static readonly ConsoleColor[] Palette =
        [ConsoleColor.Cyan, ConsoleColor.Green, ConsoleColor.Magenta, ConsoleColor.Yellow, ConsoleColor.Blue, ConsoleColor.DarkCyan];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, ConsoleColor> _colors = [];
    private readonly bool _useColor = !System.Console.IsOutputRedirected;

    public void Line(string source, string text)
    {
        lock (_gate)
        {
            if (_useColor)
            {
                System.Console.ForegroundColor = ColorOf(source);
            }

            System.Console.Write($"{source,-12} | ");
            if (_useColor)
            {
                System.Console.ResetColor();
            }

            System.Console.WriteLine(text);
        }
    }

    private ConsoleColor ColorOf(string source)
    {
        if (!_colors.TryGetValue(source, out var color))
        {
            color = Palette[_colors.Count % Palette.Length];
            _colors[source] = color;
        }

        return color;
    }
}
