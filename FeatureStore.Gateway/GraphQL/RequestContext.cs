using System.Collections.Concurrent;

namespace FeatureStore.Gateway.GraphQL;

/// <summary>
/// Per-request facts resolvers share: who is asking (for the audit log) and the warnings to
/// return in the response's <c>extensions.warnings</c> (deprecated versions being read).
/// </summary>
internal sealed class RequestContext
{
    public const string ActorHeader = "X-FeatureStore-Actor";

    private readonly ConcurrentDictionary<string, Warning> _warnings = new(StringComparer.Ordinal);

    public string Actor { get; set; } = "anonymous";

    public IReadOnlyCollection<Warning> Warnings => _warnings.Values.OrderBy(w => w.Message, StringComparer.Ordinal).ToList();

    /// <summary>Adds a warning once per distinct message (a batch of 100 entities warns once).</summary>
    public void Warn(string code, string message) => _warnings.TryAdd(message, new Warning(code, message));

    public sealed record Warning(string Code, string Message);
}
