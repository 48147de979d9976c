using FeatureStore.Core.Computation.Runs;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Sources;
using FeatureStore.Launcher;
using FeatureStore.SyntheticData;
using FeatureStore.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FeatureStore.Cli.Tests;

/// <summary><c>featurestore backfill</c> against the real gateway: plans the job, follows it to the end, refuses bad requests with a code.</summary>
[Collection(InfrastructureCollection.Name)]
#pragma warning disable CA1001 // disposed in DisposeAsync (xunit's IAsyncLifetime)
public sealed class BackfillCommandTests(InfrastructureFixture infrastructure) : IAsyncLifetime
#pragma warning restore CA1001
{
    private MigratedDatabase _database = null!;
    private GatewayFactory _gateway = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _database = await MigratedDatabase.CreateAsync(infrastructure, "cli_backfill");
        _gateway = new GatewayFactory(_database.ConnectionString, infrastructure.Redis.ConnectionString);
        _http = _gateway.CreateClient();
        var (specs, problems) = DefinitionFiles.Load(Path.Combine(RepositoryLayout.Root, "features"));
        Assert.Empty(problems);
        await _gateway.Services.GetRequiredService<IFeatureRegistry>().ApplyAsync(specs, "test", CancellationToken.None);
        var generator = new TisTisGenerator(new TisTisGeneratorOptions { Seed = 3, Tenants = 1, UsersPerTenant = 4, Messages = 60, Start = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), Window = TimeSpan.FromDays(3) });
        foreach (var batch in generator.Batches(1000))
        {
            await _database.Services.GetRequiredService<ISourceStore>().WriteAsync(batch, CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _gateway.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Backfill_plans_the_job_and_prints_its_progress_until_the_replicas_finish_it()
    {
        // A Compute replica's work loop, in-process: it takes the items as the command waits.
        using var stop = new CancellationTokenSource();
        var replica = Task.Run(async () =>
        {
            var processor = _gateway.Services.GetRequiredService<WorkItemProcessor>();
            while (!stop.IsCancellationRequested)
            {
                if (!await processor.ProcessNextAsync("cli-test", CancellationToken.None))
                {
                    await Task.Delay(50);
                }
            }
        });

        var (code, output, error) = await RunAsync("--from", "2026-10-01T00:00:00Z", "--to", "2026-10-04T00:00:00Z", "--feature", "conv:message_count", "--feature", "user:total_conversations");
        await stop.CancelAsync();
        await replica;

        Assert.True(code == 0, error);
        Assert.Matches(@"Backfill job [0-9a-f-]{36}: \d+ work item\(s\)", output);
        Assert.Contains("(100.0 %)", output, StringComparison.Ordinal);
        Assert.EndsWith("done", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "[FEATURE_NOT_FOUND]", "--from", "2026-10-01T00:00:00Z", "--to", "2026-10-02T00:00:00Z", "--feature", "user:nope")]
    [InlineData(1, "[INVALID_ARGUMENT]", "--from", "2026-10-02T00:00:00Z", "--to", "2026-10-01T00:00:00Z")]
    [InlineData(2, "--from and --to are required", "--from", "2026-10-02T00:00:00Z")]
    [InlineData(2, "is not an ISO-8601 instant with an offset", "--from", "2026-10-02T00:00:00", "--to", "2026-10-03T00:00:00Z")]
    public async Task Bad_requests_are_refused_with_the_reason(int expectedCode, string expected, params string[] args)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.Equal(expectedCode, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await new BackfillCommand(_http, output, error).RunAsync([.. args, "--gateway", new Uri(_http.BaseAddress!, "/graphql").ToString()], CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
