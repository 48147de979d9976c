namespace FeatureStore.Drift.Multivariate;

/// <summary>
/// How the baseline-vs-current classifier is trained. The defaults favour a quick, stable answer over the last
/// point of accuracy: the classifier only has to notice that two windows differ, not to be a good model.
/// </summary>
public sealed class ClassifierDriftOptions
{
    /// <summary>Cross-validation folds; every row is scored by a model that did not see it. Default 5.</summary>
    public int Folds { get; set; } = 5;

    /// <summary>Seed of the row sampling, the fold split, the trees and the permutations: one seed, one answer. Default 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Boosted trees per model. Default 50.</summary>
    public int Trees { get; set; } = 50;

    /// <summary>Leaves per tree. Default 8.</summary>
    public int Leaves { get; set; } = 8;

    /// <summary>Fewest rows in a leaf; large enough that a tree cannot memorise single rows. Default 20.</summary>
    public int MinimumRowsPerLeaf { get; set; } = 20;

    /// <summary>Rows drawn from each side at most (at random, seeded), bounding the run time on big windows. Default 5000.</summary>
    public int MaximumRowsPerSide { get; set; } = 5000;
}
