using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace FeatureStore.Gateway.GraphQL;

/// <summary>
/// What validating one operation of an already validated document needs beyond its request's
/// variables: which variables to coerce, and where arguments and directives sit (found once by
/// <see cref="ArgumentSites"/>). Each request then does what <see cref="DocumentValidator"/> does after
/// its rules: coerce the variables, then parse each argument and directive with them.
/// </summary>
internal sealed class OperationPlan
{
    private readonly GraphQLDocument _document;
    private readonly VariableCoercion? _variables;
    private readonly IReadOnlyList<ArgumentSites.Field> _fields;
    private readonly IReadOnlyList<IHasDirectivesNode> _directives;

    private OperationPlan(ISchema schema, GraphQLDocument document, VariableCoercion? variables, ArgumentSites sites)
    {
        Schema = schema;
        _document = document;
        _variables = variables;
        _fields = sites.Fields;
        _directives = sites.Directives;
    }

    /// <summary>The schema the plan's field definitions come from.</summary>
    public ISchema Schema { get; }

    public static OperationPlan Build(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation) =>
        new(schema, document, VariableCoercion.For(schema, document, operation), ArgumentSites.Of(schema, document, operation));

    public async Task<IValidationResult> ValidateAsync(ValidationOptions options)
    {
        var variables = Variables.None;
        if (_variables is not null)
        {
            var (coerced, variableErrors) = await _variables.CoerceAsync(options);
            if (variableErrors is not null)
            {
                return new ValidationResult(variableErrors) { Variables = coerced };
            }

            variables = coerced;
        }

        List<ValidationError>? errors = null;
        var arguments = ParseArguments(variables, ref errors);
        var directives = ParseDirectives(variables, ref errors);
        return new ValidationResult(errors ?? [])
        {
            Variables = variables,
            ArgumentValues = arguments,
            DirectiveValues = directives,
        };
    }

    private Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>? ParseArguments(Variables variables, ref List<ValidationError>? errors)
    {
        Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>? parsed = null;
        foreach (var site in _fields)
        {
            try
            {
                if (ExecutionHelper.GetArguments(site.Definition.Arguments, site.Node.Arguments, variables, _document, site.Node, null) is { } values)
                {
                    (parsed ??= new(_fields.Count)).Add(site.Node, values);
                }
            }
            catch (ValidationError error)
            {
                (errors ??= []).Add(error);
            }
        }

        return parsed;
    }

    private Dictionary<ASTNode, IDictionary<string, DirectiveInfo>>? ParseDirectives(Variables variables, ref List<ValidationError>? errors)
    {
        Dictionary<ASTNode, IDictionary<string, DirectiveInfo>>? parsed = null;
        foreach (var node in _directives)
        {
            try
            {
                if (ExecutionHelper.GetDirectives(node, variables, Schema, _document) is { } values)
                {
                    (parsed ??= []).Add((ASTNode)node, values);
                }
            }
            catch (ValidationError error)
            {
                (errors ??= []).Add(error);
            }
        }

        return parsed;
    }
}
