using FeatureStore.Core.Registry.Definitions;

namespace FeatureStore.Core.Tests.Transformers.Text;

/// <summary>Computations as the message catalog declares them.</summary>
internal static class TextSpecs
{
    public static ComputationSpec Computation(string aggregation, Dictionary<string, string>? parameters = null) =>
        new("messages", aggregation, "text", null, new Dictionary<string, string>(), parameters ?? []);
}
