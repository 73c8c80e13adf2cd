using System.Net.WebSockets;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.PersonaPlex.Client;
using Jarvis.Server.PersonaPlex.Realtime;

namespace Jarvis.Bench.PersonaPlex;

/// <summary>
/// <c>harness personaplex-bridge --backend socket-only --sessions N [seconds]</c>: the runtime's <see cref="ClientWebSocket"/>
/// alone, carrying the Realtime bridge's traffic to the same emulator: each session opens as the bridge does, then sends one
/// prepared <c>input_audio_buffer.append</c> (the bridge's own bytes for an 80 ms frame) every 80 ms and reads every event
/// into one reused buffer without looking at it. No decode, no JSON, no Opus: what this process allocates per frame is the
/// WebSocket client's own, the floor under <see cref="RealtimeBridgeHarness"/>'s figure.
/// </summary>
internal static class RealtimeSocketBaselineHarness
{
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(80);

    public static async Task<int> RunAsync(int sessions, int seconds, TimeSpan warmup)
    {
        await using var emulator = await EmulatorChildProcess.StartAsync("--realtime", "--max-sessions", sessions.ToString(System.Globalization.CultureInfo.InvariantCulture), "--chunk-frames", "5")
            .ConfigureAwait(false);
        var options = new PersonaPlexOptions();
        var update = ClientMessages.SessionUpdate(PersonaPlexEndpointOptions.DefaultModel, new PersonaPlexPersona(options.TextPrompt, options.Voice));
        var tone = new float[RealtimeAudio.FrameSamples];
        for (var i = 0; i < tone.Length; i++)
        {
            tone[i] = 0.3f * MathF.Sin(2 * MathF.PI * 440 * i / RealtimeAudio.SampleRate);
        }

        var append = new AppendMessage().Write(tone).ToArray();
        var url = RealtimeUrl.ForSession(emulator.ChatUrl, PersonaPlexEndpointOptions.DefaultModel);
        var clients = new List<Client>();
        for (var i = 0; i < sessions; i++)
        {
            clients.Add(await Client.OpenAsync(url, update).ConfigureAwait(false));
        }

        using var stop = new CancellationTokenSource();
        var sending = clients.Select(c => c.SendLoopAsync(append, stop.Token)).ToArray();
        await Task.Delay(warmup).ConfigureAwait(false);
        var meter = new ProcessMeter();
        var sentBefore = clients.Sum(c => c.Sent);
        meter.Start();
        await Task.Delay(TimeSpan.FromSeconds(seconds)).ConfigureAwait(false);
        meter.Stop();
        var sent = clients.Sum(c => c.Sent) - sentBefore;
        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(sending).ConfigureAwait(false);
        foreach (var client in clients)
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }

        var frames = sent * 2.0; // each append comes back as 80 ms of deltas: frames in + out, as the bridge harness counts them
        Console.WriteLine($"ClientWebSocket alone with the Realtime bridge's traffic (vLLM-Omni emulator, separate process), {sessions} session(s), {seconds} s after {warmup.TotalSeconds:0} s warm-up, load average {ProcessMeter.LoadAverage():0.0}");
        Console.WriteLine($"  {sent} appends sent, {clients.Sum(c => c.Received)} events received");
        Console.WriteLine($"  CPU in this process: {meter.CorePercentPer(sessions):0.00} % of one core per session");
        Console.WriteLine($"  allocated in this process: {meter.AllocatedBytes / frames:0.0} bytes per 80 ms frame ({meter.AllocatedBytes} bytes for {frames:0} frames in + out), gen0 GCs {meter.Gen0Collections}");
        return 0;
    }

    private sealed class Client : IAsyncDisposable
    {
        private readonly ClientWebSocket _socket;
        private readonly byte[] _buffer = new byte[64 * 1024];
        private readonly Task _receiving;
        private readonly TaskCompletionSource _created = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _sent;
        private long _received;

        private Client(ClientWebSocket socket)
        {
            _socket = socket;
            _receiving = Task.Run(ReceiveLoopAsync);
        }

        public long Sent => Interlocked.Read(ref _sent);

        public long Received => Interlocked.Read(ref _received);

        public static async Task<Client> OpenAsync(Uri url, byte[] update)
        {
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(url, CancellationToken.None).ConfigureAwait(false);
            var client = new Client(socket);
            await socket.SendAsync(update, WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
            await client._created.Task.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false); // session.created
            return client;
        }

        public async Task SendLoopAsync(byte[] append, CancellationToken cancellationToken)
        {
            using var timer = new PeriodicTimer(Frame);
            try
            {
                while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                {
                    await _socket.SendAsync(append, WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
                    Interlocked.Increment(ref _sent);
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
            }
            catch (WebSocketException)
            {
                // Already gone.
            }

            await _receiving.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            _socket.Dispose();
        }

        private async Task ReceiveLoopAsync()
        {
            try
            {
                while (true)
                {
                    var result = await _socket.ReceiveAsync(_buffer.AsMemory(), CancellationToken.None).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    if (result.EndOfMessage)
                    {
                        Interlocked.Increment(ref _received);
                        _created.TrySetResult();
                    }
                }
            }
            catch (WebSocketException)
            {
                _created.TrySetException(new InvalidOperationException("the emulator closed the session"));
            }
        }
    }
}
