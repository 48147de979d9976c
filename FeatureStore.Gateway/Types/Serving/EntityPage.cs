namespace FeatureStore.Gateway.Types.Serving;

/// <summary>One page of entities (Relay connection): the entities and whether more follow.</summary>
internal sealed record EntityPage(IReadOnlyList<EntityRef> Entities, bool HasNextPage)
{
    public static string Cursor(EntityRef entity) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(entity.Id));

    public static string? Decode(string? cursor)
    {
        if (cursor is null)
        {
            return null;
        }

        try
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
        }
        catch (FormatException)
        {
            throw new Core.Errors.FeatureStoreException(Core.Errors.FeatureStoreErrorCodes.InvalidArgument, $"'{cursor}' is not a cursor this API returned");
        }
    }
}
