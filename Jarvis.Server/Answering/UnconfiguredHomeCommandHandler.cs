namespace Jarvis.Server.Answering;

/// <summary>Default until a Home Assistant engine is registered: says that home control is not set up.</summary>
public sealed class UnconfiguredHomeCommandHandler : IHomeCommandHandler
{
    public Task<HomeCommandResult> HandleAsync(string transcript, string room, CancellationToken cancellationToken) =>
        Task.FromResult(new HomeCommandResult(false, "Home control isn't set up yet, so I can't do that."));
}
