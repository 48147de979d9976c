using System.Diagnostics.CodeAnalysis;

namespace FeatureStore.Core.Sources;

/// <summary>
/// The wire names of <see cref="MessageRole"/> (<c>user</c>, <c>assistant</c>): the spelling of the
/// <c>role</c> column and of feature filters such as <c>"filters": { "role": "user" }</c>.
/// </summary>
public static class MessageRoles
{
    /// <summary>The wire name of <see cref="MessageRole.User"/>.</summary>
    public const string User = "user";

    /// <summary>The wire name of <see cref="MessageRole.Assistant"/>.</summary>
    public const string Assistant = "assistant";

    /// <summary>The lower-case wire name of <paramref name="role"/>.</summary>
    public static string ToWireName(this MessageRole role) => role switch
    {
        MessageRole.User => User,
        MessageRole.Assistant => Assistant,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "unknown message role"),
    };

    /// <summary>Parses a wire name; false for anything but <c>user</c> and <c>assistant</c>.</summary>
    public static bool TryParse(string? wireName, [NotNullWhen(true)] out MessageRole? role)
    {
        role = wireName switch
        {
            User => MessageRole.User,
            Assistant => MessageRole.Assistant,
            _ => null,
        };
        return role is not null;
    }
}
