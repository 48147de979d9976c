using FeatureStore.Core.Errors;

namespace FeatureStore.Core.Sources;

/// <summary>Source rows that break a table's rules (code <see cref="FeatureStoreErrorCodes.InvalidArgument"/>). Nothing of the batch was written.</summary>
/// <param name="table">The table whose rule was broken, e.g. <c>src_feedback</c>.</param>
/// <param name="rule">The constraint or rule, e.g. <c>ck_src_feedback_satisfaction</c>.</param>
/// <param name="detail">What the store said about the row.</param>
public sealed class InvalidSourceRowsException(string table, string rule, string detail)
    : FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, $"{table}: a row breaks {rule} ({detail}); nothing of the batch was written")
{
    /// <summary>The table whose rule was broken.</summary>
    public string Table { get; } = table;

    /// <summary>The constraint or rule that was broken.</summary>
    public string Rule { get; } = rule;
}
