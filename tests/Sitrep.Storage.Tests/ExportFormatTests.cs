using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Sylvan.Data.Csv;
using Sitrep.Storage.Export;

namespace Sitrep.Storage.Tests;

/// <summary>Every export format, read back with a real reader of that format.</summary>
public sealed class ExportFormatTests : IDisposable
{
    private readonly TempStore _t = new();

    public ExportFormatTests()
    {
        int seed = 0;
        foreach (var name in new[] { "wire", "rewrite", "update" })
        {
            var doc = LayeredDocs.Story(name);
            _t.Store.Store(doc, Docs.Hashes(doc, ++seed), _t.Store.BeginIngest("test"), LayeredDocs.Versions);
        }
    }

    public void Dispose() => _t.Dispose();

    private string Export(ExportFormat format, bool header = false)
    {
        using var ms = new MemoryStream();
        EventExport.Write(_t.Store, new EventQuery { Limit = -1 }, format, ms, header);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>Reads tab-separated text with Sylvan's RFC 4180 reader, every row with its own field count.</summary>
    private static List<string[]> ReadTsv(string tsv)
    {
        using var csv = CsvDataReader.Create(new StringReader(tsv), new CsvDataReaderOptions { Delimiter = '\t', HasHeaders = false });
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(Enumerable.Range(0, csv.RowFieldCount).Select(csv.GetString).ToArray());
        return rows;
    }

    [Fact]
    public void Gdelt_events_have_the_61_documented_columns()
    {
        Assert.Equal(61, GdeltExport.EventColumns.Count);
        Assert.Equal(61, GdeltExport.EventColumns.Distinct().Count());
        var tsv = Export(ExportFormat.Gdelt);
        var rows = ReadTsv(tsv);
        var row = Assert.Single(rows);
        Assert.Equal(61, row.Length);
        // Strict TSV: every line has exactly 60 tabs, no quoting anywhere.
        Assert.All(tsv.TrimEnd('\n').Split('\n'), line => Assert.Equal(60, line.Count(c => c == '\t')));
        Assert.DoesNotContain('"', tsv);
        var f = GdeltExport.EventColumns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => row[x.i], StringComparer.Ordinal);
        Assert.Equal("20240305", f["Day"]);
        Assert.Equal("202403", f["MonthYear"]);
        Assert.Equal("2024", f["Year"]);
        Assert.Equal("CHNMIL", f["Actor1Code"]);
        Assert.Equal("CHINA COAST GUARD", f["Actor1Name"]);
        Assert.Equal("CHN", f["Actor1CountryCode"]);
        Assert.Equal("MIL", f["Actor1Type1Code"]);
        Assert.Equal("PHL", f["Actor2Code"]);
        Assert.Equal("190", f["EventCode"]);
        Assert.Equal("190", f["EventBaseCode"]);
        Assert.Equal("19", f["EventRootCode"]);
        Assert.Equal("4", f["QuadClass"]);
        Assert.Equal("-10.0", f["GoldsteinScale"]);
        Assert.Equal("3", f["NumMentions"]);
        Assert.Equal("3", f["NumSources"]);
        Assert.Equal("3", f["NumArticles"]);
        Assert.Equal("", f["AvgTone"]);
        Assert.Equal("Second Thomas Shoal", f["ActionGeo_FullName"]);
        Assert.Equal("9.73", f["ActionGeo_Lat"]);
        Assert.Matches("^[0-9]{14}$", f["DATEADDED"]);
        Assert.StartsWith("https://", f["SOURCEURL"], StringComparison.Ordinal);

        var withHeader = ReadTsv(Export(ExportFormat.Gdelt, header: true));
        Assert.Equal(GdeltExport.EventColumns, withHeader[0]);
    }

    [Fact]
    public void Gdelt_mentions_have_16_columns_one_row_per_counted_mention()
    {
        var rows = ReadTsv(Export(ExportFormat.GdeltMentions));
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(16, r.Length));
        Assert.All(rows, r => Assert.Equal("1", r[0]));
        Assert.Equal(3, rows.Select(r => r[4]).Distinct().Count()); // three outlets
        Assert.All(rows, r => Assert.True(int.Parse(r[9], CultureInfo.InvariantCulture) >= 0));
    }

    [Fact]
    public async Task Parquet_round_trips_through_Parquet_Net()
    {
        using var ms = new MemoryStream();
        EventExport.Write(_t.Store, new EventQuery(), ExportFormat.Parquet, ms);
        ms.Position = 0;
        var rows = await ParquetExport.ReadAsync(ms);
        var row = Assert.Single(rows);
        var original = Assert.Single(_t.Store.ListEvents(new EventQuery()));
        Assert.Equal(original.Id, row.Id);
        Assert.Equal("190", row.Cameo);
        Assert.Equal("CHNMIL", row.SourceCode);
        Assert.Equal(-10, row.Goldstein);
        Assert.Equal(3, row.NumArticles);
        Assert.Equal(9.73, row.Lat);
        Assert.Equal(original.Evidence, row.Evidence);
        Assert.Equal("2024-03-05", row.Day);
    }

    [Fact]
    public void GraphML_is_valid_against_the_GraphML_structure()
    {
        var xml = Export(ExportFormat.GraphMl);
        var schemas = new XmlSchemaSet();
        schemas.Add(GraphMlExport.Namespace, XmlReader.Create(new StringReader(GraphMlSchema)));
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationEventHandler += (_, e) => errors.Add(e.Message);
        using (var reader = XmlReader.Create(new StringReader(xml), settings))
            while (reader.Read()) { }
        Assert.Empty(errors);
        XNamespace g = GraphMlExport.Namespace;
        var doc = XDocument.Parse(xml);
        var nodes = doc.Descendants(g + "node").Select(n => (string)n.Attribute("id")!).ToList();
        Assert.Equal(["CHNMIL", "PHL"], nodes);
        var edge = Assert.Single(doc.Descendants(g + "edge"));
        Assert.Equal("CHNMIL", (string)edge.Attribute("source")!);
        Assert.Equal("PHL", (string)edge.Attribute("target")!);
        Assert.Equal("3", edge.Elements(g + "data").Single(d => (string)d.Attribute("key")! == "mentions").Value);
        // Every data key is declared, and edges point at declared nodes.
        var keys = doc.Descendants(g + "key").Select(k => (string)k.Attribute("id")!).ToHashSet(StringComparer.Ordinal);
        Assert.All(doc.Descendants(g + "data"), d => Assert.Contains((string)d.Attribute("key")!, keys));
    }

    [Fact]
    public void Csv_jsonl_and_plover_read_back()
    {
        var csvText = Export(ExportFormat.Csv);
        using (var csv = CsvDataReader.Create(new StringReader(csvText), new CsvDataReaderOptions { HasHeaders = true }))
        {
            Assert.Equal(CsvTables.EventHeader, Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToArray());
            Assert.True(csv.Read());
            Assert.Equal(CsvTables.EventHeader.Count, csv.RowFieldCount);
            Assert.Equal("190", csv.GetString(csv.GetOrdinal("cameo")));
            Assert.Equal("3", csv.GetString(csv.GetOrdinal("num_articles")));
            Assert.Contains("water cannon", csv.GetString(csv.GetOrdinal("evidence")), StringComparison.Ordinal);
            Assert.False(csv.Read());
        }
        var lines = Export(ExportFormat.JsonLines).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using (var json = JsonDocument.Parse(Assert.Single(lines)))
        {
            Assert.Equal("190", json.RootElement.GetProperty("cameo").GetString());
            Assert.Equal(3, json.RootElement.GetProperty("mentions").GetArrayLength());
            Assert.Equal("CHNMIL", json.RootElement.GetProperty("source").GetProperty("code").GetString());
        }
        using (var plover = JsonDocument.Parse(Export(ExportFormat.Plover)))
        {
            var e = Assert.Single(plover.RootElement.EnumerateArray().ToList());
            Assert.Equal("ASSAULT", e.GetProperty("event_type").GetString());
            Assert.Equal("2024-03-05", e.GetProperty("event_date").GetString());
            Assert.Equal("China Coast Guard", e.GetProperty("actor").GetProperty("name").GetString());
            Assert.Equal("military", e.GetProperty("event_context")[0].GetString());
            Assert.Equal(3, e.GetProperty("sources").GetArrayLength());
        }
    }

    [Fact]
    public void Exports_are_deterministic()
    {
        Assert.Equal(Export(ExportFormat.Gdelt), Export(ExportFormat.Gdelt));
        Assert.Equal(Export(ExportFormat.GraphMl), Export(ExportFormat.GraphMl));
        Assert.Equal(Export(ExportFormat.JsonLines), Export(ExportFormat.JsonLines));
    }

    /// <summary>The structure of GraphML (graphml ⊃ key*, graph ⊃ node*/edge*, data keyed), written from the GraphML primer's constraints.</summary>
    private const string GraphMlSchema = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:g="http://graphml.graphdrawing.org/xmlns"
                   targetNamespace="http://graphml.graphdrawing.org/xmlns" elementFormDefault="qualified">
          <xs:element name="graphml">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="key" minOccurs="0" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:attribute name="id" type="xs:NMTOKEN" use="required"/>
                    <xs:attribute name="for" use="required">
                      <xs:simpleType><xs:restriction base="xs:NMTOKEN">
                        <xs:enumeration value="all"/><xs:enumeration value="graph"/><xs:enumeration value="node"/><xs:enumeration value="edge"/>
                      </xs:restriction></xs:simpleType>
                    </xs:attribute>
                    <xs:attribute name="attr.name" type="xs:NMTOKEN"/>
                    <xs:attribute name="attr.type">
                      <xs:simpleType><xs:restriction base="xs:NMTOKEN">
                        <xs:enumeration value="boolean"/><xs:enumeration value="int"/><xs:enumeration value="long"/>
                        <xs:enumeration value="float"/><xs:enumeration value="double"/><xs:enumeration value="string"/>
                      </xs:restriction></xs:simpleType>
                    </xs:attribute>
                  </xs:complexType>
                </xs:element>
                <xs:element name="graph" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:choice minOccurs="0" maxOccurs="unbounded">
                      <xs:element name="node">
                        <xs:complexType>
                          <xs:sequence><xs:element ref="g:data" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
                          <xs:attribute name="id" type="xs:NMTOKEN" use="required"/>
                        </xs:complexType>
                      </xs:element>
                      <xs:element name="edge">
                        <xs:complexType>
                          <xs:sequence><xs:element ref="g:data" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
                          <xs:attribute name="id" type="xs:NMTOKEN"/>
                          <xs:attribute name="source" type="xs:NMTOKEN" use="required"/>
                          <xs:attribute name="target" type="xs:NMTOKEN" use="required"/>
                        </xs:complexType>
                      </xs:element>
                    </xs:choice>
                    <xs:attribute name="id" type="xs:NMTOKEN"/>
                    <xs:attribute name="edgedefault" use="required">
                      <xs:simpleType><xs:restriction base="xs:NMTOKEN"><xs:enumeration value="directed"/><xs:enumeration value="undirected"/></xs:restriction></xs:simpleType>
                    </xs:attribute>
                  </xs:complexType>
                  <xs:key name="nodeId"><xs:selector xpath="g:node"/><xs:field xpath="@id"/></xs:key>
                  <xs:keyref name="edgeSource" refer="g:nodeId"><xs:selector xpath="g:edge"/><xs:field xpath="@source"/></xs:keyref>
                  <xs:keyref name="edgeTarget" refer="g:nodeId"><xs:selector xpath="g:edge"/><xs:field xpath="@target"/></xs:keyref>
                </xs:element>
              </xs:sequence>
            </xs:complexType>
            <xs:key name="keyId"><xs:selector xpath="g:key"/><xs:field xpath="@id"/></xs:key>
            <xs:keyref name="dataKey" refer="g:keyId"><xs:selector xpath=".//g:data"/><xs:field xpath="@key"/></xs:keyref>
          </xs:element>
          <xs:element name="data">
            <xs:complexType><xs:simpleContent><xs:extension base="xs:string">
              <xs:attribute name="key" type="xs:NMTOKEN" use="required"/>
            </xs:extension></xs:simpleContent></xs:complexType>
          </xs:element>
        </xs:schema>
        """;
}
