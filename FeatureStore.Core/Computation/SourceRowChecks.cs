using FeatureStore.Core.Sources;

namespace FeatureStore.Core.Computation;

/// <summary>
/// Rules a source row must meet to be computed from. The tables refuse most bad rows already
/// (roles, satisfaction range); these are the ones they let through: empty text, an intent not in
/// <see cref="Intents.All"/>, a negative response time. A bad row is left out of every
/// computation and reported with its id, so it never turns into a silently wrong value.
/// </summary>
public static class SourceRowChecks
{
    /// <summary>The entity's rows without the bad ones, and a problem for each bad one.</summary>
    public static (EntitySources Clean, IReadOnlyList<ComputationProblem> Problems) Clean(string entityId, EntitySources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        List<ComputationProblem>? problems = null;
        var messages = sources.Messages;
        foreach (var message in sources.Messages)
        {
            if (Problem(message) is { } problem)
            {
                (problems ??= []).Add(new ComputationProblem(null, entityId, message.Id, problem));
            }
        }

        if (problems is null)
        {
            return (sources, []);
        }

        var bad = problems.Select(p => p.RowId).ToHashSet(StringComparer.Ordinal);
        return (sources with { Messages = [.. messages.Where(m => !bad.Contains(m.Id))] }, problems);
    }

    /// <summary>Why a message cannot be computed from, or null when it can.</summary>
    public static string? Problem(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(message.Text))
        {
            return "empty text";
        }

        if (message.Intent is not null && !Intents.IsKnown(message.Intent))
        {
            return $"unknown intent '{message.Intent}'; known: {string.Join(", ", Intents.All)}";
        }

        return message.ResponseTimeMs is < 0 ? $"negative response time {message.ResponseTimeMs} ms" : null;
    }
}
