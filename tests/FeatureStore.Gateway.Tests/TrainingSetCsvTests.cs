using System.Net.Http.Headers;
using System.Text;
using FeatureStore.Testing;

namespace FeatureStore.Gateway.Tests;

/// <summary>
/// The export's CSV, byte for byte: spines in any encoding, line ending and timestamp form read the same, and
/// values of every kind (strings with commas, quotes and escapes, arrays, objects, ids beyond the BMP) come out
/// as they always have.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class TrainingSetCsvTests(InfrastructureFixture infrastructure) : ServingTestBase(infrastructure, "exportcsv")
{
    private const string Doc = "user:test_doc";
    private const string Label = "user:test_label";

    [Fact]
    public async Task Spines_in_any_encoding_and_line_ending_read_the_same_rows()
    {
        await WriteAsync(Value(Rate, "u1", 1, "2026-01-01T00:00:00Z"), Value(Rate, "a,\"b\"\nc", 2, "2026-01-01T00:00:00Z"), Value(Rate, "é", 3, "2026-01-01T00:00:00Z"));
        const string Lf = "label,id,timestamp\nx,u1,2026-02-01T00:00:00Z\n\ny,\"a,\"\"b\"\"\nc\",2026-02-01T00:00:00Z\nz,é,2026-02-02T00:00:00Z\n";
        var expected = new[]
        {
            "id,timestamp,user:test_rate",
            "\"a,\"\"b\"\"\nc\",2026-02-01T00:00:00.000000Z,2",
            "u1,2026-02-01T00:00:00.000000Z,1",
            "é,2026-02-02T00:00:00.000000Z,3",
        };

        var crlf = Lf.Replace("\n", "\r\n", StringComparison.Ordinal);
        var bodies = new (string Name, byte[] Body)[]
        {
            ("LF", Encoding.UTF8.GetBytes(Lf)),
            ("CRLF", Encoding.UTF8.GetBytes(crlf)),
            ("CR", Encoding.UTF8.GetBytes(Lf.Replace('\n', '\r'))),
            ("no last line break", Encoding.UTF8.GetBytes(Lf.TrimEnd('\n'))),
            ("UTF-8 BOM", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(crlf)]),
            ("UTF-16 LE BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Lf)]),
            ("UTF-16 BE BOM", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(crlf)]),
        };

        foreach (var (name, body) in bodies)
        {
            Assert.True(expected.SequenceEqual(await ExportAsync(body, Rate)), name);
        }
    }

    [Fact]
    public async Task Rows_of_one_entity_in_a_row_and_ids_of_the_same_length_keep_their_own_ids()
    {
        // The reader shares an id's string with the row before when the bytes are the same: "u1" then "u2" (same
        // length, one byte apart) and "u1" again must stay three different rows' ids.
        await WriteAsync(Value(Rate, "u1", 1, "2026-01-01T00:00:00Z"), Value(Rate, "u2", 2, "2026-01-01T00:00:00Z"), Value(Rate, "u1", 3, "2026-01-03T00:00:00Z"));
        var spine = "id,timestamp\nu1,2026-01-02T00:00:00Z\nu1,2026-01-04T00:00:00Z\nu2,2026-01-02T00:00:00Z\nu1,2026-01-05T00:00:00Z\nu2,2026-01-06T00:00:00Z\n";

        Assert.Equal(
            [
                "id,timestamp,user:test_rate",
                "u1,2026-01-02T00:00:00.000000Z,1",
                "u1,2026-01-04T00:00:00.000000Z,3",
                "u1,2026-01-05T00:00:00.000000Z,3",
                "u2,2026-01-02T00:00:00.000000Z,2",
                "u2,2026-01-06T00:00:00.000000Z,2",
            ],
            await ExportAsync(Encoding.UTF8.GetBytes(spine), Rate));
    }

    [Fact]
    public async Task Timestamps_in_every_accepted_form_are_the_same_instants()
    {
        await WriteAsync(Value(Rate, "u1", 1, "2026-01-15T12:00:00Z"), Value(Rate, "u1", 2, "2026-01-15T12:00:00.000001Z"));
        var forms = new[]
        {
            "2026-01-15T12:00:00Z", "2026-01-15T06:00:00-06:00", "2026-01-15T17:30:00+05:30", "2026-01-15T17:30:00+0530", "2026-01-15T13:00:00+01",
            " 2026-01-15T12:00:00z ", "2026-01-15 12:00:00Z", "2026-01-15T12:00:00.0000009Z", "2026-01-15T12:00:00.000001Z", "2026-01-15T12:00:00.5+00:00",
            "2026-01-15T11:59:59.9999999Z", "2026-01-15T12:00:00.1234567+14:00", "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59.9999999Z", // the last instant: the export used to fail on it (Npgsql sent it as infinity)
        };

        var lines = await ExportAsync(Encoding.UTF8.GetBytes("id,timestamp\n" + string.Join("\n", forms.Select(f => $"u1,\"{f}\""))), Rate);

        Assert.Equal(
            [
                "id,timestamp,user:test_rate",
                "u1,0001-01-01T00:00:00.000000Z,",
                "u1,2026-01-14T22:00:00.123456Z,",
                "u1,2026-01-15T11:59:59.999999Z,",
                "u1,2026-01-15T12:00:00.000000Z,1",
                "u1,2026-01-15T12:00:00.000000Z,1",
                "u1,2026-01-15T12:00:00.000000Z,1",
                "u1,2026-01-15T12:00:00.000000Z,1",
                "u1,2026-01-15T12:00:00.000000Z,1",
                "u1,2026-01-15T12:00:00.000000Z,1",
                "u1,2026-01-15T12:00:00.000000Z,1",
                "u1,2026-01-15T12:00:00.000000Z,1",
                "u1,2026-01-15T12:00:00.000001Z,2",
                "u1,2026-01-15T12:00:00.500000Z,2",
                "u1,9999-12-31T23:59:59.999999Z,2",
            ],
            lines);
    }

    [Fact]
    public async Task Values_of_every_kind_are_written_as_before()
    {
        await ApplyAsync(
            new
            {
                name = Doc, entityType = "user", valueType = new { kind = "json" }, refresh = "daily",
                computation = new { source = "messages", aggregation = "distribution", field = "intent", window = "7d" },
            },
            new
            {
                name = Label, entityType = "user", valueType = "categorical", refresh = "daily",
                computation = new { source = "messages", aggregation = "mode", field = "intent" },
            });
        var docs = new object?[]
        {
            new { a = 1, b = "x,y", c = new[] { 1.5, 2 } }, new object[] { 1, 2.5, "q\"uote", true }, "plain", "with,comma", "with \"quotes\"",
            "line\nbreak\r\nand tab\t", "é and 😀 and \u0001", 1.50m, true, false, "", null,
        };
        var labels = new[] { "plain", "a,b", "say \"hi\"", "back\\slash", "multi\nline", "ünï", "😀", "x", "\"", ",", " spaced ", "end" };
        var ids = new[] { "u00", "u01", "u02", "u03", "u04", "u05", "u06", "u07", "u08", "u09", "u10", "u11" };
        await WriteAsync([.. ids.Select((id, i) => Value(Doc, id, docs[i], "2026-01-01T00:00:00Z")), .. ids.Select((id, i) => Value(Label, id, labels[i], "2026-01-01T00:00:00Z"))]);

        var lines = await ExportAsync(Encoding.UTF8.GetBytes("id,timestamp\n" + string.Join("\n", ids.Select(id => $"{id},2026-02-01T00:00:00Z"))), $"{Doc},{Label}");

        Assert.Equal(
            [
                "id,timestamp,user:test_doc,user:test_label",
                "u00,2026-02-01T00:00:00.000000Z,\"{\"\"a\"\": 1, \"\"b\"\": \"\"x,y\"\", \"\"c\"\": [1.5, 2]}\",plain",
                "u01,2026-02-01T00:00:00.000000Z,\"[1, 2.5, \"\"q\\\"\"uote\"\", true]\",\"a,b\"",
                "u02,2026-02-01T00:00:00.000000Z,plain,\"say \"\"hi\"\"\"",
                "u03,2026-02-01T00:00:00.000000Z,\"with,comma\",back\\slash",
                "u04,2026-02-01T00:00:00.000000Z,\"with \"\"quotes\"\"\",\"multi\nline\"",
                "u05,2026-02-01T00:00:00.000000Z,\"line\nbreak\r\nand tab\t\",ünï",
                "u06,2026-02-01T00:00:00.000000Z,é and 😀 and \u0001,😀",
                "u07,2026-02-01T00:00:00.000000Z,1.50,x",
                "u08,2026-02-01T00:00:00.000000Z,true,\"\"\"\"",
                "u09,2026-02-01T00:00:00.000000Z,false,\",\"",
                "u10,2026-02-01T00:00:00.000000Z,, spaced ",
                "u11,2026-02-01T00:00:00.000000Z,,end",
            ],
            lines);
    }

    [Fact]
    public async Task Ids_come_back_in_code_point_order_even_beyond_the_bmp()
    {
        var ids = new[] { "😀", "ｚ", "é", "a", "Z" };
        await WriteAsync([.. ids.Select((id, i) => Value(Rate, id, i, "2026-01-01T00:00:00Z"))]);

        var lines = await ExportAsync(Encoding.UTF8.GetBytes("id,timestamp\n" + string.Join("\n", ids.Select(id => $"{id},2026-02-01T00:00:00Z"))), Rate);

        Assert.Equal(["Z", "a", "é", "ｚ", "😀"], lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Equal(["4", "3", "2", "1", "0"], lines.Skip(1).Select(l => l.Split(',')[2]));
    }

    private async Task<List<string>> ExportAsync(byte[] spine, string features)
    {
        using var content = new ByteArrayContent(spine);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await Gateway.CreateClient().PostAsync($"/training-sets?type=user&features={Uri.EscapeDataString(features)}", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return SplitRecords(body);
    }

    // Rows split at line breaks outside quotes (a quoted field may hold one).
    private static List<string> SplitRecords(string csv)
    {
        var records = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            if (csv[i] == '"')
            {
                quoted = !quoted;
            }
            else if (csv[i] == '\n' && !quoted)
            {
                records.Add(csv[start..i]);
                start = i + 1;
            }
        }

        return records;
    }

    private async Task ApplyAsync(params object[] definitions)
    {
        var applied = await Client.QueryAsync("mutation($d: [JSON!]!) { applyFeatureDefinitions(definitions: $d) { applied } }", new { d = definitions });
        Assert.False(applied.TryGetProperty("errors", out var errors), errors.ToString());
    }
}
