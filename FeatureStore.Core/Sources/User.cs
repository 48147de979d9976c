namespace FeatureStore.Core.Sources;

/// <summary>An end user of one tenant (<c>src_users</c>).</summary>
/// <param name="Id">The entity id, e.g. <c>u000123</c>; unique across tenants.</param>
/// <param name="TenantId">The tenant the user talks to.</param>
/// <param name="PreferredLanguage">ISO 639-1 code (<c>es</c>, <c>en</c>).</param>
/// <param name="PreferencesJson">The user's preferences as a JSON object (channel, favourite service, time of day, ...).</param>
public sealed record User(string Id, string TenantId, string PreferredLanguage, string PreferencesJson);
