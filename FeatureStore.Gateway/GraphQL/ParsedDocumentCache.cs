using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace FeatureStore.Gateway.GraphQL;

/// <summary>
/// Keeps the parsed and validated document of each query text, so a repeated query (agents send
/// the same few, with variables) is neither parsed nor fully validated again: the benchmark showed
/// that work on every request. The parsed document comes back on <see cref="ExecutionResult.Document"/>
/// (GraphQL.NET does not set it on the options). A cached document still runs the request's
/// <see cref="ExecutionOptions.CachedDocumentValidationRules"/> (GET stays queries-only).
/// GraphQL.MemoryCache is not served here; this is the small part of it we need.
/// </summary>
internal sealed class ParsedDocumentCache : IConfigureExecution
{
    // Query texts with literal arguments are each a new entry: when full, start over rather than grow.
    private const int MaxDocuments = 1_000;
    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);
    private long _hits;

    /// <summary>How many query texts are kept.</summary>
    public int Count => _documents.Count;

    /// <summary>How many requests reused a kept document.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query)
        {
            return await next(options);
        }

        if (_documents.TryGetValue(query, out var document))
        {
            Interlocked.Increment(ref _hits);
            options.Document = document;
            options.ValidationRules = options.CachedDocumentValidationRules ?? Array.Empty<IValidationRule>();
            return await next(options);
        }

        var result = await next(options);
        // Executed means it parsed and passed validation: only such documents are worth keeping.
        if (result.Executed && result.Document is { } parsed)
        {
            if (_documents.Count >= MaxDocuments)
            {
                _documents.Clear();
            }

            _documents.TryAdd(query, parsed);
        }

        return result;
    }
}
