namespace FeatureStore.Core.Transformers.Text;

/// <summary>
/// The word lists behind <see cref="QuestionDetector"/>, all folded (lower case, no accents).
/// Each exclusion list exists because of a real statement the opener also starts, e.g.
/// "que tengas buen día", "como te dije", "cuando llegue te aviso", "what a day", "do it now".
/// </summary>
internal static class QuestionWords
{
    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.Ordinal);

    /// <summary>Greetings, vocatives and connectives skipped before the opener ("Hola, buenas tardes, ¿...").</summary>
    public static readonly HashSet<string> Fillers = Set(
        "hola", "holi", "buenas", "buenos", "buen", "dia", "dias", "tardes", "noches", "oye", "oiga", "disculpa", "disculpe",
        "disculpen", "perdon", "perdona", "perdone", "bueno", "pues", "y", "e", "o", "pero", "entonces", "ademas", "tambien",
        "senor", "senora", "senorita", "joven", "amigo", "amiga",
        "hi", "hello", "hey", "sorry", "please", "ok", "okay", "oki", "and", "or", "but", "so", "also", "well", "good", "morning",
        "afternoon", "evening", "sir", "maam", "btw", "then");

    /// <summary>Spanish interrogative words; written with their accent they are unambiguous.</summary>
    public static readonly HashSet<string> SpanishWh = Set(
        "que", "cual", "cuales", "cuando", "donde", "adonde", "como", "cuanto", "cuanta", "cuantos", "cuantas", "quien", "quienes");

    /// <summary>After qué/que these make an exclamation ("qué bueno", "que lástima"), not a question.</summary>
    public static readonly HashSet<string> Exclamatives = Set(
        "bueno", "buena", "bien", "mal", "bonito", "bonita", "lindo", "linda", "rico", "rica", "padre", "genial", "horror",
        "pena", "lastima", "gusto", "alegria", "increible", "maravilla", "amable", "chido", "chevere", "barbaro", "raro",
        "padrisimo", "emocion", "suerte", "verguenza", "asco");

    /// <summary>
    /// Without its accent a Spanish interrogative is also a conjunction or relative ("que te vaya bien",
    /// "como te dije", "cuando puedas"): these next words mark that reading.
    /// </summary>
    public static readonly Dictionary<string, HashSet<string>> UnaccentedNotQuestion = new(StringComparer.Ordinal)
    {
        ["que"] = Set("te", "le", "les", "lo", "la", "los", "las", "os", "se", "tengas", "tenga", "tengan", "pases", "pase", "pasen",
            "disfrutes", "disfrute", "disfruten", "descanses", "descanse", "descansen", "estes", "este", "esten", "sea", "seas",
            "sean", "vaya", "vayas", "vayan", "si", "no", "dios"),
        ["como"] = Set("te", "le", "les", "lo", "la", "siempre", "dije", "dijo", "dijiste", "dijimos", "comente", "comento",
            "mencione", "menciono", "acordamos", "quedamos", "ya", "usted", "ustedes", "quieras", "quiera", "gustes", "guste", "cada"),
        ["cuando"] = Set("quieras", "quiera", "quieran", "pueda", "puedas", "puedan", "gustes", "guste", "llegue", "llegues",
            "termine", "salga", "tenga", "tengas", "sea", "este", "me", "te", "le", "lo", "la"),
        ["donde"] = Set("quieras", "quiera", "gustes", "guste", "sea", "digas", "diga", "me", "te", "le", "lo", "la"),
        ["cuanto"] = Set("antes", "mas", "menos"),
        ["quien"] = Set("sea", "quiera", "pueda"),
        ["cual"] = Set("sea"),
    };

    /// <summary>Unaccented openers that also start a subordinate clause; with a comma later they read as one.</summary>
    public static readonly HashSet<string> SubordinateOpeners = Set("que", "como", "cuando", "donde", "when", "where");

    /// <summary>Spanish yes/no openers of requests ("puedo pagar con tarjeta", "podría enviarme").</summary>
    public static readonly HashSet<string> SpanishModal = Set(
        "puedo", "puedes", "puede", "pueden", "podemos", "podria", "podrias", "podrian", "podriamos");

    /// <summary>After a modal these make a statement: "puede que llegue tarde", "puede ser".</summary>
    public static readonly HashSet<string> AfterModalNotQuestion = Set("que", "ser", "estar");

    /// <summary>Verbs that, after a clitic (me, nos, le, te), ask for something: "me puedes ayudar", "me confirmas la cita".</summary>
    public static readonly HashSet<string> CliticRequests = Set(
        "puedes", "puede", "pueden", "podria", "podrias", "podrian", "dices", "dice", "dicen", "confirmas", "confirma", "confirman",
        "ayudas", "ayudan", "recomiendas", "recomienda", "recomiendan", "pasas", "pasan", "mandas", "manda", "mandan", "envias",
        "envia", "envian", "regalas", "regala");

    /// <summary>Spanish clitics that may open a request.</summary>
    public static readonly HashSet<string> Clitics = Set("me", "nos", "le", "les", "te");

    /// <summary>Existence openers ("hay", "tienen"): a question only about availability ("hay lugar mañana", not "hay un problema").</summary>
    public static readonly HashSet<string> ExistenceOpeners = Set("hay", "tienen", "tienes");

    /// <summary>What an existence question asks about.</summary>
    public static readonly HashSet<string> AvailabilityNouns = Set(
        "algun", "alguna", "algunos", "algunas", "alguien", "forma", "manera", "modo", "posibilidad", "disponibilidad",
        "lugar", "lugares", "espacio", "espacios", "cupo", "cupos", "cita", "citas", "mesa", "mesas", "chance", "opcion",
        "opciones", "descuento", "descuentos", "estacionamiento", "promocion", "promociones", "horario", "horarios", "envio",
        "envios", "servicio");

    /// <summary>"sabes si ...", "sabe dónde ...": knowledge openers followed by an embedded question.</summary>
    public static readonly HashSet<string> KnowOpeners = Set("sabes", "sabe", "saben");

    /// <summary>What follows a knowledge opener in a question.</summary>
    public static readonly HashSet<string> EmbeddedQuestionWords = Set("si", "donde", "cuando", "como", "cuanto", "cuanta", "cual", "quien", "a");

    /// <summary>English interrogative words.</summary>
    public static readonly HashSet<string> EnglishWh = Set("what", "which", "when", "where", "how", "who", "whom", "whose", "why");

    /// <summary>English wh-openers of exclamations and rhetorical phrases ("what a day", "how nice", "who cares").</summary>
    public static readonly Dictionary<string, HashSet<string>> EnglishWhNotQuestion = new(StringComparer.Ordinal)
    {
        ["what"] = Set("a", "an"),
        ["how"] = Set("nice", "kind", "lovely", "sweet", "cool", "great", "wonderful", "awesome", "sad", "funny", "beautiful",
            "awful", "terrible", "amazing", "cute", "rude", "weird", "strange", "dare"),
        ["who"] = Set("cares", "knows"),
    };

    /// <summary>English auxiliaries that open a yes/no question when a subject follows ("can you", "is it", "don't you").</summary>
    public static readonly HashSet<string> EnglishAuxiliaries = Set(
        "can", "could", "do", "does", "did", "is", "are", "was", "were", "will", "would", "should", "shall", "may", "might",
        "have", "has", "am", "must", "can't", "cant", "don't", "dont", "doesn't", "doesnt", "didn't", "didnt", "isn't", "isnt",
        "aren't", "arent", "won't", "wont", "wouldn't", "wouldnt", "couldn't", "couldnt", "shouldn't", "shouldnt");

    /// <summary>Subjects that make an auxiliary a question ("is it open") rather than an imperative or a reply ("will do").</summary>
    public static readonly HashSet<string> EnglishSubjects = Set(
        "i", "you", "we", "they", "he", "she", "it", "there", "this", "that", "these", "those", "the", "a", "an", "my", "your",
        "our", "his", "her", "their", "its", "someone", "somebody", "anyone", "anybody", "everyone", "anything", "something",
        "u", "ya", "y'all", "yall");

    /// <summary>Subjects that after "do", "don't" or "have" read as an object of an imperative ("do it now", "have a nice day").</summary>
    public static readonly HashSet<string> ImperativeObjects = Set("it", "this", "that", "a", "an", "the", "fun");

    /// <summary>Auxiliaries whose imperative reading takes an object.</summary>
    public static readonly HashSet<string> ImperativeAuxiliaries = Set("do", "don't", "dont", "have");
}
