using Sitrep.Cli.Commands;
using Sitrep.Cli.Commands.Kb;
using Sitrep.Cli.Commands.Nlp;
using Spectre.Console.Cli;

namespace Sitrep.Cli;

public static class Program
{
    public static int Main(string[] args) => Run(args);

    /// <summary>Runs the CLI; tests call this in-process.</summary>
    public static int Run(string[] args)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("sitrep");
            config.SetApplicationVersion(Core.Records.DocumentRecordWriter.SitrepVersion);
            config.AddCommand<IngestCommand>("ingest")
                .WithDescription("Read news (files, folders, URLs, feeds, WARC, JSON Lines, '-' for stdin) into the store.")
                .WithExample("ingest", "samples")
                .WithExample("ingest", "crawl.warc.gz", "--db", "news.db");
            config.AddCommand<DocsCommand>("docs")
                .WithDescription("List stored documents, with filters.")
                .WithExample("docs", "--language", "en", "--from", "2024-01-01");
            config.AddCommand<ShowCommand>("show")
                .WithDescription("Show one stored document (clean text, metadata, links), or its raw input with --raw.")
                .WithExample("show", "d1a2b3c4d5e6f7a8");
            config.AddCommand<ErrorsCommand>("errors")
                .WithDescription("List inputs that failed, with their error codes.");
            config.AddCommand<AnnotateCommand>("annotate")
                .WithDescription("Run the pipeline on one input without a store and print Sitrep's JSON record for each document.")
                .WithExample("annotate", "article.html");
            config.AddBranch("train", train =>
            {
                train.SetDescription("Train Sitrep's models from open corpora (reproducible: fixed seeds, same data, same bytes).");
                train.AddCommand<TrainPosCommand>("pos")
                    .WithDescription("POS tagger (UPOS, XPOS) and lemmatizer from CoNLL-U treebanks.")
                    .WithExample("train", "pos", "--train", "../shared/data/ud/en_ewt-ud-train.conllu", "--dev", "../shared/data/ud/en_ewt-ud-dev.conllu", "--out", "data/models/pos/en-ewt-pos.bin");
                train.AddCommand<TrainParserCommand>("parser")
                    .WithDescription("Dependency parser (arc-hybrid, dynamic oracle, averaged perceptron) from CoNLL-U treebanks.")
                    .WithExample("train", "parser", "--train", "../shared/data/ud/en_ewt-ud-train.conllu", "--dev", "../shared/data/ud/en_ewt-ud-dev.conllu", "--out", "data/models/parser/en-ewt-parser.bin");
            });
            config.AddBranch("eval", eval =>
            {
                eval.SetDescription("Score Sitrep against reference data.");
                eval.AddCommand<EvalPosCommand>("pos")
                    .WithDescription("POS tags and lemmas (UPOS, XPOS, lemma accuracy); with --raw, from raw text through Sitrep's tokenizer, with token and sentence F1.")
                    .WithExample("eval", "pos", "--gold", "../shared/data/ud/en_ewt-ud-test.conllu");
                eval.AddCommand<EvalParserCommand>("parser")
                    .WithDescription("Dependency parsing with gold tokens: UAS and LAS as the CoNLL 2018 shared task.")
                    .WithExample("eval", "parser", "--gold", "../shared/data/ud/en_ewt-ud-test.conllu", "--pos-model", "data/models/pos/en-ewt-pos.bin");
                eval.AddCommand<EvalExtractCommand>("extract")
                    .WithDescription("Article-body extraction: F1 of 4-gram shingles, as the article-extraction benchmark.")
                    .WithExample("eval", "extract", "--truth", "ground-truth.aeb.json", "--pages", "html");
                eval.AddCommand<EvalDatesCommand>("dates")
                    .WithDescription("Publication-date accuracy at day precision, as htmldate's evaluation.")
                    .WithExample("eval", "dates", "--truth", "dates.json", "--pages", "html");
                eval.AddCommand<Commands.Time.EvalTimexCommand>("timex")
                    .WithDescription("TIMEX3 recognition and normalization (TempEval-3 strict/relaxed/value/type), as ../shared/tools/timex/score_timex.js.")
                    .WithExample("eval", "timex", "--gold", "../shared/data/timex/TimeBank", "--out", "/tmp/timex-out");
            });
            config.AddBranch("kb", kb =>
            {
                kb.SetDescription("The actor knowledge base (data/kb).");
                kb.AddCommand<KbLintCommand>("lint")
                    .WithDescription("Check the knowledge base; prints file:line messages and exits 1 on errors.")
                    .WithExample("kb", "lint").WithExample("kb", "lint", "--kb", "data/kb");
                kb.AddCommand<KbStatsCommand>("stats")
                    .WithDescription("Count countries, territories, organizations, groups, people, roles and aliases.")
                    .WithExample("kb", "stats", "--json");
            });
            config.SetExceptionHandler((ex, _) =>
            {
                Console.Error.WriteLine($"sitrep: {ex.Message}");
                return ex is CommandParseException or CommandRuntimeException ? 64 : 1;
            });
        });
        return app.Run(args);
    }
}
