namespace Jarvis.Server.HomeAssistant;

/// <summary>Not about the home (neither the local engine nor Home Assistant's agent took it): the router decides who answers.</summary>
public sealed record HomeNotHandled() : HomeOutcome("", [])
{
    public static HomeNotHandled Instance { get; } = new();
}
