namespace Jarvis.Server.Routing.Features;

/// <summary>
/// Cues that a request needs the large LLM: task verbs that ask for produced work, reasoning questions, code and
/// mathematics vocabulary, requests for long or detailed output, counterfactuals and role-play, abstract subjects.
/// </summary>
internal static class DeepCues
{
    public static IEnumerable<Cue> All { get; } =
    [
        new("task-verb", 3.0, CueScope.Lead,
            "write|rewrite|draft|compose|craft|implement|code|program|develop|design|build|generate|explain|analyse|analyze|"
            + "compare|contrast|evaluate|derive|prove|solve|summarize|summarise|outline|elaborate|discuss|critique|brainstorm|"
            + "propose|optimize|optimise|refactor|debug|devise|formulate|justify|obtain|simulate|model|assess|examine|investigate|"
            + "come up with|walk me through|teach me|show me how|tell me how|give me step|help me understand|help me write|"
            + "help me create|help me design|help me build|help me construct|make a plan|make code|make me a|create code|"
            + "create a program|create a script|create a function|create a plan|create a detailed|create a full|suggest|recommend|"
            + "provide|prepare|construct|plan a|plan my|describe how|describe the|describe five|describe three|describe your|"
            + "estimate|approximate|structure|paraphrase|rephrase|proofread|edit the|edit this|correct the|correct this|translate the following|list some|list the|list three|list five|list ten|give me ideas|give me a detailed|give me an example|"
            + "give me examples|give me boilerplate|give me code|give me the code|give me a list|show me a way|show me code|"
            + "show me example|show me an example|show me the code") { Group = "task" },
        new("task-verb-inside", 1.6, CueScope.Anywhere,
            "write me|write a|write an|write code|explain|implement|compare|derive|prove|summarize|analyze|analyse|justify|"
            + "create a full|develop a|design a|describe how|walk me through|step by step|propose|come up with|elaborate") { Group = "task" },
        new("reasoning-question", 2.4, CueScope.Lead,
            "how does|how do|how did|how can|how could|how would|how should|how might|how to|how will|how has|how have|"
            + "in what ways|what are the most|what are the main|what are the key|what are the primary|what are some|"
            + "what factors|what would|what could|what might|what should|which methods|which factors|is it possible|"
            + "is it better|is it more|should i|do we have|can you explain|what is the best way|what is the difference|"
            + "whats the best way|what are the best ways|what is the best approach|is it ethical|is it moral|is it wrong|"
            + "is it right|is it fair|is it okay to|is it ok to|is there a way|"
            + "what causes|what caused|what are the causes|what were the causes|what led to|"
            + "whats the difference|what are the differences|what are the advantages|what are the benefits|what are the pros") { Group = "question" },
        new("why-question", 2.4, CueScope.Lead, "why") { Group = "question" },
        new("counterfactual-roleplay", 3.2, CueScope.Anywhere,
            "what if|imagine|suppose|pretend|picture yourself|act as|act like|you are a|you are an|youre a|youre an|role of|"
            + "persona|embody|in the style of|hypothetically|if you were a|if you were an|as a medieval|play the role|"
            + "throughout this conversation|would happen if|in a world where|play a game|a game of|lets play a") { Group = "question" },
        new("roleplay-lead", 3.0, CueScope.Lead, "as a|as an|as the|from the perspective of|in the role of|in the voice of") { Group = "question" },
        new("code", 2.2, CueScope.Anywhere,
            "python|javascript|java|typescript|c program|c++|c sharp|rust|golang|php|sql|html|css|regex|regular expression|"
            + "function|functions|program|programs|programming|script|scripts|code|coding|algorithm|algorithms|api|apis|array|"
            + "arrays|integer|integers|recursion|compiler|database|schema|docker|kubernetes|linux|shell|bash|command line|"
            + "library|framework|frameworks|backend|frontend|json|yaml|xml|git|github|pandas|numpy|pytorch|tensorflow|sklearn|"
            + "keras|react|flask|django|nodejs|npm|shader|glsl|jax|llm|llms|machine learning|neural|dataset|data structure|"
            + "binary|tree|stack|stacks|hash|pointer|thread|async|coroutine|coroutines|variable|loop|implementation|bug|"
            + "compile|deploy|gpu|cpu|server|website|web app|app|application|ui|widget|plot|notebook|lambda|"
            + "boilerplate|testbench|class|method|module|package|repository|syntax|query|queries|spreadsheet|excel|macro|"
            + "vba|matlab|software|extension|plugin|browser|time complexity|complexity|big o|architecture|pyqt|qt|swift|kotlin|haskell|scheme|lisp|scala|perl|ruby|dart|flutter|unity|godot|terraform|aws|azure|"
            + "nginx|apache|ssh|vpn|router|wifi|network|encryption|authentication|oauth|token|tokens|model|models|"
            + "training|inference|sharding|parallelism|cache|latency|bandwidth|memory|vector|vectors|matrix|tensor") { MaxHits = 3 },
        new("math", 2.2, CueScope.Anywhere,
            "prove|proof|derivative|derivatives|integral|integrals|equation|equations|theorem|probability|sequence|sequences|"
            + "geometric|quadratic|polynomial|velocity|acceleration|orbit|orbital|triangle|prism|perimeter|diagonal|rhombus|"
            + "reciprocal|reciprocals|primes|infinitely|irrational|converge|convergence|logarithm|exponential|variance|"
            + "regression|statistics|statistical|econometric|calculus|algebra|geometry|trigonometry|vertices|radius|"
            + "circumference|hypotenuse|eigenvalue|determinant|optimization|optimisation|zeta|complex plane|riemann|"
            + "net force|momentum|kinetic|thermodynamics|entropy|expected value|combinatorics|permutations|combinations|"
            + "find the value|solve for|line segment|endpoints|coordinates|remainder|inequality|divisible|molecular") { MaxHits = 2 },
        new("long-form-output", 1.8, CueScope.Anywhere,
            "essay|poem|story|short story|article|blog|blog post|letter|email|speech|report|review|paragraph|outline|summary|"
            + "proposal|strategy|strategies|guide|tutorial|recipe|headline|announcement|cover letter|resume|itinerary|lesson|"
            + "lesson plan|curriculum|script|screenplay|lyrics|song about|limerick|haiku|dialogue|presentation|slides|ppt|"
            + "business plan|marketing plan|workout plan|meal plan|diet plan|training plan|study plan|travel plan|workflow|scope of work|documentation|specification|case study|framework|ideas|"
            + "assignment|questionnaire|survey|interview questions|checklist|template|character|characters|narrative|"
            + "fictional|fiction|sonnet|imagery|vivid|creative|persuasive|catchy|slogan|tagline|riddle|the following|"
            + "following paragraph|following text|following sentence|this paragraph|this sentence|this code|this text") { MaxHits = 2 },
        new("detail-request", 2.0, CueScope.Anywhere,
            "detailed|in detail|step by step|comprehensive|thorough|thoroughly|in depth|elaborate|examples|with examples|"
            + "for example|pros and cons|advantages and disadvantages|difference between|differences between|versus|vs|"
            + "justify|reasoning|explain your|your explanation|key components|considerations|best practice|best practices|"
            + "best practices|top three|top five|top ten|list three|list five|propose|options|precise|quantitative|"
            + "as comprehensive as|real world|scientifically|accurately|robustly|from scratch|high level|low level|"
            + "trade offs|tradeoffs|implications|potential") { MaxHits = 2 },
        new("abstract-subject", 1.0, CueScope.Anywhere,
            "implications|factors|impact|impacts|influence|influenced|influences|effects|relationship|relationships|society|"
            + "societies|cultural|culture|cultures|economic|economy|ethical|ethics|moral|morality|philosophy|philosophical|"
            + "theory|principles|principle|concept|concepts|evolution|civilization|civilisation|democracy|mortality|"
            + "productivity|conflict|misinformation|education|environment|environmental|climate|political|politics|policy|"
            + "psychology|behavior|behaviour|consumer|consumers|market|markets|industry|business|businesses|management|"
            + "innovation|technological|technology|scientific|quantum|physics|biology|chemistry|chemical|evolutionary|"
            + "sustainability|renewable|automation|artificial intelligence|ai in|globalization|inequality|investment|investing|"
            + "finance|financial|hedge|equities|bonds|portfolio|strategy|marketing|research|analysis|analytical|"
            + "argument|arguments|perspective|perspectives|historical|history of|revolution|war|empire|mechanism|"
            + "process of|adaptation|species|ecosystem|cognitive|emotional|social media|communication|multicultural") { MaxHits = 3 },
        new("reasoning-structure", 1.4, CueScope.Anywhere,
            "each of|how long would it take|causes of|reasons for|origins of|what is the relationship|could be the reasons|reasons|why might|would it take|"
            + "assume|assuming|given that|such that|whose|determine|calculate|estimate|what will happen|what happens if|"
            + "take the reader|explain why|explain how|how does this differ|differ from|relate to|in relation to|"
            + "trade off|if so|otherwise|on the other hand|more important|while others|first second|at least|"
            + "without using|without sacrificing|only need|i am trying|im trying|which of the following|does not belong|"
            + "odd one out|the others|at most|total number|how many ways|the odds") { MaxHits = 2 },
    ];
}
