namespace FeatureStore.Core.Registry.Definitions;

/// <summary>One thing wrong with one definition: which feature (or file), which field, and what to do.</summary>
/// <param name="Feature">The feature name, or the file when the name itself is unreadable.</param>
/// <param name="Field">The field's JSON path within the definition (<c>valueType.dimension</c>), or empty for the whole.</param>
/// <param name="Message">What is wrong, phrased so the fix is clear.</param>
public sealed record DefinitionProblem(string Feature, string Field, string Message)
{
    /// <summary><c>feature: field: message</c>.</summary>
    public override string ToString() => Field.Length == 0 ? $"{Feature}: {Message}" : $"{Feature}: {Field}: {Message}";
}
