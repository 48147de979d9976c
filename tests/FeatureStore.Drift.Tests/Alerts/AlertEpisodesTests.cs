using System.Net;
using System.Text.Json;
using FeatureStore.Drift.Alerts;
using FeatureStore.Drift.Detection;
using Microsoft.Extensions.Options;

namespace FeatureStore.Drift.Tests.Alerts;

public sealed class AlertEpisodesTests
{
    private const DriftStatus O = DriftStatus.Ok, W = DriftStatus.Warn, D = DriftStatus.Drift;

    [Fact]
    public void An_alert_fires_once_on_entering_drift_and_again_only_after_the_episode_closed()
    {
        DriftStatus[] runs = [O, W, D, D, D, W, D, O, W, D, D];
        //                          ^ opens         ^ a dip to Warn does not close it
        //                                                ^ Ok closes   ^ a new episode

        var episodes = new AlertEpisodes();
        var fired = runs.Select(status => episodes.Observe("user:x", status)).ToArray();

        Assert.Equal([2, 9], Enumerable.Range(0, runs.Length).Where(i => fired[i]));
    }

    [Theory]
    [InlineData(null, D, true, D)]
    [InlineData(O, D, true, D)]
    [InlineData(W, D, true, D)]
    [InlineData(D, D, false, D)]
    [InlineData(D, W, false, D)]   // still in the episode
    [InlineData(D, O, false, O)]   // closed
    [InlineData(null, W, false, W)]
    public void The_rule_on_remembered_and_current_status(DriftStatus? remembered, DriftStatus current, bool fire, DriftStatus remember) =>
        Assert.Equal(new AlertDecision(fire, remember), AlertEpisodes.Decide(remembered, current));

    [Fact]
    public void Subjects_have_separate_episodes()
    {
        var episodes = new AlertEpisodes();

        Assert.True(episodes.Observe("user:x", D));
        Assert.True(episodes.Observe("user:y", D));
        Assert.False(episodes.Observe("user:x", D));
    }

    [Fact]
    public async Task The_webhook_receives_the_alert_as_json()
    {
        var handler = new RecordingHandler();
        var sink = new WebhookAlertSink(new HttpClient(handler), Options.Create(new WebhookAlertOptions { Url = new Uri("http://127.0.0.1:9/alerts") }));
        var alert = new DriftAlert("user:x", "univariate", D, Generated.Current, "Psi 0.41 (warn 0.1, drift 0.25)");

        await sink.SendAsync(alert, CancellationToken.None);

        Assert.Equal(HttpMethod.Post, handler.Method);
        Assert.Equal("http://127.0.0.1:9/alerts", handler.Url?.ToString());
        using var body = JsonDocument.Parse(handler.Body!);
        Assert.Equal("user:x", body.RootElement.GetProperty("subject").GetString());
        Assert.Equal("Drift", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(Generated.Current.Start, body.RootElement.GetProperty("window").GetProperty("start").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_failed_delivery_throws()
    {
        var sink = new WebhookAlertSink(new HttpClient(new RecordingHandler(HttpStatusCode.BadGateway)), Options.Create(new WebhookAlertOptions { Url = new Uri("http://127.0.0.1:9/alerts") }));

        await Assert.ThrowsAsync<HttpRequestException>(() => sink.SendAsync(new DriftAlert("user:x", "skew", D, Generated.Current, ""), CancellationToken.None));
    }

    private sealed class RecordingHandler(HttpStatusCode status = HttpStatusCode.OK) : HttpMessageHandler
    {
        public HttpMethod? Method { get; private set; }

        public Uri? Url { get; private set; }

        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            (Method, Url) = (request.Method, request.RequestUri);
            Body = await request.Content!.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(status);
        }
    }
}
