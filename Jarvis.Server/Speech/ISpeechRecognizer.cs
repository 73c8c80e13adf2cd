using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Speech;

/// <summary>Speech to text: open a recognition, stream PCM into it, finish to get the transcript.</summary>
public interface ISpeechRecognizer
{
    Task<ISpeechRecognition> StartAsync(AudioFormat format, CancellationToken cancellationToken);
}
