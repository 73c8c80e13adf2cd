using System.Net.WebSockets;
using Jarvis.Protocol.Link;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.Satellites.Enrolment;

namespace Jarvis.Server.Satellites;

/// <summary>A satellite that is not enrolled waits on its link (pending, repeated) until the owner approves or rejects it.</summary>
internal sealed partial class SatelliteConnection
{
    /// <summary>A receive started while the satellite waited; the read loop takes it over after welcome.</summary>
    private Task<(WebSocketMessageType Type, FragmentStatus Status)>? _carriedReceive;

    /// <summary>True when the owner approved the satellite while it waited; false when the link was closed.</summary>
    private async Task<bool> WaitForApprovalAsync(HelloMessage hello, CancellationToken cancellationToken)
    {
        switch (deps.Enrolment.Ask(hello, remote))
        {
            case EnrolmentRequest.Refused { TryLater: true } busy:
                SatelliteLinkLog.Rejected(deps.Logger, hello.SatelliteId, remote, busy.LogDetail);
                await SendControlAsync(new RejectMessage(RejectReason.ServerBusy, busy.Message)).ConfigureAwait(false);
                await CloseAsync(TryAgainLater, busy.LogDetail).ConfigureAwait(false);
                return false;
            case EnrolmentRequest.Refused refused:
                await RejectAsync(hello, refused.Message, refused.LogDetail).ConfigureAwait(false);
                return false;
            case EnrolmentRequest.Waiting waiting:
                try
                {
                    return await WaitAsync(hello, waiting, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    waiting.Leave();
                }

            default:
                return false;
        }
    }

    private async Task<bool> WaitAsync(HelloMessage hello, EnrolmentRequest.Waiting waiting, CancellationToken cancellationToken)
    {
        var keepalive = deps.Options.PingInterval;
        var pending = new PendingMessage(
            $"Satellite {hello.SatelliteId} waits for approval: open the Jarvis status page and approve it (pairing code {waiting.PairingCode}).",
            waiting.PairingCode,
            (int)Math.Clamp(keepalive.TotalMilliseconds, 100, 600_000));
        _carriedReceive = ReceiveAsync(cancellationToken).AsTask();
        while (true)
        {
            await SendControlAsync(pending).ConfigureAwait(false);
            var tick = Task.Delay(keepalive, deps.Time, cancellationToken);
            var done = await Task.WhenAny(waiting.Decision, _carriedReceive, tick).ConfigureAwait(false);
            if (done == waiting.Decision)
            {
                switch (await waiting.Decision.ConfigureAwait(false))
                {
                    case EnrolmentDecision.Approved:
                        return true;
                    case EnrolmentDecision.Rejected:
                        await RejectAsync(hello, "The owner rejected this satellite on the server's status page.", "rejected by the owner").ConfigureAwait(false);
                        return false;
                    default:
                        await CloseAsync(LinkCloseCodes.Replaced, "replaced by a newer connection of the same satellite").ConfigureAwait(false);
                        return false;
                }
            }

            if (done == _carriedReceive)
            {
                var (type, _) = await _carriedReceive.ConfigureAwait(false);
                if (type != WebSocketMessageType.Close)
                {
                    await CloseAsync(LinkCloseCodes.ProtocolViolation, "nothing may be sent while waiting for approval").ConfigureAwait(false);
                }

                return false;
            }

            await tick.ConfigureAwait(false);
        }
    }
}
