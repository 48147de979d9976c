using FeatureStore.Core.Sources;

namespace FeatureStore.SyntheticData;

/// <summary>Spanish as TIS TIS users write it (questions open with ¿, usted with businesses) and as its agents answer.</summary>
internal static class SpanishPhrases
{
    public static Phrasebook Book { get; } = new(
        Languages.Spanish,
        User: new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            [Intents.Greeting] =
            [
                "Hola", "Hola, buenas tardes", "Buenos días", "Buenas noches", "Hola, ¿cómo están?", "Buenas, ¿me pueden ayudar?",
                "Hola, ¿hay alguien ahí?", "Qué tal, buen día", "Hola 👋", "Buenas tardes, una consulta",
            ],
            [Intents.Booking] =
            [
                "Quiero agendar una cita para {service} {day}", "¿Tienen disponibilidad {day} {time}?", "Me gustaría reservar {the_service}, de preferencia {time}",
                "¿Puedo sacar turno para {service} {day}?", "Necesito una cita {day}", "¿Me agenda {the_service} para {day}?",
                "Quisiera apartar un espacio {day} {time}", "¿Cuándo tienen lugar para {service}?", "Hola, quiero reservar {the_service} {day} {time}",
                "¿Hay cita para {service} {day}? Sería {time}",
            ],
            [Intents.Pricing] =
            [
                "¿Cuánto cuesta {the_service}?", "¿Qué precio tiene {the_service}?", "¿Cuánto sale {the_service}?", "¿Tienen alguna promoción este mes?",
                "¿Aceptan tarjeta de crédito?", "¿Cuánto me costaría {the_service}?", "¿{the_service} incluye todo o se paga aparte?",
                "Quiero saber cuánto cuesta {the_service}", "¿Hay descuento si reservo dos servicios?",
            ],
            [Intents.Support] =
            [
                "No me llegó la confirmación de mi cita", "¿Me pueden reenviar el comprobante de pago?", "El link de pago no funciona",
                "No puedo entrar a mi cuenta", "Me aparece un error al pagar", "¿Por qué no me aparece mi reserva en la app?",
                "Cambié de número, ¿cómo actualizo mis datos?",
            ],
            [Intents.Complaint] =
            [
                "Llevo 20 minutos esperando y nadie me atiende", "El servicio fue pésimo, no lo recomiendo", "Me cobraron de más en mi última visita",
                "Muy mala experiencia con {the_service}", "Nadie contesta el teléfono, ¿qué pasa?",
                "Es la segunda vez que me cancelan la cita, qué falta de seriedad", "No quedé conforme con {the_service}", "Pésima atención 😡",
            ],
            [Intents.Cancellation] =
            [
                "Necesito cancelar mi cita de {day}", "¿Puedo cambiar mi cita para {day}?", "Ya no voy a poder ir, ¿cómo cancelo?",
                "Quiero cancelar mi reserva, por favor", "¿Se cobra algo si cancelo?", "Me surgió un imprevisto, tengo que cancelar",
            ],
            [Intents.Information] =
            [
                "¿Cuál es su horario?", "¿A qué hora abren {day}?", "¿Dónde están ubicados?", "¿Tienen estacionamiento?", "¿Abren los domingos?",
                "¿Hasta qué hora atienden hoy?", "¿Qué servicios ofrecen?", "¿Hacen {service}?", "¿Cuánto dura {the_service}?",
                "Quisiera información sobre {the_service}",
            ],
            [Intents.Other] =
            [
                "Gracias", "Muchas gracias, muy amable", "Ok, perfecto", "Listo 👍", "Entendido, gracias", "Gracias, que tenga buen día", "Ok",
                "Va, nos vemos", "Excelente 🙌",
            ],
        },
        UserConfirmsBooking:
        [
            "Sí, esa hora me queda perfecto", "Sí, por favor, confírmela", "Perfecto, agéndeme ahí", "Va, ese horario está bien",
            "Sí, resérvamelo por favor", "Esa me sirve, gracias",
        ],
        Assistant: new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            [Intents.Greeting] =
            [
                "¡Hola! Soy el asistente virtual de {business}. ¿En qué le puedo ayudar?", "¡Buen día! Bienvenido a {business}. ¿Qué necesita hoy?",
                "Hola, gracias por escribir a {business}. ¿Cómo le puedo ayudar?",
            ],
            [Intents.Booking] = [],
            [Intents.Pricing] =
            [
                "{the_service} tiene un costo de {price}. ¿Le gustaría agendar?", "{the_service} cuesta {price} e incluye la valoración inicial.",
                "Actualmente {the_service} cuesta {price}. Aceptamos efectivo, tarjeta y transferencia.",
                "Este mes tenemos 10% de descuento en {the_service}: queda en {price}.",
            ],
            [Intents.Support] =
            [
                "Lamento el inconveniente. Ya reenvié la confirmación a su correo.",
                "Disculpe la molestia. ¿Me comparte el correo con el que se registró para revisarlo?",
                "Revisé su cuenta y ya quedó corregido. ¿Puede intentar de nuevo?",
                "Le comparto un nuevo enlace de pago. Si persiste el error, un asesor lo contactará.",
            ],
            [Intents.Complaint] =
            [
                "Lamentamos mucho su experiencia. Un miembro de nuestro equipo lo contactará hoy mismo.",
                "Le ofrezco una disculpa. Ya escalé su caso con el encargado de {business}.",
                "Entiendo su molestia y lo siento mucho. ¿Me permite sus datos para darle seguimiento?",
            ],
            [Intents.Cancellation] =
            [
                "Su cita fue cancelada sin costo. ¿Desea reprogramarla?", "Listo, cancelé su reserva. Puede cancelar sin cargo con 24 horas de anticipación.",
                "Claro, puedo moverla. ¿Qué día le acomoda mejor?",
            ],
            [Intents.Information] =
            [
                "Nuestro horario es de {opens} a {closes}. Estamos en {address}.", "Abrimos de {opens} a {closes}, de lunes a sábado.",
                "Estamos en {address}. Contamos con estacionamiento para clientes.", "Sí, ofrecemos {service}. Dura aproximadamente {minutes} minutos.",
            ],
            [Intents.Other] = ["¡Con gusto! Que tenga excelente día.", "A usted. Estamos para servirle.", "¡Gracias a usted! Cualquier duda, aquí estoy."],
        },
        AssistantOffersSlot:
        [
            "Con gusto. Tengo disponible {slot} para {service}. ¿Se la confirmo?", "Claro, para {service} tengo lugar {slot}. ¿Le queda bien?",
            "Puedo ofrecerle {slot}. ¿Desea que la reserve?",
        ],
        AssistantConfirmsBooking:
        [
            "Listo, su cita para {service} quedó agendada {slot}. Le enviaremos un recordatorio un día antes.",
            "¡Perfecto! Reservé {the_service} {slot}. Si necesita cambiarla, solo escríbame.",
            "Su reserva está confirmada: {service}, {slot}. ¡Lo esperamos!",
        ],
        DayPhrases: ["mañana", "pasado mañana", "hoy", "el lunes", "el martes", "el miércoles", "el jueves", "el viernes", "el sábado", "este fin de semana", "la próxima semana"],
        TimePhrases: ["en la mañana", "por la tarde", "a las 10", "a las 4 de la tarde", "temprano", "después de las 6", "al mediodía"],
        Weekdays: ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"],
        Months: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]);
}
