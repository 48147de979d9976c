using FeatureStore.Cli;
using FeatureStore.Testing;

namespace FeatureStore.SyntheticData.Tests;

/// <summary><c>featurestore generate</c> against a real, migrated Postgres.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class GenerateCommandTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private MigratedDatabase _database = null!;

    public async Task InitializeAsync() => _database = await MigratedDatabase.CreateAsync(infrastructure, "generate");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Generate_loads_the_rows_in_batches_and_reports_counts_and_rows_per_second()
    {
        var (code, output, error) = await RunAsync(["--messages", "500", "--seed", "7", "--tenants", "2", "--users-per-tenant", "10", "--batch", "150", "--connection", _database.ConnectionString]);

        Assert.True(code == 0, error);
        Assert.Equal(500, await Sql.ScalarAsync<long>(_database.ConnectionString, "SELECT count(*) FROM src_messages"));
        Assert.Equal(20, await Sql.ScalarAsync<long>(_database.ConnectionString, "SELECT count(*) FROM src_users"));
        Assert.Contains("Generating 500 messages in 62 conversations, 2 tenants x 10 users, seed 7", output, StringComparison.Ordinal);
        Assert.Contains("500 / 500 messages (100.0 %)", output, StringComparison.Ordinal);
        Assert.Matches(@"Loaded [\d,]+ rows in [\d.]+ s \([\d,]+ rows/s\):", output);
        Assert.Matches(@"src_messages\s+500\n", output.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("Password", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_second_run_is_refused_unless_reset_and_the_connection_comes_from_the_environment()
    {
        string? Environment(string name) => name == GenerateOptions.ConnectionVariable ? _database.ConnectionString : null;
        string[] args = ["--messages", "200", "--tenants", "1", "--users-per-tenant", "5"];
        Assert.Equal(0, (await RunAsync(args, Environment)).Code);

        var (refused, _, error) = await RunAsync(args, Environment);
        var (reset, output, _) = await RunAsync([.. args, "--reset"], Environment);

        Assert.Equal(1, refused);
        Assert.Contains("already hold", error, StringComparison.Ordinal);
        Assert.Contains("--reset", error, StringComparison.Ordinal);
        Assert.Equal(0, reset);
        Assert.Contains("Deleted", output, StringComparison.Ordinal);
        Assert.Equal(200, await Sql.ScalarAsync<long>(_database.ConnectionString, "SELECT count(*) FROM src_messages"));
    }

    [Fact]
    public async Task A_database_without_the_schema_is_refused_with_advice()
    {
        var empty = await infrastructure.CreateDatabaseAsync("nomigr");

        var (code, _, error) = await RunAsync(["--messages", "10", "--connection", empty]);

        Assert.Equal(1, code);
        Assert.Contains("not migrated", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_postgres_is_exit_code_3()
    {
        var port = Launcher.Processes.FreePort.Next();

        var (code, _, error) = await RunAsync(["--messages", "10", "--connection", $"Host=127.0.0.1;Port={port};Database=x;Username=postgres;Password=secret"]);

        Assert.Equal(3, code);
        Assert.Contains($"cannot use Postgres at Host=127.0.0.1;Port={port};Database=x", error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--messages", "many" }, "option '--messages' needs a whole number in range, not 'many'")]
    [InlineData(new[] { "--bad-rows", "2" }, "the bad-row rate must be between 0 and 1")]
    [InlineData(new[] { "--days", "0" }, "option '--days' needs a number in range")]
    [InlineData(new[] { "--start", "yesterday" }, "'yesterday' is not an instant")]
    [InlineData(new[] { "--tenants" }, "option '--tenants' needs a value")]
    [InlineData(new[] { "--colour", "red" }, "unknown option '--colour'")]
    [InlineData(new[] { "--messages", "10" }, "no Postgres connection string")]
    [InlineData(new[] { "--connection", "Host=127.0.0.1;Bogus=1" }, "the connection string is malformed")]
    public async Task Bad_usage_is_exit_code_2_with_the_reason(string[] args, string reason)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains("error: " + reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_prints_the_options()
    {
        var (code, output, _) = await RunAsync(["--help"]);

        Assert.Equal(0, code);
        Assert.Contains("--bad-rows RATE", output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string[] args, Func<string, string?>? environment = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await new GenerateCommand(output, error, environment ?? (_ => null)).RunAsync(args, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
