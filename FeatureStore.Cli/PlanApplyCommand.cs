using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FeatureStore.Core.Registry.Definitions;

namespace FeatureStore.Cli;

/// <summary>
/// Reads the definitions folder (problems are reported here, field by field, before anything is
/// sent), asks the gateway for a plan or an apply, and prints one line per feature.
/// </summary>
public sealed class PlanApplyCommand(HttpClient http, TextWriter output, TextWriter error)
{
    private const string Mutation = """
        mutation Apply($definitions: [JSON!]!, $dryRun: Boolean) {
          applyFeatureDefinitions(definitions: $definitions, dryRun: $dryRun) {
            applied changes { name change fromVersion toVersion reasons } problems { feature field message }
          }
        }
        """;

    private static readonly string[] Kinds = ["NEW", "MAJOR", "MINOR", "PATCH", "UNCHANGED"];

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var (options, usageError) = CliOptions.Parse(args);
        if (options is null)
        {
            await error.WriteLineAsync($"error: {usageError}{Environment.NewLine}{CliOptions.Usage}");
            return 2;
        }

        var (specs, problems) = DefinitionFiles.Load(options.Directory);
        if (problems.Count > 0)
        {
            await PrintProblemsAsync(problems.Select(p => (p.Feature, p.Field, p.Message)));
            return 1;
        }

        JsonElement response;
        try
        {
            response = await SendAsync(options, specs, cancellationToken);
        }
        catch (HttpRequestException failure)
        {
            await error.WriteLineAsync($"error: cannot reach the gateway at {options.Gateway} ({failure.Message}); start the stack with 'dotnet run --project FeatureStore.AppHost' or pass --gateway");
            return 3;
        }

        return await ReportAsync(options, response);
    }

    private async Task<JsonElement> SendAsync(CliOptions options, IReadOnlyList<FeatureSpec> specs, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["query"] = Mutation,
            ["variables"] = new JsonObject
            {
                ["definitions"] = new JsonArray([.. specs.Select(s => (JsonNode)FeatureSpecJson.ToJson(s))]),
                ["dryRun"] = options.Command == "plan",
            },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Gateway) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-FeatureStore-Actor", options.Actor);
        using var response = await http.SendAsync(request, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return (await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken)).RootElement.Clone();
    }

    private async Task<int> ReportAsync(CliOptions options, JsonElement response)
    {
        if (response.TryGetProperty("errors", out var errors))
        {
            var first = errors[0];
            if (first.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("problems", out var listed))
            {
                await PrintProblemsAsync(listed.EnumerateArray().Select(p => (Text(p, "feature"), Text(p, "field"), Text(p, "message"))));
            }
            else
            {
                await error.WriteLineAsync($"error: {Text(first, "message")}");
            }

            return 1;
        }

        var result = response.GetProperty("data").GetProperty("applyFeatureDefinitions");
        var planProblems = result.GetProperty("problems").EnumerateArray().Select(p => (Text(p, "feature"), Text(p, "field"), Text(p, "message"))).ToList();
        var changes = result.GetProperty("changes").EnumerateArray().ToList();
        foreach (var change in changes)
        {
            var kind = Text(change, "change");
            var from = change.GetProperty("fromVersion").ValueKind == JsonValueKind.String ? Text(change, "fromVersion") : "-";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {kind,-10} {Text(change, "name"),-36} {from,7} -> {Text(change, "toVersion")}"));
            foreach (var reason in change.GetProperty("reasons").EnumerateArray())
            {
                await output.WriteLineAsync($"             {reason.GetString()}");
            }
        }

        var counts = string.Join(", ", Kinds
            .Select(k => $"{changes.Count(c => Text(c, "change") == k)} {k.ToLowerInvariant()}"));
        if (planProblems.Count > 0)
        {
            await PrintProblemsAsync(planProblems);
            return 1;
        }

        var verb = options.Command == "plan" ? "Plan" : "Applied";
        await output.WriteLineAsync($"{verb}: {counts}.");
        return 0;
    }

    private async Task PrintProblemsAsync(IEnumerable<(string Feature, string Field, string Message)> problems)
    {
        var list = problems.ToList();
        await error.WriteLineAsync($"error: {list.Count} problem(s); nothing was applied:");
        foreach (var (feature, field, message) in list)
        {
            await error.WriteLineAsync(field.Length == 0 ? $"  {feature}: {message}" : $"  {feature}: {field}: {message}");
        }
    }

    private static string Text(JsonElement json, string property) => json.GetProperty(property).GetString() ?? "";
}
