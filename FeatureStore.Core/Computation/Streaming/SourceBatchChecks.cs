using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Sources;

namespace FeatureStore.Core.Computation.Streaming;

/// <summary>
/// Checks every row of an incoming batch before anything is written: ids present, roles and
/// response times consistent, satisfaction 1..5, text not empty, intents known. Each problem
/// names the row (kind and id) so a producer can fix it.
/// </summary>
public static class SourceBatchChecks
{
    /// <summary>Every problem of the batch (empty when it is good).</summary>
    public static IReadOnlyList<DefinitionProblem> Problems(SourceBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var problems = new List<DefinitionProblem>();
        void Check(string kind, int index, string? id, string? problem)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                problems.Add(new DefinitionProblem($"{kind}[{index}]", "id", "must not be empty"));
            }
            else if (problem is not null)
            {
                problems.Add(new DefinitionProblem(id, $"{kind}[{index}]", problem));
            }
        }

        for (var i = 0; i < batch.Tenants.Count; i++)
        {
            var tenant = batch.Tenants[i];
            Check("tenants", i, tenant.Id, TimeZoneInfo.TryFindSystemTimeZoneById(tenant.TimeZone ?? "", out _) ? null : $"unknown time zone '{tenant.TimeZone}'");
        }

        for (var i = 0; i < batch.Users.Count; i++)
        {
            Check("users", i, batch.Users[i].Id, Missing(("tenantId", batch.Users[i].TenantId)));
        }

        for (var i = 0; i < batch.Conversations.Count; i++)
        {
            var conversation = batch.Conversations[i];
            Check("conversations", i, conversation.Id, Missing(("tenantId", conversation.TenantId), ("userId", conversation.UserId)));
        }

        for (var i = 0; i < batch.Messages.Count; i++)
        {
            var message = batch.Messages[i];
            Check("messages", i, message.Id, Missing(("conversationId", message.ConversationId), ("tenantId", message.TenantId), ("userId", message.UserId))
                ?? SourceRowChecks.Problem(message)
                ?? (message.ResponseTimeMs is not null && message.Role != MessageRole.Assistant ? "only assistant messages have a response time" : null));
        }

        for (var i = 0; i < batch.Feedback.Count; i++)
        {
            var feedback = batch.Feedback[i];
            Check("feedback", i, feedback.Id, Missing(("conversationId", feedback.ConversationId), ("tenantId", feedback.TenantId), ("userId", feedback.UserId))
                ?? (feedback.Satisfaction is < 1 or > 5 ? $"satisfaction {feedback.Satisfaction} is outside 1..5" : null));
        }

        for (var i = 0; i < batch.Bookings.Count; i++)
        {
            var booking = batch.Bookings[i];
            Check("bookings", i, booking.Id, Missing(("tenantId", booking.TenantId), ("userId", booking.UserId)));
        }

        for (var i = 0; i < batch.AnalyticsEvents.Count; i++)
        {
            Check("analyticsEvents", i, batch.AnalyticsEvents[i].Id, Missing(("tenantId", batch.AnalyticsEvents[i].TenantId)));
        }

        return problems;
    }

    private static string? Missing(params (string Field, string? Value)[] fields) =>
        fields.Where(f => string.IsNullOrWhiteSpace(f.Value)).Select(f => $"{f.Field} must not be empty").FirstOrDefault();
}
