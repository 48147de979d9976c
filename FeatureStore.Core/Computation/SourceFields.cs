using System.Text.Json;
using FeatureStore.Core.Sources;
using FeatureStore.Core.Transformers.Text;

namespace FeatureStore.Core.Computation;

/// <summary>
/// The fields a definition may name, per source: stored columns (text, intent, satisfaction, ...)
/// and fields derived from a message's text by Core's text transformers (sentiment, token_count,
/// contains_question; embedding is derived in batch by <see cref="FeatureComputer"/>), so
/// <c>conv:sentiment_trajectory</c> uses exactly the scorer that computes <c>msg:sentiment</c>.
/// </summary>
public static class SourceFields
{
    /// <summary>The source names definitions use.</summary>
    public static IReadOnlyList<string> Sources { get; } = ["messages", "conversations", "feedback", "bookings"];

    /// <summary>The rows of <paramref name="source"/> with their event times.</summary>
    /// <exception cref="ArgumentException">An unknown source.</exception>
    public static IEnumerable<(DateTimeOffset At, object Row)> Rows(string source, EntitySources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return source switch
        {
            "messages" => sources.Messages.Select(m => (m.SentAt, (object)m)),
            "conversations" => sources.Conversations.Select(c => (c.StartedAt, (object)c)),
            "feedback" => sources.Feedback.Select(f => (f.GivenAt, (object)f)),
            "bookings" => sources.Bookings.Select(b => (b.BookedAt, (object)b)),
            _ => throw new ArgumentException($"unknown source '{source}'; known: {string.Join(", ", Sources)}", nameof(source)),
        };
    }

    /// <summary>A field of a row as JSON (null when the row has no value for it).</summary>
    /// <exception cref="ArgumentException">The source has no such field.</exception>
    public static JsonElement Value(object row, string field)
    {
        object? value = (row, field) switch
        {
            (Message m, "text") => m.Text,
            (Message m, "intent") => m.Intent,
            (Message m, "role") => m.Role.ToWireName(),
            (Message m, "response_time_ms") => m.ResponseTimeMs,
            (Message m, "language") => m.Language,
            (Message m, "conversation_id") => m.ConversationId,
            (Message m, "sentiment") => SentimentScorer.Score(m.Text),
            (Message m, "token_count") => TokenCounter.Count(m.Text),
            (Message m, "contains_question") => QuestionDetector.IsQuestion(m.Text),
            (Conversation c, "channel") => c.Channel,
            (Feedback f, "satisfaction") => f.Satisfaction,
            (Feedback f, "conversation_id") => f.ConversationId,
            (Booking b, "service") => b.Service,
            (Booking b, "conversation_id") => b.ConversationId,
            _ => throw new ArgumentException($"{row.GetType().Name.ToLowerInvariant()} rows have no field '{field}'", nameof(field)),
        };
        return JsonSerializer.SerializeToElement(value);
    }

    /// <summary>True when the row matches every equality filter (compared as text).</summary>
    public static bool Matches(object row, IReadOnlyDictionary<string, string> filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        foreach (var (field, expected) in filters)
        {
            var value = Value(row, field);
            var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
            if (!string.Equals(text, expected, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
