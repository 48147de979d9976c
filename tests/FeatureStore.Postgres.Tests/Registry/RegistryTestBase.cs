using FeatureStore.Core.Registry;
using FeatureStore.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FeatureStore.Postgres.Tests.Registry;

/// <summary>A fresh migrated database per test class, and the real Postgres registry on it.</summary>
public abstract class RegistryTestBase(InfrastructureFixture infrastructure, string prefix) : IAsyncLifetime
{
    protected const string Actor = "test-suite";

    private MigratedDatabase? _database;

    protected MigratedDatabase Database => _database!;

    protected IFeatureRegistry Registry => Database.Services.GetRequiredService<IFeatureRegistry>();

    public async Task InitializeAsync() => _database = await MigratedDatabase.CreateAsync(infrastructure, prefix);

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected Task<long> CountAsync(string sql) => Sql.ScalarAsync<long>(Database.ConnectionString, sql);
}
