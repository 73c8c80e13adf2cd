using Jarvis.Server.HomeAssistant;

namespace Jarvis.Server.Tests.HomeAssistant;

internal static class HomeEngineExtensions
{
    /// <summary>A turn as the pipeline mode asks it (the engine's own lines are spoken, so its offers stand).</summary>
    public static Task<HomeOutcome> HandleAsync(this IHomeEngine engine, string transcript, string room, CancellationToken cancellationToken) =>
        engine.HandleAsync(new HomeRequest(transcript, room, EngineSpeaks: true), cancellationToken);
}
