using System.Text.Json;
using Jarvis.Server.State;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Timers;

/// <summary>
/// The timers file in the state directory (<see cref="TimersOptions.StateFile"/>, JSON, written atomically). A damaged
/// file is kept aside (<c>.bad</c>) and reported, never lost silently, and the server starts without timers.
/// </summary>
public sealed class TimerStore(StateDirectory state, IOptions<TimersOptions> options, ILogger<TimerStore> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public IReadOnlyList<RoomTimer> Load()
    {
        var name = options.Value.StateFile;
        string? text;
        try
        {
            text = state.ReadText(name);
        }
        catch (IOException ex)
        {
            logger.LogError(ex, "Cannot read the timers file {File}: starting without timers", state.FileOf(name));
            return [];
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<RoomTimer>>(text, Json)?.Where(t => t is { Id.Length: > 0, Room.Length: > 0 }).ToList() ?? [];
        }
        catch (JsonException ex)
        {
            var path = state.FileOf(name);
            File.Copy(path, path + ".bad", overwrite: true);
            logger.LogError(ex, "The timers file {File} is damaged (kept as {Bad}): starting without timers", path, path + ".bad");
            return [];
        }
    }

    public void Save(IReadOnlyCollection<RoomTimer> timers)
    {
        try
        {
            state.WriteText(options.Value.StateFile, JsonSerializer.Serialize(timers, Json));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogError(ex, "Cannot write the timers file: {Count} timers would not survive a restart", timers.Count);
        }
    }
}
