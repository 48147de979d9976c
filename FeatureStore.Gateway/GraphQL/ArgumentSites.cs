using GraphQL;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;

namespace FeatureStore.Gateway.GraphQL;

/// <summary>
/// The fields with arguments and the nodes with directives that one operation reaches, each field
/// with its definition: the places GraphQL.NET's validator parses arguments on every request. The
/// walk follows that validator's own (GraphQL.NET 8): only the operation and the fragments it spreads,
/// each fragment once; a field whose type is unknown or a leaf is not entered.
/// </summary>
internal sealed class ArgumentSites
{
    private readonly ISchema _schema;
    private readonly GraphQLDocument _document;
    private readonly HashSet<ROM> _visitedFragments = [];
    private readonly List<Field> _fields = [];
    private readonly List<IHasDirectivesNode> _directives = [];

    private ArgumentSites(ISchema schema, GraphQLDocument document)
    {
        _schema = schema;
        _document = document;
    }

    /// <summary>A field node with arguments, and the field definition that parses them.</summary>
    public readonly record struct Field(GraphQLField Node, FieldType Definition);

    public IReadOnlyList<Field> Fields => _fields;

    public IReadOnlyList<IHasDirectivesNode> Directives => _directives;

    public static ArgumentSites Of(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var sites = new ArgumentSites(schema, document);
        sites.VisitOperation(operation);
        return sites;
    }

    private void VisitOperation(GraphQLOperationDefinition operation)
    {
        NoteDirectives(operation);
        var root = operation.Operation switch
        {
            OperationType.Query => _schema.Query,
            OperationType.Mutation => _schema.Mutation,
            OperationType.Subscription => _schema.Subscription,
            _ => null,
        };
        if (root is null)
        {
            return;
        }

        foreach (var variable in operation.Variables?.Items ?? [])
        {
            NoteDirectives(variable);
        }

        VisitSelections(operation.SelectionSet, root);
    }

    private void VisitSelections(GraphQLSelectionSet? selections, IComplexGraphType? type)
    {
        foreach (var selection in selections?.Selections ?? [])
        {
            if (selection is IHasDirectivesNode withDirectives)
            {
                NoteDirectives(withDirectives);
            }

            switch (selection)
            {
                case GraphQLField field:
                    VisitField(field, type);
                    break;
                case GraphQLInlineFragment inline:
                    VisitFragment(inline.TypeCondition, inline.SelectionSet, type);
                    break;
                case GraphQLFragmentSpread spread when _visitedFragments.Add(spread.FragmentName.Name.Value):
                    if (_document.FindFragmentDefinition(spread.FragmentName.Name.Value) is { } definition)
                    {
                        NoteDirectives(definition);
                        VisitFragment(definition.TypeCondition, definition.SelectionSet, type);
                    }

                    break;
            }
        }
    }

    private void VisitField(GraphQLField field, IComplexGraphType? type)
    {
        if (DefinitionOf(field, type) is not { } definition)
        {
            return;
        }

        if (field.Arguments is { Count: > 0 })
        {
            _fields.Add(new Field(field, definition));
        }

        switch (definition.ResolvedType?.GetNamedType())
        {
            case IComplexGraphType complex:
                VisitSelections(field.SelectionSet, complex);
                break;
            case UnionGraphType:
                // As GraphQL.NET's walk does: a union's own selections are fragments, which name their type.
                VisitSelections(field.SelectionSet, type);
                break;
        }
    }

    private void VisitFragment(GraphQLTypeCondition? condition, GraphQLSelectionSet selections, IComplexGraphType? type)
    {
        if (condition is null)
        {
            VisitSelections(selections, type);
            return;
        }

        switch (_schema.AllTypes[condition.Type.Name.Value]?.GetNamedType())
        {
            case IComplexGraphType complex:
                VisitSelections(selections, complex);
                break;
            case IAbstractGraphType:
                VisitSelections(selections, type);
                break;
        }
    }

    private FieldType? DefinitionOf(GraphQLField field, IComplexGraphType? type)
    {
        var name = field.Name.Value;
        return name == _schema.TypeMetaFieldType.Name ? _schema.TypeMetaFieldType
            : name == _schema.TypeNameMetaFieldType.Name ? _schema.TypeNameMetaFieldType
            : name == _schema.SchemaMetaFieldType.Name ? _schema.SchemaMetaFieldType
            : type?.Fields.Find(name);
    }

    private void NoteDirectives(IHasDirectivesNode node)
    {
        if (node.Directives is { Count: > 0 })
        {
            _directives.Add(node);
        }
    }
}
