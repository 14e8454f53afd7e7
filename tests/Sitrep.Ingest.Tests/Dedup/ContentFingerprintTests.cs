using Sitrep.Ingest.Dedup;

namespace Sitrep.Ingest.Tests.Dedup;

public sealed class ContentFingerprintTests
{
    internal const string Wire =
        "GENEVA (Reuters) - The World Health Organization said on Tuesday that a new outbreak of cholera in the " +
        "eastern provinces had infected more than 2,400 people since early March, and that vaccination teams were " +
        "being sent to the worst-hit districts.\n\n" +
        "Health officials said the outbreak was linked to contaminated water supplies after heavy flooding damaged " +
        "treatment plants and forced thousands of families into crowded temporary camps near the river.\n\n" +
        "\"We are extremely concerned about the speed at which this is spreading,\" a spokesperson told reporters at a " +
        "briefing in Geneva, adding that the agency had released emergency funds to support local clinics.\n\n" +
        "The ministry of health reported 37 deaths so far and said it expected the number of cases to rise over the " +
        "coming weeks as the rainy season continues and more displaced people arrive in the camps.\n\n" +
        "Aid groups have warned that shortages of clean water, soap and medical supplies are hampering efforts to " +
        "contain the disease, and called on donors to increase funding for sanitation programmes in the region.\n\n" +
        "Cholera is an acute diarrhoeal infection caused by eating food or drinking water contaminated with the " +
        "bacterium Vibrio cholerae, and can kill within hours if left untreated, according to the organization.";

    // The same wire story as republished by another site with one of its six paragraphs rewritten.
    internal const string WireCopy =
        "GENEVA (Reuters) - The World Health Organization said on Tuesday that a new outbreak of cholera in the " +
        "eastern provinces had infected more than 2,400 people since early March, and that vaccination teams were " +
        "being sent to the worst-hit districts.\n\n" +
        "Health officials said the outbreak was linked to contaminated water supplies after heavy flooding damaged " +
        "treatment plants and forced thousands of families into crowded temporary camps near the river.\n\n" +
        "\"We are extremely concerned about the speed at which this is spreading,\" a spokesperson told reporters at a " +
        "briefing in Geneva, adding that the agency had released emergency funds to support local clinics.\n\n" +
        "Local authorities on Wednesday confirmed 41 deaths and said field hospitals had been opened in two towns.\n\n" +
        "Aid groups have warned that shortages of clean water, soap and medical supplies are hampering efforts to " +
        "contain the disease, and called on donors to increase funding for sanitation programmes in the region.\n\n" +
        "Cholera is an acute diarrhoeal infection caused by eating food or drinking water contaminated with the " +
        "bacterium Vibrio cholerae, and can kill within hours if left untreated, according to the organization.";

    internal const string Unrelated =
        "The central bank raised its benchmark interest rate by a quarter of a percentage point on Thursday, " +
        "citing persistent inflation in services and a tight labour market, and signalled that further increases " +
        "could follow if price pressures did not ease. Markets had largely expected the move, and the currency " +
        "was little changed after the announcement. The governor told a news conference that the committee would " +
        "watch wage growth closely, while economists said the decision underlined the bank's determination to " +
        "bring inflation back to its two percent target within the next eighteen months.";

    [Fact]
    public void Identical_texts_have_jaccard_one_and_equal_hashes()
    {
        var a = ContentFingerprint.Compute(Wire);
        var b = ContentFingerprint.Compute(Wire);
        Assert.Equal(1.0, ContentFingerprint.EstimateJaccard(a.MinHash, b.MinHash));
        Assert.Equal(a.BodySha256, b.BodySha256);
        Assert.Equal(0, ContentFingerprint.HammingDistance(a.SimHash, b.SimHash));
        Assert.Equal(ContentFingerprint.MinHashSize, a.MinHash.Count);
    }

    [Fact]
    public void Formatting_differences_do_not_change_the_exact_key()
    {
        var a = ContentFingerprint.Compute("The Café’s owner said: “We re-opened on Monday.”");
        var b = ContentFingerprint.Compute("  the CAFE\u0301'S owner said   we re—opened on Monday ");
        var c = ContentFingerprint.Compute("ＴＨＥ café's owner said \"we re-opened on monday\"...");
        Assert.Equal(a.BodySha256, b.BodySha256);
        Assert.Equal(a.BodySha256, c.BodySha256);
    }

    [Fact]
    public void Normalizer_folds_compatibility_forms_case_punctuation_and_whitespace()
    {
        Assert.Equal("the office said us officials", DedupNormalizer.Normalize("The  O\uFB03ce said:\n\tU.S. officials!"));
        Assert.Equal("fullwidth 2 naive", DedupNormalizer.Normalize("Ｆｕｌｌｗｉｄｔｈ ² naïve"));
        Assert.Equal("well known", DedupNormalizer.Normalize("well-known"));
        Assert.Equal("", DedupNormalizer.Normalize(" \u00AD\u200B … "));
    }

    [Fact]
    public void Wire_copy_with_a_changed_paragraph_is_similar()
    {
        var a = ContentFingerprint.Compute(Wire);
        var b = ContentFingerprint.Compute(WireCopy);
        Assert.NotEqual(a.BodySha256, b.BodySha256);
        double j = ContentFingerprint.EstimateJaccard(a.MinHash, b.MinHash);
        Assert.InRange(j, 0.6, 0.99);
        var unrelated = ContentFingerprint.Compute(Unrelated);
        Assert.True(ContentFingerprint.HammingDistance(a.SimHash, b.SimHash) < ContentFingerprint.HammingDistance(a.SimHash, unrelated.SimHash));
        Assert.Contains(ContentFingerprint.BandKeys(a.MinHash), ContentFingerprint.BandKeys(b.MinHash).Contains);
    }

    [Fact]
    public void Wire_copy_with_small_edits_passes_the_near_duplicate_threshold()
    {
        var edited = Wire.Replace("37 deaths", "39 deaths", StringComparison.Ordinal);
        var a = ContentFingerprint.Compute(Wire);
        var b = ContentFingerprint.Compute(edited);
        Assert.True(ContentFingerprint.EstimateJaccard(a.MinHash, b.MinHash) >= 0.8);
        Assert.True(ContentFingerprint.HammingDistance(a.SimHash, b.SimHash) <= 8);
    }

    [Fact]
    public void Unrelated_articles_are_dissimilar()
    {
        var a = ContentFingerprint.Compute(Wire);
        var b = ContentFingerprint.Compute(Unrelated);
        Assert.True(ContentFingerprint.EstimateJaccard(a.MinHash, b.MinHash) < 0.1);
        Assert.True(ContentFingerprint.HammingDistance(a.SimHash, b.SimHash) > 10);
        Assert.DoesNotContain(ContentFingerprint.BandKeys(a.MinHash), ContentFingerprint.BandKeys(b.MinHash).Contains);
    }

    [Fact]
    public void Short_texts_are_one_shingle_and_empty_texts_none()
    {
        var a = ContentFingerprint.Compute("Three word text");
        var b = ContentFingerprint.Compute("three word text!");
        Assert.Equal(1.0, ContentFingerprint.EstimateJaccard(a.MinHash, b.MinHash));
        var empty = ContentFingerprint.Compute("  ");
        Assert.All(empty.MinHash, v => Assert.Equal(uint.MaxValue, v));
        Assert.Equal(0UL, empty.SimHash);
        Assert.Equal(0.0, ContentFingerprint.EstimateJaccard(a.MinHash, empty.MinHash));
    }

    [Fact]
    public void Band_keys_cut_the_signature_into_bands()
    {
        var h = ContentFingerprint.Compute(Wire);
        Assert.Equal(32, ContentFingerprint.BandKeys(h.MinHash).Count);
        Assert.Equal(16, ContentFingerprint.BandKeys(h.MinHash, 16).Count);
        Assert.Equal(32, ContentFingerprint.BandKeys(h.MinHash).Distinct().Count());
        Assert.Throws<ArgumentException>(() => ContentFingerprint.BandKeys(h.MinHash, 3));
        // Equal rows in different bands still give different keys.
        var constant = Enumerable.Repeat(7u, 128).ToArray();
        Assert.Equal(32, ContentFingerprint.BandKeys(constant).Distinct().Count());
    }

    [Fact]
    public void Hamming_distance_counts_differing_bits()
    {
        Assert.Equal(0, ContentFingerprint.HammingDistance(5, 5));
        Assert.Equal(64, ContentFingerprint.HammingDistance(0, ulong.MaxValue));
        Assert.Equal(2, ContentFingerprint.HammingDistance(0b1010, 0b0000));
    }

    // The store (Sitrep.Storage's NearDuplicateIndex) has its own copy of the band-key algorithm and pins
    // the same two values: keep them equal.
    [Fact]
    public void Band_keys_are_pinned_and_shared_with_the_store()
    {
        var keys = ContentFingerprint.BandKeys(Enumerable.Range(0, 128).Select(i => (uint)i).ToArray());
        Assert.Equal(1037755338023997388L, keys[0]);
        Assert.Equal(5486704425130417793L, keys[31]);
    }

    // Pinned values: a change of seeds, shingling, hashing or normalization must fail here, because it
    // silently invalidates every signature already stored.
    [Fact]
    public void Signatures_are_pinned()
    {
        var h = ContentFingerprint.Compute("The quick brown fox jumps over the lazy dog, said the Reuters reporter.");
        Assert.Equal("7c190680e4ec0abde67a4be8d60ced0e547edfd0b2d81a2f5dec7705d1c04d4b", h.BodySha256);
        Assert.Equal(0x9C99B0705986A86DUL, h.SimHash);
        Assert.Equal([685529719u, 251126062u, 366959860u, 254623800u], h.MinHash.Take(4).ToArray());
        Assert.Equal(563930424u, h.MinHash[127]);
        Assert.Equal(-6951611198738095812L, ContentFingerprint.BandKeys(h.MinHash)[0]);
    }
}
