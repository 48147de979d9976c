using GraphQL.Validation;
using GraphQLParser.AST;

namespace FeatureStore.Gateway.GraphQL;

/// <summary>GET must be safe: a mutation sent with GET is refused (the endpoint turns this into a 405).</summary>
internal sealed class GetOnlyQueriesRule : ValidationRuleBase
{
    public const string ErrorCode = "MUTATION_OVER_GET";

    public static readonly GetOnlyQueriesRule Instance = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(context.Operation.Operation == OperationType.Query
            ? null
            : new MatchingNodeVisitor<GraphQLOperationDefinition>((operation, ctx) =>
                ctx.ReportError(new ValidationError(ctx.Document.Source, "5.0", $"{operation.Operation.ToString().ToLowerInvariant()} operations must be sent with POST", operation) { Code = ErrorCode })));
}
