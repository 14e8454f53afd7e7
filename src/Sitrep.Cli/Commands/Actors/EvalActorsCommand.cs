using System.ComponentModel;
using System.Globalization;
using Sitrep.Actors;
using Sitrep.Actors.Linking;
using Sitrep.Actors.Petrarch;
using Sitrep.Cli.Analysis;
using Sitrep.Core;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands.Actors;

/// <summary>
/// Country accuracy of actor linking on PLOVER gold records: each source and target actor text, in its sentence run
/// through the whole pipeline, against the country part of the gold code; errors by kind.
/// </summary>
public sealed class EvalActorsCommand : Command<EvalActorsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--gold <FILE>")]
        [Description("PLOVER gold records (JSON array), e.g. ../shared/data/events/plover/plover_gsr_dev.json.")]
        public string Gold { get; init; } = "";

        [CommandOption("--errors")]
        [Description("List every error with its kind, text, gold and predicted code.")]
        public bool Errors { get; init; }

        [CommandOption("--petrarch-actors <FILE>")]
        [Description("Also link with a PETRARCH/TABARI actor dictionary (repeatable).")]
        public string[] PetrarchActors { get; init; } = [];

        [CommandOption("--petrarch-agents <FILE>")]
        [Description("Also use a PETRARCH/TABARI agent dictionary (repeatable).")]
        public string[] PetrarchAgents { get; init; } = [];

        [CommandOption("--petrarch-only")]
        [Description("Use the PETRARCH dictionaries as the only actor source (no Sitrep KB).")]
        public bool PetrarchOnly { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.Gold))
        {
            Console.Error.WriteLine($"sitrep: no gold file '{settings.Gold}'.");
            return ExitCodes.NotFound;
        }
        var analysis = AnalysisPipeline.Default;
        var kb = analysis.Actors.Linker.Index.Kb!;
        ActorStage? relink = null;
        if (settings.PetrarchActors.Length > 0 || settings.PetrarchAgents.Length > 0 || settings.PetrarchOnly)
        {
            var pa = settings.PetrarchActors.Select(PetrarchActorDictionary.Load).ToList();
            var pg = settings.PetrarchAgents.Select(PetrarchAgentDictionary.Load).ToList();
            relink = new ActorStage(new ActorLinker(AliasIndex.Build(settings.PetrarchOnly ? null : kb, pa, pg)));
        }
        var n = 0;
        var eval = PloverActorEvaluation.Run(settings.Gold, kb, (text, date) =>
        {
            var id = "plover-" + (n++).ToString(CultureInfo.InvariantCulture);
            var doc = new Document(id, new SourceText(text), new SourceText(text), OffsetMap.Identity(text.Length),
                new DocumentMetadata { Reader = "eval", Origin = settings.Gold, Published = date is { } d ? new DocumentDate(d) : null });
            doc = analysis.Pipeline.Run(doc, cancellationToken);
            if (relink is not null && doc.Has(Sitrep.Nlp.NlpLayers.Pos)) doc = relink.Process(doc, cancellationToken);
            return doc.Has(ActorLayers.Actors) ? doc.Get(ActorLayers.Actors) : [];
        });
        Console.Out.Write(eval.Report(settings.Errors));
        return ExitCodes.Ok;
    }
}
