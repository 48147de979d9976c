using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FeatureStore.Core.Registry.Versioning;
using FeatureStore.Core.Time;

namespace FeatureStore.Core.Registry.Definitions;

/// <summary>
/// Reads a definition from JSON, collecting every problem field by field (not just the first),
/// and writes the canonical JSON the registry stores, hashes and diffs.
/// </summary>
public static partial class FeatureSpecJson
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>Reads one definition; returns null with problems when it is not valid.</summary>
    /// <param name="json">The definition object.</param>
    /// <param name="origin">Where it came from (a file name), for problems when the name is unreadable.</param>
    /// <param name="problems">Receives every problem found.</param>
    public static FeatureSpec? Read(JsonElement json, string origin, ICollection<DefinitionProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (json.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(origin, "", "a definition must be a JSON object"));
            return null;
        }

        var name = String(json, "name");
        var feature = name is not null && NamePattern().IsMatch(name) ? name : origin;
        var found = new List<DefinitionProblem>();
        void Problem(string field, string message) => found.Add(new(feature, field, message));

        CheckFields(json, "", KnownFields, ["name", "version", "entityType", "description", "owner", "refresh", "ttl", "stalePolicy"], Problem);
        if (json.TryGetProperty("valueType", out var valueTypeJson) && valueTypeJson.ValueKind == JsonValueKind.Object)
        {
            CheckFields(valueTypeJson, "valueType.", KnownValueTypeFields, ["kind", "elementType"], Problem);
        }

        if (json.TryGetProperty("computation", out var computationJson) && computationJson.ValueKind == JsonValueKind.Object)
        {
            CheckFields(computationJson, "computation.", KnownComputationFields, ["source", "aggregation", "field", "window"], Problem);
        }

        if (name is null && !json.TryGetProperty("name", out _))
        {
            Problem("name", "required: entity:feature_name, e.g. user:booking_rate");
        }
        else if (name is not null && !NamePattern().IsMatch(name))
        {
            Problem("name", $"'{name}' must look like entity:feature_name (lower case letters, digits, underscores)");
        }

        var versionText = String(json, "version");
        var version = SemanticVersion.Initial;
        if (versionText is not null && !SemanticVersion.TryParse(versionText, out version))
        {
            Problem("version", $"'{versionText}' must be MAJOR.MINOR.PATCH, e.g. 1.0.0");
        }

        var entityType = String(json, "entityType");
        if (entityType is null)
        {
            Problem("entityType", "required: tenant, user, conversation, message, or another entity type");
        }
        else if (!IdentifierPattern().IsMatch(entityType))
        {
            Problem("entityType", $"'{entityType}' must be a lower-case identifier");
        }

        var value = ReadValueSchema(json, Problem);
        var computation = ReadComputation(json, Problem);

        var refresh = String(json, "refresh") ?? "";
        if (!RefreshSchedules.IsValid(refresh))
        {
            Problem("refresh", $"'{refresh}' must be one of {string.Join(", ", RefreshSchedules.Named)} or a five-field cron expression");
        }

        TimeSpan? ttl = null;
        var ttlText = String(json, "ttl");
        if (ttlText is not null && !Durations.TryParse(ttlText, out ttl))
        {
            Problem("ttl", $"'{ttlText}' must be a duration such as 30m, 24h or 7d");
        }

        var policyText = String(json, "stalePolicy");
        if (policyText is not (null or "flag" or "omit"))
        {
            Problem("stalePolicy", $"'{policyText}' must be flag (serve stale values marked stale) or omit (serve none)");
        }

        var tags = StringList(json, "tags", Problem) ?? [];
        foreach (var tag in tags.Where(t => !IdentifierPattern().IsMatch(t.Replace('-', '_'))))
        {
            Problem("tags", $"'{tag}' must be a lower-case word (letters, digits, '_' or '-')");
        }

        foreach (var p in found)
        {
            problems.Add(p);
        }

        return found.Count > 0 ? null : new FeatureSpec(
            name!, version, entityType!, value!, String(json, "description"), String(json, "owner"),
            tags.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), computation!, refresh, ttl,
            policyText == "omit" ? StalePolicy.Omit : StalePolicy.Flag);
    }

    /// <summary>The canonical JSON object of a definition: fixed field order, absent optionals omitted.</summary>
    public static JsonObject ToJson(FeatureSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var value = new JsonObject { ["kind"] = spec.Value.Kind.ToWireName() };
        if (spec.Value.AllowedValues is { } allowed)
        {
            value["allowedValues"] = new JsonArray([.. allowed.Select(a => (JsonNode)a)]);
        }

        if (spec.Value.ElementType is { } element)
        {
            value["elementType"] = element.ToWireName();
        }

        if (spec.Value.MaxLength is { } maxLength)
        {
            value["maxLength"] = maxLength;
        }

        if (spec.Value.JsonSchema is { } schema)
        {
            value["jsonSchema"] = JsonNode.Parse(schema);
        }

        if (spec.Value.Dimension is { } dimension)
        {
            value["dimension"] = dimension;
        }

        var computation = new JsonObject { ["source"] = spec.Computation.Source, ["aggregation"] = spec.Computation.Aggregation };
        if (spec.Computation.Field is { } field)
        {
            computation["field"] = field;
        }

        if (spec.Computation.Window is { } window)
        {
            computation["window"] = Durations.Format(window);
        }

        if (spec.Computation.Filters.Count > 0)
        {
            computation["filters"] = SortedObject(spec.Computation.Filters);
        }

        if (spec.Computation.Parameters.Count > 0)
        {
            computation["parameters"] = SortedObject(spec.Computation.Parameters);
        }

        var json = new JsonObject
        {
            ["name"] = spec.Name,
            ["version"] = spec.Version.ToString(),
            ["entityType"] = spec.EntityType,
            ["valueType"] = value,
        };
        if (spec.Description is not null)
        {
            json["description"] = spec.Description;
        }

        if (spec.Owner is not null)
        {
            json["owner"] = spec.Owner;
        }

        json["tags"] = new JsonArray([.. spec.Tags.Select(t => (JsonNode)t)]);
        json["computation"] = computation;
        json["refresh"] = spec.Refresh;
        if (spec.TimeToLive is { } ttl)
        {
            json["ttl"] = Durations.Format(ttl);
        }

        // Written only when not the default, so definitions stored before the field existed stay identical.
        if (spec.StalePolicy == StalePolicy.Omit)
        {
            json["stalePolicy"] = "omit";
        }

        return json;
    }

    /// <summary>The canonical JSON text (compact), as stored in the registry.</summary>
    public static string ToJsonText(FeatureSpec spec) => ToJson(spec).ToJsonString(Compact);

    /// <summary>Reads a definition the registry stored (it was valid when written).</summary>
    public static FeatureSpec FromStored(string json)
    {
        using var document = JsonDocument.Parse(json);
        var problems = new List<DefinitionProblem>();
        return Read(document.RootElement, "stored definition", problems)
            ?? throw new InvalidOperationException("a stored definition no longer reads: " + string.Join("; ", problems));
    }

    private static readonly HashSet<string> KnownFields =
        ["$schema", "name", "version", "entityType", "valueType", "description", "owner", "tags", "computation", "refresh", "ttl", "stalePolicy"];

    private static readonly HashSet<string> KnownValueTypeFields = ["kind", "allowedValues", "elementType", "maxLength", "jsonSchema", "dimension"];

    private static readonly HashSet<string> KnownComputationFields = ["source", "aggregation", "field", "window", "filters", "parameters"];

    // A typo'd field ("windw") or a number where text belongs ("version": 2) would otherwise be
    // silently ignored and change what the definition means: both are reported.
    private static void CheckFields(JsonElement json, string prefix, HashSet<string> known, string[] textFields, Action<string, string> problem)
    {
        foreach (var property in json.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                problem(prefix + property.Name, $"unknown field; known fields are {string.Join(", ", known.Where(f => f != "$schema"))}");
            }
            else if (textFields.Contains(property.Name) && property.Value.ValueKind != JsonValueKind.String)
            {
                problem(prefix + property.Name, $"must be a string, not {property.Value.GetRawText()}");
            }
        }
    }

    private static FeatureValueSchema? ReadValueSchema(JsonElement json, Action<string, string> problem)
    {
        if (!json.TryGetProperty("valueType", out var valueType))
        {
            problem("valueType", $"required: one of {string.Join(", ", FeatureValueTypes.WireNames)} (or an object with 'kind')");
            return null;
        }

        // "valueType": "numeric" is shorthand for {"kind": "numeric"}.
        var kindText = valueType.ValueKind == JsonValueKind.String ? valueType.GetString() : String(valueType, "kind");
        if (!FeatureValueTypes.TryParse(kindText, out var kind))
        {
            problem("valueType.kind", $"'{kindText}' must be one of {string.Join(", ", FeatureValueTypes.WireNames)}");
            return null;
        }

        var shape = valueType.ValueKind == JsonValueKind.Object ? valueType : default;
        var has = (string field) => shape.ValueKind == JsonValueKind.Object && shape.TryGetProperty(field, out _);
        void OnlyFor(string field, FeatureValueType owner)
        {
            if (has(field) && kind != owner)
            {
                problem($"valueType.{field}", $"only {owner.ToWireName()} features take {field}");
            }
        }

        OnlyFor("allowedValues", FeatureValueType.Categorical);
        OnlyFor("elementType", FeatureValueType.Array);
        OnlyFor("maxLength", FeatureValueType.Array);
        OnlyFor("jsonSchema", FeatureValueType.Json);
        OnlyFor("dimension", FeatureValueType.Vector);

        switch (kind.Value)
        {
            case FeatureValueType.Categorical:
                var allowed = shape.ValueKind == JsonValueKind.Object ? StringList(shape, "allowedValues", (f, m) => problem("valueType." + f, m)) : null;
                if (allowed is { Count: 0 })
                {
                    problem("valueType.allowedValues", "must list at least one value, or be left out to allow any");
                }

                if (allowed is not null && allowed.Distinct(StringComparer.Ordinal).Count() != allowed.Count)
                {
                    problem("valueType.allowedValues", "must not repeat a value");
                }

                return new FeatureValueSchema(kind.Value, AllowedValues: allowed);

            case FeatureValueType.Array:
                var elementText = String(shape, "elementType");
                if (!FeatureValueTypes.TryParse(elementText, out var element) || element is FeatureValueType.Array)
                {
                    problem("valueType.elementType", $"'{elementText}' must be one of {string.Join(", ", FeatureValueTypes.WireNames.Where(n => n != "array"))}");
                    return null;
                }

                var maxLength = PositiveInt(shape, "maxLength", "valueType.maxLength", required: false, problem);
                return new FeatureValueSchema(kind.Value, ElementType: element, MaxLength: maxLength);

            case FeatureValueType.Json:
                string? schema = null;
                if (shape.ValueKind == JsonValueKind.Object && shape.TryGetProperty("jsonSchema", out var schemaJson))
                {
                    if (schemaJson.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
                    {
                        problem("valueType.jsonSchema", "must be a JSON Schema object");
                    }
                    else
                    {
                        schema = Canonical(JsonNode.Parse(schemaJson.GetRawText()))!.ToJsonString(Compact);
                        try
                        {
                            Json.Schema.JsonSchema.FromText(schema);
                        }
                        catch (JsonException error)
                        {
                            problem("valueType.jsonSchema", $"is not a valid JSON Schema: {error.Message}");
                        }
                    }
                }

                return new FeatureValueSchema(kind.Value, JsonSchema: schema);

            case FeatureValueType.Vector:
                var dimension = PositiveInt(shape, "dimension", "valueType.dimension", required: true, problem);
                return dimension is null ? null : new FeatureValueSchema(kind.Value, Dimension: dimension);

            default:
                return new FeatureValueSchema(kind.Value);
        }
    }

    private static ComputationSpec? ReadComputation(JsonElement json, Action<string, string> problem)
    {
        if (!json.TryGetProperty("computation", out var computation) || computation.ValueKind != JsonValueKind.Object)
        {
            problem("computation", "required: an object with source and aggregation (and optionally field, window, filters, parameters)");
            return null;
        }

        var ok = true;
        var source = String(computation, "source");
        if (source is null || !IdentifierPattern().IsMatch(source))
        {
            problem("computation.source", $"'{source}' must name a source (a lower-case identifier such as messages)");
            ok = false;
        }

        var aggregation = String(computation, "aggregation");
        if (aggregation is null || !Aggregations.Known.Contains(aggregation))
        {
            problem("computation.aggregation", $"'{aggregation}' must be one of {string.Join(", ", Aggregations.Known.Order(StringComparer.Ordinal))}");
            ok = false;
        }

        TimeSpan? window = null;
        var windowText = String(computation, "window");
        if (windowText is not null && !Durations.TryParse(windowText, out window))
        {
            problem("computation.window", $"'{windowText}' must be a duration such as 24h or 7d");
            ok = false;
        }

        var filters = StringMap(computation, "filters", "computation.filters", problem, ref ok);
        var parameters = StringMap(computation, "parameters", "computation.parameters", problem, ref ok);
        if (parameters.TryGetValue("timezone", out var zone) && zone != Serving.RequestTimeTransforms.TenantZone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            problem("computation.parameters.timezone", $"'{zone}' is not a known time zone (IANA name, e.g. America/Mexico_City, or tenant for the entity's tenant's zone)");
            ok = false;
        }
        return ok ? new ComputationSpec(source!, aggregation!, String(computation, "field"), window, filters, parameters) : null;
    }

    private static string? String(JsonElement json, string field) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static int? PositiveInt(JsonElement json, string field, string path, bool required, Action<string, string> problem)
    {
        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty(field, out var value))
        {
            if (required)
            {
                problem(path, "required: a whole number greater than 0");
            }

            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number > 0)
        {
            return number;
        }

        problem(path, $"{value.GetRawText()} must be a whole number greater than 0");
        return null;
    }

    private static List<string>? StringList(JsonElement json, string field, Action<string, string> problem)
    {
        if (!json.TryGetProperty(field, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            problem(field, "must be an array of strings");
            return null;
        }

        return value.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    private static Dictionary<string, string> StringMap(JsonElement json, string field, string path, Action<string, string> problem, ref bool ok)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!json.TryGetProperty(field, out var value))
        {
            return map;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            problem(path, "must be an object of names to values");
            ok = false;
            return map;
        }

        foreach (var entry in value.EnumerateObject())
        {
            // Numbers and booleans are accepted and kept in their JSON spelling ("10", "true").
            map[entry.Name] = entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString()! : entry.Value.GetRawText();
        }

        return map;
    }

    // Keys sorted at every level: the same schema compares equal whatever order it was written
    // in, and after a round trip through jsonb (which reorders keys).
    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Canonical)]),
        _ => node?.DeepClone(),
    };

    private static JsonObject SortedObject(IReadOnlyDictionary<string, string> map)
    {
        var json = new JsonObject();
        foreach (var (key, value) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            json[key] = value;
        }

        return json;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*:[a-z][a-z0-9_]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex IdentifierPattern();
}
