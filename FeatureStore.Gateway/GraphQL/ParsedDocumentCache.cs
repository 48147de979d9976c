using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace FeatureStore.Gateway.GraphQL;

/// <summary>
/// Keeps the parsed and validated document of each query text, so a repeated query (agents send
/// the same few, with variables) is neither parsed nor fully validated again: the benchmark showed
/// that work on every request. A cached document still runs the request's
/// <see cref="ExecutionOptions.CachedDocumentValidationRules"/> (GET stays queries-only).
/// GraphQL.MemoryCache is not served here; this is the small part of it we need.
/// </summary>
internal sealed class ParsedDocumentCache : IConfigureExecution
{
    // Query texts with literal arguments are each a new entry: when full, start over rather than grow.
    private const int MaxDocuments = 1_000;
    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);

    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query)
        {
            return await next(options);
        }

        if (_documents.TryGetValue(query, out var document))
        {
            options.Document = document;
            options.ValidationRules = options.CachedDocumentValidationRules ?? Array.Empty<IValidationRule>();
            return await next(options);
        }

        var result = await next(options);
        // Executed means it parsed and passed validation: only such documents are worth keeping.
        if (result.Executed && options.Document is not null)
        {
            if (_documents.Count >= MaxDocuments)
            {
                _documents.Clear();
            }

            _documents.TryAdd(query, options.Document);
        }

        return result;
    }
}
