using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Registry.Versioning;

namespace FeatureStore.Gateway.Types.Registry;

/// <summary>The outcome of applyFeatureDefinitions.</summary>
internal sealed record ApplyResult(bool Applied, bool DryRun, IReadOnlyList<PlanEntry> Changes, IReadOnlyList<DefinitionProblem> Problems);
