using FeatureStore.Gateway.DataLoaders;
using GraphQL;
using GraphQL.Types;

namespace FeatureStore.Gateway.GraphQL;

/// <summary>
/// GraphQL over HTTP (GET and POST), hand-written on GraphQL.NET core because GraphQL.Server is
/// not served here. Status codes follow the GraphQL-over-HTTP spec: see docs/graphql-http.md.
/// </summary>
internal static class GraphQLHttpEndpoint
{
    public static IEndpointRouteBuilder MapGraphQLEndpoint(this WebApplication app, string path)
    {
        // Schema errors should stop start-up, not the first request.
        app.Services.GetRequiredService<ISchema>().Initialize();
        app.MapMethods(path, [HttpMethods.Get, HttpMethods.Post], HandleAsync);
        return app;
    }

    private static async Task HandleAsync(HttpContext http)
    {
        var serializer = http.RequestServices.GetRequiredService<IGraphQLSerializer>();
        var mediaType = GraphQLMediaTypes.Negotiate(http.Request.Headers.Accept);
        if (mediaType is null)
        {
            await WriteErrorAsync(http, serializer, GraphQLMediaTypes.Json, StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE",
                $"Accept must allow {GraphQLMediaTypes.GraphQLResponse} or {GraphQLMediaTypes.Json}.");
            return;
        }

        var (request, problem) = await GraphQLRequestReader.ReadAsync(http, serializer);
        if (problem is not null)
        {
            await WriteErrorAsync(http, serializer, mediaType, problem.Status, problem.Code, problem.Message);
            return;
        }

        var context = http.RequestServices.GetRequiredService<RequestContext>();
        context.Actor = ActorOf(http);
        try
        {
            var executer = http.RequestServices.GetRequiredService<IDocumentExecuter<ISchema>>();
            var userContext = new Dictionary<string, object?>();
            userContext.AddFeatureLoader(http.RequestServices);
            var result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Query = request!.Query,
                OperationName = request.OperationName,
                Variables = request.Variables,
                Extensions = request.Extensions,
                RequestServices = http.RequestServices,
                User = http.User,
                UserContext = userContext,
                CancellationToken = http.RequestAborted,
                ValidationRules = GraphQLRequestReader.ValidationRulesFor(http.Request.Method),
                CachedDocumentValidationRules = GraphQLRequestReader.CachedValidationRulesFor(http.Request.Method),
            });

            // The spec: a request that never executed (parse/validation errors) is a 400 for
            // graphql-response+json; plain application/json keeps 200 for older clients.
            var status = !result.Executed && mediaType == GraphQLMediaTypes.GraphQLResponse
                ? StatusCodes.Status400BadRequest
                : StatusCodes.Status200OK;
            if (result.Errors?.Any(e => e.Code == GetOnlyQueriesRule.ErrorCode) == true)
            {
                status = StatusCodes.Status405MethodNotAllowed;
                http.Response.Headers.Allow = HttpMethods.Post;
            }

            AddWarnings(result, context);
            await WriteAsync(http, serializer, mediaType, status, result);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody is left to answer.
        }
    }

    // The audit log records who changed what: a signed-in user, else the header a tool sends.
    private static string ActorOf(HttpContext http) =>
        http.User.Identity?.Name is { Length: > 0 } user ? user
        : http.Request.Headers[RequestContext.ActorHeader].ToString() is { Length: > 0 } header ? header[..Math.Min(header.Length, 200)]
        : "anonymous";

    private static void AddWarnings(ExecutionResult result, RequestContext context)
    {
        if (context.Warnings.Count == 0)
        {
            return;
        }

        result.Extensions ??= new Dictionary<string, object?>();
        result.Extensions["warnings"] = context.Warnings.Select(w => new Dictionary<string, object?> { ["code"] = w.Code, ["message"] = w.Message }).ToList();
    }

    private static Task WriteErrorAsync(HttpContext http, IGraphQLSerializer serializer, string mediaType, int status, string code, string message) =>
        WriteAsync(http, serializer, mediaType, status, new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] });

    private static async Task WriteAsync(HttpContext http, IGraphQLSerializer serializer, string mediaType, int status, ExecutionResult result)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
