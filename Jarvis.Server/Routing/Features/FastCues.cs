namespace Jarvis.Server.Routing.Features;

/// <summary>
/// Cues that the fast conversational model should answer: personal-assistant domains (time, date, weather, timers,
/// alarms, reminders, lists, calendar, music, calls and messages), acknowledgements, greetings and small talk about the
/// assistant, settings of the assistant itself, short factual look-ups, simple arithmetic and unit conversions.
/// </summary>
internal static class FastCues
{
    public static IEnumerable<Cue> All { get; } =
    [
        new("assistant-domain", -2.6, CueScope.Anywhere,
            "alarm|alarms|timer|timers|reminder|reminders|remind me|calendar|schedule|scheduled|appointment|appointments|"
            + "shopping list|grocery list|to do list|todo list|todo|my list|my lists|playlist|playlists|song|songs|music|tunes|"
            + "album|artist|radio|podcast|track|tracks|wake me|wake me up|dow jones|nasdaq|stock market|shares|the word|this word|that word|volume|louder|quieter|call|calls|a text|text message|text messages|texts|text me|send text|message|messages|voicemail|phone|"
            + "contact|contacts|location|gps|where i am|delivery|shipped|package arrive|order status|my order|weather|forecast|"
            + "rain|raining|snow|snowing|sunny|umbrella|temperature outside|degrees outside|what time|the time please|time is it|"
            + "current time|time now|the time in|"
            + "time in|time zone|date today|todays date|tomorrows date|the date|what day|what year|days until|this weekend|"
            + "traffic|commute|arrival|arrive|eta|news|headlines|score of|game tonight|coin|flip a coin|dice|roll a|roll the|random number|"
            + "my account|my name|your name|spell|spelling|pronounce|definition|define|meaning of the word|synonym|"
            + "exchange rate|currency|stock price|stock|stocks|share price|in euros|in dollars|in pounds|convert|conversion|"
            + "how many cups|tablespoons|teaspoons|ounces|kilos|kilograms|miles|kilometers|fahrenheit|celsius"),
        new("acknowledgement", -3.4, CueScope.Lead,
            "yes|yeah|yep|yup|sure|ok|okay|alright|all right|no|nope|nah|thanks|thank you|thank|appreciate|i appreciate|"
            + "great|cool|awesome|nice|sounds good|perfect|got it|never mind|nevermind|cancel|stop|abort|quiet|shut up|"
            + "that is correct|thats correct|that is right|thats right|that is incorrect|thats incorrect|that is wrong|"
            + "thats wrong|i dont know|i do not know|not sure|i am not sure|im not sure|maybe|perhaps|oh|good job|well done|"
            + "special thanks|affirmative|negative|correct|incorrect|exactly|fine|no more|forget it|go ahead|continue|"
            + "thats a yes|thats a no|that is a yes|that is a no|sounds great|sounds like a plan|lets do it|do it|please do|"
            + "thats not|that is not|not really|absolutely|definitely|of course|indeed|forget about|cancel that|stop that") { MaxWords = 8 },
        new("chit-chat", -2.8, CueScope.Anywhere,
            "hello|hi|hey there|good morning|good night|good evening|good afternoon|goodbye|bye|see you|see ya|later|"
            + "until next time|farewell|how are you|how are things|how is everything|how is it going|hows it going|"
            + "how you are|whats up|your age|how old are you|old you are|are you real|are you alive|are you a bot|"
            + "are you human|are you a robot|were real|your hobbies|hobbies|your pets|pets|who made you|who created you|"
            + "who built you|made this ai|where are you from|originally from|were you born|born where|you work for|"
            + "your boss|control you|self employed|joke|jokes|something funny|funny|fun fact|trivia|meaning of life|"
            + "purpose of life|point of life|what can i ask|can i ask you|what can you do|your favorite|your favourite|"
            + "do you like|do you love|do you prefer|are you happy|are you ok|how do you feel today|nice to meet you|"
            + "love you|miss you|bored|im bored|i am bored|tell me something|you are funny|you are smart|you rock|"
            + "you are awesome|experienced with|good at|ai device|the ai|this ai|how have you been|how are you doing|how you doing|"
            + "how was your day|how is your day|are you a|are you an|real person|a person|a computer|a machine|your birthday|"
            + "for fun|your free time|spare time|do you have|do you own|who programmed you|who designed you|who developed you|"
            + "who invented you|your creator|your maker|who owns you|where do you live|where do you come from|who do you|"
            + "what topics|what can you help|are you capable|why are we here|why do we exist|name you|about yourself") { MaxHits = 2 },
        new("assistant-settings", -2.6, CueScope.Anywhere,
            "your voice|male voice|female voice|accent|speak faster|speak slower|slow down|speed up|talking|your talking|"
            + "voice speed|speaking|your responses|language setting|switch the language|change the language|"
            + "whisper mode|whisper|call me|my nickname|change your name|call you|your name to|settings|setting|"
            + "original settings|factory|reset|pair|pair yourself|connect yourself|bluetooth|sync|mute|unmute|"
            + "repeat|say that again|come again|what did you say|say again|louder please|speaker volume|"
            + "wake word|turn yourself|do not disturb|speak in|talk in|respond in|answer in|my name is") { MaxHits = 2 },
        new("day-reference", -1.0, CueScope.Anywhere,
            "today|tonight|tomorrow|this morning|this afternoon|this evening|yesterday|next week|this week|right now|"
            + "hot|cold|humid|windy|storm"),
        new("short-factual", -1.6, CueScope.Lead,
            "what is the|whats the|what is a|what is an|whats a|who is|who was|who are|whos|when was|when is|when did|"
            + "where is|wheres|where was|how old is|how tall|how far|how big|how long is|how much is|how much does|"
            + "how much do|how many|what size|what color|what colour|what does|what do you know about|tell me about|"
            + "tell me when|tell me who|tell me where|tell me the|info on|info of|information on|information about|"
            + "can|is|are|does|do|did|was|were|which|define|describe the word|let me know|check|find|"
            + "look up|search|google|give me the|what|when|where|who|whose") { MaxWords = 12, Group = "question" },
        new("short-factual-any", -0.8, CueScope.Anywhere,
            "what is|whats|who is|when was|how old|how much|capital of|population of|height of|distance to|"
            + "born|died|invented|founded|president of|ceo of|price of|cost of|mean") { MaxWords = 10, Group = "question" },
        new("arithmetic", -1.8, CueScope.Anywhere,
            "plus|minus|times|divided by|divided buy|multiplied|multiply|subtract|add up|sum of|square of|square root|"
            + "cube of|factorial|percent of|percentage of|to the power|what is 1|what is 2|what is 3|what is 4|what is 5|"
            + "what is 6|what is 7|what is 8|what is 9|half of|double of|twice") { MaxWords = 12 },
        new("personal-request", -1.2, CueScope.Lead,
            "please set|set|add|put|text|call|dial|message|remove|delete|clear|play|pause|resume|skip|next|previous|turn|switch|open|close|lock|"
            + "unlock|start|stop|start the|send|tell|email|order|buy|book|reserve|find my|locate|share|read|read my|check my|"
            + "show my|what is on my|whats on my|do i have|have i|did i|am i|where is my|is my|has my|blank out|empty") { MaxWords = 16 },
    ];
}
