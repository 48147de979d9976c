using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace FeatureStore.Gateway.GraphQL;

/// <summary>Accept negotiation for GraphQL over HTTP.</summary>
internal static class GraphQLMediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>The media type to answer with, or null when the client accepts neither (406).</summary>
    public static string? Negotiate(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept))
        {
            return Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var accepted))
        {
            return Json;
        }

        foreach (var type in accepted.OrderByDescending(a => a.Quality ?? 1.0))
        {
            var name = type.MediaType.Value;
            if (string.Equals(name, GraphQLResponse, StringComparison.OrdinalIgnoreCase))
            {
                return GraphQLResponse;
            }

            if (name is not null && (string.Equals(name, Json, StringComparison.OrdinalIgnoreCase) || name is "*/*" or "application/*"))
            {
                return Json;
            }
        }

        return null;
    }
}
