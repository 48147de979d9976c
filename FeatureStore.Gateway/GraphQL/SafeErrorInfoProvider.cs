using FeatureStore.Core.Errors;
using GraphQL;
using GraphQL.Execution;

namespace FeatureStore.Gateway.GraphQL;

/// <summary>
/// Errors the caller can fix (<see cref="FeatureStoreException"/>) reach the client with their
/// code and message (and, for invalid definitions, every problem). Anything unexpected is logged
/// by the engine and reaches the client as INTERNAL_ERROR, without type name, message or stack.
/// </summary>
internal sealed class SafeErrorInfoProvider() : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeExceptionDetails = false })
{
    public const string InternalErrorCode = "INTERNAL_ERROR";

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (executionError is not UnhandledError)
        {
            return info;
        }

        info.Extensions ??= new Dictionary<string, object?>();
        if (executionError.InnerException is FeatureStoreException known)
        {
            info.Message = known.Message;
            SetCode(info, known.Code);
            var problems = known switch
            {
                InvalidDefinitionException definitions => definitions.Problems,
                InvalidValuesException values => values.Problems,
                _ => null,
            };
            if (problems is not null)
            {
                info.Extensions["problems"] = problems.Select(p => new Dictionary<string, object?>
                {
                    ["feature"] = p.Feature,
                    ["field"] = p.Field,
                    ["message"] = p.Message,
                }).ToList();
            }

            return info;
        }

        info.Message = "Internal error while resolving this field; the gateway logged the details.";
        SetCode(info, InternalErrorCode);
        return info;
    }

    private static void SetCode(ErrorInfo info, string code)
    {
        info.Extensions!["code"] = code;
        info.Extensions["codes"] = new[] { code };
    }
}
