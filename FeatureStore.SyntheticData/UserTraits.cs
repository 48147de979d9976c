using System.Text.Json.Nodes;
using FeatureStore.Core.Sources;

namespace FeatureStore.SyntheticData;

/// <summary>
/// What a user is like, drawn from the user's own random stream: the same every time it is asked
/// for, so conversations need no table of users in memory.
/// </summary>
internal sealed record UserTraits(string Id, string Language, string Channel, Service FavoriteService, string PreferredTime, bool Notifications, double SatisfactionBias)
{
    private static readonly string[] TimesOfDay = ["morning", "afternoon", "evening"];

    public static UserTraits For(int seed, int globalIndex, TenantContext tenant)
    {
        var random = SeededRandom.For(seed, RandomStream.User, globalIndex);
        var profile = tenant.Profile;
        var language = random.Chance(profile.OtherLanguageShare) ? Languages.Other(profile.Language) : profile.Language;
        var channel = profile.Channels.Names[random.Weighted(profile.Channels.Weights)];
        var favorite = random.Pick(profile.Business.Services);
        var time = random.Pick(TimesOfDay);
        var notifications = random.Chance(0.7);
        // Some people are easy to please and some are not: shifts every score they give.
        var bias = Math.Clamp(random.Normal() * 0.6, -1.5, 1.0);
        return new UserTraits(SourceIds.User(globalIndex), language, channel, favorite, time, notifications, bias);
    }

    public User ToUser(TenantContext tenant) => new(Id, tenant.Tenant.Id, Language, JsonText.Write(new JsonObject
    {
        ["language"] = Language,
        ["contact_channel"] = Channel,
        ["favorite_service"] = FavoriteService.Name(Language),
        ["preferred_time"] = PreferredTime,
        ["notifications"] = Notifications,
    }));
}
