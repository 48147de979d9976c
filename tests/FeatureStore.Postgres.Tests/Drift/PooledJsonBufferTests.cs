using System.Text;
using System.Text.Json;
using FeatureStore.Postgres.Drift;

namespace FeatureStore.Postgres.Tests.Drift;

/// <summary>The pooled buffer a baseline sample is written into keeps every byte as it grows, and refuses use once given back.</summary>
public sealed class PooledJsonBufferTests
{
    [Fact]
    public void Json_larger_than_the_first_array_comes_out_whole_and_a_disposed_buffer_refuses_writes()
    {
        var buffer = new PooledJsonBuffer(16);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            for (var i = 0; i < 50_000; i++)
            {
                json.WriteStringValue($"entity-{i}");
            }

            json.WriteEndArray();
        }

        using (var document = JsonDocument.Parse(buffer.WrittenMemory))
        {
            Assert.Equal(50_000, document.RootElement.GetArrayLength());
            Assert.Equal("entity-49999", document.RootElement[49_999].GetString());
        }

        Assert.StartsWith("[\"entity-0\",", Encoding.UTF8.GetString(buffer.WrittenMemory.Span[..20]), StringComparison.Ordinal);
        buffer.Dispose();
        Assert.Equal(0, buffer.WrittenMemory.Length);
        Assert.Throws<ObjectDisposedException>(() => buffer.GetSpan(1));
        buffer.Dispose(); // twice is harmless
    }
}
