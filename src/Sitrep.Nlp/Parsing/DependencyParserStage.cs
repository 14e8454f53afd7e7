using Sitrep.Core;

namespace Sitrep.Nlp.Parsing;

/// <summary>
/// Pipeline stage: parses each sentence of the token layer and fills every token's Head (token index in the document,
/// -1 for the root) and Deprel. Runs after the tagger (<see cref="NlpLayers.Pos"/>): the model was trained on predicted
/// UPOS/XPOS, and parses without tags would be much worse.
/// </summary>
public sealed class DependencyParserStage(DependencyParser parser, string modelName, string sha256) : IPipelineStage
{
    [ThreadStatic] private static ParserWorkspace? t_workspace;
    private readonly DependencyParser _parser = parser;

    public static DependencyParserStage Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return new(new DependencyParser(ParserModel.Load(new MemoryStream(bytes))), Path.GetFileNameWithoutExtension(path), ParserModel.Sha256(bytes));
    }

    /// <summary>Model name and sha256, for the record's "sitrep.models.parser".</summary>
    public string ModelName { get; } = modelName;
    public string ModelSha256 { get; } = sha256;
    /// <summary>The decoder and its rules' version ("greedy/3", "beam8/1"), recorded beside the model's sha256.</summary>
    public string Decoder => _parser.Decoder;

    public string Name => "parser";
    public IReadOnlyList<AnnotationLayer> Requires { get; } = [NlpLayers.Sentences, NlpLayers.Tokens, NlpLayers.Pos];
    /// <summary>The token layer again, now with heads and relations.</summary>
    public IReadOnlyList<AnnotationLayer> Provides { get; } = [NlpLayers.Tokens];

    public Document Process(Document document, CancellationToken cancellationToken = default)
    {
        var tokens = document.Get(NlpLayers.Tokens);
        var sentences = document.Get(NlpLayers.Sentences);
        var text = document.Text.Text;
        var result = (Token[])tokens.Clone();
        var w = t_workspace ??= new ParserWorkspace();
        foreach (var s in sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (s.TokenCount == 0) continue;
            w.Begin(s.TokenCount);
            for (int i = 0; i < s.TokenCount; i++)
            {
                var t = tokens[s.FirstToken + i];
                w.SetWord(i, text.AsSpan(t.Span.Start, t.Span.Length), t.Upos, t.Xpos);
            }
            _parser.Parse(w);
            for (int i = 0; i < s.TokenCount; i++)
            {
                int h = DependencyParser.HeadOf(w, i);
                result[s.FirstToken + i] = result[s.FirstToken + i] with { Head = h < 0 ? -1 : s.FirstToken + h, Deprel = _parser.LabelOf(w, i) };
            }
        }
        return document.With(NlpLayers.Tokens, result);
    }
}
