using System.Text.Json;
using Jarvis.Server.Routing;
using Jarvis.Server.State;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Answering;

/// <summary>
/// Stores ratings as JSON lines (<see cref="RoutingOptions.RatingsPath"/>, relative to the state directory, mode 0600);
/// ties each to the room's last turn.
/// </summary>
public sealed class RatingStore(IOptionsMonitor<RoutingOptions> options, StateDirectory state, TurnLog turns, TimeProvider timeProvider, ILogger<RatingStore> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _write = new(1, 1);

    public async Task<Rating> RateAsync(string room, int stars, string source, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stars, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(stars, 5);
        var last = turns.LastRated(room);
        var rating = new Rating(timeProvider.GetUtcNow(), room, stars, source, last?.Id, last?.Mode.ToString().ToLowerInvariant(), last?.Handling);
        var path = RatingsPath;
        await _write.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await state.AppendLineAsync(path, JsonSerializer.Serialize(rating, Json), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _write.Release();
        }

        logger.LogInformation("Room {Room} rated turn {Turn} {Stars}/5 ({Source})", room, rating.TurnId, stars, source);
        return rating;
    }

    /// <summary>The ratings file: <see cref="RoutingOptions.RatingsPath"/>, relative to the state directory.</summary>
    public string RatingsPath => Path.Combine(state.Path, options.CurrentValue.RatingsPath);

    public async Task<IReadOnlyList<Rating>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var path = RatingsPath;
        if (!File.Exists(path))
        {
            return [];
        }

        var lines = await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false);
        return [.. lines.Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<Rating>(l, Json)).OfType<Rating>()];
    }
}
