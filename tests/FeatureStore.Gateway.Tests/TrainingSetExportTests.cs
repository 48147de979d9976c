using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FeatureStore.Testing;
using Parquet;
using Parquet.Schema;

namespace FeatureStore.Gateway.Tests;

/// <summary>
/// <c>POST /training-sets</c>: the streaming sort-merge export gives exactly what the gateway's
/// trainingSet gives for the same rows (one set of serving rules), in CSV or Parquet, and refuses
/// bad input before sending anything.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class TrainingSetExportTests(InfrastructureFixture infrastructure) : ServingTestBase(infrastructure, "export")
{
    private const string Hour = "user:test_hour";

    [Fact]
    public async Task Each_row_gets_the_value_valid_at_its_timestamp_at_the_boundaries_and_after_out_of_order_writes()
    {
        // Written out of order: the February value first, then the January one slots in before it.
        await WriteAsync(Value(Rate, "u1", 2, "2026-02-01T00:00:00Z"), Value(Intent, "u1", "pricing", "2026-01-20T00:00:00Z"));
        await WriteAsync(Value(Rate, "u1", 1, "2026-01-01T00:00:00Z"), Value(Rate, "u2", 9, "2026-01-10T00:00:00Z"));

        var response = await ExportAsync("""
            timestamp,id
            2026-02-01T00:00:00Z,u1
            2025-12-31T00:00:00Z,u1
            2026-01-31T23:59:59.999999Z,u1
            2026-01-10T00:00:00+00:00,u2
            2026-01-15T06:00:00-06:00,u1
            2026-01-15T00:00:00Z,u3
            """, $"{Rate},{Intent}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("6", response.Headers.GetValues("X-FeatureStore-Rows").Single());
        Assert.Equal(
            [
                "id,timestamp,user:test_rate,user:test_intent",
                "u1,2025-12-31T00:00:00.000000Z,,",
                "u1,2026-01-15T12:00:00.000000Z,1,",
                "u1,2026-01-31T23:59:59.999999Z,1,pricing",
                "u1,2026-02-01T00:00:00.000000Z,2,pricing",
                "u2,2026-01-10T00:00:00.000000Z,9,",
                "u3,2026-01-15T00:00:00.000000Z,,",
            ],
            await LinesAsync(response));
    }

    // Both ways of reading history (the spine's entities listed, the default for small spines, or its id range, which
    // reads lines whole and keeps them) and of sorting the spine (in memory, the default, in Postgres, or in Postgres
    // after the first 100 rows were read into memory).
    [Theory]
    [InlineData("10000", "1000000")]
    [InlineData("0", "1000000")]
    [InlineData("10000", "0")]
    [InlineData("0", "100")]
    public async Task A_random_workload_exports_exactly_what_graphql_trainingSet_serves_for_the_same_rows(string listEntitiesUpTo, string sortInMemoryUpTo)
    {
        var random = new Random(7);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var writes = new List<object>();
        for (var user = 0; user < 60; user++)
        {
            // Random instants, written in random order: the store must chain them whatever the order.
            foreach (var hours in Enumerable.Range(0, random.Next(0, 6)).Select(_ => random.Next(0, 24 * 30)).Distinct())
            {
                writes.Add(Value(Rate, $"u{user:D2}", Math.Round(random.NextDouble(), 3), Iso(start.AddHours(hours))));
            }

            if (random.Next(3) > 0)
            {
                writes.Add(Value(Intent, $"u{user:D2}", random.Next(2) == 0 ? "booking" : "pricing", Iso(start.AddHours(random.Next(0, 24 * 30)))));
            }
        }

        foreach (var batch in writes.OrderBy(_ => random.Next()).Chunk(50))
        {
            await WriteAsync(batch);
        }

        // Rows at written instants exactly, a microsecond before them, and anywhere; ids never written too.
        var rows = Enumerable.Range(0, 600).Select(_ => (Id: $"u{random.Next(0, 64):D2}", At: start.AddHours(random.Next(-24, 24 * 32)).AddTicks(random.Next(3) switch { 0 => 0, 1 => -10, _ => random.Next(0, 36_000_000) * 1000L })))
            .Select(r => (r.Id, At: new DateTimeOffset(r.At.Ticks / 10 * 10, TimeSpan.Zero))).ToList();
        var features = new[] { Rate, Intent, Rate + "@1" };

        await using var gateway = new GatewayFactory(Database.ConnectionString, Infrastructure.Redis.ConnectionString,
            settings: new Dictionary<string, string>
            {
                ["FeatureStore:TrainingSets:ListEntitiesUpTo"] = listEntitiesUpTo, ["FeatureStore:TrainingSets:SortInMemoryUpTo"] = sortInMemoryUpTo,
            });
        var spine = "id,timestamp\n" + string.Join("\n", rows.Select(r => $"{r.Id},{Iso(r.At)}"));
        var exported = await LinesAsync(await ExportAsync(spine, string.Join(",", features), gateway));
        var served = await TrainingSetAsync(rows, features);

        Assert.Equal(served.Count + 1, exported.Count);
        Assert.InRange(exported.Count(l => l.Split(',')[2].Length > 0), 150, 550); // most rows find a value, not all
        Assert.InRange(exported.Count(l => l.Split(',')[3].Length > 0), 100, 550);
        Assert.Equal(served.Order(StringComparer.Ordinal), exported.Skip(1).Order(StringComparer.Ordinal));
        Assert.Equal(exported.Skip(1).OrderBy(l => l.Split(',')[0], StringComparer.Ordinal).ThenBy(l => l.Split(',')[1], StringComparer.Ordinal), exported.Skip(1));

        // Again after a write to one line, at a spine row's instant: the other lines may come from memory, the written
        // one from the store.
        await WriteAsync(Value(Rate, rows[0].Id, 0.5, Iso(rows[0].At)));
        var again = await LinesAsync(await ExportAsync(spine, string.Join(",", features), gateway));
        Assert.Equal((await TrainingSetAsync(rows, features)).Order(StringComparer.Ordinal), again.Skip(1).Order(StringComparer.Ordinal));
        Assert.Contains(again, l => l.StartsWith($"{rows[0].Id},{Iso(rows[0].At)},0.5,", StringComparison.Ordinal));

        // And after one write of more entities than a write logs (kept lines are then patched by the rows' versions):
        // a value at a random instant for every spine user (into their pasts, between their values, after them) and
        // for entities outside the spine.
        var large = Enumerable.Range(0, 60).Select(user => Value(Rate, $"u{user:D2}", 0.25, Iso(start.AddHours(random.Next(0, 24 * 31)))))
            .Concat(Enumerable.Range(0, 1_000).Select(i => Value(Rate, $"x{i:D4}", 0.75, Iso(start))));
        await WriteAsync([.. large]);
        var afterLarge = await LinesAsync(await ExportAsync(spine, string.Join(",", features), gateway));
        Assert.Equal((await TrainingSetAsync(rows, features)).Order(StringComparer.Ordinal), afterLarge.Skip(1).Order(StringComparer.Ordinal));
        Assert.Contains(afterLarge, l => l.Split(',')[2] == "0.25");
    }

    [Fact]
    public async Task Stale_values_and_request_time_features_follow_the_serving_rules()
    {
        await ApplyAsync(new
        {
            name = Hour, entityType = "user", valueType = "numeric", refresh = "real-time",
            computation = new { source = "messages", aggregation = "hour_of_day", parameters = new { timezone = "America/Mexico_City" } },
        });
        await WriteAsync(Value(Rate, "u1", 0.5, "2026-01-01T00:00:00Z"));

        // test_rate has a 1 h TTL and the default "flag" policy: the value is still given, as at serving time.
        var lines = await LinesAsync(await ExportAsync("id,timestamp\nu1,2026-01-01T00:30:00Z\nu1,2026-01-01T05:00:00Z", $"{Rate},{Hour}"));

        Assert.Equal(["id,timestamp,user:test_rate,user:test_hour", "u1,2026-01-01T00:30:00.000000Z,0.5,18", "u1,2026-01-01T05:00:00.000000Z,0.5,23"], lines);
        Assert.Equal(lines.Skip(1), await TrainingSetAsync([("u1", DateTimeOffset.Parse("2026-01-01T00:30:00Z", CultureInfo.InvariantCulture)), ("u1", DateTimeOffset.Parse("2026-01-01T05:00:00Z", CultureInfo.InvariantCulture))], [Rate, Hour]));
    }

    [Fact]
    public async Task Under_an_ab_split_each_entity_reads_the_line_the_gateway_serves_it()
    {
        await WriteAsync(Enumerable.Range(0, 40).Select(i => Value(Rate, $"u{i:D2}", 1, "2026-01-01T00:00:00Z")).ToArray());
        await ApplyAsync(RateDefinition("2.0.0", "count"));
        await WriteAsync(Enumerable.Range(0, 40).Select(i => Value(Rate, $"u{i:D2}", 2, "2026-01-01T00:00:00Z")).ToArray());
        var split = await Client.QueryAsync($$"""mutation { setTrafficSplit(name: "{{Rate}}", candidateVersion: "1.0.0", candidatePercent: 50) { name } }""");
        Assert.False(split.TryGetProperty("errors", out var errors), errors.ToString());
        var rows = Enumerable.Range(0, 40).Select(i => ($"u{i:D2}", DateTimeOffset.Parse("2026-02-01T00:00:00Z", CultureInfo.InvariantCulture))).ToList();

        var exported = (await LinesAsync(await ExportAsync("id,timestamp\n" + string.Join("\n", rows.Select(r => $"{r.Item1},{Iso(r.Item2)}")), Rate))).Skip(1).ToList();

        Assert.Equal(await TrainingSetAsync(rows, [Rate]), exported);
        Assert.Contains(exported, l => l.EndsWith(",1", StringComparison.Ordinal));
        Assert.Contains(exported, l => l.EndsWith(",2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Parquet_in_and_out_keeps_types_and_nulls()
    {
        await WriteAsync(Value(Rate, "u1", 0.25, "2026-01-01T00:00:00Z"), Value(Intent, "u1", "booking", "2026-01-01T00:00:00Z"));
        var id = new DataField<string>("id");
        var timestamp = new DateTimeDataField("timestamp", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros);
        using var spine = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(id, timestamp), spine))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(id, ["u1", "u2"]);
            await group.WriteAsync<DateTime>(timestamp, new[] { new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc) }.AsMemory());
        }

        using var content = new ByteArrayContent(spine.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.apache.parquet");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/training-sets?type=user&features={Rate},{Intent}") { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.apache.parquet"));
        using var response = await Gateway.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var result = await ParquetReader.CreateAsync(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var fields = result.Schema.GetDataFields();
        Assert.Equal(["id", "timestamp", Rate, Intent], fields.Select(f => f.Name));
        Assert.Equal(typeof(double), fields[2].ClrType);
        using var rows = result.OpenRowGroupReader(0);
        var rates = new double?[2];
        await rows.ReadAsync<double>(fields[2], rates.AsMemory());
        var intents = new string?[2];
        await rows.ReadAsync(fields[3], intents.AsMemory());
        Assert.Equal([0.25, null], rates);
        Assert.Equal(new string?[] { "booking", null }, intents.AsEnumerable());
    }

    [Theory]
    [InlineData("id,timestamp\nu1,2026-01-01T00:00:00", "features=user:test_rate", "INVALID_ARGUMENT", "row 1: timestamp '2026-01-01T00:00:00' is not ISO-8601 with an offset")]
    [InlineData("id,timestamp\nu1,yesterday", "features=user:test_rate", "INVALID_ARGUMENT", "row 1: timestamp 'yesterday'")]
    [InlineData("id,ts\nu1,2026-01-01T00:00:00Z", "features=user:test_rate", "INVALID_ARGUMENT", "must name columns id and timestamp")]
    [InlineData("id,timestamp\nu1,2026-01-01T00:00:00Z,extra", "features=user:test_rate", "INVALID_ARGUMENT", "row 1: 3 fields, but the header has 2")]
    [InlineData("id,timestamp\n,2026-01-01T00:00:00Z", "features=user:test_rate", "INVALID_ARGUMENT", "row 1: id is empty")]
    [InlineData("", "features=user:test_rate", "INVALID_ARGUMENT", "the CSV is empty")]
    [InlineData("id,timestamp\nu1,2026-01-01T00:00:00Z", "features=user:nope", "FEATURE_NOT_FOUND", "no feature named 'user:nope'")]
    [InlineData("id,timestamp\nu1,2026-01-01T00:00:00Z", "features=msg:test_vec", "ENTITY_TYPE_MISMATCH", "describes message entities")]
    [InlineData("id,timestamp\nu1,2026-01-01T00:00:00Z", "features=user:test_rate@9", "VERSION_NOT_FOUND", "no version matching")]
    [InlineData("id,timestamp\nu1,2026-01-01T00:00:00Z", "features=user:test_rate,user:test_rate", "INVALID_ARGUMENT", "asked for twice")]
    [InlineData("id,timestamp\nu1,2026-01-01T00:00:00Z", "", "INVALID_ARGUMENT", "type and features are required")]
    public async Task Bad_requests_are_refused_with_a_code_before_any_row_is_sent(string csv, string features, string code, string message)
    {
        using var response = await ExportAsync(csv, features.Length == 0 ? "" : features[(features.IndexOf('=', StringComparison.Ordinal) + 1)..]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains(message, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsupported_media_types_get_415_and_406()
    {
        using var content = new StringContent("id,timestamp\n", Encoding.UTF8, "application/json");
        using var wrongBody = await Gateway.CreateClient().PostAsync($"/training-sets?type=user&features={Rate}", content);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/training-sets?type=user&features={Rate}") { Content = new StringContent("id,timestamp\n", Encoding.UTF8, "text/csv") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/xml"));
        using var wrongAccept = await Gateway.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongBody.StatusCode);
        Assert.Equal(HttpStatusCode.NotAcceptable, wrongAccept.StatusCode);
    }

    [Fact]
    public async Task More_rows_than_the_configured_maximum_is_a_limit_error_and_the_gateway_keeps_serving()
    {
        await WriteAsync(Value(Rate, "u1", 1, "2026-01-01T00:00:00Z"));
        await using var limited = new GatewayFactory(Database.ConnectionString, Infrastructure.Redis.ConnectionString, settings: new Dictionary<string, string> { ["FeatureStore:TrainingSets:MaxRows"] = "3" });
        using var client = limited.CreateClient();

        using var tooMany = await client.PostAsync($"/training-sets?type=user&features={Rate}", Csv("id,timestamp\nu1,2026-02-01T00:00:00Z\nu1,2026-02-01T00:00:00Z\nu1,2026-02-01T00:00:00Z\nu1,2026-02-01T00:00:00Z"));
        using var enough = await client.PostAsync($"/training-sets?type=user&features={Rate}", Csv("id,timestamp\nu1,2026-02-01T00:00:00Z"));

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("LIMIT_EXCEEDED", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["id,timestamp,user:test_rate", "u1,2026-02-01T00:00:00.000000Z,1"], await LinesAsync(enough));
    }

    [Fact]
    public async Task Quoted_ids_and_extra_columns_are_handled_and_reported()
    {
        await WriteAsync(Value(Rate, "a,\"b\"", 3, "2026-01-01T00:00:00Z"));

        var response = await ExportAsync("label,id,timestamp\n1,\"a,\"\"b\"\"\",2026-02-01T00:00:00Z", Rate);

        Assert.Equal("label", response.Headers.GetValues("X-FeatureStore-Ignored-Columns").Single());
        Assert.Equal(["id,timestamp,user:test_rate", "\"a,\"\"b\"\"\",2026-02-01T00:00:00.000000Z,3"], await LinesAsync(response));
    }

    private async Task<HttpResponseMessage> ExportAsync(string csv, string features, GatewayFactory? gateway = null)
    {
        var query = features.Length == 0 ? "" : $"?type=user&features={Uri.EscapeDataString(features)}";
        return await (gateway ?? Gateway).CreateClient().PostAsync("/training-sets" + query, Csv(csv));
    }

    private static StringContent Csv(string csv) => new(csv.ReplaceLineEndings("\n"), Encoding.UTF8, "text/csv");

    private static async Task<List<string>> LinesAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return [.. body.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    // The same rows through GraphQL trainingSet, rendered as the CSV export renders them.
    private async Task<List<string>> TrainingSetAsync(IReadOnlyList<(string Id, DateTimeOffset At)> rows, string[] features)
    {
        var body = await Client.QueryAsync(
            "query($r: [TrainingRowInput!]!, $f: [String!]!) { trainingSet(type: \"user\", rows: $r, features: $f) { id timestamp features { value } } }",
            new { r = rows.Select(r => new { id = r.Id, timestamp = Iso(r.At) }), f = features });
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        return [.. body.GetProperty("data").GetProperty("trainingSet").EnumerateArray().Select(r =>
            $"{r.GetProperty("id").GetString()},{Iso(DateTimeOffset.Parse(r.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture))}," +
            string.Join(",", r.GetProperty("features").EnumerateArray().Select(f => Cell(f.GetProperty("value")))))];
    }

    private static string Cell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "",
        JsonValueKind.String => value.GetString()!,
        _ => value.GetRawText(),
    };

    private async Task ApplyAsync(object definition)
    {
        var applied = await Client.QueryAsync("mutation($d: [JSON!]!) { applyFeatureDefinitions(definitions: $d) { applied } }", new { d = new[] { definition } });
        Assert.False(applied.TryGetProperty("errors", out var errors), errors.ToString());
    }

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
