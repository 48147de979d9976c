using FeatureStore.Core.Sources;
using Npgsql;

namespace FeatureStore.Postgres.Sources;

/// <summary>What a Postgres error on the source tables means to the caller of a source store or reader.</summary>
internal static class SourceErrors
{
    /// <summary>
    /// Missing tables mean the schema has not been migrated yet: said plainly, with the way out,
    /// instead of a bare "relation does not exist". Null for any other error.
    /// </summary>
    public static InvalidOperationException? NotMigrated(PostgresException failure) =>
        failure.SqlState == PostgresErrorCodes.UndefinedTable
            ? new InvalidOperationException(
                $"the source tables do not exist ({failure.MessageText}): the schema is not migrated yet; FeatureStore.Compute applies the migrations at start-up (dotnet run --project FeatureStore.AppHost)", failure)
            : null;

    /// <summary>
    /// For writes, also broken rows (class 23: unique, check, not-null; class 22: malformed data such
    /// as bad JSON): they are the caller's to fix, and the transaction wrote nothing.
    /// </summary>
    public static Exception? OfWrite(PostgresException failure) => failure.SqlState switch
    {
        PostgresErrorCodes.UndefinedTable => NotMigrated(failure),
        ['2', '3', ..] or ['2', '2', ..] => new InvalidSourceRowsException(failure.TableName ?? "source tables", failure.ConstraintName ?? failure.SqlState,
            failure.MessageText + (failure.Detail is { } detail ? ": " + detail : "")),
        _ => null,
    };
}
