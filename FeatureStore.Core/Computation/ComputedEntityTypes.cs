namespace FeatureStore.Core.Computation;

/// <summary>
/// The entity types whose features are computed from the source tables, and how a source row
/// names its entities: a message row concerns its message, conversation, user and tenant; a
/// conversation, feedback or booking row its conversation, user and tenant.
/// </summary>
public static class ComputedEntityTypes
{
    /// <summary>A tenant (<c>tenant_id</c>).</summary>
    public const string Tenant = "tenant";

    /// <summary>A user (<c>user_id</c>).</summary>
    public const string User = "user";

    /// <summary>A conversation (<c>conversation_id</c>).</summary>
    public const string Conversation = "conversation";

    /// <summary>A message (its own <c>id</c>).</summary>
    public const string Message = "message";

    /// <summary>Every computed entity type.</summary>
    public static IReadOnlyList<string> All { get; } = [Tenant, User, Conversation, Message];

    /// <summary>True for a type the source tables know.</summary>
    public static bool IsKnown(string entityType) => All.Contains(entityType);
}
