using FeatureStore.Gateway.Extensions;
using FeatureStore.Gateway.GraphQL;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGraphQLEndpoint("/graphql");
app.Run();

/// <summary>Visible to WebApplicationFactory in the gateway tests.</summary>
public partial class Program;
