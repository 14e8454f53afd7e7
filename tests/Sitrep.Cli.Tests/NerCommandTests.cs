using System.Text.Json;

namespace Sitrep.Cli.Tests;

/// <summary>`sitrep eval ner` and the entities layer of `sitrep annotate`, through the command a user runs.</summary>
public sealed class NerCommandTests
{
    [Fact]
    public void Train_ner_cv_scores_held_out_documents_and_writes_their_errors()
    {
        using var env = new TestEnvironment();
        var lines = new List<string>();
        string[] people = ["Anna Berg", "Omar Said", "Lena Holm", "Ivan Petrov"];
        string[] places = ["Oslo", "Cairo", "Lima", "Hanoi"];
        for (int d = 0; d < 4; d++)
        {
            lines.Add($"# newdoc id = doc{d}");
            var name = people[d].Split(' ');
            lines.AddRange(["1\t" + name[0] + "\tB-PER\t-\t-", "2\t" + name[1] + "\tI-PER\t-\t-", "3\tvisited\tO\t-\t-", "4\t" + places[d] + "\tB-LOC\t-\t-", "5\t.\tO\t-\t-", ""]);
        }
        var data = env.File("cv.iob2", System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        var errors = Path.Combine(Path.GetDirectoryName(data)!, "cv-errors.txt");
        var (exit, stdout, stderr) = TestEnvironment.Run("train", "ner", "--train", data, "--cv", data, "--folds", "2", "--kb", "none", "--epochs", "2", "--cv-errors", errors);
        Assert.True(exit == 0, stderr);
        // Two folds of two documents each: every document is scored once, by a model that never saw it.
        Assert.Contains("fold 0: 2 sentences, gold 4", stderr, StringComparison.Ordinal);
        Assert.Contains("fold 1: 2 sentences, gold 4", stderr, StringComparison.Ordinal);
        Assert.Contains("overall", stdout, StringComparison.Ordinal);
        Assert.Contains("8", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(errors));
        foreach (var block in File.ReadAllText(errors).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            Assert.StartsWith("# doc", block, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_ner_scores_exact_spans_on_an_iob2_file()
    {
        using var env = new TestEnvironment();
        var gold = env.File("gold.iob2", System.Text.Encoding.UTF8.GetBytes(string.Join('\n',
            "# sent_id = s1", "1\tVladimir\tB-PER\t-\t-", "2\tPutin\tI-PER\t-\t-", "3\tvisited\tO\t-\t-", "4\tMoscow\tB-LOC\t-\t-", "5\t.\tO\t-\t-", "",
            "# sent_id = s2", "1\tThe\tO\t-\t-", "2\tUnited\tB-ORG\t-\t-", "3\tNations\tI-ORG\t-\t-", "4\tmet\tO\t-\t-", "5\ttoday\tO\t-\t-", "6\t.\tO\t-\t-", "") + "\n"));
        var (exit, stdout, stderr) = TestEnvironment.Run("eval", "ner", "--gold", gold, "--json");
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var overall = json.RootElement.GetProperty("overall");
        Assert.Equal(3, overall.GetProperty("gold").GetInt32());
        Assert.InRange(overall.GetProperty("f1").GetDouble(), 0, 100);
        Assert.Equal(2, json.RootElement.GetProperty("sentences").GetInt32());
    }

    [Fact]
    public void Eval_ner_writes_its_predictions_as_iob2_that_score_as_their_own_gold()
    {
        using var env = new TestEnvironment();
        var gold = env.File("gold.iob2", System.Text.Encoding.UTF8.GetBytes(string.Join('\n',
            "# newdoc id = d1", "1\tVladimir\tB-PER\t-\t-", "2\tPutin\tI-PER\t-\t-", "3\tvisited\tO\t-\t-", "4\tMoscow\tB-LOC\t-\t-", "5\t.\tO\t-\t-", "",
            "1\tRussian\tO\t-\t-", "2\tofficials\tO\t-\t-", "3\tmet\tO\t-\t-", "4\tthe\tO\t-\t-", "5\tUnited\tB-ORG\t-\t-", "6\tNations\tI-ORG\t-\t-", "7\t.\tO\t-\t-", "") + "\n"));
        var predictions = Path.Combine(Path.GetDirectoryName(gold)!, "out", "predicted.iob2");
        var first = TestEnvironment.Run("eval", "ner", "--gold", gold, "--predictions", predictions);
        Assert.True(first.Exit == 0, first.Err);
        var written = File.ReadAllLines(predictions);
        Assert.Equal("# newdoc id = d1", written[0]);
        Assert.Contains("1\tVladimir\tB-PER\t-\t-", written);
        // NORP ("Russian") is not one of the scored types and is not written; Moscow (a capital, GPE) is written as LOC.
        Assert.Contains("1\tRussian\tO\t-\t-", written);
        Assert.Contains("4\tMoscow\tB-LOC\t-\t-", written);
        // The same model scored against its own predictions agrees with them exactly.
        var again = TestEnvironment.Run("eval", "ner", "--gold", predictions, "--json");
        Assert.True(again.Exit == 0, again.Err);
        using var json = JsonDocument.Parse(again.Out);
        Assert.Equal(100.0, json.RootElement.GetProperty("overall").GetProperty("f1").GetDouble());
    }

    [Fact]
    public void Train_ner_cv_adds_each_folds_own_training_file()
    {
        using var env = new TestEnvironment();
        var lines = new List<string>();
        string[] people = ["Anna Berg", "Omar Said", "Lena Holm", "Ivan Petrov"];
        for (int d = 0; d < 4; d++)
        {
            var name = people[d].Split(' ');
            lines.AddRange([$"# newdoc id = doc{d}", "1\t" + name[0] + "\tB-PER\t-\t-", "2\t" + name[1] + "\tI-PER\t-\t-", "3\tspoke\tO\t-\t-", "4\t.\tO\t-\t-", ""]);
        }
        var data = env.File("cv.iob2", System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        var dir = Path.GetDirectoryName(data)!;
        for (int f = 0; f < 2; f++)
            File.WriteAllText(Path.Combine(dir, $"extra-{f}.iob2"), "1\tMaria\tB-PER\t-\t-\n2\tLopez\tI-PER\t-\t-\n3\tspoke\tO\t-\t-\n\n");
        var missing = TestEnvironment.Run("train", "ner", "--train", data, "--cv", data, "--folds", "2", "--kb", "none", "--cv-fold-train", Path.Combine(dir, "extra.iob2"));
        Assert.NotEqual(0, missing.Exit);
        Assert.Contains("{fold}", missing.Out + missing.Err, StringComparison.Ordinal);
        var (exit, stdout, stderr) = TestEnvironment.Run("train", "ner", "--train", data, "--cv", data, "--folds", "2", "--kb", "none", "--epochs", "2",
            "--cv-fold-train", Path.Combine(dir, "extra-{fold}.iob2"));
        Assert.True(exit == 0, stderr);
        Assert.Contains("fold 1: 2 sentences, gold 2", stderr, StringComparison.Ordinal);
        Assert.Contains("overall", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_ner_distills_the_minilm_variant_into_the_fast_model_reproducibly()
    {
        using var env = new TestEnvironment();
        var train = env.File("train.iob2", System.Text.Encoding.UTF8.GetBytes(string.Join('\n',
            "1\tAnna\tB-PER\t-\t-", "2\tBerg\tI-PER\t-\t-", "3\tvisited\tO\t-\t-", "4\tOslo\tB-LOC\t-\t-", "5\t.\tO\t-\t-", "") + "\n"));
        // Unannotated text: its tags are all O and are ignored; the MiniLM variant labels it.
        var text = env.File("text.iob2", System.Text.Encoding.UTF8.GetBytes(string.Join('\n',
            "1\tVladimir\tO\t-\t-", "2\tPutin\tO\t-\t-", "3\tmet\tO\t-\t-", "4\tKim\tO\t-\t-", "5\tJong\tO\t-\t-", "6\tUn\tO\t-\t-", "7\tin\tO\t-\t-", "8\tMoscow\tO\t-\t-", "9\t.\tO\t-\t-", "") + "\n"));
        var dir = Path.GetDirectoryName(train)!;
        string Train(string name, params string[] extra)
        {
            var output = Path.Combine(dir, name);
            var (exit, _, stderr) = TestEnvironment.Run(["train", "ner", "--train", train, "--kb", "none", "--epochs", "2", "--out", output, .. extra]);
            Assert.True(exit == 0, stderr);
            if (extra.Length > 0) Assert.Matches(@"text\.iob2 labelled by en-ner-minilm\.bin: 1 sentences, [1-9]\d* mentions", stderr);
            return output;
        }
        var plain = Train("plain.bin");
        var distilled = Train("distilled.bin", "--distill", text);
        var twice = Train("twice.bin", "--distill", text);
        Assert.Equal(File.ReadAllBytes(distilled), File.ReadAllBytes(twice));
        Assert.NotEqual(File.ReadAllBytes(plain), File.ReadAllBytes(distilled));
        var bad = TestEnvironment.Run("train", "ner", "--train", train, "--kb", "none", "--out", Path.Combine(dir, "x.bin"), "--teacher", plain);
        Assert.NotEqual(0, bad.Exit);
    }

    [Fact]
    public void Annotate_writes_entities_and_is_byte_identical_twice()
    {
        var seed = TestEnvironment.Shared("samples", "seed-article.txt");
        var first = TestEnvironment.Run("annotate", seed, "--compact");
        var second = TestEnvironment.Run("annotate", seed, "--compact");
        Assert.True(first.Exit == 0, first.Err);
        Assert.Equal(first.Out, second.Out);
        using var json = JsonDocument.Parse(first.Out);
        var text = json.RootElement.GetProperty("document").GetProperty("text").GetString()!;
        var entities = json.RootElement.GetProperty("entities").EnumerateArray().ToList();
        Assert.Contains(entities, e => e.GetProperty("text").GetString() == "Kim Jong Un" && e.GetProperty("type").GetString() == "PER");
        foreach (var e in entities)
            Assert.Equal(text[e.GetProperty("start").GetInt32()..e.GetProperty("end").GetInt32()], e.GetProperty("text").GetString());
        Assert.StartsWith("en-ner@sha256:", json.RootElement.GetProperty("sitrep").GetProperty("models").GetProperty("ner").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_with_the_MiniLM_variant_stores_its_events_and_records_the_variant()
    {
        using var env = new TestEnvironment();
        var seed = TestEnvironment.Shared("samples", "seed-article.txt");
        var bad = TestEnvironment.Run("ingest", seed, "--db", env.Db, "--ner", "nope", "--no-progress");
        Assert.Equal(64, bad.Exit);
        Assert.Contains("unknown variant", bad.Err, StringComparison.Ordinal);

        var ingest = TestEnvironment.Run("ingest", seed, "--db", env.Db, "--ner", "minilm", "--no-progress");
        Assert.True(ingest.Exit == 0, ingest.Err);
        var events = TestEnvironment.Run("events", "--dyad", "RUS-PRK", "--db", env.Db, "--json");
        Assert.True(events.Exit == 0, events.Err);
        Assert.NotEmpty(JsonDocument.Parse(events.Out).RootElement.EnumerateArray());

        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={env.Db};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT versions FROM version_sets";
        var versions = (string)cmd.ExecuteScalar()!;
        var ner = JsonDocument.Parse(versions).RootElement.GetProperty("ner").GetString()!;
        Assert.StartsWith("en-ner-minilm@sha256:", ner, StringComparison.Ordinal);
    }
}
