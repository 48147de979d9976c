using FeatureStore.Gateway.Drift;
using FeatureStore.Gateway.Extensions;
using FeatureStore.Gateway.GraphQL;
using FeatureStore.Gateway.TrainingSets;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGraphQLEndpoint("/graphql");
app.MapTrainingSetExport("/training-sets");
app.MapDriftPlots();
app.Run();

/// <summary>Visible to WebApplicationFactory in the gateway tests.</summary>
public partial class Program;
