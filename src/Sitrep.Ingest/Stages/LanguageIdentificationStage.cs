using System.Collections.Frozen;
using Lingua;
using Sitrep.Core;

namespace Sitrep.Ingest.Stages;

/// <summary>
/// Identifies the body's language, so non-English documents are stored and flagged instead of being analysed
/// as English. Most news Sitrep reads is English, and Lingua costs milliseconds a document, so a cheap test
/// comes first: running text whose words are mostly Latin letters and at least a fifth English function words
/// is English (no other language reaches a tenth). Everything else goes to Lingua, restricted to the
/// languages common in news.
/// </summary>
public sealed class LanguageIdentificationStage : IPipelineStage
{
    public const string Version = "lingua-2.0.0+en-function-words/2";
    private const int FastPathChars = 2000;
    // Lingua's accuracy flattens out well before this; more text only costs time.
    private const int LinguaChars = 600;
    private const double EnglishFunctionWordShare = 0.2;
    private const int MinWordsForFastPath = 20;
    private const double AmbiguousTop = 0.5;

    private static readonly Language[] NewsLanguages =
    [
        Language.English, Language.German, Language.French, Language.Spanish, Language.Italian, Language.Portuguese,
        Language.Dutch, Language.Russian, Language.Ukrainian, Language.Polish, Language.Turkish, Language.Arabic,
        Language.Persian, Language.Hebrew, Language.Chinese, Language.Japanese, Language.Korean, Language.Hindi,
        Language.Indonesian, Language.Vietnamese, Language.Swedish, Language.Danish, Language.Bokmal, Language.Finnish,
        Language.Czech, Language.Romanian, Language.Hungarian, Language.Greek, Language.Urdu, Language.Bengali,
        Language.Tagalog, Language.Malay, Language.Swahili, Language.Catalan, Language.Croatian, Language.Serbian,
    ];

    private static readonly FrozenSet<string> EnglishFunctionWords = new[]
    {
        "the", "of", "and", "to", "a", "is", "that", "for", "it", "on", "with", "as", "by", "at", "from", "his", "he",
        "she", "her", "be", "are", "have", "has", "this", "which", "but", "not", "were", "they", "their", "been", "had",
        "would", "who", "after", "than", "or", "said", "its", "we", "our", "you", "there", "these", "those", "about", "into",
        "over", "also", "when", "while", "could", "should", "them", "him", "what", "can", "more", "other", "some", "such",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly Lazy<LanguageDetector> Detector = new(() =>
        // Low-accuracy mode reads trigrams only: the full models of 36 languages take about 800 MB of memory, and
        // the text reaching Lingua is 600 characters, where the modes agree.
        LanguageDetectorBuilder.FromLanguages(NewsLanguages).WithLowAccuracyMode().Build(), LazyThreadSafetyMode.ExecutionAndPublication);

    public string Name => "language";
    public IReadOnlyList<AnnotationLayer> Requires { get; } = [CoreLayers.CleanText];
    public IReadOnlyList<AnnotationLayer> Provides { get; } = [CoreLayers.Language];

    public Document Process(Document document, CancellationToken cancellationToken = default) =>
        document.With(CoreLayers.Language, Identify(document.Text.Text));

    public static LanguageIdentification Identify(string text)
    {
        var share = EnglishShare(text.AsSpan(0, Math.Min(text.Length, FastPathChars)), out int words, out double latin);
        if (words >= MinWordsForFastPath && latin > 0.9 && share >= EnglishFunctionWordShare)
            return new LanguageIdentification("en", Math.Round(Math.Min(1.0, 0.5 + share), 4), true);

        var sample = text.Length <= LinguaChars ? text : text[..LinguaChars];
        var values = Detector.Value.ComputeLanguageConfidenceValues(sample);
        // Pick the maximum explicitly (ties by enum order) rather than trusting dictionary order.
        // Vietnamese marks nearly every word with a diacritic: a text of basic Latin letters only is not Vietnamese, however
        // its names read ("Kyrgyz Prime Minister Nikolai Tanaev agreed" scored Vietnamese 0.92)
        var best = values.Where(kv => !(kv.Key == Language.Vietnamese && latin >= 1.0)).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).FirstOrDefault();
        if (best.Key == Language.Unknown || best.Value <= 0)
            return new LanguageIdentification("und", 0, false);
        // A short Latin-script text that Lingua cannot place ("Talks resume in Geneva": Romanian 0.24, English 0.23)
        // is English when English is close: text in another language gets a clear verdict even from a headline,
        // and a lost English article costs more here than a foreign one analysed.
        if (best.Key != Language.English && best.Value < AmbiguousTop && latin > 0.9
            && values.TryGetValue(Language.English, out var english) && english >= best.Value / 2)
            return new LanguageIdentification("en", Math.Round(english, 4), true);
        // In a headline the names outweigh the words ("Putin meets Kim in Vladivostok" reads as Croatian): judged on
        // its lower-case words alone it is English if Lingua then says so; other languages' words keep their verdict.
        if (best.Key != Language.English && words < MinWordsForFastPath && latin > 0.9 && LowerCaseWords(sample) is { } common)
        {
            var again = Detector.Value.ComputeLanguageConfidenceValues(common).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).FirstOrDefault();
            if (again.Key == Language.English) return new LanguageIdentification("en", Math.Round(again.Value, 4), true);
        }
        // A short sentence whose function words are English ones no other language here writes as words ("Venezuela
        // expelled the Argentine ambassador" scored Spanish 0.63, "Pakistan and India exchanged fire across the border"
        // Danish 0.59): Lingua's trigrams are unsure on so few words; the words are not.
        // ("Iran seized a British-flagged oil tanker in the Strait of Hormuz" scored Dutch 0.99: a fifth of its words are
        // English function words, one of them English only)
        if (best.Key != Language.English && words < MinWordsForFastPath && latin > 0.9
            && StrongEnglishShare(sample) is var strong && (strong >= 0.15 || strong > 0 && share >= EnglishFunctionWordShare))
            return new LanguageIdentification("en", Math.Round(values.TryGetValue(Language.English, out var en) ? en : 0, 4), true);
        // A headline of names and a few plain words in basic Latin letters gives trigrams too little to go on, and Lingua's
        // low-accuracy mode is sure of itself all the same ("Niger junta expels French ambassador": Catalan 0.86, "Israel
        // strikes Rafah": Malay 0.94). Words of another language give it certainty (a German or Dutch headline scores
        // 1.00): short of that, with none of another language's function words in it, the text is English.
        if (best.Key != Language.English && words < MinWordsForFastPath && latin >= 1.0 && best.Value < PlainlyForeign && !HasForeignFunctionWord(sample))
            return new LanguageIdentification("en", Math.Round(values.TryGetValue(Language.English, out var weak) ? weak : 0, 4), true);
        var code = best.Key.IsoCode6391().ToString().ToLowerInvariant();
        return new LanguageIdentification(code, Math.Round(best.Value, 4), best.Key == Language.English);
    }

    /// <summary>
    /// English function words, and month and weekday names, that are no words of the other Latin-script languages identified here ("of" and "is" are
    /// Dutch, "was", "will" and "also" German, "at", "her" and "by" Danish, "to" and "on" Polish).
    /// </summary>
    private static readonly FrozenSet<string> StrongEnglishWords = new[]
    {
        "the", "and", "that", "with", "from", "which", "has", "have", "were", "said", "would", "their", "they", "this", "been",
        "who", "after", "across", "into", "about", "these", "those", "when", "while", "could", "should", "them", "what", "there",
        "its", "it", "his", "she", "our", "you",
        // month and weekday names other languages spell otherwise (not April, August, September, November, December)
        "january", "february", "june", "july", "october", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The share of words that are <see cref="StrongEnglishWords"/>.</summary>
    private static double StrongEnglishShare(string text)
    {
        var words = PlainWords(text).Select(w => w.ToLowerInvariant()).ToArray();
        return words.Length == 0 ? 0 : (double)words.Count(StrongEnglishWords.Contains) / words.Length;
    }

    /// <summary>The whitespace-separated words with their surrounding punctuation and quotes removed.</summary>
    private static IEnumerable<string> PlainWords(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', ',', ';', ':', '!', '?', '"', '\'', '(', ')')).Where(w => w.Length > 0);

    /// <summary>The words that begin with a lower-case letter, joined by spaces; null when fewer than two.</summary>
    private static string? LowerCaseWords(string text)
    {
        var kept = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsLower(w[0])).ToArray();
        return kept.Length >= 2 ? string.Join(' ', kept) : null;
    }

    private const double PlainlyForeign = 0.99;

    /// <summary>
    /// Function words of the other Latin-script languages identified here that are no English words ("met", "her", "at",
    /// "van" and "no" are left out), matched on lower-case words only ("Dan" and "El Paso" are names).
    /// </summary>
    private static readonly FrozenSet<string> ForeignFunctionWords = new[]
    {
        "der", "das", "und", "ist", "nicht", "ein", "eine", "mit", "von", "zu", "auf", "für", "fur", "dem", "des", "im", "sich", "nach", "bei", "wird",
        "le", "les", "et", "est", "une", "du", "au", "aux", "avec", "pour", "dans", "sur", "pas", "qui", "ne", "se",
        "el", "los", "las", "y", "es", "una", "por", "para", "del", "que", "su", "como",
        "il", "di", "della", "che", "per", "non", "gli", "delle", "nel", "alla", "sono",
        "os", "uma", "nao", "com", "em", "dos", "das", "ao", "na",
        "de", "het", "een", "en", "niet", "voor", "zijn", "ook", "bij",
        "och", "att", "som", "av", "ett", "inte", "og", "ikke", "af", "har", "ved",
        "w", "z", "nie", "jest", "sie", "oraz", "ve", "bir", "bu", "ile", "icin", "cu", "pe", "nu", "si", "dan", "yang", "ke",
        "dari", "untuk", "dengan", "ini", "itu", "ng", "sa", "ang", "mga", "je", "za", "od", "kao", "ja", "ni", "kwa", "wa",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static bool HasForeignFunctionWord(string text) => PlainWords(text).Any(w => char.IsLower(w[0]) && ForeignFunctionWords.Contains(w));

    /// <summary>The share of words that are English function words, and the share of letters that are basic Latin.</summary>
    internal static double EnglishShare(ReadOnlySpan<char> text, out int words, out double latinLetters)
    {
        Span<char> lower = stackalloc char[16];
        int hits = 0, letters = 0, latin = 0;
        words = 0;
        int i = 0;
        var lookup = EnglishFunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i])) { i++; continue; }
            int start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '\'')) i++;
            var word = text[start..i];
            words++;
            foreach (var c in word)
            {
                if (c == '\'') continue;
                letters++;
                if (char.IsAsciiLetter(c)) latin++;
            }
            if (word.Length <= lower.Length)
            {
                int n = word.ToLowerInvariant(lower);
                if (n > 0 && lookup.Contains(lower[..n])) hits++;
            }
        }
        latinLetters = letters == 0 ? 0 : (double)latin / letters;
        return words == 0 ? 0 : (double)hits / words;
    }
}
