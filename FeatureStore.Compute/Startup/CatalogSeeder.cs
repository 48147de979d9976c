using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Registry.State;
using Microsoft.Extensions.Options;

namespace FeatureStore.Compute.Startup;

/// <summary>
/// On first start (an empty registry) applies the default definitions from the features folder,
/// so a newcomer's first query finds the catalog. Never touches a registry that has features:
/// from then on definitions change through plan/apply only.
/// </summary>
internal sealed class CatalogSeeder(IFeatureRegistry registry, IOptions<DefinitionOptions> options, ILogger<CatalogSeeder> logger)
{
    public const string Actor = "compute:seed";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.SeedWhenEmpty || string.IsNullOrEmpty(settings.Directory))
        {
            logger.LogInformation("Seeding the registry is off (FeatureStore:Definitions:Directory unset or SeedWhenEmpty false)");
            return;
        }

        if ((await registry.ListAsync(new FeatureQuery(), cancellationToken)).Count > 0)
        {
            return;
        }

        var (specs, problems) = DefinitionFiles.Load(settings.Directory, settings.Variables);
        if (problems.Count > 0)
        {
            logger.LogError("Not seeding the registry: {Count} problem(s) in {Directory}: {Problems}", problems.Count, settings.Directory, problems);
            return;
        }

        var plan = await registry.ApplyAsync(specs, Actor, cancellationToken);
        logger.LogInformation("Seeded the registry with {Count} feature definition(s) from {Directory}", plan.Entries.Count, settings.Directory);
    }
}
