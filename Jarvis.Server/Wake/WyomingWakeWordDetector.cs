using Jarvis.Server.Wyoming;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Wake;

/// <summary>Wake over Wyoming: <c>detect</c> {names} → <c>audio-start</c> → chunks…, <c>detection</c> per hit.</summary>
public sealed class WyomingWakeWordDetector(IOptionsMonitor<WakeOptions> options) : IWakeWordDetector
{
    public async Task<IWakeWordStream> StartAsync(AudioFormat format, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(o.Timeout);
        var connection = await WyomingConnection.ConnectAsync(o.Uri, timeout.Token).ConfigureAwait(false);
        try
        {
            await connection.WriteEventAsync(WyomingEvents.Detect(o.Names), timeout.Token).ConfigureAwait(false);
            await connection.WriteEventAsync(WyomingEvents.AudioStart(format, 0), timeout.Token).ConfigureAwait(false);
            return new WyomingWakeWordStream(connection, format);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
