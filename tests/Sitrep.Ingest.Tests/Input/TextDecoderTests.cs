using System.Text;
using Sitrep.Core;
using Sitrep.Ingest.Input;

namespace Sitrep.Ingest.Tests.Input;

public sealed class TextDecoderTests
{
    private static readonly Encoding W1252;

    static TextDecoderTests()
    {
        TextEncodings.EnsureRegistered();
        W1252 = TextEncodings.Get("windows-1252");
    }

    [Fact]
    public void PlainUtf8_DecodesWithoutWarnings()
    {
        var d = TextDecoder.Decode(Encoding.UTF8.GetBytes("Zürich council votes — 12 to 3."), null, sniffHtmlMeta: false);
        Assert.Equal("Zürich council votes — 12 to 3.", d.Text);
        Assert.Equal("utf-8", d.EncodingName);
        Assert.Empty(d.Warnings);
    }

    [Fact]
    public void Utf8Bom_IsSkippedAndOverridesDeclaredCharset()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("café")).ToArray();
        var d = TextDecoder.Decode(bytes, "windows-1252", sniffHtmlMeta: true);
        Assert.Equal("café", d.Text);
        Assert.Equal("utf-8", d.EncodingName);
        Assert.Equal(3, d.PreambleLength);
        // SourceText maps offsets past the BOM, so the decoder's text and bytes line up.
        var st = new SourceText(d.Text, bytes, d.EncodingName);
        Assert.Equal(new Sitrep.Core.TextSpan(3, 6), st.ToByteSpan(new Sitrep.Core.TextSpan(0, 3)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Utf16Bom_DecodesEvenThoughItHasNulBytes(bool littleEndian)
    {
        var enc = littleEndian ? Encoding.Unicode : Encoding.BigEndianUnicode;
        var bytes = enc.GetPreamble().Concat(enc.GetBytes("Flood warning for the Elbe")).ToArray();
        var d = TextDecoder.Decode(bytes, null, sniffHtmlMeta: false);
        Assert.Equal("Flood warning for the Elbe", d.Text);
        Assert.NotNull(TextEncodings.TryGet(d.EncodingName));
        Assert.Equal(enc.CodePage, TextEncodings.Get(d.EncodingName).CodePage);
    }

    [Fact]
    public void Windows1252_WithDeclaredCharset_DecodesCurlyQuotesAndAccentsWithoutWarning()
    {
        // 0x93/0x94 are curly double quotes and 0xE9 is é in windows-1252; all are invalid UTF-8 here.
        var bytes = W1252.GetBytes("The minister said \u201Cno comment\u201D at the caf\u00E9.");
        Assert.Contains((byte)0x93, bytes);
        var d = TextDecoder.Decode(bytes, "windows-1252", sniffHtmlMeta: false);
        Assert.Equal("The minister said \u201Cno comment\u201D at the caf\u00E9.", d.Text);
        Assert.Equal("windows-1252", d.EncodingName);
        Assert.Empty(d.Warnings);
    }

    [Fact]
    public void Iso88591Label_MeansWindows1252()
    {
        var bytes = W1252.GetBytes("\u201CQuoted\u201D");
        var d = TextDecoder.Decode(bytes, "ISO-8859-1", sniffHtmlMeta: false);
        Assert.Equal("\u201CQuoted\u201D", d.Text);
        Assert.Empty(d.Warnings);
    }

    [Fact]
    public void Windows1252Fixture_WithDeclaredCharset_DecodesCorrectly()
    {
        var bytes = File.ReadAllBytes(TestBytes.Fixture("win1252-article.txt"));
        var d = TextDecoder.Decode(bytes, "windows-1252", sniffHtmlMeta: false);
        Assert.Contains("\u201CWe will reopen the bridge by Friday,\u201D", d.Text, StringComparison.Ordinal);
        Assert.Contains("Ren\u00E9e Lef\u00E8vre", d.Text, StringComparison.Ordinal);
        Assert.Empty(d.Warnings);
    }

    [Fact]
    public void InvalidUtf8WithoutDeclaration_FallsBackToWindows1252WithWarning()
    {
        var bytes = Encoding.ASCII.GetBytes("Price rose to 5").Concat(new byte[] { 0x80 }).Concat(Encoding.ASCII.GetBytes(" today")).ToArray();
        var d = TextDecoder.Decode(bytes, null, sniffHtmlMeta: false);
        Assert.Equal("Price rose to 5\u20AC today", d.Text);
        Assert.Equal("windows-1252", d.EncodingName);
        var w = Assert.Single(d.Warnings);
        Assert.Equal(ErrorCodes.InvalidEncoding, w.Code);
        Assert.Equal(ErrorSeverity.Warning, w.Severity);
        Assert.Contains("not valid UTF-8 (first bad byte at offset 15); decoded as windows-1252", w.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlMetaCharset_IsUsedWhenNothingIsDeclared()
    {
        var html = "<!doctype html><html><head><meta charset=\"windows-1252\"><title>x</title></head><body>\u201Ccaf\u00E9\u201D</body></html>";
        var d = TextDecoder.Decode(W1252.GetBytes(html), null, sniffHtmlMeta: true);
        Assert.Contains("\u201Ccaf\u00E9\u201D", d.Text, StringComparison.Ordinal);
        Assert.Equal("windows-1252", d.EncodingName);
        Assert.Empty(d.Warnings);
    }

    [Fact]
    public void HtmlHttpEquivContentType_IsUsed()
    {
        var html = "<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=iso-8859-1\"></head><body>Gr\u00FC\u00DFe</body></html>";
        var d = TextDecoder.Decode(W1252.GetBytes(html), null, sniffHtmlMeta: true);
        Assert.Contains("Gr\u00FC\u00DFe", d.Text, StringComparison.Ordinal);
        Assert.Equal("windows-1252", d.EncodingName);
    }

    [Fact]
    public void DeclaredCharset_BeatsHtmlMeta()
    {
        var html = "<html><head><meta charset=\"windows-1252\"></head><body>Gr\u00FC\u00DFe</body></html>";
        var d = TextDecoder.Decode(Encoding.UTF8.GetBytes(html), "utf-8", sniffHtmlMeta: true);
        Assert.Contains("Gr\u00FC\u00DFe", d.Text, StringComparison.Ordinal);
        Assert.Equal("utf-8", d.EncodingName);
    }

    [Fact]
    public void MetaBeyondFirst4KB_IsIgnored()
    {
        var html = "<html><head><!--" + new string('x', 5000) + "--><meta charset=\"windows-1252\"></head><body>caf\u00E9</body></html>";
        var d = TextDecoder.Decode(Encoding.UTF8.GetBytes(html), null, sniffHtmlMeta: true);
        Assert.Equal("utf-8", d.EncodingName);
    }

    [Fact]
    public void XmlDeclarationEncoding_IsUsed()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss><channel><title>caf\u00E9</title></channel></rss>";
        var d = TextDecoder.Decode(W1252.GetBytes(xml), null, sniffHtmlMeta: false);
        Assert.Contains("caf\u00E9", d.Text, StringComparison.Ordinal);
        Assert.Equal("windows-1252", d.EncodingName);
    }

    [Fact]
    public void DeclaredUtf8ButInvalid_ReplacesAndWarns()
    {
        var bytes = Encoding.ASCII.GetBytes("ab").Concat(new byte[] { 0xFF }).Concat(Encoding.ASCII.GetBytes("cd")).ToArray();
        var d = TextDecoder.Decode(bytes, "utf-8", sniffHtmlMeta: false);
        Assert.Equal("ab\uFFFDcd", d.Text);
        var w = Assert.Single(d.Warnings);
        Assert.Equal(ErrorCodes.InvalidEncoding, w.Code);
        Assert.Contains("offset 2", w.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownDeclaredCharset_IsIgnoredWithWarning()
    {
        var d = TextDecoder.Decode(Encoding.UTF8.GetBytes("hello"), "x-made-up", sniffHtmlMeta: false);
        Assert.Equal("hello", d.Text);
        Assert.Contains(d.Warnings, w => w.Message.Contains("x-made-up", StringComparison.Ordinal));
    }

    [Fact]
    public void Empty_Throws()
    {
        var e = Assert.Throws<SitrepException>(() => TextDecoder.Decode([], null, false));
        Assert.Equal(ErrorCodes.EmptyInput, e.Code);
    }

    [Fact]
    public void WhitespaceOnly_Throws()
    {
        var e = Assert.Throws<SitrepException>(() => TextDecoder.Decode(Encoding.UTF8.GetBytes(" \r\n\t \u00A0\n"), null, false));
        Assert.Equal(ErrorCodes.EmptyInput, e.Code);
    }

    [Fact]
    public void NulBytes_AreBinary()
    {
        var bytes = Encoding.ASCII.GetBytes("header\0\0\0data");
        var e = Assert.Throws<SitrepException>(() => TextDecoder.Decode(bytes, null, false));
        Assert.Equal(ErrorCodes.BinaryInput, e.Code);
        Assert.Contains("NUL byte at offset 6", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NulBytesAfterFirst8KB_AreNotChecked()
    {
        var bytes = Encoding.ASCII.GetBytes(new string('a', 9000) + "\0tail");
        var d = TextDecoder.Decode(bytes, null, false);
        Assert.Equal(9005, d.Text.Length);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 }, "PNG")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3 }, "JPEG")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 2 }, "GIF")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "PDF")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 }, "ZIP")]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01 }, "ELF")]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0x00 }, "gzip")]
    public void KnownSignatures_AreBinaryAndNamed(byte[] bytes, string kind)
    {
        var e = Assert.Throws<SitrepException>(() => TextDecoder.Decode(bytes, null, false));
        Assert.Equal(ErrorCodes.BinaryInput, e.Code);
        Assert.Contains(kind, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PdfWithDeclaredCharset_IsStillBinary()
    {
        var e = Assert.Throws<SitrepException>(() => TextDecoder.Decode(Encoding.ASCII.GetBytes("%PDF-1.4 rest"), "utf-8", false));
        Assert.Equal(ErrorCodes.BinaryInput, e.Code);
    }

    [Fact]
    public void ContentTypeHeader_ParsesMediaTypeAndCharset()
    {
        Assert.Equal("text/html", ContentTypeHeader.MediaType("Text/HTML; charset=\"ISO-8859-1\""));
        Assert.Equal("ISO-8859-1", ContentTypeHeader.Charset("Text/HTML; charset=\"ISO-8859-1\""));
        Assert.Null(ContentTypeHeader.Charset("text/html"));
        Assert.Equal("utf-8", ContentTypeHeader.Charset("text/html; boundary=x; CHARSET=utf-8"));
    }
}
