using System.Globalization;
using System.Text.Json;
using FeatureStore.Benchmarks.Data;

namespace FeatureStore.Benchmarks.Gateway;

/// <summary>
/// The request bodies the benchmark sends: one document per shape with the ids, instants and
/// values as variables, the way a real client sends them (the document text never changes).
/// </summary>
internal sealed class GraphQLBodies(IReadOnlyList<BenchmarkFeature> features)
{
    private readonly string _names = string.Join(", ", features.Select(f => "\"" + f.Name + "\""));

    public string OneQuery =>
        $$"""query One($id: ID!, $asOf: DateTime) { entity(type: "user", id: $id, asOf: $asOf) { id features(names: [{{_names}}]) { name value source stale } } }""";

    public string ManyQuery =>
        $$"""query Many($ids: [ID!]!, $asOf: DateTime) { entities(type: "user", ids: $ids, asOf: $asOf) { id features(names: [{{_names}}]) { name value source stale } } }""";

    public const string OneFeatureQuery =
        """query Probe($id: ID!, $name: String!) { entity(type: "user", id: $id) { feature(name: $name) { value source } } }""";

    public const string WriteMutation =
        """mutation Write($values: [FeatureValueInput!]!) { writeFeatureValues(values: $values) { written } }""";

    public byte[] One(string id, DateTimeOffset? asOf) => Body(OneQuery, json =>
    {
        json.WriteString("id", id);
        WriteInstant(json, asOf);
    });

    public byte[] Many(IReadOnlyList<string> ids, DateTimeOffset? asOf) => Body(ManyQuery, json =>
    {
        json.WriteStartArray("ids");
        foreach (var id in ids)
        {
            json.WriteStringValue(id);
        }

        json.WriteEndArray();
        WriteInstant(json, asOf);
    });

    public static byte[] OneFeature(string id, string name) => Body(OneFeatureQuery, json =>
    {
        json.WriteString("id", id);
        json.WriteString("name", name);
    });

    public static byte[] Write(string feature, string id, double value, DateTimeOffset validFrom) => Write([(feature, id, value)], validFrom);

    /// <summary>One mutation writing every value (a <see cref="double"/> or a <see cref="string"/>) at <paramref name="validFrom"/>.</summary>
    public static byte[] Write(IReadOnlyList<(string Feature, string Id, object Value)> values, DateTimeOffset validFrom) => Body(WriteMutation, json =>
    {
        json.WriteStartArray("values");
        foreach (var (feature, id, value) in values)
        {
            json.WriteStartObject();
            json.WriteString("feature", feature);
            json.WriteString("entityId", id);
            if (value is double number)
            {
                json.WriteNumber("value", number);
            }
            else
            {
                json.WriteString("value", (string)value);
            }

            json.WriteString("validFrom", validFrom.ToString("O", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    private static void WriteInstant(Utf8JsonWriter json, DateTimeOffset? asOf)
    {
        if (asOf is { } instant)
        {
            json.WriteString("asOf", instant.ToString("O", CultureInfo.InvariantCulture));
        }
    }

    private static byte[] Body(string query, Action<Utf8JsonWriter> variables)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("query", query);
            json.WriteStartObject("variables");
            variables(json);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
