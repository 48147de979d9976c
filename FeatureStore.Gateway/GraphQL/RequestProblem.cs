namespace FeatureStore.Gateway.GraphQL;

/// <summary>Why an HTTP request is not a GraphQL request at all: the status to answer with and an error code.</summary>
internal sealed record RequestProblem(int Status, string Code, string Message);
