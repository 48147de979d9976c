namespace FeatureStore.Core.Sources;

/// <summary>RLHF feedback: a satisfaction score for a conversation or one of its messages (<c>src_feedback</c>).</summary>
/// <param name="Id">The row id, e.g. <c>f0000012</c>.</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="UserId">The user who gave it.</param>
/// <param name="ConversationId">The conversation it is about.</param>
/// <param name="MessageId">The assistant message it is about, or null for the conversation as a whole.</param>
/// <param name="Satisfaction">1 (very unhappy) to 5 (very happy).</param>
/// <param name="GivenAt">When it was given.</param>
public sealed record Feedback(string Id, string TenantId, string UserId, string ConversationId, string? MessageId, int Satisfaction, DateTimeOffset GivenAt);
