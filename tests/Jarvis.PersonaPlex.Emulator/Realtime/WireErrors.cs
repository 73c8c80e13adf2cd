namespace Jarvis.PersonaPlex.Emulator.Realtime;

/// <summary>Error codes and their <c>error.type</c> (<c>REALTIME_ERROR_TYPES_BY_CODE</c>; missing codes are invalid_request_error).</summary>
internal static class WireErrors
{
    public static string TypeOf(string code) => code switch
    {
        "resource_exhausted" or "input_backpressure" => "rate_limit_error",
        "engine_error" or "internal_error" => "server_error",
        _ when code.StartsWith("runtime_", StringComparison.Ordinal) => "server_error",
        _ => "invalid_request_error",
    };
}

/// <summary>One error to send: its code, its message, and the client event id it answers (if the event had one).</summary>
internal sealed record WireError(string Code, string Message, string? EventId = null);
