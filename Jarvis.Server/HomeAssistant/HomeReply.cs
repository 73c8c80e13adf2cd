namespace Jarvis.Server.HomeAssistant;

/// <summary>
/// What Jarvis says back after a home command or question. <see cref="Handled"/> false means the utterance was not
/// about the home (neither the local engine nor HA's agent understood it): the caller routes it elsewhere.
/// </summary>
public sealed record HomeReply(string Speech, bool Handled, IReadOnlyList<HomeAction> Actions)
{
    public static HomeReply NotHandled { get; } = new("", false, []);

    public static HomeReply Say(string speech, params IReadOnlyList<HomeAction> actions) => new(speech, true, actions);
}

/// <summary>One service call made for a reply, and whether its state change confirmed it.</summary>
public sealed record HomeAction(string Domain, string Service, IReadOnlyList<string> EntityIds, string Data, bool Succeeded, string? Error = null);
