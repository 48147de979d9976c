using System.Collections.Concurrent;
using FeatureStore.Core.Errors;
using Npgsql;

namespace FeatureStore.Postgres.Values;

/// <summary>Feature names to registry ids. Ids never change once a feature exists, so one lookup per name per process.</summary>
internal sealed class FeatureIds
{
    private readonly ConcurrentDictionary<string, Guid> _featureIds = new(StringComparer.Ordinal);

    /// <summary>The id of each name; FEATURE_NOT_FOUND names every unknown one.</summary>
    public async Task<Dictionary<string, Guid>> ResolveAsync(NpgsqlConnection connection, IEnumerable<string> features, CancellationToken cancellationToken)
    {
        var wanted = features.Distinct(StringComparer.Ordinal).ToList();
        var missing = wanted.Where(n => !_featureIds.ContainsKey(n)).ToArray();
        if (missing.Length > 0)
        {
            await using var command = new NpgsqlCommand("SELECT name, id FROM ai_feature_registry WHERE name = ANY(@names)", connection);
            command.Parameters.AddWithValue("names", missing);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                _featureIds[reader.GetString(0)] = reader.GetGuid(1);
            }
        }

        var unknown = wanted.Where(n => !_featureIds.ContainsKey(n)).ToList();
        return unknown.Count == 0
            ? wanted.ToDictionary(n => n, n => _featureIds[n], StringComparer.Ordinal)
            : throw new FeatureStoreException(FeatureStoreErrorCodes.FeatureNotFound, $"no feature named {string.Join(", ", unknown.Select(n => $"'{n}'"))}");
    }
}
