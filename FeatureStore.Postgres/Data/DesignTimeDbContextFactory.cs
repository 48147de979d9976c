using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FeatureStore.Postgres.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running host or server.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<FeatureStoreDbContext>
{
    public FeatureStoreDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<FeatureStoreDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=featurestore_design", npgsql => npgsql.UseVector())
            .Options;
        return new FeatureStoreDbContext(options);
    }
}
