using System.Text.RegularExpressions;
using Sitrep.Core;

namespace Sitrep.Events.Attribution;

/// <summary>
/// The wire agency a whole document is credited to. Convention (data/lexicons/attribution/FORMAT.md): a wire
/// agency from the lexicon that the document names as the source of the whole text is the outermost link of
/// every chain — found, in this order, in a dateline at the start of the text ("SEOUL (Reuters) —", "(AP) —"),
/// in a speech tag or "according to" closing the lead sentence ("…, AP reported on Wednesday."), or in the
/// author or site metadata ("By Reuters"); a metadata credit has an empty span at 0 and the text
/// "author: …"/"site: …". The publishing outlet itself is never a link: it is the document's site.
/// </summary>
internal sealed partial record WireCredit(WireAgency Agency, AttributionLink Link)
{
    public static WireCredit? Find(ClaimIndex ix)
    {
        var lex = ix.Lexicon;
        if (lex.Wires.IsDefaultOrEmpty) return null;
        var head = ix.Text.AsSpan(0, Math.Min(ix.Text.Length, 160));
        var m = Dateline().Match(head.ToString());
        if (m.Success && lex.Wire(m.Groups["agency"].ValueSpan) is { } dw)
        {
            var g = m.Groups["agency"];
            var span = new TextSpan(g.Index - 1, g.Index + g.Length + 1);
            int actor = ActorCovering(ix, span);
            return new(dw, new AttributionLink(actor >= 0 ? ix.Actors[actor].Code : dw.Code, actor >= 0 ? actor : null, ix.Text[span.Start..span.End], span));
        }
        if (ix.Sentences.Length > 0 && ix.Tokens.Length > 0)
        {
            var lead = ix.Sentences[0];
            foreach (var link in SentenceCues.Outer(ix, lead))
                if (Named(lex, link.Text) is { } lw) return new(lw, link);
        }
        var meta = ix.Document.Metadata;
        if (meta.Author is { Length: > 0 } author && Named(lex, author) is { } aw)
            return new(aw, new AttributionLink(aw.Code, null, "author: " + author, new TextSpan(0, 0)));
        if (meta.Site is { Length: > 0 } site && Named(lex, site) is { } sw)
            return new(sw, new AttributionLink(sw.Code, null, "site: " + site, new TextSpan(0, 0)));
        return null;
    }

    /// <summary>Whether a link names this agency: same actor, same code, or the agency's name as a word in its text.</summary>
    public bool Same(AttributionLink link) =>
        (Link.Actor is { } a && link.Actor == a) || string.Equals(link.Code, Link.Code, StringComparison.Ordinal) && link.Code is not null
        || ContainsWord(link.Text, Agency.Name);

    private static WireAgency? Named(AttributionLexicon lex, string text)
    {
        foreach (var w in lex.Wires)
            if (ContainsWord(text, w.Name)) return w;
        return null;
    }

    private static bool ContainsWord(string text, string name)
    {
        var cmp = name.Length <= 5 ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        for (int i = text.IndexOf(name, cmp); i >= 0; i = text.IndexOf(name, i + 1, cmp))
        {
            bool left = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            int end = i + name.Length;
            bool right = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (left && right) return true;
        }
        return false;
    }

    private static int ActorCovering(ClaimIndex ix, TextSpan span)
    {
        for (int i = 0; i < ix.Actors.Length; i++)
            if (ix.Actors[i].Span.Overlaps(span)) return i;
        return -1;
    }

    // "SEOUL, Aug 30 (Reuters) -", "WASHINGTON (AP) —", "(AFP) -": a place, an optional date, the agency in brackets, a dash.
    [GeneratedRegex(@"^\s*(?:[A-Z][A-Za-z.'’ -]{1,40}?(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2})?\s*)?\((?<agency>[A-Za-z][A-Za-z .-]{0,30}[A-Za-z])\)\s*[-–—:]")]
    private static partial Regex Dateline();
}
