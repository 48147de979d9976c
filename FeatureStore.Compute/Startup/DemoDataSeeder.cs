using FeatureStore.Core.Sources;
using FeatureStore.SyntheticData;
using Microsoft.Extensions.Options;

namespace FeatureStore.Compute.Startup;

/// <summary>
/// On first start (every source table empty) loads a small generated TIS TIS dataset ending at the
/// current hour; the batch scheduler then computes its features, so the first query a newcomer
/// sends returns real values. Never touches a database that has source rows.
/// </summary>
internal sealed class DemoDataSeeder(ISourceStore sources, IOptions<DemoDataOptions> options, TimeProvider clock, ILogger<DemoDataSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("Demo data is off (FeatureStore:DemoData:Enabled=false)");
            return;
        }

        var counts = await sources.CountAsync(cancellationToken);
        if (counts.Total > 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var end = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var generator = new TisTisGenerator(new TisTisGeneratorOptions
        {
            Seed = settings.Seed, Tenants = settings.Tenants, UsersPerTenant = settings.UsersPerTenant, Messages = settings.Messages,
            Start = end.AddDays(-settings.Days), Window = TimeSpan.FromDays(settings.Days),
        });
        long rows = 0;
        foreach (var batch in generator.Batches(1_000))
        {
            await sources.WriteAsync(batch, cancellationToken);
            rows += batch.RowCount;
        }

        logger.LogInformation("Loaded the demo dataset: {Rows} source rows ({Messages} messages over {Days} days, seed {Seed}); the batch run computes its features next",
            rows, settings.Messages, settings.Days, settings.Seed);
    }
}
