using System.Text;

namespace Jarvis.Server.Speech;

/// <summary>What happened while an answer was spoken: stage timestamps (<see cref="TimeProvider.GetTimestamp"/>), the text, whether it was an apology.</summary>
public sealed class AnswerProgress
{
    private readonly StringBuilder _text = new();

    public long? FirstTokenAt { get; internal set; }

    public long? FirstSentenceAt { get; internal set; }

    public long? FirstAudioAt { get; internal set; }

    public int Sentences { get; internal set; }

    public bool IsFallback { get; internal set; }

    public string Text => _text.ToString();

    internal void Append(string token) => _text.Append(token);

    /// <summary>Forgets the last <paramref name="characters"/> of the text (an unfinished fragment that was never spoken).</summary>
    internal void DropLast(int characters)
    {
        _text.Length = Math.Max(0, _text.Length - characters);
        while (_text.Length > 0 && char.IsWhiteSpace(_text[^1]))
        {
            _text.Length--;
        }
    }
}
