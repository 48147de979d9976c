using System.Net.Http.Headers;
using System.Text;
using FeatureStore.Testing;

namespace FeatureStore.Gateway.Tests;

/// <summary>
/// An export stopped half way (the client left) stops its reads in Postgres too, and leaves its connections fit
/// for the next export: the history reads are binary COPYs, which a connection cannot be reused in until they end.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class TrainingSetExportCancellationTests(InfrastructureFixture infrastructure) : ServingTestBase(infrastructure, "exportstop")
{
    private const int Users = 12_000;

    [Fact]
    public async Task A_client_leaving_mid_export_stops_its_reads_and_the_next_exports_are_whole()
    {
        foreach (var chunk in Enumerable.Range(0, Users).Chunk(5_000))
        {
            await WriteAsync([.. chunk.SelectMany(u => new[]
            {
                Value(Rate, $"u{u:D5}", u, "2026-01-01T00:00:00Z"), Value(Rate, $"u{u:D5}", u + 0.5, "2026-01-10T00:00:00Z"),
            })]);
        }

        var spine = Encoding.UTF8.GetBytes("id,timestamp\n" + string.Concat(Enumerable.Range(0, Users).Select(u => $"u{u:D5},2026-02-01T00:00:00Z\n")));
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var request = Request(spine);
            using var response = await Gateway.CreateClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            await using var body = await response.Content.ReadAsStreamAsync();
            await body.ReadExactlyAsync(new byte[64]);
        }

        for (var export = 0; export < 3; export++)
        {
            using var response = await Gateway.CreateClient().SendAsync(Request(spine));
            var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(Users + 1, lines.Length);
            Assert.Equal("u11999,2026-02-01T00:00:00.000000Z,11999.5", lines[^1]);
        }

        // Nothing is still being read for the abandoned exports.
        var copies = -1L;
        for (var wait = 0; wait < 50 && copies != 0; wait++)
        {
            await Task.Delay(100);
            copies = await Sql.ScalarAsync<long>(Database.ConnectionString,
                "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'COPY%' AND pid <> pg_backend_pid()");
        }

        Assert.Equal(0, copies);
    }

    private static HttpRequestMessage Request(byte[] spine)
    {
        var content = new ByteArrayContent(spine);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new HttpRequestMessage(HttpMethod.Post, $"/training-sets?type=user&features={Uri.EscapeDataString(Rate)}") { Content = content };
    }
}
