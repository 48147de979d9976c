using FeatureStore.Core.Computation;
using FeatureStore.Core.Sources;

namespace FeatureStore.Postgres.Sources;

/// <summary>One entity's rows while they are being read; <see cref="ToSources"/> when done.</summary>
internal sealed class EntityRowLists
{
    public List<Message> Messages { get; } = [];

    public List<Conversation> Conversations { get; } = [];

    public List<Feedback> Feedback { get; } = [];

    public List<Booking> Bookings { get; } = [];

    public Tenant? Tenant { get; set; }

    public EntitySources ToSources() => new(Messages, Conversations, Feedback, Bookings) { Tenant = Tenant };
}
