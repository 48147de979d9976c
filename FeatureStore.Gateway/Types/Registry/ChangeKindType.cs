using FeatureStore.Core.Registry.Versioning;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Registry;

internal sealed class ChangeKindType : EnumerationGraphType<ChangeKind>
{
    public ChangeKindType()
    {
        Name = "ChangeKind";
        Description = "What applying a definition does: NEW, UNCHANGED, PATCH, MINOR or MAJOR.";
    }
}
