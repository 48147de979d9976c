using Microsoft.EntityFrameworkCore;

namespace FeatureStore.Postgres.Data;

/// <summary>
/// The feature store's tables, as the design document lays them out (section "Schema de Base de Datos").
/// Only the Compute service applies its migrations; every other process only reads and writes rows.
/// </summary>
public sealed class FeatureStoreDbContext(DbContextOptions<FeatureStoreDbContext> options) : DbContext(options)
{
    public DbSet<FeatureRegistryRow> FeatureRegistry => Set<FeatureRegistryRow>();
    public DbSet<OfflineFeatureValueRow> OfflineValues => Set<OfflineFeatureValueRow>();
    public DbSet<OnlineFeatureValueRow> OnlineValues => Set<OnlineFeatureValueRow>();
    public DbSet<ComputationLogRow> ComputationLogs => Set<ComputationLogRow>();
    public DbSet<FeatureVersionRow> FeatureVersions => Set<FeatureVersionRow>();
    public DbSet<AuditRow> AuditLog => Set<AuditRow>();
    public DbSet<VectorValueRow> VectorValues => Set<VectorValueRow>();
    public DbSet<VectorIndexDeferralRow> VectorIndexDeferrals => Set<VectorIndexDeferralRow>();
    public DbSet<LineWriteRow> LineWrites => Set<LineWriteRow>();
    public DbSet<LineChangeRow> LineChanges => Set<LineChangeRow>();
    public DbSet<ComputationJobRow> ComputationJobs => Set<ComputationJobRow>();
    public DbSet<WorkItemRow> WorkItems => Set<WorkItemRow>();

    // Drift detection (FeatureStore.Drift writes them, the gateway reads them); see docs/drift.md.
    public DbSet<DriftBaselineRow> DriftBaselines => Set<DriftBaselineRow>();
    public DbSet<DriftStatisticsRow> DriftStatistics => Set<DriftStatisticsRow>();
    public DbSet<DriftReportRow> DriftReports => Set<DriftReportRow>();
    public DbSet<DriftAlertStateRow> DriftAlertStates => Set<DriftAlertStateRow>();
    public DbSet<ServingSampleRow> ServingSamples => Set<ServingSampleRow>();
    public DbSet<DriftRequestRow> DriftRequests => Set<DriftRequestRow>();

    // TIS TIS source data (src_*), read by batch computations; see docs/sources.md.
    public DbSet<SourceTenantRow> SourceTenants => Set<SourceTenantRow>();
    public DbSet<SourceUserRow> SourceUsers => Set<SourceUserRow>();
    public DbSet<SourceConversationRow> SourceConversations => Set<SourceConversationRow>();
    public DbSet<SourceMessageRow> SourceMessages => Set<SourceMessageRow>();
    public DbSet<SourceFeedbackRow> SourceFeedback => Set<SourceFeedbackRow>();
    public DbSet<SourceBookingRow> SourceBookings => Set<SourceBookingRow>();
    public DbSet<SourceAnalyticsEventRow> SourceAnalyticsEvents => Set<SourceAnalyticsEventRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("vector");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FeatureStoreDbContext).Assembly);
    }
}
