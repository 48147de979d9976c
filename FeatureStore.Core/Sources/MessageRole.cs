namespace FeatureStore.Core.Sources;

/// <summary>Who wrote a message; stored as its wire name (<see cref="MessageRoles"/>).</summary>
public enum MessageRole
{
    /// <summary>The tenant's end user (<c>user</c>).</summary>
    User,

    /// <summary>The tenant's AI agent (<c>assistant</c>).</summary>
    Assistant,
}
