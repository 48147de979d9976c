namespace FeatureStore.Drift.Statistics;

/// <summary>The few vector operations the statistics and the centroid test share, in double precision.</summary>
public static class VectorMath
{
    /// <summary>The Euclidean norm of <paramref name="vector"/>.</summary>
    public static double Norm(float[] vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var sum = 0.0;
        foreach (var component in vector)
        {
            sum += (double)component * component;
        }

        return Math.Sqrt(sum);
    }

    /// <summary>The component-wise mean of <paramref name="vectors"/> (not empty, all of one dimension).</summary>
    public static double[] Mean(IReadOnlyList<float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Count == 0)
        {
            throw new ArgumentException("no vectors to average", nameof(vectors));
        }

        var mean = new double[vectors[0].Length];
        foreach (var vector in vectors)
        {
            for (var i = 0; i < mean.Length; i++)
            {
                mean[i] += vector[i];
            }
        }

        for (var i = 0; i < mean.Length; i++)
        {
            mean[i] /= vectors.Count;
        }

        return mean;
    }

    /// <summary>1 − cos(angle) between <paramref name="a"/> and <paramref name="b"/>: 0 for the same direction, 2 for opposite ones; 0 when either is the zero vector.</summary>
    public static double CosineDistance(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        double dot = 0, normA = 0, normB = 0;
        for (var i = 0; i < a.Count; i++)
        {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }

        return normA == 0 || normB == 0 ? 0 : 1 - (dot / Math.Sqrt(normA * normB));
    }
}
