namespace FeatureStore.Core.Sources;

/// <summary>A product analytics event (<c>src_analytics_events</c>): widget opened, booking confirmed, handoff, ...</summary>
/// <param name="Id">The row id, e.g. <c>e00000078</c>.</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="UserId">The user, or null for anonymous visitors.</param>
/// <param name="Kind">What happened (<c>widget_opened</c>, <c>booking_confirmed</c>, <c>handoff_requested</c>, <c>page_view</c>, ...).</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="PropertiesJson">Details as a JSON object.</param>
public sealed record AnalyticsEvent(string Id, string TenantId, string? UserId, string Kind, DateTimeOffset OccurredAt, string PropertiesJson);
