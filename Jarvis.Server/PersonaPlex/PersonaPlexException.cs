namespace Jarvis.Server.PersonaPlex;

/// <summary>PersonaPlex could not be reached or ended the session; the message says what happened and what to check.</summary>
public class PersonaPlexException : Exception
{
    public PersonaPlexException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
