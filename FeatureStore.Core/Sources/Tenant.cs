namespace FeatureStore.Core.Sources;

/// <summary>A TIS TIS tenant: a business whose AI agents talk to its users (<c>src_tenants</c>).</summary>
/// <param name="Id">The entity id, e.g. <c>t001</c>.</param>
/// <param name="Name">The business's display name.</param>
/// <param name="TimeZone">IANA time zone id (<c>America/Mexico_City</c>); business hours and local-time features use it.</param>
/// <param name="OpensAt">Local opening time.</param>
/// <param name="ClosesAt">Local closing time (after <paramref name="OpensAt"/> on the same day).</param>
/// <param name="Language">The business's main language, an ISO 639-1 code (<c>es</c>, <c>en</c>).</param>
public sealed record Tenant(string Id, string Name, string TimeZone, TimeOnly OpensAt, TimeOnly ClosesAt, string Language);
