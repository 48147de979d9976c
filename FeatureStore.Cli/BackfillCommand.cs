using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FeatureStore.Cli;

/// <summary>
/// <c>featurestore backfill</c>: asks the gateway to plan a backfill, then prints the job's progress
/// until the Compute replicas finish it.
/// </summary>
public sealed class BackfillCommand(HttpClient http, TextWriter output, TextWriter error)
{
    private const string Plan = """
        mutation Backfill($features: [String!], $from: DateTime!, $to: DateTime!) {
          backfill(features: $features, from: $from, to: $to) { id itemsTotal }
        }
        """;

    private const string Follow = "query Job($id: ID!) { computationJob(id: $id) { status itemsDone itemsTotal progress entitiesDone errors } }";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (args.Any(a => a is "--help" or "-h"))
        {
            await output.WriteLineAsync(BackfillOptions.Usage);
            return 0;
        }

        var (options, usageError) = BackfillOptions.Parse(args);
        if (options is null)
        {
            await error.WriteLineAsync($"error: {usageError}{Environment.NewLine}{BackfillOptions.Usage}");
            return 2;
        }

        try
        {
            var planned = await SendAsync(options.Gateway, Plan, new JsonObject
            {
                ["features"] = options.Features.Count == 0 ? null : new JsonArray([.. options.Features.Select(f => (JsonNode)f)]),
                ["from"] = options.From.ToString("O", CultureInfo.InvariantCulture),
                ["to"] = options.To.ToString("O", CultureInfo.InvariantCulture),
            }, cancellationToken);
            if (await RefusedAsync(planned))
            {
                return 1;
            }

            var job = planned.GetProperty("data").GetProperty("backfill");
            var id = job.GetProperty("id").GetString()!;
            await output.WriteLineAsync(Text($"Backfill job {id}: {job.GetProperty("itemsTotal").GetInt32()} work item(s), (from {options.From:O}, to {options.To:O}]"));
            return options.Wait ? await FollowAsync(options, id, cancellationToken) : 0;
        }
        catch (HttpRequestException failure)
        {
            await error.WriteLineAsync($"error: cannot reach the gateway at {options.Gateway} ({failure.Message}); start the stack with 'dotnet run --project FeatureStore.AppHost' or pass --gateway");
            return 3;
        }
    }

    private async Task<int> FollowAsync(BackfillOptions options, string id, CancellationToken cancellationToken)
    {
        var last = "";
        while (true)
        {
            var answer = await SendAsync(options.Gateway, Follow, new JsonObject { ["id"] = id }, cancellationToken);
            if (await RefusedAsync(answer))
            {
                return 1;
            }

            var job = answer.GetProperty("data").GetProperty("computationJob");
            var status = job.GetProperty("status").GetString();
            var line = Text($"  {job.GetProperty("itemsDone").GetInt32(),6} / {job.GetProperty("itemsTotal").GetInt32()} items ({100 * job.GetProperty("progress").GetDouble(),5:0.0} %)  {job.GetProperty("entitiesDone").GetInt64(),10:N0} entities  {job.GetProperty("errors").GetInt64():N0} error(s)  {status}");
            if (line != last)
            {
                await output.WriteLineAsync(line);
                last = line;
            }

            if (status != "running")
            {
                if (status == "failed")
                {
                    await error.WriteLineAsync($"error: the job failed; see computationLogs(runId: \"{id}\") for the details");
                }

                return status == "done" ? 0 : 1;
            }

            await Task.Delay(options.PollInterval, cancellationToken);
        }
    }

    private async Task<bool> RefusedAsync(JsonElement response)
    {
        if (!response.TryGetProperty("errors", out var errors))
        {
            return false;
        }

        var first = errors[0];
        var code = first.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var value) ? $" [{value.GetString()}]" : "";
        await error.WriteLineAsync($"error{code}: {first.GetProperty("message").GetString()}");
        return true;
    }

    private async Task<JsonElement> SendAsync(Uri gateway, string query, JsonObject variables, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(gateway, JsonContent.Create(new JsonObject { ["query"] = query, ["variables"] = variables }), cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return (await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken)).RootElement.Clone();
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
