using System.Globalization;
using System.Text;

namespace Sitrep.Nlp.Conllu;

/// <summary>Writes CoNLL-U. A sentence read by <see cref="ConlluReader"/> is written back line for line.</summary>
public static class ConlluWriter
{
    public static void Write(string path, IEnumerable<ConlluSentence> sentences)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        Write(w, sentences);
    }

    public static void Write(TextWriter w, IEnumerable<ConlluSentence> sentences)
    {
        foreach (var s in sentences) WriteSentence(w, s);
    }

    public static void WriteSentence(TextWriter w, ConlluSentence s)
    {
        foreach (var c in s.Comments) { w.Write("# "); w.Write(c); w.Write('\n'); }
        int mw = 0, en = 0;
        // Empty nodes numbered 0.x come before the first word.
        while (en < s.EmptyNodes.Count && s.EmptyNodes[en].AfterId == 0) { w.Write(s.EmptyNodes[en++].Line); w.Write('\n'); }
        foreach (var t in s.Tokens)
        {
            while (mw < s.Multiwords.Count && s.Multiwords[mw].First == t.Id)
            {
                var m = s.Multiwords[mw++];
                w.Write(string.Create(CultureInfo.InvariantCulture, $"{m.First}-{m.Last}\t{m.Form}\t_\t_\t_\t_\t_\t_\t_\t{m.Misc}\n"));
            }
            w.Write(t.Id.ToString(CultureInfo.InvariantCulture)); w.Write('\t');
            w.Write(t.Form); w.Write('\t');
            w.Write(t.Lemma); w.Write('\t');
            w.Write(t.Upos); w.Write('\t');
            w.Write(t.Xpos); w.Write('\t');
            w.Write(t.Feats); w.Write('\t');
            w.Write(t.Head < 0 ? "_" : t.Head.ToString(CultureInfo.InvariantCulture)); w.Write('\t');
            w.Write(t.Deprel); w.Write('\t');
            w.Write(t.Deps); w.Write('\t');
            w.Write(t.Misc); w.Write('\n');
            while (en < s.EmptyNodes.Count && s.EmptyNodes[en].AfterId == t.Id) { w.Write(s.EmptyNodes[en++].Line); w.Write('\n'); }
        }
        w.Write('\n');
    }
}
