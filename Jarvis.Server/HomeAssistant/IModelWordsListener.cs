namespace Jarvis.Server.HomeAssistant;

/// <summary>
/// Hears what the duplex model (PersonaPlex) says in a room, word piece by word piece as it streams them: the home engine
/// assembles the pieces into sentences and keeps them as dialogue context (an offer such as "Want me to turn on some
/// lights?" becomes the room's open offer). Called on the model's text stream: must return at once.
/// </summary>
public interface IModelWordsListener
{
    /// <param name="room">The satellite's room the words were said in.</param>
    /// <param name="piece">A word piece as the model streams it (word-initial pieces start with a space).</param>
    void OnModelWords(string room, string piece);
}
