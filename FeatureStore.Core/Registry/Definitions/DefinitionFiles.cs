using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FeatureStore.Core.Registry.Definitions;

/// <summary>
/// Loads definitions as code: every <c>*.json</c> under a folder (one definition per file; the
/// <c>schema/</c> folder and <c>variables.json</c> excepted). A string value <c>"${name}"</c> is
/// replaced by variable <c>name</c> from <c>variables.json</c>, or from an override, so one
/// setting (the embedding dimension) configures every feature that uses it.
/// </summary>
public static partial class DefinitionFiles
{
    /// <summary>The file of variables beside the definitions.</summary>
    public const string VariablesFile = "variables.json";

    /// <summary>Reads every definition under <paramref name="directory"/>; problems name the file and field.</summary>
    /// <param name="directory">The definitions folder (e.g. <c>features/</c>).</param>
    /// <param name="overrides">Variable values that win over <c>variables.json</c> (from configuration).</param>
    public static (IReadOnlyList<FeatureSpec> Specs, IReadOnlyList<DefinitionProblem> Problems) Load(
        string directory, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var problems = new List<DefinitionProblem>();
        var specs = new List<FeatureSpec>();
        if (!Directory.Exists(directory))
        {
            problems.Add(new(directory, "", "the definitions folder does not exist"));
            return (specs, problems);
        }

        var variables = LoadVariables(directory, overrides, problems);
        var files = Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != VariablesFile && !Path.GetRelativePath(directory, f).StartsWith("schema" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var origin = Path.GetRelativePath(directory, file);
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(File.ReadAllText(file), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }
            catch (JsonException error)
            {
                problems.Add(new(origin, "", $"not valid JSON: {error.Message}"));
                continue;
            }

            if (node is null || !Substitute(node, variables, origin, problems))
            {
                continue;
            }

            using var document = JsonDocument.Parse(node.ToJsonString());
            if (FeatureSpecJson.Read(document.RootElement, origin, problems) is { } spec)
            {
                specs.Add(spec);
            }
        }

        return (specs, problems);
    }

    private static Dictionary<string, JsonNode?> LoadVariables(string directory, IReadOnlyDictionary<string, string>? overrides, List<DefinitionProblem> problems)
    {
        var variables = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var path = Path.Combine(directory, VariablesFile);
        if (File.Exists(path))
        {
            try
            {
                if (JsonNode.Parse(File.ReadAllText(path)) is JsonObject declared)
                {
                    foreach (var (name, value) in declared)
                    {
                        variables[name] = value?.DeepClone();
                    }
                }
            }
            catch (JsonException error)
            {
                problems.Add(new(VariablesFile, "", $"not valid JSON: {error.Message}"));
            }
        }

        foreach (var (name, text) in overrides ?? new Dictionary<string, string>())
        {
            // An override is JSON when it parses as such (384 → number), else a plain string.
            try
            {
                variables[name] = JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                variables[name] = JsonValue.Create(text);
            }
        }

        return variables;
    }

    private static bool Substitute(JsonNode node, Dictionary<string, JsonNode?> variables, string origin, List<DefinitionProblem> problems)
    {
        var ok = true;
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (Replacement(obj[key], variables, origin, key, problems, ref ok) is { } replaced)
                    {
                        obj[key] = replaced.Value;
                    }
                    else if (obj[key] is { } child)
                    {
                        ok &= Substitute(child, variables, origin, problems);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Replacement(array[i], variables, origin, $"[{i}]", problems, ref ok) is { } replaced)
                    {
                        array[i] = replaced.Value;
                    }
                    else if (array[i] is { } child)
                    {
                        ok &= Substitute(child, variables, origin, problems);
                    }
                }

                break;
        }

        return ok;
    }

    private static (JsonNode? Value, bool Found)? Replacement(JsonNode? node, Dictionary<string, JsonNode?> variables, string origin, string field, List<DefinitionProblem> problems, ref bool ok)
    {
        if (node is not JsonValue value || !value.TryGetValue<string>(out var text) || VariablePattern().Match(text) is not { Success: true } match)
        {
            return null;
        }

        var name = match.Groups[1].Value;
        if (variables.TryGetValue(name, out var replacement))
        {
            return (replacement?.DeepClone(), true);
        }

        // The field's path from the root ($.valueType.dimension → valueType.dimension), as problems name fields.
        var path = node.GetPath().TrimStart('$').TrimStart('.');
        problems.Add(new(origin, path.Length > 0 ? path : field, $"variable '{name}' is not defined in {VariablesFile}"));
        ok = false;
        return (null, false);
    }

    [GeneratedRegex(@"^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$")]
    private static partial Regex VariablePattern();
}
