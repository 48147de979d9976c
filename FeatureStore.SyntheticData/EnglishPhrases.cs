using FeatureStore.Core.Sources;

namespace FeatureStore.SyntheticData;

/// <summary>English as TIS TIS users write it and as its agents answer.</summary>
internal static class EnglishPhrases
{
    public static Phrasebook Book { get; } = new(
        Languages.English,
        User: new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            [Intents.Greeting] =
            [
                "Hi", "Hello, good afternoon", "Good morning", "Hey there", "Hi, how are you?", "Hello, can you help me?", "Hi, is anyone there?",
                "Hey 👋", "Good evening, quick question",
            ],
            [Intents.Booking] =
            [
                "I'd like to book a {service} {day}", "Do you have any openings {day} {time}?", "Can I schedule a {service}, ideally {time}?",
                "I need an appointment {day}", "Could you book me in for a {service} {day}?", "I want to reserve a spot {day} {time}",
                "When is your next opening for a {service}?", "Hi, I'd like to book a {service} {day} {time}", "Any availability {day}? {time} works best",
            ],
            [Intents.Pricing] =
            [
                "How much is a {service}?", "What's the price for a {service}?", "How much do you charge for a {service}?", "Do you have any deals this month?",
                "Do you take credit cards?", "What does a {service} cost?", "Is everything included in the price of {the_service}?",
                "I'd like to know the price of a {service}", "Is there a discount if I book two services?",
            ],
            [Intents.Support] =
            [
                "I never got my appointment confirmation", "Can you resend my payment receipt?", "The payment link isn't working",
                "I can't log into my account", "I get an error when I try to pay", "Why doesn't my booking show up in the app?",
                "I changed my phone number, how do I update it?",
            ],
            [Intents.Complaint] =
            [
                "I've been waiting 20 minutes and no one is helping me", "The service was terrible, I wouldn't recommend it",
                "I was overcharged on my last visit", "Really bad experience with my {service}", "Nobody answers the phone, what's going on?",
                "This is the second time my appointment got cancelled, unbelievable", "I'm not happy with how my {service} turned out", "Awful service 😡",
            ],
            [Intents.Cancellation] =
            [
                "I need to cancel my appointment {day}", "Can I move my appointment to {day}?", "I can't make it anymore, how do I cancel?",
                "Please cancel my booking", "Is there a fee if I cancel?", "Something came up, I have to cancel",
            ],
            [Intents.Information] =
            [
                "What are your hours?", "What time do you open {day}?", "Where are you located?", "Do you have parking?", "Are you open on Sundays?",
                "How late are you open today?", "What services do you offer?", "Do you do {service}?", "How long does a {service} take?",
                "I'd like some info about {the_service}",
            ],
            [Intents.Other] =
            [
                "Thanks", "Thank you so much", "Ok, perfect", "Great 👍", "Got it, thanks", "Thanks, have a good day", "Ok", "Cool, see you then", "Awesome 🙌",
            ],
        },
        UserConfirmsBooking:
        [
            "Yes, that time works for me", "Yes please, book it", "Perfect, put me down for that", "Sounds good", "Yes, go ahead", "That works, thanks",
        ],
        Assistant: new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            [Intents.Greeting] =
            [
                "Hi! I'm the virtual assistant for {business}. How can I help you today?", "Good day! Welcome to {business}. What can I do for you?",
                "Hello, thanks for reaching out to {business}. How can I help?",
            ],
            [Intents.Booking] = [],
            [Intents.Pricing] =
            [
                "A {service} is {price}. Would you like to book one?", "{the_service} costs {price}, and that includes the first consultation.",
                "Right now a {service} is {price}. We accept cash, card and bank transfer.", "This month we have 10% off {the_service}: it comes to {price}.",
            ],
            [Intents.Support] =
            [
                "Sorry about that. I've just resent the confirmation to your email.", "Sorry for the trouble. Could you share the email you signed up with so I can check?",
                "I checked your account and it's fixed now. Could you try again?", "Here's a new payment link. If the error persists, someone from our team will call you.",
            ],
            [Intents.Complaint] =
            [
                "We're very sorry about your experience. A member of our team will contact you today.",
                "I apologize. I've escalated your case to the manager at {business}.",
                "I understand your frustration and I'm really sorry. Could you share your details so we can follow up?",
            ],
            [Intents.Cancellation] =
            [
                "Your appointment has been cancelled at no charge. Would you like to reschedule?",
                "Done, I cancelled your booking. Cancellations are free up to 24 hours before.", "Sure, I can move it. Which day works better for you?",
            ],
            [Intents.Information] =
            [
                "We're open from {opens} to {closes}. You'll find us at {address}.", "Our hours are {opens} to {closes}, Monday through Saturday.",
                "We're at {address}. There's free parking for clients.", "Yes, we offer {service}. It takes about {minutes} minutes.",
            ],
            [Intents.Other] = ["You're welcome! Have a great day.", "Anytime. We're here to help.", "Thank you! Let me know if you need anything else."],
        },
        AssistantOffersSlot:
        [
            "Sure. I have an opening {slot} for a {service}. Shall I confirm it?", "Of course, I can fit your {service} in {slot}. Does that work?",
            "I can offer you {slot}. Would you like me to book it?",
        ],
        AssistantConfirmsBooking:
        [
            "All set, your {service} is booked {slot}. We'll send you a reminder the day before.",
            "Perfect! I booked your {service} {slot}. If you need to change it, just message me.",
            "Your booking is confirmed: {service}, {slot}. See you then!",
        ],
        DayPhrases: ["tomorrow", "the day after tomorrow", "today", "on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "this weekend", "next week"],
        TimePhrases: ["in the morning", "in the afternoon", "at 10", "around 4pm", "early", "after 6", "around noon"],
        Weekdays: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        Months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]);
}
