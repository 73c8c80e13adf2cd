using System.Globalization;
using System.Runtime.InteropServices;
using Jarvis.PersonaPlex.Emulator;
using Jarvis.PersonaPlex.Emulator.Realtime;

// Runs an emulator as its own process.
//   PersonaPlex (moshi.server): --port N [--prompt-steps N] [--prompt-step-ms N] [--compute-ms N] [--echo | --no-echo] [--text "a b c"]
//     --echo (the default): the reply is the input one 80 ms frame later; --no-echo: the reply is silence.
//     --compute-ms N (alias --compute-delay-ms): model time per 80 ms step.
//   vLLM-Omni (/v1/realtime):   --realtime --port N [--max-sessions N] [--compute-delay-ms N] [--chunk-frames N] [--text "a b c"]
var options = new EmulatorOptions();
var realtime = new RealtimeEmulatorOptions { RecordAudio = false };
var useRealtime = args.Contains("--realtime");
options.Echo = !args.Contains("--no-echo");
string[] switches = ["--realtime", "--echo", "--no-echo"];
var rest = args.Where(a => !switches.Contains(a)).ToArray();
var port = 0;
for (var i = 0; i + 1 < rest.Length; i += 2)
{
    var value = rest[i + 1];
    switch (rest[i])
    {
        case "--port": port = int.Parse(value, CultureInfo.InvariantCulture); break;
        case "--prompt-steps": options.PromptSteps = int.Parse(value, CultureInfo.InvariantCulture); break;
        case "--prompt-step-ms": options.PromptStepTime = TimeSpan.FromMilliseconds(double.Parse(value, CultureInfo.InvariantCulture)); break;
        case "--compute-delay-ms" or "--compute-ms":
            options.ComputeDelay = realtime.ComputeDelay = TimeSpan.FromMilliseconds(double.Parse(value, CultureInfo.InvariantCulture));
            break;
        case "--text": options.TextPieces = realtime.TextPieces = value.Split(' ').Select(w => " " + w).ToArray(); break;
        case "--max-sessions": realtime.MaxSessions = int.Parse(value, CultureInfo.InvariantCulture); break;
        case "--chunk-frames": realtime.ChunkFrames = int.Parse(value, CultureInfo.InvariantCulture); break;
        default:
            Console.Error.WriteLine($"unknown option {rest[i]}");
            return 2;
    }
}

options.RecordPackets = false;
await using var emulator = new PersonaPlexEmulator(options);
await using var realtimeEmulator = new RealtimeEmulator(realtime);
if (useRealtime)
{
    await realtimeEmulator.StartAsync(port);
    Console.WriteLine($"vLLM-Omni emulator listening on {realtimeEmulator.RealtimeUrl}");
}
else
{
    await emulator.StartAsync(port);
    Console.WriteLine($"PersonaPlex emulator listening on {emulator.ChatUrl}");
}

using var done = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    done.Cancel();
}

using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
await Task.Delay(Timeout.Infinite, done.Token).ContinueWith(_ => { }, TaskScheduler.Default);
return 0;
