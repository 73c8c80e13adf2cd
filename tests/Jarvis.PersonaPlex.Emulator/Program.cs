using System.Globalization;
using System.Runtime.InteropServices;
using Jarvis.PersonaPlex.Emulator;

// Runs the PersonaPlex emulator as its own process: --port N [--prompt-steps N] [--prompt-step-ms N] [--compute-delay-ms N] [--text "a b c"]
var options = new EmulatorOptions();
var port = 0;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    var value = args[i + 1];
    switch (args[i])
    {
        case "--port": port = int.Parse(value, CultureInfo.InvariantCulture); break;
        case "--prompt-steps": options.PromptSteps = int.Parse(value, CultureInfo.InvariantCulture); break;
        case "--prompt-step-ms": options.PromptStepTime = TimeSpan.FromMilliseconds(double.Parse(value, CultureInfo.InvariantCulture)); break;
        case "--compute-delay-ms": options.ComputeDelay = TimeSpan.FromMilliseconds(double.Parse(value, CultureInfo.InvariantCulture)); break;
        case "--text": options.TextPieces = value.Split(' ').Select(w => " " + w).ToArray(); break;
        default:
            Console.Error.WriteLine($"unknown option {args[i]}");
            return 2;
    }
}

options.RecordPackets = false;
await using var emulator = new PersonaPlexEmulator(options);
await emulator.StartAsync(port);
Console.WriteLine($"PersonaPlex emulator listening on {emulator.ChatUrl}");
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
