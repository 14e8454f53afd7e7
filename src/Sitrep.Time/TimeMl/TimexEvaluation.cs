namespace Sitrep.Time.TimeMl;

/// <summary>Annotates every gold TimeML document from its text and DCT alone, writes Sitrep's TimeML, and scores it.</summary>
public static class TimexEvaluation
{
    public static TimexScore Run(string goldDir, string outDir, TimexTagger tagger, List<TimexError>? errors = null, CancellationToken cancellationToken = default) =>
        Run(goldDir, outDir, (text, dct) => tagger.Annotate(text, dct), errors, cancellationToken);

    /// <summary>As above with any annotator of (text, DCT): e.g. the tokenizer, tagger and parser ahead of the TIMEX3 stage.</summary>
    public static TimexScore Run(string goldDir, string outDir, Func<string, DateOnly?, IReadOnlyList<Timex>> annotate, List<TimexError>? errors = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(outDir);
        var docs = new List<(string, TimeMlDocument, TimeMlDocument?)>();
        foreach (var gf in TimexScorer.ListTml(goldDir))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var gold = TimeMlDocument.Load(gf);
            var timexes = annotate(gold.Text, gold.DctDate);
            var xml = gold.WriteWith(timexes);
            var outPath = Path.Combine(outDir, Path.GetRelativePath(goldDir, gf));
            Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
            File.WriteAllText(outPath, xml);
            docs.Add((Path.GetFileName(gf), gold, TimeMlDocument.Parse(xml, outPath)));
        }
        return TimexScorer.Score(docs, errors);
    }
}
