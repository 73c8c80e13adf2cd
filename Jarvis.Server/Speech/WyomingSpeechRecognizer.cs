using Jarvis.Server.Wyoming;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Speech;

/// <summary>ASR over Wyoming: <c>transcribe</c> → <c>audio-start</c> → <c>audio-chunk</c>* → <c>audio-stop</c> → <c>transcript</c>.</summary>
public sealed class WyomingSpeechRecognizer(IOptionsMonitor<AsrOptions> options) : ISpeechRecognizer
{
    public async Task<ISpeechRecognition> StartAsync(AudioFormat format, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(o.Timeout);
        var connection = await WyomingConnection.ConnectAsync(o.Uri, timeout.Token).ConfigureAwait(false);
        try
        {
            await connection.WriteEventAsync(WyomingEvents.Transcribe(o.Language, o.Model), timeout.Token).ConfigureAwait(false);
            await connection.WriteEventAsync(WyomingEvents.AudioStart(format, 0), timeout.Token).ConfigureAwait(false);
            return new WyomingRecognition(connection, format);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
