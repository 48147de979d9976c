using System.Globalization;
using FeatureStore.Drift.Detection;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace FeatureStore.Drift.Multivariate;

/// <summary>
/// Multivariate drift by the classifier two-sample test: boosted trees (ML.NET FastTree) learn to tell baseline
/// rows from current rows, and their cross-validated AUC is the drift score. Trees see what the univariate tests
/// cannot: changed relations between features, and turns of an embedding cluster that leave every component's
/// distribution alike. Permutation importance on the held-out folds names the features that give the windows away.
/// </summary>
public sealed class ClassifierDriftDetector(ClassifierDriftOptions options)
{
    private const string ScoreColumn = "Score";

    /// <summary>
    /// The test of <paramref name="current"/> against <paramref name="baseline"/>: rows of floats, one per entity,
    /// laid out as <paramref name="columns"/> (see <see cref="RowEncoder"/>; no NaN).
    /// </summary>
    public ClassifierDriftResult Detect(IReadOnlyList<string> columns, IReadOnlyList<float[]> baseline, IReadOnlyList<float[]> current, DriftThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(thresholds);
        Check(columns.Count, baseline, nameof(baseline));
        Check(columns.Count, current, nameof(current));
        var random = new Random(options.Seed);
        var rows = Draw(baseline, false, random).Concat(Draw(current, true, random)).ToList();
        int baselineRows = rows.Count(r => !r.Label), currentRows = rows.Count - baselineRows;

        var fewest = Math.Min(baselineRows, currentRows);
        var needed = Math.Max(thresholds.MinimumSampleSize, options.Folds);
        if (fewest < needed)
        {
            return new ClassifierDriftResult(0.5, 1, baselineRows, currentRows, DriftStatus.Ok, thresholds.ClassifierAucWarn, thresholds.ClassifierAucDrift, [],
                string.Create(CultureInfo.InvariantCulture, $"too few rows to train on ({fewest} < {needed})"));
        }

        var ml = new MLContext(options.Seed);
        var schema = SchemaDefinition.Create(typeof(LabeledRow));
        schema[nameof(LabeledRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, columns.Count);
        var labels = rows.Select(r => r.Label).ToArray();
        var folds = StratifiedFolds.Assign(labels, options.Folds, random);
        var scores = new float[rows.Count];
        var models = new List<(ISingleFeaturePredictionTransformer<object> Model, IDataView HeldOut)>();
        for (var fold = 0; fold < options.Folds; fold++)
        {
            var heldOutRows = Enumerable.Range(0, rows.Count).Where(i => folds[i] == fold).ToArray();
            var training = ml.Data.LoadFromEnumerable(rows.Where((_, i) => folds[i] != fold), schema);
            var heldOut = ml.Data.LoadFromEnumerable(heldOutRows.Select(i => rows[i]), schema);
            var model = Trainer(ml).Fit(training);
            var foldScores = model.Transform(heldOut).GetColumn<float>(ScoreColumn).ToArray();
            for (var i = 0; i < heldOutRows.Length; i++)
            {
                scores[heldOutRows[i]] = foldScores[i];
            }

            models.Add((model, heldOut));
        }

        var auc = AreaUnderCurve.Compute(scores, labels);
        var pValue = AreaUnderCurve.PValue(auc, currentRows, baselineRows);
        var status = DriftTestResult.StatusOf(auc, pValue, thresholds.ClassifierAucWarn, thresholds.ClassifierAucDrift, thresholds.Alpha);

        // Importance is computed only when there is drift to explain: it costs a model evaluation per column and fold.
        var contributions = status == DriftStatus.Ok ? [] : Contributions(ml, columns, models);
        return new ClassifierDriftResult(auc, pValue, baselineRows, currentRows, status, thresholds.ClassifierAucWarn, thresholds.ClassifierAucDrift, contributions, null);
    }

    private FastTreeBinaryTrainer Trainer(MLContext ml) => ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
    {
        NumberOfTrees = options.Trees,
        NumberOfLeaves = options.Leaves,
        MinimumExampleCountPerLeaf = options.MinimumRowsPerLeaf,
        Seed = options.Seed,

        // One thread: parallel tree building may add gains up in another order, and the answer must not depend on timing.
        NumberOfThreads = 1,
    });

    private static List<FeatureContribution> Contributions(MLContext ml, IReadOnlyList<string> columns, List<(ISingleFeaturePredictionTransformer<object> Model, IDataView HeldOut)> models)
    {
        var drops = new double[columns.Count];
        foreach (var (model, heldOut) in models)
        {
            var permuted = ml.BinaryClassification.PermutationFeatureImportance(model, heldOut, permutationCount: 1);
            for (var column = 0; column < columns.Count; column++)
            {
                drops[column] -= permuted[column].AreaUnderRocCurve.Mean / models.Count;
            }
        }

        return columns.Select((name, i) => (Feature: RowEncoder.FeatureOf(name), Drop: drops[i]))
            .GroupBy(c => c.Feature, StringComparer.Ordinal)
            .Select(g => new FeatureContribution(g.Key, g.Sum(c => c.Drop)))
            .OrderByDescending(c => c.Importance)
            .ThenBy(c => c.Feature, StringComparer.Ordinal)
            .ToList();
    }

    private IEnumerable<LabeledRow> Draw(IReadOnlyList<float[]> rows, bool label, Random random)
    {
        var chosen = Enumerable.Range(0, rows.Count).ToArray();
        if (rows.Count > options.MaximumRowsPerSide)
        {
            random.Shuffle(chosen);
            chosen = chosen[..options.MaximumRowsPerSide];
        }

        return chosen.Select(i => new LabeledRow { Label = label, Features = rows[i] });
    }

    private static void Check(int width, IReadOnlyList<float[]> rows, string name)
    {
        foreach (var row in rows)
        {
            if (row.Length != width || Array.Exists(row, float.IsNaN))
            {
                throw new ArgumentException($"every row needs {width} numbers, none of them NaN", name);
            }
        }
    }
}
