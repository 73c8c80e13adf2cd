using Microsoft.Extensions.Options;

namespace Jarvis.Server.Announcements;

/// <summary>Start-up validation of the <c>Announcements</c> section, with messages that say what to fix.</summary>
public sealed class AnnouncementsOptionsValidator : IValidateOptions<AnnouncementsOptions>
{
    public ValidateOptionsResult Validate(string? name, AnnouncementsOptions options)
    {
        var failures = new List<string>();
        if (options.MaxWait < TimeSpan.Zero || options.MaxWait > TimeSpan.FromMinutes(5))
        {
            failures.Add($"Announcements:MaxWait is {options.MaxWait}: use 00:00:00 to 00:05:00 (default 00:00:10).");
        }

        if (options.AskTimeout < TimeSpan.FromSeconds(5) || options.AskTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"Announcements:AskTimeout is {options.AskTimeout}: use 00:00:05 to 00:05:00 (default 00:00:30).");
        }

        if (!Enum.IsDefined(options.DuringConversation))
        {
            failures.Add("Announcements:DuringConversation must be Wait or Cut.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
