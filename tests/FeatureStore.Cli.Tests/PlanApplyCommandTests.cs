using FeatureStore.Launcher;
using FeatureStore.Testing;

namespace FeatureStore.Cli.Tests;

/// <summary><c>featurestore plan|apply</c> against the real gateway and registry, with the repository's features/.</summary>
[Collection(InfrastructureCollection.Name)]
#pragma warning disable CA1001 // disposed in DisposeAsync (xunit's IAsyncLifetime)
public sealed class PlanApplyCommandTests(InfrastructureFixture infrastructure) : IAsyncLifetime
#pragma warning restore CA1001
{
    private static readonly string Catalog = Path.Combine(RepositoryLayout.Root, "features");
    private readonly string _copy = Path.Combine(Path.GetTempPath(), "featurestore-cli-" + Guid.NewGuid().ToString("N")[..8]);
    private MigratedDatabase _database = null!;
    private GatewayFactory _gateway = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _database = await MigratedDatabase.CreateAsync(infrastructure, "cli");
        _gateway = new GatewayFactory(_database.ConnectionString, infrastructure.Redis.ConnectionString);
        _http = _gateway.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _gateway.DisposeAsync();
        await _database.DisposeAsync();
        if (Directory.Exists(_copy))
        {
            Directory.Delete(_copy, recursive: true);
        }
    }

    [Fact]
    public async Task Plan_lists_every_catalog_feature_as_new_and_writes_nothing()
    {
        var (code, output, _) = await RunAsync("plan", "--dir", Catalog);
        var (_, again, _) = await RunAsync("plan", "--dir", Catalog);

        Assert.Equal(0, code);
        Assert.Equal(21, output.Split('\n').Count(l => l.TrimStart().StartsWith("NEW ", StringComparison.Ordinal)));
        Assert.Contains("Plan: 21 new, 0 major, 0 minor, 0 patch, 0 unchanged.", output, StringComparison.Ordinal);
        Assert.Contains("Plan: 21 new", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_registers_the_catalog_and_applying_again_changes_nothing()
    {
        var (code, output, _) = await RunAsync("apply", "--dir", Catalog, "--actor", "ci");
        var (againCode, again, againError) = await RunAsync("apply", "--dir", Catalog);

        Assert.Equal(0, code);
        Assert.Contains("Applied: 21 new, 0 major, 0 minor, 0 patch, 0 unchanged.", output, StringComparison.Ordinal);
        Assert.True(againCode == 0, againError);
        Assert.Contains("Applied: 0 new, 0 major, 0 minor, 0 patch, 21 unchanged.", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_breaking_change_without_a_major_bump_is_refused_naming_the_feature_and_nothing_is_applied()
    {
        await RunAsync("apply", "--dir", Catalog);
        CopyCatalog();
        var file = Path.Combine(_copy, "message", "embedding.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"version\": \"1.0.0\"", "\"version\": \"1.1.0\"", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_copy, "variables.json"), """{ "embeddingDimension": 768 }""");

        var (code, _, error) = await RunAsync("apply", "--dir", _copy);
        var (_, plan, _) = await RunAsync("plan", "--dir", Catalog);

        Assert.Equal(1, code);
        Assert.Contains("msg:embedding: version: MAJOR change", error, StringComparison.Ordinal);
        Assert.Contains("tenant:embedding_centroid: version: MAJOR change", error, StringComparison.Ordinal);
        Assert.Contains("21 unchanged", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_files_are_reported_field_by_field_before_anything_is_sent()
    {
        CopyCatalog();
        File.WriteAllText(Path.Combine(_copy, "user", "broken.json"), """{ "name": "user:broken", "entityType": "user", "valueType": "vector", "refresh": "hourly" }""");

        var (code, _, error) = await RunAsync("apply", "--dir", _copy, "--gateway", "http://127.0.0.1:1/graphql");

        Assert.Equal(1, code);
        Assert.Contains("user:broken: valueType.dimension: required", error, StringComparison.Ordinal);
        Assert.Contains("user:broken: computation: required", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_gateway_is_exit_code_3_with_advice()
    {
        using var http = new HttpClient();
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await new PlanApplyCommand(http, output, error).RunAsync(["plan", "--dir", Catalog, "--gateway", $"http://127.0.0.1:{Launcher.Processes.FreePort.Next()}/graphql"], CancellationToken.None);

        Assert.Equal(3, code);
        Assert.Contains("cannot reach the gateway", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "missing command")]
    [InlineData(new[] { "destroy" }, "unknown command 'destroy'")]
    [InlineData(new[] { "plan", "--dir" }, "option '--dir' needs a value")]
    [InlineData(new[] { "plan", "--color", "red" }, "unknown option '--color'")]
    public async Task Bad_usage_is_exit_code_2_with_the_reason(string[] args, string reason)
    {
        var error = new StringWriter();

        var code = await new PlanApplyCommand(_http, new StringWriter(), error).RunAsync(args, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains("error: " + reason, error.ToString(), StringComparison.Ordinal);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var withGateway = args.Contains("--gateway") ? args : [.. args, "--gateway", new Uri(_http.BaseAddress!, "/graphql").ToString()];
        var code = await new PlanApplyCommand(_http, output, error).RunAsync(withGateway, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    private void CopyCatalog()
    {
        foreach (var file in Directory.EnumerateFiles(Catalog, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_copy, Path.GetRelativePath(Catalog, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
