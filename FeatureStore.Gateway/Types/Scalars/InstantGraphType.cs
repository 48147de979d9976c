using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Scalars;

/// <summary>An instant as ISO-8601 with its offset (<c>2026-11-24T14:00:00+01:00</c>); input without an offset is UTC.</summary>
internal sealed class InstantGraphType : DateTimeOffsetGraphType
{
    public InstantGraphType()
    {
        Name = "DateTime";
        Description = "An instant, ISO-8601 with offset; an input without offset is taken as UTC.";
    }
}
