namespace Jarvis.Satellite.Audio;

/// <summary>Runs a blocking audio loop on its own above-normal-priority thread, observed as a task.</summary>
internal static class AudioThread
{
    public static Task Start(string name, Action loop)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                loop();
                done.TrySetResult();
            }
            catch (OperationCanceledException e)
            {
                done.TrySetCanceled(e.CancellationToken);
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        })
        {
            IsBackground = true,
            Name = name,
            Priority = ThreadPriority.AboveNormal,
        };
        thread.Start();
        return done.Task;
    }

    /// <summary>Waits for every loop to end, ignoring how (the first one's outcome is awaited by the caller).</summary>
    public static async Task WhenStoppedAsync(params Task[] loops)
    {
        foreach (var loop in loops)
        {
            try
            {
                await loop.ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or AudioDeviceException)
            {
            }
        }
    }
}
