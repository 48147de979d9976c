using FeatureStore.Core.Registry.Definitions;

namespace FeatureStore.Core.Tests.Registry.Definitions;

public sealed class DefinitionFilesTests : IDisposable
{
    private const string Embedding = """
        {
          "name": "msg:embedding", "entityType": "message",
          "valueType": { "kind": "vector", "dimension": "${embeddingDimension}" },
          "computation": { "source": "messages", "aggregation": "embedding", "field": "text" },
          "refresh": "real-time"
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("featurestore-definitions-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Variables_from_variables_json_are_substituted()
    {
        Write("variables.json", """{ "embeddingDimension": 384 }""");
        Write("message/embedding.json", Embedding);

        var (specs, problems) = DefinitionFiles.Load(_directory);

        Assert.Empty(problems);
        Assert.Equal(384, Assert.Single(specs).Value.Dimension);
    }

    [Fact]
    public void An_override_wins_over_variables_json()
    {
        Write("variables.json", """{ "embeddingDimension": 384 }""");
        Write("message/embedding.json", Embedding);

        var (specs, problems) = DefinitionFiles.Load(_directory, new Dictionary<string, string> { ["embeddingDimension"] = "1536" });

        Assert.Empty(problems);
        Assert.Equal(1536, Assert.Single(specs).Value.Dimension);
    }

    [Fact]
    public void A_variable_substituted_at_top_level_is_read_like_a_literal()
    {
        Write("variables.json", """{ "defaultRefresh": "hourly" }""");
        Write("tenant/volume.json", """{ "name": "tenant:volume", "entityType": "tenant", "valueType": "numeric", "computation": { "source": "messages", "aggregation": "count" }, "refresh": "${defaultRefresh}" }""");

        var (specs, problems) = DefinitionFiles.Load(_directory);

        Assert.Empty(problems);
        Assert.Equal("hourly", Assert.Single(specs).Refresh);
    }

    [Fact]
    public void An_unknown_variable_is_a_problem_naming_the_file_and_the_field()
    {
        Write("message/embedding.json", Embedding);

        var (specs, problems) = DefinitionFiles.Load(_directory);

        Assert.Empty(specs);
        Assert.Equal(
            [new DefinitionProblem(Path.Combine("message", "embedding.json"), "valueType.dimension", "variable 'embeddingDimension' is not defined in variables.json")],
            problems);
    }

    [Fact]
    public void Invalid_json_is_a_problem_naming_the_file_and_the_others_still_load()
    {
        Write("variables.json", """{ "embeddingDimension": 384 }""");
        Write("message/broken.json", """{ "name": "msg:broken", """);
        Write("message/embedding.json", Embedding);

        var (specs, problems) = DefinitionFiles.Load(_directory);

        Assert.Equal("msg:embedding", Assert.Single(specs).Name);
        var problem = Assert.Single(problems);
        Assert.Equal((Path.Combine("message", "broken.json"), ""), (problem.Feature, problem.Field));
        Assert.StartsWith("not valid JSON: ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_definition_is_reported_under_its_feature_name()
    {
        Write("user/rate.json", """{ "name": "user:rate", "entityType": "user", "valueType": "numeric", "computation": { "source": "bookings", "aggregation": "ratio" }, "refresh": "monthly" }""");

        var (specs, problems) = DefinitionFiles.Load(_directory);

        Assert.Empty(specs);
        Assert.Equal([("user:rate", "refresh")], problems.Select(p => (p.Feature, p.Field)));
    }

    [Fact]
    public void The_schema_folder_is_not_read_as_definitions()
    {
        Write("variables.json", """{ "embeddingDimension": 384 }""");
        Write("schema/feature-definition.schema.json", """{ "$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object" }""");
        Write("message/embedding.json", Embedding);

        var (specs, problems) = DefinitionFiles.Load(_directory);

        Assert.Empty(problems);
        Assert.Equal(["msg:embedding"], specs.Select(s => s.Name));
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed_in_definitions()
    {
        Write("tenant/volume.json", """
            {
              // messages in the last 24 hours
              "name": "tenant:volume", "entityType": "tenant", "valueType": "numeric",
              "computation": { "source": "messages", "aggregation": "count", "window": "24h", },
              "refresh": "hourly",
            }
            """);

        var (specs, problems) = DefinitionFiles.Load(_directory);

        Assert.Empty(problems);
        Assert.Equal(TimeSpan.FromHours(24), Assert.Single(specs).Computation.Window);
    }

    [Fact]
    public void A_missing_folder_is_a_problem()
    {
        var missing = Path.Combine(_directory, "nowhere");

        var (specs, problems) = DefinitionFiles.Load(missing);

        Assert.Empty(specs);
        Assert.Equal([new DefinitionProblem(missing, "", "the definitions folder does not exist")], problems);
    }

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_directory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
