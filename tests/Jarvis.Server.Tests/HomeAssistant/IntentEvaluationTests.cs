using Jarvis.Server.HomeAssistant.Intents.Evaluation;
using Jarvis.Server.HomeAssistant.Model;
using Jarvis.Server.Tests.HomeAssistant.Emulator;

namespace Jarvis.Server.Tests.HomeAssistant;

public sealed class IntentEvaluationTests
{
    [Fact]
    public void Dev_corpus_is_understood_at_least_95_percent()
    {
        var home = FixtureHome.Load(CorpusPaths.Fixtures);
        var evaluation = IntentEvaluation.Run(home.Registries, CorpusCase.ReadJsonLines(CorpusPaths.Dev).ToList());

        Assert.True(evaluation.Accuracy >= 0.95, IntentsCommand.Report(evaluation));
    }

    [Fact]
    public async Task Eval_command_writes_one_prediction_per_line_and_ends_with_the_accuracy()
    {
        var predictions = Path.GetTempFileName();
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        try
        {
            var code = await IntentsCommand.RunAsync(["eval", "--fixtures", CorpusPaths.Fixtures, "--corpus", CorpusPaths.Dev, "--predictions", predictions], CancellationToken.None);
            Assert.Equal(0, code);
        }
        finally
        {
            Console.SetOut(previous);
        }

        Assert.Equal(File.ReadLines(CorpusPaths.Dev).Count(), File.ReadLines(predictions).Count());
        Assert.Matches(@"accuracy: \d\.\d{3} \(\d+/\d+\)$", output.ToString().TrimEnd().Split('\n')[^1]);
        File.Delete(predictions);
    }

    [Fact]
    public async Task Eval_command_without_arguments_prints_usage()
    {
        Assert.Equal(2, await IntentsCommand.RunAsync([], CancellationToken.None));
    }
}
