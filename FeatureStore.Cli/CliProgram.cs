namespace FeatureStore.Cli;

/// <summary>Entry point: <c>featurestore plan|apply [--dir features] [--gateway URL] [--actor NAME]</c> <c>featurestore generate [options]</c> or <c>featurestore backfill --from T --to T</c>.</summary>
public static class CliProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["generate", .. var generateArgs])
        {
            return await new GenerateCommand(Console.Out, Console.Error).RunAsync(generateArgs, CancellationToken.None);
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        if (args is ["backfill", .. var backfillArgs])
        {
            return await new BackfillCommand(http, Console.Out, Console.Error).RunAsync(backfillArgs, CancellationToken.None);
        }

        return await new PlanApplyCommand(http, Console.Out, Console.Error).RunAsync(args, CancellationToken.None);
    }
}
