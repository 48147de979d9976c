namespace FeatureStore.Core.Drift;

/// <summary>A report's status as stored and shown: OK, WARN or DRIFT, in increasing order of severity.</summary>
public static class DriftStatuses
{
    /// <summary>No change beyond noise.</summary>
    public const string Ok = "OK";

    /// <summary>A real but moderate change, or a data-quality problem.</summary>
    public const string Warn = "WARN";

    /// <summary>A real and large change: entering it raises an alert.</summary>
    public const string Drift = "DRIFT";

    /// <summary>Every status, least severe first.</summary>
    public static IReadOnlyList<string> All { get; } = [Ok, Warn, Drift];

    /// <summary>The more severe of two statuses.</summary>
    public static string Worst(string first, string second) => Severity(second) > Severity(first) ? second : first;

    /// <summary>0 for OK, 1 for WARN, 2 for DRIFT.</summary>
    public static int Severity(string status) => status switch
    {
        Ok => 0,
        Warn => 1,
        Drift => 2,
        _ => throw new ArgumentException($"'{status}' is not one of {string.Join(", ", All)}", nameof(status)),
    };
}
