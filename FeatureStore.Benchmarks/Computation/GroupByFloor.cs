using System.Diagnostics;
using Npgsql;

namespace FeatureStore.Benchmarks.Computation;

/// <summary>
/// The floor: the catalog's aggregations written as plain SQL GROUP BY queries over the same
/// source tables, each read to the end by the client, plus one scan of every message's text (the
/// least a per-message text feature costs: sentiment, tokens, questions and embeddings cannot be
/// computed in SQL). Nothing is written.
/// </summary>
internal static class GroupByFloor
{
    private static readonly (string Name, string Sql)[] Queries =
    [
        ("conv: count, avg response time, intent sequence", """
            SELECT conversation_id, count(*), avg(response_time_ms) FILTER (WHERE role = 'assistant'),
                   array_agg(intent ORDER BY sent_at) FILTER (WHERE role = 'user' AND intent IS NOT NULL)
            FROM src_messages GROUP BY conversation_id
            """),
        ("user: total conversations", "SELECT user_id, count(*) FROM src_conversations GROUP BY user_id"),
        ("user: booking rate", """
            SELECT c.user_id, coalesce(b.n, 0)::float8 / c.n FROM (SELECT user_id, count(*) n FROM src_conversations GROUP BY user_id) c
            LEFT JOIN (SELECT user_id, count(*) n FROM src_bookings GROUP BY user_id) b USING (user_id)
            """),
        ("user: preferred intent", "SELECT user_id, mode() WITHIN GROUP (ORDER BY intent) FROM src_messages WHERE role = 'user' AND intent IS NOT NULL GROUP BY user_id"),
        ("user: satisfaction history", "SELECT user_id, (array_agg(satisfaction ORDER BY given_at DESC))[1:10] FROM src_feedback GROUP BY user_id"),
        ("tenant: volume 24h, intent distribution 7d", """
            SELECT tenant_id, count(*) FILTER (WHERE sent_at > m.last - interval '24 hours'),
                   count(*) FILTER (WHERE role = 'user' AND sent_at > m.last - interval '7 days')
            FROM src_messages, (SELECT max(sent_at) AS last FROM src_messages) m GROUP BY tenant_id
            """),
        ("tenant: intents 7d", """
            SELECT tenant_id, intent, count(*) FROM src_messages, (SELECT max(sent_at) AS last FROM src_messages) m
            WHERE role = 'user' AND intent IS NOT NULL AND sent_at > m.last - interval '7 days' GROUP BY tenant_id, intent
            """),
        ("tenant: avg satisfaction 7d", "SELECT tenant_id, avg(satisfaction) FROM src_feedback, (SELECT max(given_at) AS last FROM src_feedback) m WHERE given_at > m.last - interval '7 days' GROUP BY tenant_id"),
        ("msg: text scan (sentiment, tokens, questions, embedding)", "SELECT id, text FROM src_messages"),
    ];

    /// <summary>Each query's time, and the total.</summary>
    public static async Task<IReadOnlyList<(string Name, TimeSpan Time, long Rows)>> MeasureAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        var results = new List<(string, TimeSpan, long)>();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        foreach (var (name, sql) in Queries)
        {
            var watch = Stopwatch.StartNew();
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            long rows = 0;
            while (await reader.ReadAsync(cancellationToken))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    _ = reader.GetValue(i);
                }

                rows++;
            }

            results.Add((name, watch.Elapsed, rows));
        }

        return results;
    }
}
