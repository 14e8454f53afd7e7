using Sitrep.Events.Petrarch;

namespace Sitrep.Events.Tests.Petrarch;

public sealed class PetrarchVerbDictionaryTests
{
    [Fact]
    public void Reads_the_validation_verb_dictionary()
    {
        var d = PetrarchVerbDictionary.Load(PetrarchRecords.File("PETR.Validate.verbs.txt"));
        Assert.Equal(261, d.Blocks.Length);
        Assert.InRange(d.PatternCount, 400, 600);
        Assert.Empty(d.Diagnostics);

        var restore = d.Block("RESTORE")!;
        Assert.Equal("064", restore.Code.Primary);
        Assert.Contains(restore.Patterns, p => p.Code.Primary == "064" && p.After.Length == 1 && p.After[0].Words[0] == "DIPLOMATIC");
        // "[+++]" is a marker, not a code.
        Assert.Contains(restore.Patterns, p => p.Code.IsMarker && p.After.Any(e => e.Words.Contains("FXLL")));
        Assert.Contains(restore.Patterns, p => p.Code.IsMarker && p.After.Any(e => e.Words.Contains("DIPLXMATIC")));

        var arrive = d.Block("ARRIVE")!;
        Assert.Equal(("032", "033"), (arrive.Code.Primary, arrive.Code.Secondary));

        var brk = d.Block("BREAK")!;
        Assert.Contains("BROKEN", brk.Verbs[0].Forms);
        Assert.Contains("BREAKS", brk.Verbs[0].Forms);
        var down = brk.Verbs.Single(v => v.After.SequenceEqual(["DOWN"]));
        Assert.Equal("BREAK", down.Word);
        Assert.Contains("BROKEN", down.Forms);

        var tap = d.Blocks.SelectMany(b => b.Verbs).Single(v => v.Word == "TAP");
        Assert.Equal(["WIRE"], tap.Before.ToArray());
        Assert.Contains("TAPPED", tap.Forms);

        Assert.Equal(3, d.Synsets["TIETYPES"].Length);
        Assert.Equal(["REALLY", "DID", "NOT"], d.Synsets["NEGATVAUXVRB"][2].ToArray());
        Assert.Contains(d.Synsets["ACCORDSYN"], m => m.SequenceEqual(["&TIETYPES"]));

        // "- + WAS_ * TO_ ^ FROM $ [174]": target, word, verb, word, skip, word, source.
        var extradite = d.Block("EXTRADITE")!.Patterns.First();
        Assert.Equal([PetrarchElementKind.Target, PetrarchElementKind.Words], extradite.Before.Select(e => e.Kind).ToArray());
        Assert.Equal([PetrarchElementKind.Words, PetrarchElementKind.Skip, PetrarchElementKind.Words, PetrarchElementKind.Source], extradite.After.Select(e => e.Kind).ToArray());
        Assert.Equal("174", extradite.Code.Primary);

        // "- SO IN_AND_*_OUT_AGAIN NOW": IN and AND joined up to the verb, OUT joined after it.
        var ack = d.Block("ACKNOWLEDGE")!.Patterns[0];
        Assert.Equal([false, true, true], ack.Before.Select(e => e.Adjacent).ToArray());
        Assert.Equal([true, true, false], ack.After.Select(e => e.Adjacent).ToArray());
    }

    [Fact]
    public void Reads_the_phoenix_cameo_verb_dictionary()
    {
        var d = PetrarchVerbDictionary.Load(PetrarchRecords.File("CAMEO.2.0.txt"));
        Assert.InRange(d.Blocks.Length, 390, 400);
        Assert.InRange(d.PatternCount, 4600, 4700);
        Assert.True(d.Synsets.ContainsKey("CURRENCY"));
        var accelerate = d.Block("ACCELERATE")!;
        Assert.Contains(accelerate.Verbs, v => v.Word == "HURRY" && v.Forms.Contains("HURRIED"));
        // "- * (TO) [042:043]": a paired code; "{ARMS SHIPMENT}" is two consecutive words.
        Assert.Contains(accelerate.Patterns, p => p.Code.Primary == "042" && p.Code.Secondary == "043");
        var arms = accelerate.Patterns.Single(p => p.Code.Primary == "072");
        Assert.Equal(["ARMS", "SHIPMENT"], arms.After.Select(e => e.Words[0]).ToArray());
        Assert.True(arms.After[1].Adjacent);
        // "[:173]": only the reverse event.
        Assert.Contains(d.Block("APPEAR")!.Patterns, p => p.Code.Primary is null && p.Code.Secondary == "173");
    }

    [Fact]
    public void Regular_forms_follow_english_spelling()
    {
        Assert.Equal(["DEPART", "DEPARTS", "DEPARTED", "DEPARTING"], PetrarchVerbDictionary.RegularForms("DEPART").ToArray());
        Assert.Contains("DENIED", PetrarchVerbDictionary.RegularForms("DENY"));
        Assert.Contains("RESCHEDULING", PetrarchVerbDictionary.RegularForms("RESCHEDULE"));
        Assert.Contains("BANNED", PetrarchVerbDictionary.RegularForms("BAN"));
        Assert.DoesNotContain("DEPARTES", PetrarchVerbDictionary.RegularForms("DEPART"));
    }

    [Fact]
    public void Discards_split_sentence_and_story_phrases()
    {
        var d = PetrarchDiscards.Load(PetrarchRecords.File("PETR.Validate.discards.txt"));
        Assert.Equal((true, "TYPHOON"), d.Find(["A", "TYPHOON", "HIT"]));
        Assert.Equal((false, "AFRICAN NATIONS CUP"), d.Find(["THE", "AFRICAN", "NATIONS", "CUP"]));
        Assert.Null(d.Find(["ARNOR", "RESTORED", "TIES"]));
    }
}
