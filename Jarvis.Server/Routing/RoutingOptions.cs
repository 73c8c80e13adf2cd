using System.ComponentModel.DataAnnotations;

namespace Jarvis.Server.Routing;

/// <summary><c>Routing</c> section.</summary>
public sealed class RoutingOptions
{
    public const string Section = "Routing";

    /// <summary>Scores at or above this go to the deep LLM (plan default 0.7).</summary>
    [Range(0.0, 1.0)]
    public double ComplexityThreshold { get; set; } = 0.7;

    /// <summary>How long a deep answer (text and audio) is replayed for a repeated query without asking the LLM again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Most answers kept in the cache.</summary>
    [Range(1, 100_000)]
    public int CacheCapacity { get; set; } = 200;

    /// <summary>JSON-lines file where conversation ratings are appended (relative to the state directory, <c>State:Directory</c>).</summary>
    [Required]
    public string RatingsPath { get; set; } = "ratings.jsonl";
}
