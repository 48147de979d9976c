using FeatureStore.Core.Computation;
using FeatureStore.Core.Sources;
using FeatureStore.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FeatureStore.Postgres.Tests.Sources;

/// <summary>A fresh migrated database per test, and the real Postgres source store and reader on it.</summary>
public abstract class SourceTestBase(InfrastructureFixture infrastructure, string prefix) : IAsyncLifetime
{
    private MigratedDatabase? _database;

    protected MigratedDatabase Database => _database!;

    protected ISourceStore Store => Database.Services.GetRequiredService<ISourceStore>();

    protected ISourceReader Reader => Database.Services.GetRequiredService<ISourceReader>();

    public async Task InitializeAsync() => _database = await MigratedDatabase.CreateAsync(infrastructure, prefix);

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
