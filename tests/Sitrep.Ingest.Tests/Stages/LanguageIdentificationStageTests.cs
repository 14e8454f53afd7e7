using Sitrep.Ingest.Stages;

namespace Sitrep.Ingest.Tests.Stages;

/// <summary>Language identification: a fast path for plainly English text, Lingua (low-accuracy mode) for the rest.</summary>
public sealed class LanguageIdentificationStageTests
{
    [Fact]
    public void Plain_English_news_takes_the_fast_path()
    {
        var id = LanguageIdentificationStage.Identify(
            "The foreign ministry said on Wednesday that it would send a delegation to the talks, which are expected to resume "
            + "next week after a pause of more than a year, according to officials who were briefed on the plans.");
        Assert.Equal("en", id.Code);
        Assert.True(id.IsEnglish);
    }

    [Theory]
    [InlineData("Kurze Meldung: Regierung plant neue Gespräche", "de")]
    [InlineData("Regering kondigt nieuwe gesprekken aan", "nl")]
    [InlineData("Rząd zapowiada nowe rozmowy", "pl")]
    [InlineData("Die Regierung hat am Mittwoch neue Gespräche mit den Nachbarländern angekündigt.", "de")]
    [InlineData("Le gouvernement a annoncé mercredi de nouvelles négociations avec ses voisins.", "fr")]
    [InlineData("El gobierno anunció el miércoles nuevas conversaciones con los países vecinos.", "es")]
    [InlineData("Правительство в среду объявило о новых переговорах с соседними странами.", "ru")]
    [InlineData("أعلنت الحكومة يوم الأربعاء عن محادثات جديدة مع الدول المجاورة.", "ar")]
    [InlineData("政府周三宣布将与邻国举行新一轮会谈。", "zh")]
    [InlineData("Floods kill dozens in Libya", "en")]
    // Lingua's verdict is unsure (Romanian 0.24, English 0.23): an English headline is not lost
    [InlineData("Talks resume in Geneva", "en")]
    // names make a headline look Croatian or German; its own words are English
    [InlineData("Putin meets Kim in Vladivostok", "en")]
    [InlineData("Erdogan hosts Scholz in Ankara", "en")]
    // a sentence of names in basic Latin letters had read as Vietnamese (0.92), which writes diacritics on nearly every word
    [InlineData("Kyrgyz Prime Minister Nikolai Tanaev agreed.", "en")]
    [InlineData("Chính phủ tuyên bố đàm phán mới với các nước láng giềng", "vi")]
    // Lingua's trigrams were unsure of a short sentence (Spanish 0.63, Danish 0.59); its English function words are not
    [InlineData("Venezuela expelled the Argentine ambassador.", "en")]
    [InlineData("Pakistan and India exchanged fire across the border.", "en")]
    [InlineData("Putin met Zelensky in June.", "en")]
    [InlineData("Iran seized a British-flagged oil tanker in the Strait of Hormuz.", "en")]
    // a headline of names and plain words in basic Latin letters, with no other language's function words
    [InlineData("Niger junta expels French ambassador", "en")]
    [InlineData("Israel strikes Rafah", "en")]
    [InlineData("Putin met Wagner chief Yevgeny Prigozhin.", "en")]
    // a German headline's lower-case words are still German
    [InlineData("Scholz trifft Macron in Paris", "de")]
    public void Short_texts_go_to_Lingua(string text, string expected)
    {
        var id = LanguageIdentificationStage.Identify(text);
        Assert.Equal(expected, id.Code);
        Assert.Equal(expected == "en", id.IsEnglish);
    }

    /// <summary>Short sentences of other languages, with their own function words (Dutch "is", "of"; Danish "at", "her"), stay foreign.</summary>
    [Theory]
    [InlineData("Die Regierung und die Opposition streiten über den Haushalt.")]
    [InlineData("Het kabinet is het eens over de begroting van dit jaar.")]
    [InlineData("Regeringen har aftalt at mødes her igen.")]
    [InlineData("Rząd to ogłosił, a opozycja jest przeciw.")]
    public void Short_foreign_sentences_stay_foreign(string text) =>
        Assert.False(LanguageIdentificationStage.Identify(text).IsEnglish, text);

    [Fact]
    public void Text_without_letters_is_undetermined()
    {
        var id = LanguageIdentificationStage.Identify("12 345 -- 67.89 %");
        Assert.Equal("und", id.Code);
        Assert.False(id.IsEnglish);
    }
}
