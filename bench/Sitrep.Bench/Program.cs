using BenchmarkDotNet.Running;

namespace Sitrep.Bench;

public static class Program
{
    /// <summary><c>throughput [passes]</c> for the whole-run ingest figures, <c>nlp [options]</c> for the linguistic core (see <see cref="NlpThroughput"/>), <c>pipeline [options]</c> for the whole analysis pipeline (see <see cref="PipelineThroughput"/>); anything else goes to BenchmarkDotNet.</summary>
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "timex")
        {
            TimexThroughput.Run(args);
            return;
        }
        if (args.Length > 0 && args[0] == "pipeline")
        {
            PipelineThroughput.Run(args);
            return;
        }
        if (args.Length > 0 && args[0] == "nlp")
        {
            NlpThroughput.Run(args);
            return;
        }
        if (args.Length > 0 && args[0] == "throughput")
        {
            Throughput.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
