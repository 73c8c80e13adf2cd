namespace Jarvis.Server.Answering;

/// <summary>Carries out a home command (lights, locks, climate…) for a room. The Home Assistant engine implements it.</summary>
public interface IHomeCommandHandler
{
    Task<HomeCommandResult> HandleAsync(string transcript, string room, CancellationToken cancellationToken);
}
