using System.Text.Json;
using Jarvis.Server.Routing;
using Jarvis.Server.Tests.Emulators;

namespace Jarvis.Server.Tests.Routing;

[Collection("Console")]
public sealed class RouteCommandTests
{
    [Fact]
    public async Task Eval_writes_predictions_and_ends_with_the_accuracy_line()
    {
        var predictions = Path.GetTempFileName();
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            var code = await RouteCommand.RunAsync(["eval", "--corpus", SharedCorpus.Path("corpora", "routing", "dev.jsonl"), "--predictions", predictions], CancellationToken.None);
            Assert.Equal(0, code);
        }
        finally
        {
            Console.SetOut(original);
        }

        var lines = output.ToString().TrimEnd().Split('\n');
        Assert.Matches(@"^accuracy: 0\.\d{3} \(\d+/300\)$", lines[^1].TrimEnd());
        Assert.Contains(lines, l => l.StartsWith("expected fast", StringComparison.Ordinal));
        var first = JsonDocument.Parse(File.ReadLines(predictions).First()).RootElement;
        Assert.Equal(JsonValueKind.String, first.GetProperty("query").ValueKind);
        Assert.Contains(first.GetProperty("route").GetString(), new[] { "fast", "deep" });
        Assert.InRange(first.GetProperty("score").GetDouble(), 0, 1);
        Assert.Equal(300, File.ReadLines(predictions).Count());
        File.Delete(predictions);
    }

    [Fact]
    public async Task A_missing_corpus_is_a_clear_error_not_a_crash()
    {
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(2, await RouteCommand.RunAsync(["eval", "--corpus", "/nonexistent.jsonl"], CancellationToken.None));
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Contains("corpus not found", error.ToString());
    }
}
