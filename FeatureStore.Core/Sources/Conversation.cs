namespace FeatureStore.Core.Sources;

/// <summary>One conversation between a user and a tenant's agent (<c>src_conversations</c>).</summary>
/// <param name="Id">The entity id, e.g. <c>c0000456</c>.</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="UserId">The user.</param>
/// <param name="StartedAt">When the first message was sent.</param>
/// <param name="Channel">Where it happened: <c>whatsapp</c>, <c>web</c>, <c>instagram</c>, <c>sms</c>, ...</param>
public sealed record Conversation(string Id, string TenantId, string UserId, DateTimeOffset StartedAt, string Channel);
