using GraphQL;
using GraphQL.Execution;

namespace FeatureStore.Gateway.GraphQL;

/// <summary>
/// Field errors keep their code; an unexpected exception is logged by the engine and reaches
/// the client as INTERNAL_ERROR without its type name, message or stack trace.
/// </summary>
internal sealed class SafeErrorInfoProvider() : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeExceptionDetails = false })
{
    public const string InternalErrorCode = "INTERNAL_ERROR";

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (executionError is UnhandledError)
        {
            info.Message = "Internal error while resolving this field; the gateway logged the details.";
            info.Extensions ??= new Dictionary<string, object?>();
            info.Extensions["code"] = InternalErrorCode;
            info.Extensions["codes"] = new[] { InternalErrorCode };
        }

        return info;
    }
}
