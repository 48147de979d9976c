using System.Diagnostics;
using System.Globalization;
using FeatureStore.Core.Computation.Runs;
using Npgsql;

namespace FeatureStore.Postgres.Values;

/// <summary>
/// One HNSW index per vector feature value line: <c>ai_feature_vectors</c> has no dimension on its
/// column (lines differ), so each index is partial (that line's rows) on the expression
/// <c>embedding::vector(n)</c>. Queries must repeat the expression exactly (<see cref="Expression"/>).
/// A bulk job may defer a line's index (<see cref="DeferAsync"/>): the line is loaded without it and the index is
/// built once the job ends (<see cref="EnsureAsync"/>), which costs several times less than inserting every vector
/// into it. Meanwhile searches of the line scan its rows: exact, only slower.
/// </summary>
internal static class VectorIndexes
{
    // Each line's dimension, from its newest version's stored definition, unless a running job defers its index.
    private const string VectorLines = """
        SELECT DISTINCT ON (v.feature_id, v.major) v.feature_id, v.major, (v.definition->'valueType'->>'dimension')::int
        FROM ai_feature_versions v
        WHERE v.definition->'valueType'->>'kind' = 'vector' AND v.definition->'valueType'->>'dimension' IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM ai_vector_index_deferrals d JOIN ai_computation_jobs j ON j.id = d.job_id
                          WHERE d.feature_id = v.feature_id AND d.version_major = v.major AND j.status = 'running')
        ORDER BY v.feature_id, v.major, v.minor DESC, v.patch DESC
        """;

    // A deferral outlives its job only when the job's last replica died before building: it is the index's turn now.
    private const string EndedDeferrals = """
        DELETE FROM ai_vector_index_deferrals d USING ai_computation_jobs j WHERE j.id = d.job_id AND j.status <> 'running'
        """;

    private const string Indexes = """
        SELECT c.relname, i.indisvalid
        FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE i.indrelid = 'ai_feature_vectors'::regclass AND c.relname LIKE 'ix\_vectors\_%'
        """;

    /// <summary>
    /// Defers the index of every loaded line whose table holds fewer vectors than the job writes (a first computation,
    /// or one that more than doubles the line): 1. the lines, by feature name, 2. those of few rows, 3. recorded as
    /// deferred by this job (a later bulk job takes over a line another still loads, so the index waits for the last).
    /// </summary>
    private const string Defer = """
        INSERT INTO ai_vector_index_deferrals (feature_id, version_major, job_id)
        SELECT r.id, l.line, @job
        FROM unnest(@features, @lines, @entities) AS l(name, line, entities)
        JOIN ai_feature_registry r ON r.name = l.name
        WHERE (SELECT count(*) FROM ai_feature_vectors v WHERE v.feature_id = r.id AND v.version_major = l.line) < l.entities
        ON CONFLICT (feature_id, version_major) DO UPDATE SET job_id = EXCLUDED.job_id, deferred_at = now()
        RETURNING feature_id, version_major
        """;

    // Session locks (two-key form, "fv" and the index name's hash): one builder per line across processes, and a
    // builder that dies releases its lock with its connection, so an invalid index whose lock is free is abandoned.
    private const string TryLockLine = "SELECT pg_try_advisory_lock(1718943744, hashtext(@name))";
    private const string UnlockLine = "SELECT pg_advisory_unlock(1718943744, hashtext(@name))";

    /// <summary>
    /// The most memory one index build is given (the container launcher gives Postgres shared memory to match): a
    /// line needing more builds its overflow more slowly.
    /// </summary>
    public const long MaxBuildMemoryMiB = 4096;

    public static string Name(Guid featureId, int line) => $"ix_vectors_{featureId:N}_{line}";

    public static string Expression(int dimension) => $"(embedding::vector({dimension.ToString(CultureInfo.InvariantCulture)}))";

    // The line's rows of the right dimension only (rows from before a definition fixed it may differ,
    // and would break the cast); literals, so the planner can match the partial index to a query's WHERE.
    public static string Predicate(Guid featureId, int line, int dimension) =>
        $"feature_id = '{featureId}' AND version_major = {line.ToString(CultureInfo.InvariantCulture)} AND vector_dims(embedding) = {dimension.ToString(CultureInfo.InvariantCulture)}";

    // A line whose index could not be dropped is not deferred after all (its index, possibly left invalid by the
    // interrupted drop, is rebuilt by the next ensure).
    private const string Undefer = """
        DELETE FROM ai_vector_index_deferrals
        WHERE job_id = @job AND (feature_id, version_major) IN (SELECT * FROM unnest(@features, @lines))
        """;

    /// <summary>
    /// Defers the indexes of a new job's large loads (see <see cref="Defer"/>, committed first) and drops them with
    /// <c>DROP INDEX CONCURRENTLY</c>: searches and writes of the table go on while the drop waits for the
    /// transactions using the index (a plain drop would queue every reader behind its exclusive lock). The drop waits
    /// at most a few seconds (an index being built on the table, a long transaction); past that, the lines not yet
    /// dropped are not deferred and the job inserts into their indexes as usual.
    /// </summary>
    public static async Task DeferAsync(NpgsqlConnection connection, Guid job, IReadOnlyList<VectorLoad> loads, CancellationToken cancellationToken)
    {
        if (loads.Count == 0)
        {
            return;
        }

        var deferred = new List<(Guid Feature, int Line)>();
        await using (var defer = new NpgsqlCommand(Defer, connection))
        {
            defer.Parameters.AddWithValue("job", job);
            defer.Parameters.AddWithValue("features", loads.Select(l => l.Feature).ToArray());
            defer.Parameters.AddWithValue("lines", loads.Select(l => l.ValueLine).ToArray());
            defer.Parameters.AddWithValue("entities", loads.Select(l => (long)l.Entities).ToArray());
            await using var reader = await defer.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                deferred.Add((reader.GetGuid(0), reader.GetInt32(1)));
            }
        }

        var dropped = 0;
        try
        {
            await ExecuteAsync(connection, null, "SET lock_timeout = '5s'", cancellationToken);
            for (; dropped < deferred.Count; dropped++)
            {
                await ExecuteAsync(connection, null, $"DROP INDEX CONCURRENTLY IF EXISTS {Name(deferred[dropped].Feature, deferred[dropped].Line)}", cancellationToken);
            }
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            var kept = deferred.Skip(dropped).ToList();
            await using var undefer = new NpgsqlCommand(Undefer, connection);
            undefer.Parameters.AddWithValue("job", job);
            undefer.Parameters.AddWithValue("features", kept.Select(l => l.Feature).ToArray());
            undefer.Parameters.AddWithValue("lines", kept.Select(l => l.Line).ToArray());
            await undefer.ExecuteNonQueryAsync(CancellationToken.None);
        }
        finally
        {
            await ExecuteAsync(connection, null, "RESET lock_timeout", CancellationToken.None);
        }
    }

    /// <summary>
    /// Builds the missing index of every vector line not deferred by a running job, and rebuilds any left invalid by a
    /// builder that died; indexes being built by another process are left to it.
    /// </summary>
    /// <returns>The indexes this call built, each with how long it took.</returns>
    public static async Task<IReadOnlyList<(string Name, TimeSpan Took)>> EnsureAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, null, EndedDeferrals, cancellationToken);
        var lines = new List<(Guid Feature, int Line, int Dimension)>();
        await using (var query = new NpgsqlCommand(VectorLines, connection))
        await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                lines.Add((reader.GetGuid(0), reader.GetInt32(1), reader.GetInt32(2)));
            }
        }

        var existing = await IndexesAsync(connection, cancellationToken);
        var built = new List<(string, TimeSpan)>();
        foreach (var (feature, line, dimension) in lines.Where(l => existing.GetValueOrDefault(Name(l.Feature, l.Line)) is not true))
        {
            var started = Stopwatch.GetTimestamp();
            if (await BuildAsync(connection, feature, line, dimension, cancellationToken))
            {
                built.Add((Name(feature, line), Stopwatch.GetElapsedTime(started)));
            }
        }

        return built;
    }

    // False when another process builds it, or built it meanwhile.
    private static async Task<bool> BuildAsync(NpgsqlConnection connection, Guid feature, int line, int dimension, CancellationToken cancellationToken)
    {
        var name = Name(feature, line);
        await using (var tryLock = new NpgsqlCommand(TryLockLine, connection))
        {
            tryLock.Parameters.AddWithValue("name", name);
            if (await tryLock.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return false; // another process is building it
            }
        }

        try
        {
            // Looked at again under the lock: another builder may have finished between our look and the lock.
            switch ((await IndexesAsync(connection, cancellationToken)).GetValueOrDefault(name))
            {
                case true:
                    return false;
                case false:
                    await ExecuteAsync(connection, null, $"DROP INDEX CONCURRENTLY IF EXISTS {name}", cancellationToken);
                    break;
            }

            // An empty line (a new registration) is indexed at once; a loaded one concurrently, so writes go on, at
            // the price of waiting for every older transaction of the database (a long export, say) to end first.
            var rows = await CountRowsAsync(connection, feature, line, cancellationToken);
            var concurrently = rows > 0 ? "CONCURRENTLY" : "";
            await ExecuteAsync(connection, null, $"SET maintenance_work_mem = '{BuildMemoryMiB(rows, dimension).ToString(CultureInfo.InvariantCulture)}MB'", cancellationToken);
            await ExecuteAsync(connection, null,
                $"CREATE INDEX {concurrently} IF NOT EXISTS {name} ON ai_feature_vectors USING hnsw ({Expression(dimension)} vector_cosine_ops) WHERE {Predicate(feature, line, dimension)}",
                cancellationToken);
            return true;
        }
        finally
        {
            await ExecuteAsync(connection, null, "RESET maintenance_work_mem", CancellationToken.None);
            await using var unlock = new NpgsqlCommand(UnlockLine, connection);
            unlock.Parameters.AddWithValue("name", name);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// The build's memory for a line of <paramref name="rows"/> vectors: pgvector builds fast while the whole graph fits
    /// (about 2.4 KB per 384-dimension vector, measured: 28,359 fit in 64 MB) and several times slower past that, and a
    /// parallel build reserves all of it as shared memory up front, so it is sized to the line (a fifth to spare), from
    /// 64 MB to <see cref="MaxBuildMemoryMiB"/>.
    /// </summary>
    public static long BuildMemoryMiB(long rows, int dimension) =>
        Math.Clamp(rows * (dimension * 4L + 1024) * 6 / 5 / (1024 * 1024), 64, MaxBuildMemoryMiB);

    private static async Task<long> CountRowsAsync(NpgsqlConnection connection, Guid feature, int line, CancellationToken cancellationToken)
    {
        await using var query = new NpgsqlCommand("SELECT count(*) FROM ai_feature_vectors WHERE feature_id = @feature AND version_major = @line", connection);
        query.Parameters.AddWithValue("feature", feature);
        query.Parameters.AddWithValue("line", line);
        return Convert.ToInt64(await query.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    // Each vector index by name: true when valid, false when a build left it unusable (or is still at it).
    private static async Task<Dictionary<string, bool>> IndexesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var indexes = new Dictionary<string, bool>(StringComparer.Ordinal);
        await using var query = new NpgsqlCommand(Indexes, connection);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            indexes[reader.GetString(0)] = reader.GetBoolean(1);
        }

        return indexes;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        // No timeout: an index over millions of vectors takes minutes to build.
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
