using System.Text.Encodings.Web;
using System.Text.Json;
using GraphQL.Execution;
using GraphQL.SystemTextJson;

namespace FeatureStore.Gateway.GraphQL;

/// <summary>
/// GraphQL.NET's System.Text.Json serializer with the gateway's options, which it exposes so a
/// response can be serialized into a buffer (<see cref="ResponseBuffer"/>).
/// </summary>
internal sealed class GatewaySerializer(IErrorInfoProvider errors)
    // The default encoder escapes '+' in dates ("\u002B01:00"): clients deserve plain ISO-8601.
    : GraphQLSerializer(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, errors)
{
    public JsonSerializerOptions Options => SerializerOptions;
}
