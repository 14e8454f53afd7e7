using Sitrep.Cli.Commands;
using Sitrep.Cli.Commands.Kb;
using Sitrep.Cli.Commands.Nlp;
using Spectre.Console.Cli;

namespace Sitrep.Cli;

public static class Program
{
    public static int Main(string[] args) => Run(args);

    /// <summary>Sitrep's version (every assembly has it): read here rather than from DocumentRecordWriter, whose JSON set-up costs start-up time.</summary>
    private static string Version { get; } = typeof(Program).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

    /// <summary>Runs the CLI; tests call this in-process.</summary>
    public static int Run(string[] args)
    {
        Output.StartupTrace.Mark("main");
        // "-" (standard input) is an argument to ingest and annotate, but the parser takes it for a nameless option.
        args = Array.ConvertAll(args, a => a == Sitrep.Ingest.Input.InputCollector.StandardInput ? Sitrep.Ingest.Input.InputCollector.StandardInputArgument : a);
        var app = new CommandApp();
        Action<IConfigurator> configure = config =>
        {
            config.SetApplicationName("sitrep");
            config.SetApplicationVersion(Version);
            // A mistyped option is an error, not silently ignored ("--publshed" would otherwise run with defaults).
            config.UseStrictParsing();
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
            config.AddCommand<RunsCommand>("runs")
                .WithDescription("List the ingest and merge runs: what each stored, and whether it finished.")
                .WithExample("runs").WithExample("runs", "--json");
            config.AddCommand<Commands.Store.EventsCommand>("events")
                .WithDescription("List merged events (one per event, however many articles report it) with GDELT-like counts; filters, --json, --csv.")
                .WithExample("events", "--dyad", "RUS-PRK").WithExample("events", "--actor", "RUS", "--quad", "4", "--from", "2023-01-01");
            config.AddCommand<Commands.Store.TimelineCommand>("timeline")
                .WithDescription("Dated events of an actor (either role) or a dyad (either direction), in order, with their evidence sentences.")
                .WithExample("timeline", "PRK").WithExample("timeline", "RUS-PRK");
            config.AddCommand<Commands.Store.SeriesCommand>("series")
                .WithDescription("Events per day, week or month, counted by quad class, with summed Goldstein scores.")
                .WithExample("series", "--dyad", "RUS-PRK", "--by", "week");
            config.AddCommand<Commands.Store.ClaimsCommand>("claims")
                .WithDescription("Who asserted, alleged, reported or denied which event, through which sources.")
                .WithExample("claims").WithExample("claims", "--stance", "denied");
            config.AddCommand<Commands.Store.ServeCommand>("serve")
                .WithDescription("The explorer: a web page (events with a series chart, each with its mentions, claims and the document it came from marked; claims; actors) and a read-only JSON API over the store, until Ctrl+C or SIGTERM.")
                .WithExample("serve").WithExample("serve", "--db", "news.db", "--port", "8090");
            config.AddCommand<Commands.Store.ExportCommand>("export")
                .WithDescription("Export merged events: GDELT 2.0 Events/Mentions TSV, PLOVER JSON, CSV, JSON Lines, Parquet, or the actor network as GraphML.")
                .WithExample("export", "--format", "gdelt", "--out", "events.tsv", "--mentions-out", "mentions.tsv")
                .WithExample("export", "--format", "graphml", "--out", "actors.graphml");
            config.AddCommand<Commands.Store.ReprocessCommand>("reprocess")
                .WithDescription("Re-analyse stored documents whose models or dictionaries changed (incremental), merging their events again.")
                .WithExample("reprocess").WithExample("reprocess", "--since", "0.2.0");
            config.AddCommand<Commands.Store.MergeCommand>("merge")
                .WithDescription("Merge stores ingested elsewhere (each part of the inputs) into one, without analysing again.")
                .WithExample("merge", "part1.db", "part2.db", "--db", "all.db");
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
                train.AddCommand<TrainNerCommand>("ner")
                    .WithDescription("Named-entity tagger (greedy BIO, averaged perceptron, KB gazetteer) from .iob2, CoNLL column and GUM CoNLL-U files.")
                    .WithExample("train", "ner", "--train", "../shared/data/ud/en_gum-ud-train.noNC.conllu", "--train", "../shared/data/ner/wikigold/wikigold.conll.txt", "--dev", "../shared/data/ner/uner_en_ewt/en_ewt-ud-dev.iob2", "--out", "data/models/ner/en-ner.bin");
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
                eval.AddCommand<EvalNerCommand>("ner")
                    .WithDescription("Named entities with gold tokens: exact-span micro P/R/F1 and per type (CoNLL convention).")
                    .WithExample("eval", "ner", "--gold", "../shared/data/ner/uner_en_ewt/en_ewt-ud-test.iob2");
                eval.AddCommand<Commands.Places.EvalPlacesCommand>("places")
                    .WithDescription("Place mentions against the location entities of NER gold sets: exact and overlapping P/R/F1.")
                    .WithExample("eval", "places", "--gold", "../shared/data/ner/re3d");
                eval.AddCommand<EvalExtractCommand>("extract")
                    .WithDescription("Article-body extraction: F1 of 4-gram shingles, as the article-extraction benchmark.")
                    .WithExample("eval", "extract", "--truth", "ground-truth.aeb.json", "--pages", "html");
                eval.AddCommand<EvalDatesCommand>("dates")
                    .WithDescription("Publication-date accuracy at day precision, as htmldate's evaluation.")
                    .WithExample("eval", "dates", "--truth", "dates.json", "--pages", "html");
                eval.AddCommand<Commands.Actors.EvalActorsCommand>("actors")
                    .WithDescription("Actor linking: country accuracy of the code predicted for PLOVER gold source and target actor texts, errors by kind.")
                    .WithExample("eval", "actors", "--gold", "../shared/data/events/plover/plover_gsr_dev.json");
                eval.AddCommand<Commands.Time.EvalTimexCommand>("timex")
                    .WithDescription("TIMEX3 recognition and normalization (TempEval-3 strict/relaxed/value/type), as ../shared/tools/timex/score_timex.js.")
                    .WithExample("eval", "timex", "--gold", "../shared/data/timex/TimeBank", "--out", "/tmp/timex-out");
                eval.AddCommand<Commands.Events.EvalEventsCommand>("events")
                    .WithDescription("Event coding from raw sentences: PLOVER type, CAMEO root and code, (source, event, target) P/R/F1, on PLOVER gold records (JSON) or PETRARCH validation records (XML).")
                    .WithExample("eval", "events", "--gold", "../shared/data/events/plover/plover_gsr_dev.json");
            });
            config.AddBranch("patterns", patterns =>
            {
                patterns.SetDescription("The event patterns and CAMEO codebook (data/lexicons/events).");
                patterns.AddCommand<Commands.Events.PatternsLintCommand>("lint")
                    .WithDescription("Check the event patterns; prints file:line messages and exits 1 on errors.")
                    .WithExample("patterns", "lint").WithExample("patterns", "lint", "--patterns", "data/lexicons/events");
            });
            config.AddCommand<Commands.Actors.ActorsCommand>("actors")
                .WithDescription("Search the actor knowledge base by name, alias or code: code at a date and dated roles.")
                .WithExample("actors", "Shoigu", "--date", "2023-08-30").WithExample("actors", "RUSGOV", "--json");
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
            config.AddBranch("places", places =>
            {
                places.SetDescription("The place gazetteer (data/places): countries, cities, regions and waters.");
                places.AddCommand<Commands.Places.PlacesLintCommand>("lint")
                    .WithDescription("Check the place data and its manifest; prints file:line messages and exits 1 on errors.")
                    .WithExample("places", "lint");
                places.AddCommand<Commands.Places.PlacesFindCommand>("find")
                    .WithDescription("List the places a name may mean, in the order the recognizer prefers them.")
                    .WithExample("places", "find", "Paris").WithExample("places", "find", "Kiev", "--json");
            });
            config.SetInterceptor(new MissingOptionValueInterceptor());
            config.SetExceptionHandler((ex, _) =>
            {
                Console.Error.WriteLine($"sitrep: {ex.Message}");
                return ex is CommandParseException or CommandRuntimeException or UsageException ? 64 : 1;
            });
        };
        // Only the command named on the command line is registered (see CommandSelection): start-up time.
        app.Configure(config => configure(CommandSelection.For(config, args, configure)));
        var exit = app.Run(args);
        Output.StartupTrace.Mark("exit");
        return exit;
    }
}
