namespace Jarvis.Server.Timers.Grammar;

/// <summary>Home Assistant's timer and broadcast intent names.</summary>
public static class TimerIntents
{
    public const string Start = "HassStartTimer";
    public const string Cancel = "HassCancelTimer";
    public const string CancelAll = "HassCancelAllTimers";
    public const string Increase = "HassIncreaseTimer";
    public const string Decrease = "HassDecreaseTimer";
    public const string Pause = "HassPauseTimer";
    public const string Unpause = "HassUnpauseTimer";
    public const string Status = "HassTimerStatus";
    public const string Broadcast = "HassBroadcast";
}
