using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace FeatureStore.Gateway.GraphQL;

/// <summary>
/// Coerces a request's variables for an operation with GraphQL.NET's own public code
/// (<see cref="ValidationContext.GetVariablesValuesAsync"/>), minus its walk of the whole operation.
/// That walk only finds variables declared nullable but used where a value is required: such a
/// variable, when supplied, must not be null. Those are found once here; the coercion itself runs on
/// a copy of the operation that keeps its variable definitions and drops its selections.
/// </summary>
internal sealed class VariableCoercion
{
    private const string NullForRequired = "Received a null input for a non-null variable.";

    private readonly ISchema _schema;
    private readonly GraphQLDocument _document;
    private readonly GraphQLOperationDefinition _definitionsOnly;
    private readonly IReadOnlyList<GraphQLVariableDefinition> _requiredWhenSupplied;

    private VariableCoercion(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition definitionsOnly, IReadOnlyList<GraphQLVariableDefinition> requiredWhenSupplied)
    {
        _schema = schema;
        _document = document;
        _definitionsOnly = definitionsOnly;
        _requiredWhenSupplied = requiredWhenSupplied;
    }

    /// <summary>The coercion for <paramref name="operation"/>, or null when it declares no variables.</summary>
    public static VariableCoercion? For(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        if (operation.Variables is not { Count: > 0 } definitions)
        {
            return null;
        }

        var usages = new ValidationContext { Schema = schema, Document = document, Operation = operation }.GetRecursiveVariables(operation) ?? [];
        var requiredWhenSupplied = definitions.Items
            .Where(d => d.Type is not GraphQLNonNullType
                && usages.Any(u => u.Node.Name == d.Variable.Name && u.Type is NonNullGraphType))
            .ToList();
        var definitionsOnly = new GraphQLOperationDefinition(new GraphQLSelectionSet([]))
        {
            Operation = operation.Operation,
            Name = operation.Name,
            Variables = definitions,
        };
        return new VariableCoercion(schema, document, definitionsOnly, requiredWhenSupplied);
    }

    public async ValueTask<(Variables Variables, List<ValidationError>? Errors)> CoerceAsync(ValidationOptions options)
    {
        var context = new ValidationContext
        {
            Schema = _schema,
            Document = _document,
            Operation = _definitionsOnly,
            Variables = options.Variables,
            Extensions = options.Extensions,
            UserContext = options.UserContext,
            RequestServices = options.RequestServices,
            User = options.User,
            CancellationToken = options.CancellationToken,
            Metrics = options.Metrics,
        };
        var (variables, errors) = await context.GetVariablesValuesAsync();
        foreach (var definition in _requiredWhenSupplied)
        {
            var name = definition.Variable.Name.StringValue;
            if (options.Variables.TryGetValue(name, out var supplied) && supplied is null)
            {
                (errors ??= []).Add(new InvalidVariableError(context, definition, name, NullForRequired));
            }
        }

        return (variables, errors);
    }
}
