namespace FeatureStore.SyntheticData;

/// <summary>
/// A template tenant: a business in a city, with its time zone, language, hours, prices, address,
/// channels and how often its users write in the other language.
/// </summary>
internal sealed record TenantProfile(
    string Name,
    string Branch,
    string TimeZone,
    string Language,
    Business Business,
    TimeOnly OpensAt,
    TimeOnly ClosesAt,
    Currency Currency,
    string Address,
    Channels Channels,
    double OtherLanguageShare)
{
    /// <summary>The templates, in the order tenants take them; the first five span four countries and both languages.</summary>
    public static IReadOnlyList<TenantProfile> All { get; } =
    [
        new("Clínica Dental Sonrisa", "sede", "America/Mexico_City", Languages.Spanish, Business.Dental, new(9, 0), new(19, 0), Currency.Mxn,
            "Av. Insurgentes Sur 1234, Col. Del Valle", Channels.LatinAmerica, 0.05),
        new("Salón Bella Vista", "sede", "America/Bogota", Languages.Spanish, Business.Salon, new(8, 0), new(18, 0), Currency.Cop,
            "Calle 93 #11-26, Chicó", Channels.LatinAmerica, 0.04),
        new("Spa Mediterráneo", "centro", "Europe/Madrid", Languages.Spanish, Business.Spa, new(10, 0), new(21, 0), Currency.Eur,
            "Calle de Alcalá 45, Madrid", Channels.Spain, 0.12),
        new("Brooklyn Smiles Dental", "branch", "America/New_York", Languages.English, Business.Dental, new(8, 0), new(17, 0), Currency.Usd,
            "245 Court St, Brooklyn, NY", Channels.UnitedStates, 0.22),
        new("Barbería El Clásico", "sucursal", "America/Argentina/Buenos_Aires", Languages.Spanish, Business.Barber, new(10, 0), new(20, 0), Currency.Ars,
            "Av. Corrientes 1650, CABA", Channels.LatinAmerica, 0.03),
        new("Sunset Pet Clinic", "branch", "America/Los_Angeles", Languages.English, Business.Veterinary, new(8, 0), new(18, 0), Currency.Usd,
            "1820 Sunset Blvd, Los Angeles, CA", Channels.UnitedStates, 0.30),
        new("Fisioterapia Andina", "sede", "America/Lima", Languages.Spanish, Business.Physiotherapy, new(7, 0), new(20, 0), Currency.Pen,
            "Av. Larco 345, Miraflores", Channels.LatinAmerica, 0.04),
        new("Lakeshore Fitness", "branch", "America/Chicago", Languages.English, Business.Gym, new(6, 0), new(22, 0), Currency.Usd,
            "350 N Clark St, Chicago, IL", Channels.UnitedStates, 0.35),
        new("Centro Dermatológico Piel Sana", "sede", "America/Santiago", Languages.Spanish, Business.Dermatology, new(9, 0), new(19, 0), Currency.Clp,
            "Av. Providencia 2124, Providencia", Channels.LatinAmerica, 0.05),
        new("Hudson Hair Studio", "branch", "America/New_York", Languages.English, Business.Salon, new(9, 0), new(20, 0), Currency.Usd,
            "88 Hudson St, New York, NY", Channels.UnitedStates, 0.25),
        new("Veterinaria Patitas", "sucursal", "America/Mexico_City", Languages.Spanish, Business.Veterinary, new(9, 0), new(19, 0), Currency.Mxn,
            "Calle Juárez 56, Coyoacán", Channels.LatinAmerica, 0.04),
        new("Clínica Estética Luz", "centro", "Europe/Madrid", Languages.Spanish, Business.Spa, new(9, 30), new(20, 30), Currency.Eur,
            "Calle de Serrano 30, Madrid", Channels.Spain, 0.10),
    ];
}
