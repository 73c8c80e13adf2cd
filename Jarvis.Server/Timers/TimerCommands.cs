using Jarvis.Server.HomeAssistant;
using Jarvis.Server.HomeAssistant.Model;
using Jarvis.Server.Timers.Grammar;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Timers;

/// <summary>
/// Carries out a timer sentence for the room it was said in and says what happened, in Home Assistant's wording
/// ("Timer set for 5 minutes", "25 minutes left."). Starting and the status are answers (spoken in both modes, so the
/// user hears the duration understood); the other changes are done (an earcon while the duplex model talks).
/// </summary>
public sealed class TimerCommands(TimerBook book, IOptionsMonitor<TimersOptions> options, TimeProvider time)
{
    public HomeOutcome Run(TimerSentence sentence, string room, HomeSnapshot home)
    {
        if (sentence.Intent == TimerIntents.Start)
        {
            return Start(sentence, room);
        }

        var now = time.GetUtcNow();
        if (sentence.Intent == TimerIntents.CancelAll)
        {
            var all = TimerSelection.Matching(book.All(), sentence.Selector with { Name = null, StartedFor = null }, home);
            foreach (var timer in all)
            {
                book.Cancel(timer.Id);
            }

            var where = home.Area(sentence.Selector.AreaId)?.Name is { } area ? $" in {area.ToLowerInvariant()}" : "";
            return all.Count == 0 ? new HomeAnswer("There are no timers.") : Done($"Canceled {TimerPhrases.Count(all.Count, "timer")}{where}.");
        }

        if (sentence.Intent == TimerIntents.Status)
        {
            return Status(TimerSelection.Matching(book.All(), sentence.Selector, home, room), sentence.Selector, now);
        }

        var target = TimerSelection.One(book.All(), sentence.Selector, home, room, now);
        if (target is null)
        {
            return new HomeAnswer(NoTimer(sentence.Selector));
        }

        switch (sentence.Intent)
        {
            case TimerIntents.Cancel:
                book.Cancel(target.Id);
                return Done("Timer cancelled");
            case TimerIntents.Increase:
                book.Add(target.Id, sentence.Duration!.Length);
                return Done($"{TimerPhrases.Spoken(sentence.Duration)} added to {target.Label}");
            case TimerIntents.Decrease:
                book.Add(target.Id, -sentence.Duration!.Length);
                return Done($"{TimerPhrases.Spoken(sentence.Duration)} removed from {target.Label}");
            case TimerIntents.Pause:
                book.Pause(target.Id);
                return Done("Timer paused");
            case TimerIntents.Unpause:
                book.Resume(target.Id);
                return Done("Timer resumed");
            default:
                return HomeNotHandled.Instance;
        }
    }

    private HomeOutcome Start(TimerSentence sentence, string room)
    {
        var length = sentence.Duration!;
        if (length.IsZero || length.Length > options.CurrentValue.MaxDuration)
        {
            return new HomeFailed($"I can only set timers up to {TimerPhrases.Spoken(options.CurrentValue.MaxDuration)}.");
        }

        book.Start(room, length, sentence.Selector.Name, sentence.Command);
        return sentence.Command is not null
            ? new HomeAnswer($"Command will be executed in {TimerPhrases.Spoken(length)}")
            : new HomeAnswer($"Timer set for {TimerPhrases.Spoken(length)}{(sentence.Selector.Name is { } name ? $" named {name}" : "")}");
    }

    private static HomeAnswer Status(IReadOnlyList<RoomTimer> timers, TimerSelector selector, DateTimeOffset now)
    {
        if (timers.Count == 0)
        {
            return new HomeAnswer(NoTimer(selector));
        }

        if (timers.Count == 1)
        {
            var only = timers[0];
            return new HomeAnswer($"{(only.IsPaused ? "Timer is paused. " : "")}{TimerPhrases.Left(only.Left(now))} left.");
        }

        var running = timers.Count(t => !t.IsPaused);
        var paused = timers.Count - running;
        var parts = new List<string>();
        if (running > 0)
        {
            parts.Add($"{TimerPhrases.Count(running, "running timer")}.");
        }

        if (paused > 0)
        {
            parts.Add($"{TimerPhrases.Count(paused, "paused timer")}.");
        }

        parts.AddRange(timers.OrderBy(t => t.Left(now)).Select(t => $"{TimerPhrases.Left(t.Left(now))} left on {t.Label}{(t.IsPaused ? " (paused)" : "")}."));
        return new HomeAnswer(string.Join(' ', parts));
    }

    private static string NoTimer(TimerSelector selector) =>
        selector.Name is { } name ? $"There is no timer named {name}." : "There is no timer like that.";

    private static HomeDone Done(string confirmation) => new([], confirmation);
}
