using System.Text;
using FeatureStore.Core.Values;

namespace FeatureStore.Core.Tests.Values;

/// <summary>The export merges Postgres's "C"-collated order in .NET: the two orders must agree on every string.</summary>
public sealed class CodePointOrderTests
{
    [Fact]
    public void Sorts_like_the_utf8_bytes_including_characters_outside_the_basic_plane()
    {
        // U+FF21 (fullwidth A) sorts below U+1F600 (emoji) by code point and UTF-8 bytes, but above it as UTF-16 units.
        string[] ids = ["u10", "u2", "U1", "", "é", "\uFF21", "\U0001F600", "a\U0001F600", "a\uFFFD", "ab", "a"];

        var sorted = ids.Order(CodePointOrder.Instance).ToList();

        Assert.Equal(ids.OrderBy(Encoding.UTF8.GetBytes, new ByteOrder()).ToList(), sorted);
        Assert.True(CodePointOrder.Instance.Compare("\uFF21", "\U0001F600") < 0);
        Assert.True(string.CompareOrdinal("\uFF21", "\U0001F600") > 0);
    }

    [Fact]
    public void Agrees_with_utf8_byte_order_on_random_strings()
    {
        var random = new Random(11);
        char[] alphabet = ['a', 'z', '0', 'é', '\u00FF', '\u4E2D', '\uE000', '\uFFFD'];
        string RandomId() => string.Concat(Enumerable.Range(0, random.Next(0, 5)).Select(_ =>
            random.Next(5) == 0 ? char.ConvertFromUtf32(random.Next(0x10000, 0x10FFFF)) : alphabet[random.Next(alphabet.Length)].ToString()));

        for (var i = 0; i < 5_000; i++)
        {
            var (x, y) = (RandomId(), RandomId());
            Assert.Equal(Math.Sign(new ByteOrder().Compare(Encoding.UTF8.GetBytes(x), Encoding.UTF8.GetBytes(y))), Math.Sign(CodePointOrder.Instance.Compare(x, y)));
        }
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
