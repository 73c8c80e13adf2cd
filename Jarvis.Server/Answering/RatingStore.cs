using System.Text.Json;
using Jarvis.Server.Routing;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Answering;

/// <summary>Stores ratings as JSON lines (<see cref="RoutingOptions.RatingsPath"/>); ties each to the room's last turn.</summary>
public sealed class RatingStore(IOptionsMonitor<RoutingOptions> options, TurnLog turns, TimeProvider timeProvider, ILogger<RatingStore> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _write = new(1, 1);

    public async Task<Rating> RateAsync(string room, int stars, string source, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stars, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(stars, 5);
        var last = turns.LastRated(room);
        var rating = new Rating(timeProvider.GetUtcNow(), room, stars, source, last?.Id, last?.Mode.ToString().ToLowerInvariant(), last?.Handling);
        var path = options.CurrentValue.RatingsPath;
        await _write.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }

            await File.AppendAllTextAsync(path, JsonSerializer.Serialize(rating, Json) + "\n", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _write.Release();
        }

        logger.LogInformation("Room {Room} rated turn {Turn} {Stars}/5 ({Source})", room, rating.TurnId, stars, source);
        return rating;
    }

    public async Task<IReadOnlyList<Rating>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var path = options.CurrentValue.RatingsPath;
        if (!File.Exists(path))
        {
            return [];
        }

        var lines = await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false);
        return [.. lines.Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<Rating>(l, Json)).OfType<Rating>()];
    }
}
