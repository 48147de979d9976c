namespace FeatureStore.Core.Sources;

/// <summary>One message of a conversation (<c>src_messages</c>), the source of most catalog features.</summary>
/// <param name="Id">The entity id, e.g. <c>m00001234</c>.</param>
/// <param name="ConversationId">The conversation.</param>
/// <param name="TenantId">The conversation's tenant (denormalised: tenant windows read messages alone).</param>
/// <param name="UserId">The conversation's user, for assistant messages too.</param>
/// <param name="Role">Who wrote it.</param>
/// <param name="Text">What was written (Spanish questions open with <c>¿</c>).</param>
/// <param name="SentAt">When it was sent.</param>
/// <param name="ResponseTimeMs">For assistant messages, milliseconds from the user message it answers; null for user messages.</param>
/// <param name="Intent">For user messages, the detected intent (one of <see cref="Intents.All"/>), or null when none was detected; null for assistant messages.</param>
/// <param name="Language">ISO 639-1 code of the text (<c>es</c>, <c>en</c>).</param>
public sealed record Message(
    string Id,
    string ConversationId,
    string TenantId,
    string UserId,
    MessageRole Role,
    string Text,
    DateTimeOffset SentAt,
    int? ResponseTimeMs,
    string? Intent,
    string Language);
