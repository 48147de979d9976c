using FeatureStore.Postgres.Values;

namespace FeatureStore.Postgres.Tests.Values;

/// <summary>An HNSW build gets memory for its whole graph (about 2.4 KB per 384-dimension vector), within bounds.</summary>
public sealed class VectorIndexBuildMemoryTests
{
    [Theory]
    [InlineData(0L, 384, 64L)] // a new line: the floor
    [InlineData(20_000L, 384, 64L)] // 58 MB needed
    [InlineData(100_000L, 384, 292L)] // 100k x (1,536 + 1,024) bytes x 1.2
    [InlineData(1_000_000L, 384, 2_929L)] // the 1M-message benchmark's embeddings
    [InlineData(1_000_000L, 1536, 4_096L)] // 8,202 MB needed: the cap
    [InlineData(10_000_000L, 384, 4_096L)]
    public void The_build_memory_covers_the_line_with_a_fifth_to_spare_from_64_MB_to_the_cap(long rows, int dimension, long expectedMiB)
    {
        Assert.Equal(expectedMiB, VectorIndexes.BuildMemoryMiB(rows, dimension));
        Assert.Equal(4_096L, VectorIndexes.MaxBuildMemoryMiB);
    }
}
