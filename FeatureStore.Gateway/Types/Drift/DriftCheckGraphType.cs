using FeatureStore.Core.Drift;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Drift;

internal sealed class DriftCheckGraphType : EnumerationGraphType
{
    public DriftCheckGraphType()
    {
        Name = "DriftCheck";
        Description = "Which check a report comes from.";
        Add("UNIVARIATE", DriftChecks.Univariate, "One feature's distribution against its baseline (PSI, KS, chi-square/JS, array length, centroid), with data quality.");
        Add("CLASSIFIER", DriftChecks.Classifier, "All features of an entity type (subject 'entity:*'): a classifier's cross-validated AUC at telling baseline rows from current rows.");
        Add("SKEW", DriftChecks.Skew, "Training-serving skew: the share of sampled served values that differ from the offline values for the same entity and instant.");
    }
}
