using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Wake;

/// <summary>Opens a wake-word stream for one room's audio.</summary>
public interface IWakeWordDetector
{
    Task<IWakeWordStream> StartAsync(AudioFormat format, CancellationToken cancellationToken);
}
