using System.Text.Encodings.Web;
using FeatureStore.Core.Hosting;
using FeatureStore.Gateway.GraphQL;
using FeatureStore.Gateway.Services;
using FeatureStore.Gateway.TrainingSets;
using FeatureStore.Gateway.Types;
using FeatureStore.Postgres;
using FeatureStore.Redis;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;

namespace FeatureStore.Gateway.Extensions;

internal static class ApplicationServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddFeatureStore()
            .AddPostgresOfflineStore("featurestore")
            .AddRedisOnlineStore("cache")
            .AddComputation()
            .AddServingSamples();

        builder.Services.AddScoped<RequestContext>();
        builder.Services.AddScoped<RegistryService>();
        builder.Services.AddScoped<ServingService>();
        builder.Services.AddScoped<ComputationService>();
        builder.Services.AddScoped<DriftService>();
        builder.Services.AddScoped<DataLoaders.FeatureBatchLoader>();
        builder.Services.Configure<TrainingSetExportOptions>(builder.Configuration.GetSection("FeatureStore:TrainingSets"));
        builder.Services.AddSingleton<TrainingSetExportGate>();
        builder.Services.AddSingleton<global::GraphQL.DI.IConfigureExecution, ParsedDocumentCache>();
        // Registered before AddGraphQL, which only adds its own validator when none is.
        builder.Services.AddSingleton<global::GraphQL.Validation.IDocumentValidator, CachedDocumentValidator>();
        builder.Services.AddGraphQL(graphql => graphql
            .AddSchema<FeatureStoreSchema>()
            .AddGraphTypes(typeof(FeatureStoreSchema).Assembly)
            // The default encoder escapes '+' in dates ("\u002B01:00"): clients deserve plain ISO-8601.
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddErrorInfoProvider<SafeErrorInfoProvider>()
            // Depth depends on the document alone: checked when a query text is first seen, not again for each
            // request that reuses its cached document (the analyzer's own registration re-walked every request).
            .AddValidationRule(new ComplexityValidationRule(new ComplexityOptions { MaxDepth = 15 }), useForCachedDocuments: false)
            // Resolvers here never do I/O themselves (reads go through the batch loader), so queries
            // gain nothing from the parallel strategy's task per field; serial costs far less per field.
            .AddExecutionStrategy<SerialExecutionStrategy>(GraphQLParser.AST.OperationType.Query));
    }
}
