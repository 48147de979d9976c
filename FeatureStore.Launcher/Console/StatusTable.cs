using System.Globalization;
using System.Text;
using FeatureStore.Launcher.Resources;

namespace FeatureStore.Launcher.Console;

/// <summary>Renders every resource's name, state and target as an aligned table.</summary>
public static class StatusTable
{
    public static string Render(IEnumerable<Resource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var rows = resources.Select(r => (r.Name, State: r.Detail is null ? r.State.ToString() : $"{r.State} ({r.Detail})", r.Target)).ToList();
        var nameWidth = Math.Max("RESOURCE".Length, rows.Max(r => r.Name.Length));
        var stateWidth = Math.Max("STATE".Length, rows.Max(r => r.State.Length));
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{"RESOURCE".PadRight(nameWidth)}  {"STATE".PadRight(stateWidth)}  TARGET");
        foreach (var (name, state, target) in rows)
        {
            text.AppendLine().Append(string.Create(CultureInfo.InvariantCulture, $"{name.PadRight(nameWidth)}  {state.PadRight(stateWidth)}  {target}").TrimEnd());
        }

        return text.ToString();
    }
}
