using Sitrep.Core;

namespace Sitrep.Nlp.Tagging;

/// <summary>
/// "Putin thanks Kim for support": in a headline with no verb the tagger reads "thanks" between two names as the plural
/// noun, as in the treebanks it learned from ("thanks to", "many thanks"), and the parser then joins the names into one.
/// With a proper noun before it, a proper noun, pronoun or determiner after it, and no verb elsewhere in the sentence,
/// it is the verb.
/// </summary>
public static class HeadlineVerbs
{
    /// <summary>Recorded with the tagger's model version: its output changed with it.</summary>
    public const string Version = "headline-verbs/1";

    /// <summary>Retags the sentence's tokens [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) in place.</summary>
    public static void Fix(string text, Token[] tokens, int first, int count)
    {
        var end = first + count;
        var thanks = -1;
        for (var i = first; i < end; i++)
        {
            if (tokens[i].Upos is "VERB" or "AUX") return;
            if (thanks < 0 && tokens[i].Upos == "NOUN" && text.AsSpan(tokens[i].Span.Start, tokens[i].Span.Length).SequenceEqual("thanks")) thanks = i;
        }
        if (thanks <= first || thanks + 1 >= end || tokens[thanks - 1].Upos != "PROPN" || tokens[thanks + 1].Upos is not ("PROPN" or "PRON" or "DET")) return;
        tokens[thanks] = tokens[thanks] with { Upos = "VERB", Xpos = "VBZ", Lemma = "thank" };
    }
}
