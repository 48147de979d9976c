using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using FeatureStore.Core.Sources;
using FeatureStore.SyntheticData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FeatureStore.Cli;

/// <summary>
/// <c>featurestore generate</c>: streams synthetic TIS TIS traffic from <see cref="TisTisGenerator"/>
/// into the source tables, one all-or-nothing transaction per batch, printing progress per batch
/// and the counts and rows per second at the end.
/// </summary>
public sealed class GenerateCommand(TextWriter output, TextWriter error, Func<string, string?>? environment = null)
{
    private static readonly string[] TargetKeys = ["Host", "Port", "Database"];

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var (options, usageError) = GenerateOptions.Parse(args, environment ?? Environment.GetEnvironmentVariable);
        if (options is null)
        {
            await error.WriteLineAsync($"error: {usageError}{Environment.NewLine}{GenerateOptions.Usage}");
            return 2;
        }

        if (options.Help)
        {
            await output.WriteLineAsync(GenerateOptions.Usage);
            return 0;
        }

        IHost host;
        string target;
        ISourceStore store;
        try
        {
            host = SourceStoreHost.Build(options.ConnectionString!);
            target = Describe(options.ConnectionString!);
            store = host.Services.GetRequiredService<ISourceStore>();
        }
        catch (ArgumentException failure)
        {
            await error.WriteLineAsync($"error: the connection string is malformed ({failure.Message})");
            return 2;
        }

        using var owned = host;

        var batches = 0;
        try
        {
            if (await PrepareAsync(store, options, cancellationToken) is { } refused)
            {
                return refused;
            }

            var generator = new TisTisGenerator(options.Generator);
            var settings = generator.Options;
            await output.WriteLineAsync(Text($"Generating {settings.Messages:N0} messages in {settings.ConversationCount:N0} conversations, {settings.Tenants} tenants x {settings.UsersPerTenant:N0} users, seed {settings.Seed}, {settings.Start:yyyy-MM-ddTHH:mm:ssZ} + {settings.Window.TotalDays:0.##} days, into {target}"));
            var clock = Stopwatch.StartNew();
            var written = SourceCounts.Of(SourceBatch.Empty);
            foreach (var batch in generator.Batches(options.BatchMessages))
            {
                await store.WriteAsync(batch, cancellationToken);
                batches++;
                written += SourceCounts.Of(batch);
                await output.WriteLineAsync(Text($"  {written.Messages,12:N0} / {settings.Messages:N0} messages ({100.0 * written.Messages / settings.Messages,5:0.0} %)  {written.Total,12:N0} rows  {Rate(written.Total, clock.Elapsed),9:N0} rows/s"));
            }

            await ReportAsync(written, clock.Elapsed);
            return 0;
        }
        catch (InvalidSourceRowsException rejected)
        {
            await error.WriteLineAsync($"error: {rejected.Message}{Committed(batches)}");
            return 1;
        }
        catch (InvalidOperationException refused)
        {
            await error.WriteLineAsync($"error: {refused.Message}");
            return 1;
        }
        catch (DbException unreachable)
        {
            await error.WriteLineAsync($"error: cannot use Postgres at {target} ({unreachable.Message}){Committed(batches)}");
            return 3;
        }
    }

    /// <summary>Refuses (exit code 1) to mix generated rows with rows already loaded, unless --reset deletes those.</summary>
    private async Task<int?> PrepareAsync(ISourceStore store, GenerateOptions options, CancellationToken cancellationToken)
    {
        var existing = await store.CountAsync(cancellationToken);
        if (existing.Total == 0)
        {
            return null;
        }

        if (!options.Reset)
        {
            await error.WriteLineAsync(Text($"error: the source tables already hold {existing.Total:N0} rows ({existing.Messages:N0} messages); generated ids would collide. Pass --reset to delete them first, or use another database."));
            return 1;
        }

        await store.DeleteAllAsync(cancellationToken);
        await output.WriteLineAsync(Text($"Deleted {existing.Total:N0} source rows already loaded (--reset)."));
        return null;
    }

    private async Task ReportAsync(SourceCounts written, TimeSpan elapsed)
    {
        await output.WriteLineAsync(Text($"Loaded {written.Total:N0} rows in {elapsed.TotalSeconds:0.0} s ({Rate(written.Total, elapsed):N0} rows/s):"));
        foreach (var (table, count) in new (string, long)[]
        {
            ("src_tenants", written.Tenants), ("src_users", written.Users), ("src_conversations", written.Conversations), ("src_messages", written.Messages),
            ("src_feedback", written.Feedback), ("src_bookings", written.Bookings), ("src_analytics_events", written.AnalyticsEvents),
        })
        {
            await output.WriteLineAsync(Text($"  {table,-22}{count,12:N0}"));
        }
    }

    private static string Committed(int batches) =>
        batches == 0 ? "; nothing was written" : Text($"; the {batches} batch(es) before it were written (run again with --reset to start over)");

    private static double Rate(long rows, TimeSpan elapsed) => rows / Math.Max(elapsed.TotalSeconds, 0.001);

    // Where the rows go, without the password: "Host=127.0.0.1;Port=5432;Database=featurestore".
    private static string Describe(string connectionString)
    {
        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var shown = TargetKeys.Where(parts.ContainsKey).Select(k => $"{k}={parts[k]}");
        return string.Join(";", shown);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
