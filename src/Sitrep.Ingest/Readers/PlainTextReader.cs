using System.Text.RegularExpressions;
using Sitrep.Core;
using Sitrep.Ingest.Cleaning;
using Sitrep.Ingest.Dates;
using Sitrep.Ingest.Input;

namespace Sitrep.Ingest.Readers;

/// <summary>
/// Reads plain and scraped text. Header lines (<c>date 2023-08-30</c>, <c>June 10, 2023</c>, <c>Title: …</c>, <c>By …</c>) and
/// footer lines (<c>Updated: 30 Aug 2023, 11:10 PM IST</c>) become metadata; tracker names, cross-links,
/// share prompts, photo credits and data blobs (base64, hex) are left out of the body. The raw text keeps all of it.
/// </summary>
public sealed partial class PlainTextReader : IDocumentReader
{
    public const string Version = "text/4";
    // Metadata lines are looked for among the first and last few non-blank lines only.
    private const int HeaderLines = 6;
    private const int FooterLines = 4;

    public string Name => "text";

    public IEnumerable<ReadOutcome> Read(InputSource source, ReaderOptions options, CancellationToken cancellationToken = default)
    {
        ReadOutcome outcome;
        try
        {
            var decoded = TextDecoder.Decode(source.Bytes, source.DeclaredCharset, sniffHtmlMeta: false);
            var raw = new SourceText(decoded.Text, source.Bytes, decoded.EncodingName);
            var doc = ReadText(raw, source);
            foreach (var w in decoded.Warnings) doc = doc.WithError(w);
            outcome = ReadOutcome.Read(doc);
        }
        catch (SitrepException e)
        {
            outcome = ReadOutcome.Failed(source.Origin, e, InputHash.Sha256(source.Bytes));
        }
        yield return outcome;
    }

    /// <summary>Cleans an already-decoded text. Throws <see cref="SitrepException"/> when nothing of the body is left.</summary>
    public static Document ReadText(SourceText raw, InputSource source)
    {
        var text = raw.Text;
        var lines = SplitLines(text);
        var kinds = new LineKind[lines.Count];
        var known = source.KnownMetadata;
        string? title = known?.Title, author = known?.Author, url = source.Url ?? known?.Url;
        DocumentDate? published = known?.Published, modified = known?.Modified;
        MetadataSource? publishedSource = known?.PublishedSource, modifiedSource = known?.ModifiedSource;

        var nonBlank = Enumerable.Range(0, lines.Count).Where(i => !lines[i].IsBlank(text)).ToList();
        for (int j = 0; j < Math.Min(HeaderLines, nonBlank.Count); j++)
        {
            int i = nonBlank[j];
            var line = lines[i].Content(text);
            // A line that is only a date ("June 10, 2023", "Saturday 10 June 2023 14:05 BST") is the date the text was
            // published, written above it the way scraped pages and wire copy carry it; it is no headline.
            if (DateOnlyLine(line) is { } lineDate)
            {
                if (published is null) { published = lineDate; publishedSource = new MetadataSource("text-header", "date"); }
                kinds[i] = LineKind.Metadata;
                continue;
            }
            var m = HeaderLine().Match(line);
            if (!m.Success)
            {
                // A headline with the date on the line right under it; a word or two there ("Markets", "World news") is
                // a section label, left out of the body but no headline.
                if (title is null && j + 1 < nonBlank.Count && nonBlank[j + 1] == i + 1 && DateOnlyLine(lines[i + 1].Content(text)) is not null)
                {
                    if (LooksLikeHeadline(line)) title = line.Trim();
                    else if (!IsSectionLabel(line)) break;
                    kinds[i] = LineKind.Metadata;
                    continue;
                }
                break;
            }
            var key = m.Groups["key"].Value.ToLowerInvariant();
            var value = m.Groups["value"].Value.Trim();
            if (!IsPlausibleHeader(key, value, m.Groups["sep"].Success)) break;
            switch (key)
            {
                case "title" or "headline":
                    title ??= value;
                    break;
                case "by" or "author" or "byline":
                    author ??= value;
                    break;
                case "url" or "link" or "source url":
                    url ??= value;
                    break;
                case "updated" or "last updated" or "modified":
                    if (DateTextParser.TryFind(value, out var md, out _)) { modified ??= md; modifiedSource ??= new MetadataSource("text-header", key); }
                    break;
                default:
                    if (DateTextParser.TryFind(value, out var pd, out _)) { published ??= pd; publishedSource ??= new MetadataSource("text-header", key); }
                    break;
            }
            kinds[i] = LineKind.Metadata;
        }
        foreach (var i in Enumerable.Reverse(nonBlank).Take(FooterLines))
        {
            if (kinds[i] != LineKind.Body) continue;
            var line = lines[i].Content(text);
            var m = FooterLine().Match(line);
            if (!m.Success)
            {
                if (JunkLineClassifier.Classify(line) != JunkKind.None) continue;
                break;
            }
            if (!DateTextParser.TryFind(m.Groups["value"].Value, out var d, out _)) break;
            var key = m.Groups["key"].Value.ToLowerInvariant();
            if (key.StartsWith("updated", StringComparison.Ordinal) || key.StartsWith("last", StringComparison.Ordinal) || key.StartsWith("modified", StringComparison.Ordinal))
            {
                modified ??= d;
                modifiedSource ??= new MetadataSource("text-footer", key);
            }
            else
            {
                published ??= d;
                publishedSource ??= new MetadataSource("text-footer", key);
            }
            kinds[i] = LineKind.Metadata;
        }
        for (int i = 0; i < lines.Count; i++)
        {
            if (kinds[i] != LineKind.Body) continue;
            if (lines[i].IsBlank(text)) kinds[i] = LineKind.Blank;
            else if (JunkLineClassifier.Classify(lines[i].Content(text)) != JunkKind.None) kinds[i] = LineKind.Junk;
        }

        // A short first body line without final punctuation, followed by a blank line, is a headline.
        int first = Array.IndexOf(kinds, LineKind.Body);
        if (first >= 0 && title is null && first + 1 < lines.Count && kinds[first + 1] == LineKind.Blank && LooksLikeHeadline(lines[first].Content(text)))
        {
            title = lines[first].Content(text).Trim();
            kinds[first] = LineKind.Metadata;
        }

        var builder = new CleanTextBuilder(text);
        int prevEnd = -1;
        bool paragraphOpen = false;
        for (int i = 0; i < lines.Count; i++)
        {
            var kind = kinds[i];
            if (kind != LineKind.Body)
            {
                // A blank line or a removed line ends the paragraph.
                paragraphOpen = false;
                continue;
            }
            var span = lines[i].Span;
            if (prevEnd >= 0)
            {
                var gap = new TextSpan(prevEnd, span.Start);
                builder.Append(paragraphOpen ? " " : "\n\n", gap);
            }
            int before = builder.Length;
            WhitespaceNormalizer.AppendFolded(builder, text, span);
            if (builder.Length > before)
            {
                prevEnd = LastNonSpace(text, span) + 1;
                paragraphOpen = true;
            }
        }
        var (clean, map) = builder.Build();
        if (clean.Length == 0) throw new SitrepException(ErrorCodes.NoBody, "No article text left after removing metadata and boilerplate lines.");

        var metadata = new DocumentMetadata
        {
            Url = url,
            Title = title,
            Author = author,
            Site = known?.Site ?? SiteFromUrl(url),
            Published = published,
            PublishedSource = publishedSource,
            Modified = modified,
            ModifiedSource = modifiedSource,
            DeclaredLanguage = known?.DeclaredLanguage,
            SourceFormat = known?.SourceFormat ?? SourceFormat.Text,
            Reader = known?.Reader is { } container ? $"{container}+{Version}" : Version,
            Origin = source.Origin,
        };
        return new Document(DocumentIds.For(url, source.Origin, raw.Sha256()), raw, new SourceText(clean), map, metadata);
    }

    // A header key must be followed by what it names; "By the time …" is body text, not a byline.
    private static bool IsPlausibleHeader(string key, string value, bool hasSeparator)
    {
        switch (key)
        {
            case "title" or "headline":
                return hasSeparator && value.Length > 0;
            case "by" or "author" or "byline":
                var words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return words.Length is > 0 and <= 8 && char.IsUpper(words[0][0]) && !value.EndsWith('.');
            case "url" or "link" or "source url":
                return value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            default:
                return DateTextParser.TryFind(value, out _, out _) && value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 12;
        }
    }

    internal static string? SiteFromUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
            ? (u.Host.StartsWith("www.", StringComparison.Ordinal) ? u.Host[4..] : u.Host)
            : null;

    // A line of digits alone ("20230610", "1686355200") is more often an id than a date, so it must be written as one.
    private static DocumentDate? DateOnlyLine(string line)
    {
        var t = line.AsSpan().Trim();
        if (t.IsEmpty || !t.ContainsAnyExcept("0123456789")) return null;
        return DateTextParser.TryParse(t, out var d) ? d : null;
    }

    private static bool IsSectionLabel(string line)
    {
        var t = line.AsSpan().Trim();
        if (t.Length is < 2 or >= 10 || !char.IsLetter(t[0])) return false;
        foreach (var ch in t) if (!char.IsLetter(ch) && ch != ' ' && ch != '&' && ch != '-') return false;
        return true;
    }

    private static bool LooksLikeHeadline(string line)
    {
        var t = line.Trim();
        if (t.Length is < 10 or > 160) return false;
        if (t.EndsWith('.') || t.EndsWith(',') || t.EndsWith(':') || t.EndsWith(';') || t.EndsWith('"') || t.EndsWith('”')) return false;
        // A dateline such as "SEOUL (Reuters) –" starts the body, it is not a headline.
        if (t.EndsWith('–') || t.EndsWith('—') || t.EndsWith('-')) return false;
        return t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 20;
    }

    private static int LastNonSpace(string text, TextSpan span)
    {
        int e = span.End - 1;
        while (e >= span.Start && WhitespaceNormalizer.IsSpace(text[e])) e--;
        return e;
    }

    private enum LineKind { Body, Blank, Metadata, Junk }

    private readonly record struct Line(TextSpan Span)
    {
        public bool IsBlank(string text)
        {
            foreach (var c in text.AsSpan(Span.Start, Span.Length))
                if (!WhitespaceNormalizer.IsSpace(c) && !WhitespaceNormalizer.IsInvisible(c)) return false;
            return true;
        }

        public string Content(string text) => text.Substring(Span.Start, Span.Length);
    }

    private static List<Line> SplitLines(string text)
    {
        var lines = new List<Line>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || text[i] == '\r')
            {
                lines.Add(new Line(new TextSpan(start, i)));
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                start = i + 1;
            }
        }
        if (start < text.Length) lines.Add(new Line(new TextSpan(start, text.Length)));
        return lines;
    }

    [GeneratedRegex(@"^\s*(?<key>date|dated|published|posted|pubdate|publication date|first published|updated|last updated|modified|title|headline|by|author|byline|url|link|source url)\b\s*(?:on\b)?\s*(?<sep>[:\-–|])?\s*(?<value>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"^\s*(?<key>updated|last updated|last modified|modified|published|first published|posted)\b\s*(?:on|at)?\s*[:\-–|]?\s*(?<value>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FooterLine();
}
