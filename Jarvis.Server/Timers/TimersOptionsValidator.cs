using Microsoft.Extensions.Options;

namespace Jarvis.Server.Timers;

/// <summary>Start-up validation of the <c>Timers</c> section, with messages that say what to fix.</summary>
public sealed class TimersOptionsValidator : IValidateOptions<TimersOptions>
{
    public ValidateOptionsResult Validate(string? name, TimersOptions options)
    {
        var failures = new List<string>();
        if (options.RingTimeout < TimeSpan.FromSeconds(5) || options.RingTimeout > TimeSpan.FromHours(2))
        {
            failures.Add($"Timers:RingTimeout is {options.RingTimeout}: use 00:00:05 to 02:00:00 (default 00:15:00).");
        }

        if (options.RingInterval < TimeSpan.Zero || options.RingInterval > TimeSpan.FromMinutes(1))
        {
            failures.Add($"Timers:RingInterval is {options.RingInterval}: use 00:00:00 to 00:01:00 (default 00:00:02).");
        }

        if (string.IsNullOrWhiteSpace(options.StateFile) || Path.IsPathRooted(options.StateFile))
        {
            failures.Add($"Timers:StateFile '{options.StateFile}' must be a file name inside the state directory (default timers.json).");
        }

        if (options.MaxDuration < TimeSpan.FromMinutes(1) || options.MaxDuration > TimeSpan.FromDays(7))
        {
            failures.Add($"Timers:MaxDuration is {options.MaxDuration}: use 00:01:00 to 7.00:00:00 (default 1.00:00:00).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
