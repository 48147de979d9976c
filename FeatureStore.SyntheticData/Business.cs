namespace FeatureStore.SyntheticData;

/// <summary>A kind of business TIS TIS serves, with what it sells.</summary>
internal sealed record Business(string Kind, IReadOnlyList<Service> Services)
{
    public static readonly Business Dental = new("dental", [
        new("la", "limpieza dental", "dental cleaning", 45, 60),
        new("el", "blanqueamiento", "teeth whitening", 180, 90),
        new("la", "revisión general", "check-up", 30, 30),
        new("la", "resina", "filling", 70, 45),
        new("la", "valoración de ortodoncia", "orthodontic consultation", 40, 40),
    ]);

    public static readonly Business Salon = new("salon", [
        new("el", "corte de cabello", "haircut", 25, 45),
        new("el", "tinte", "hair color", 70, 120),
        new("el", "manicure", "manicure", 20, 40),
        new("el", "peinado", "blowout", 30, 45),
        new("la", "keratina", "keratin treatment", 120, 150),
    ]);

    public static readonly Business Spa = new("spa", [
        new("el", "masaje relajante", "relaxing massage", 60, 60),
        new("el", "facial hidratante", "hydrating facial", 55, 50),
        new("la", "depilación láser", "laser hair removal", 80, 30),
        new("el", "masaje descontracturante", "deep tissue massage", 70, 60),
    ]);

    public static readonly Business Barber = new("barber", [
        new("el", "corte clásico", "classic cut", 15, 30),
        new("el", "arreglo de barba", "beard trim", 10, 20),
        new("el", "corte y barba", "cut and beard", 22, 45),
        new("el", "afeitado con navaja", "straight razor shave", 15, 30),
    ]);

    public static readonly Business Veterinary = new("veterinary", [
        new("la", "consulta general", "general check-up", 35, 30),
        new("la", "vacunación", "vaccination", 25, 20),
        new("el", "baño y corte", "grooming", 30, 60),
        new("la", "desparasitación", "deworming", 20, 15),
    ]);

    public static readonly Business Gym = new("gym", [
        new("la", "clase de prueba", "trial class", 10, 60),
        new("el", "entrenamiento personal", "personal training", 40, 60),
        new("la", "clase de spinning", "spin class", 12, 45),
        new("la", "valoración física", "fitness assessment", 25, 40),
    ]);

    public static readonly Business Physiotherapy = new("physiotherapy", [
        new("la", "sesión de fisioterapia", "physical therapy session", 35, 50),
        new("la", "evaluación inicial", "initial assessment", 30, 40),
        new("el", "masaje terapéutico", "therapeutic massage", 40, 50),
        new("la", "rehabilitación de rodilla", "knee rehab session", 45, 60),
    ]);

    public static readonly Business Dermatology = new("dermatology", [
        new("la", "consulta dermatológica", "dermatology consultation", 50, 30),
        new("la", "limpieza facial", "facial cleansing", 40, 45),
        new("el", "peeling químico", "chemical peel", 90, 45),
        new("el", "tratamiento de acné", "acne treatment", 60, 30),
    ]);
}
