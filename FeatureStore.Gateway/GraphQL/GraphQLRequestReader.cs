using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;

namespace FeatureStore.Gateway.GraphQL;

/// <summary>Reads a GraphQL request from a GET query string or a POST JSON body.</summary>
internal static class GraphQLRequestReader
{
    private static readonly IValidationRule[] GetRules = [.. DocumentValidator.CoreRules, GetOnlyQueriesRule.Instance];
    private static readonly IValidationRule[] CachedGetRules = [GetOnlyQueriesRule.Instance];

    public static IEnumerable<IValidationRule>? ValidationRulesFor(string method) => HttpMethods.IsGet(method) ? GetRules : null;

    public static IEnumerable<IValidationRule>? CachedValidationRulesFor(string method) => HttpMethods.IsGet(method) ? CachedGetRules : null;

    public static async Task<(GraphQLRequest? Request, RequestProblem? Problem)> ReadAsync(HttpContext http, IGraphQLSerializer serializer)
    {
        GraphQLRequest? request;
        try
        {
            request = HttpMethods.IsGet(http.Request.Method)
                ? FromQueryString(http.Request.Query, http.RequestServices.GetRequiredService<IGraphQLTextSerializer>())
                : await FromBodyAsync(http, serializer);
        }
        catch (JsonException error)
        {
            return (null, new RequestProblem(StatusCodes.Status400BadRequest, "INVALID_JSON", $"The request is not valid JSON: {error.Message}"));
        }
        catch (UnsupportedContentTypeException error)
        {
            return (null, new RequestProblem(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", error.Message));
        }

        if (string.IsNullOrWhiteSpace(request?.Query))
        {
            return (null, new RequestProblem(StatusCodes.Status400BadRequest, "MISSING_QUERY", "The request has no 'query'."));
        }

        return (request, null);
    }

    private static GraphQLRequest FromQueryString(IQueryCollection query, IGraphQLTextSerializer serializer) => new()
    {
        Query = query["query"],
        OperationName = query["operationName"],
        Variables = query.TryGetValue("variables", out var variables) && !string.IsNullOrEmpty(variables) ? serializer.Deserialize<Inputs>(variables!) : null,
        Extensions = query.TryGetValue("extensions", out var extensions) && !string.IsNullOrEmpty(extensions) ? serializer.Deserialize<Inputs>(extensions!) : null,
    };

    private static async Task<GraphQLRequest?> FromBodyAsync(HttpContext http, IGraphQLSerializer serializer)
    {
        var contentType = http.Request.ContentType;
        if (contentType is null || !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            throw new UnsupportedContentTypeException($"POST bodies must be application/json, not '{contentType ?? "(none)"}'.");
        }

        return await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);
    }

    private sealed class UnsupportedContentTypeException(string message) : Exception(message);
}
