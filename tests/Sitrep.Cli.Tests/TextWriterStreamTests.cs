using System.Text;
using Sitrep.Cli.Output;

namespace Sitrep.Cli.Tests;

/// <summary>Records stream to standard output through a UTF-8 decoding stream; characters must survive any split.</summary>
public sealed class TextWriterStreamTests
{
    [Fact]
    public void Characters_split_across_writes_come_out_whole()
    {
        const string text = "Pyongyang – Séoul 平壤 🚀 done";
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var cut = 1; cut < bytes.Length; cut++)
        {
            var sink = new StringWriter();
            using (var stream = new TextWriterStream(sink))
            {
                stream.Write(bytes, 0, cut);
                stream.Write(bytes.AsSpan(cut));
                stream.Flush();
            }
            Assert.Equal(text, sink.ToString());
        }
    }

    [Fact]
    public void Byte_at_a_time_writes_decode_to_the_same_text()
    {
        const string text = "Ким Чен Ын — “the North”";
        var sink = new StringWriter();
        using var stream = new TextWriterStream(sink);
        foreach (var b in Encoding.UTF8.GetBytes(text)) stream.WriteByte(b);
        Assert.Equal(text, sink.ToString());
    }
}
