using FeatureStore.Core.Computation;
using FeatureStore.Core.Computation.Runs;
using FeatureStore.Core.Drift;
using FeatureStore.Core.Hosting;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Sources;
using FeatureStore.Postgres.Computation;
using FeatureStore.Postgres.Data;
using FeatureStore.Postgres.Drift;
using FeatureStore.Postgres.Registry;
using FeatureStore.Postgres.Schema;
using FeatureStore.Postgres.Sources;
using FeatureStore.Postgres.Values;
using FeatureStore.Core.TrainingSets;
using FeatureStore.Core.Values;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace FeatureStore.Postgres;

/// <summary>Registers the Postgres adapter the way Aspire.Npgsql would: data source, health check, tracing.</summary>
public static class PostgresFeatureStoreExtensions
{
    /// <summary>
    /// Adds the Postgres registry and offline store, reading <c>ConnectionStrings:{connectionName}</c>.
    /// </summary>
    public static FeatureStoreBuilder AddPostgresOfflineStore(this FeatureStoreBuilder builder, string connectionName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = builder.Host.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException(
                $"Connection string '{connectionName}' is missing: set ConnectionStrings__{connectionName} (the AppHost does this).");

        var services = builder.Host.Services;
        // Serving repeats a handful of statements: prepare them once per connection (planning was
        // a third of an as-of read in the benchmark), unless the connection string says otherwise.
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = 64;
        }

        services.AddNpgsqlDataSource(settings.ConnectionString, data => data.UseVector());
        // The training-set export reads millions of rows: its connections read 256 KB at a time instead of 8 KB, so
        // a read wakes a thread (and arms Npgsql's timeout timer) far less often. A pool of its own, so serving's
        // many connections keep small buffers.
        var exportSettings = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { ReadBufferSize = Math.Max(settings.ReadBufferSize, 1 << 18) };
        services.AddNpgsqlDataSource(exportSettings.ConnectionString, serviceKey: PostgresTrainingSetStore.DataSource);
        services.AddDbContextFactory<FeatureStoreDbContext>((sp, options) =>
            options.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>(), npgsql => npgsql.UseVector().EnableRetryOnFailure()));
        services.AddSingleton<SchemaMigrator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IFeatureRegistry, PostgresFeatureRegistry>();
        services.AddSingleton<FeatureIds>();
        services.AddSingleton<IOfflineStore, PostgresOfflineStore>();
        services.AddSingleton<IVectorSearch, PostgresVectorSearch>();
        services.Configure<TrainingSetReadOptions>(builder.Host.Configuration.GetSection("FeatureStore:TrainingSets"));
        services.AddSingleton<HistorySnapshots>();
        services.AddSingleton<ITrainingSetStore, PostgresTrainingSetStore>();
        services.AddSingleton<ISourceStore, PostgresSourceStore>();
        services.AddSingleton<ISourceReader, PostgresSourceReader>();
        services.AddSingleton<IComputationQueue, PostgresComputationQueue>();
        services.AddSingleton<IComputationLog, PostgresComputationLog>();
        services.AddSingleton<IValueSampleReader, PostgresValueSampleReader>();
        services.AddSingleton<IDriftStore, PostgresDriftStore>();
        services.AddSingleton<IDriftAlertStates, PostgresDriftAlertStates>();
        services.AddSingleton<IDriftCheckQueue, PostgresDriftCheckQueue>();
        services.AddSingleton<IServingSampleStore, PostgresServingSampleStore>();

        services.AddHealthChecks()
            .AddNpgSql(sp => sp.GetRequiredService<NpgsqlDataSource>(), name: "postgres", tags: ["ready"])
            .AddCheck<SchemaReadyHealthCheck>("schema", tags: ["ready"]);
        services.AddSingleton<SchemaReadyHealthCheck>();
        services.AddOpenTelemetry().WithTracing(t => t.AddNpgsql()).WithMetrics(m => m.AddMeter("Npgsql"));
        return builder;
    }
}
