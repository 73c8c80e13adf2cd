using System.Text.Json;
using Jarvis.Server.State;

namespace Jarvis.Server.Satellites.Enrolment;

/// <summary>
/// The approved satellites in the state directory's <c>satellites.json</c> (0600, replaced atomically). A file that cannot be
/// read is set aside as <c>satellites.json.unreadable</c> and named in an error, never overwritten.
/// </summary>
public sealed partial class ApprovedSatelliteStore(StateDirectory state, ILogger<ApprovedSatelliteStore> logger)
{
    public const string FileName = "satellites.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public Dictionary<string, ApprovedSatellite> Load()
    {
        string? text;
        try
        {
            text = state.ReadText(FileName);
        }
        catch (IOException ex)
        {
            LogUnreadable(state.FileOf(FileName), ex.Message);
            return new(StringComparer.Ordinal);
        }

        if (text is null)
        {
            return new(StringComparer.Ordinal);
        }

        try
        {
            var loaded = JsonSerializer.Deserialize<Dictionary<string, ApprovedSatellite>>(text, Json) ?? [];
            return new(loaded.Where(e => Protocol.Link.LinkIds.IsValid(e.Key) && e.Value is { TokenSha256.Length: 64 }), StringComparer.Ordinal);
        }
        catch (JsonException ex)
        {
            var aside = state.FileOf(FileName + ".unreadable");
            File.Move(state.FileOf(FileName), aside, overwrite: true);
            LogUnreadable(aside, ex.Message);
            return new(StringComparer.Ordinal);
        }
    }

    public void Save(IReadOnlyDictionary<string, ApprovedSatellite> satellites) =>
        state.WriteText(FileName, JsonSerializer.Serialize(satellites, Json));

    [LoggerMessage(Level = LogLevel.Error, Message = "The approved satellites in {Path} could not be read ({Error}): they must be approved again on the status page")]
    private partial void LogUnreadable(string path, string error);
}
