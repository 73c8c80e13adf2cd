namespace Jarvis.Server.PersonaPlex.Client;

/// <summary>Keeps the model's word pieces and drops control pieces such as <c>&lt;s&gt;</c> that could slip through.</summary>
internal static class TextPieceFilter
{
    public static bool IsWords(string piece)
    {
        var trimmed = piece.AsSpan().Trim();
        return trimmed.Length > 0 && !(trimmed[0] == '<' && trimmed[^1] == '>');
    }
}
