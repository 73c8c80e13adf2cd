using System.Collections.Concurrent;

namespace Jarvis.Server.Announcements;

/// <summary>
/// Open questions per room: the next thing said in a room that was asked something is its answer (taken by the home engine
/// seam before anything else answers it).
/// </summary>
public sealed class AnnouncementAsks
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _open = new(StringComparer.OrdinalIgnoreCase);

    public Task<string> Open(string room)
    {
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _open[room] = answer;
        return answer.Task;
    }

    /// <summary>Gives up the question (timeout), unless a newer one replaced it.</summary>
    public void Close(string room, Task<string> answer)
    {
        if (_open.TryGetValue(room, out var open) && open.Task == answer)
        {
            _open.TryRemove(KeyValuePair.Create(room, open));
        }
    }

    /// <summary>True while the room has an open question (its next utterance is the answer).</summary>
    public bool IsAsking(string room) => _open.ContainsKey(room);

    /// <summary>True when the room had an open question and <paramref name="transcript"/> answered it.</summary>
    public bool TryAnswer(string room, string transcript) =>
        !string.IsNullOrWhiteSpace(transcript) && _open.TryRemove(room, out var answer) && answer.TrySetResult(transcript);
}
