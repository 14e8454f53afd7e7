using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sitrep.Nlp.Evaluation;

namespace Sitrep.Nlp.Tagging;

/// <summary>The MANIFEST.json beside a POS model: what it is, how it was made, its sha256 and its scores.</summary>
public static class PosManifest
{
    public const string Licence = "CC BY-SA 4.0";

    /// <summary>Writes the manifest for a freshly trained model (replacing any earlier one); scores recorded later are kept only if the sha256 matches.</summary>
    public static void Write(string manifestPath, string modelPath, IReadOnlyList<string> trainFiles, string? devFile, string command,
        PosTrainingOptions options, PosScores? dev)
    {
        var sha = PosModel.Sha256(modelPath);
        var old = Read(manifestPath);
        var scores = old?["sha256"]?.GetValue<string>() == sha && old["scores"] is JsonObject s ? (JsonObject)s.DeepClone() : [];
        if (dev is not null) scores["dev:" + Path.GetFileName(devFile)] = ToJson(dev);
        var root = new JsonObject
        {
            ["name"] = Path.GetFileNameWithoutExtension(modelPath),
            ["kind"] = "pos+lemma",
            ["version"] = "1.0." + PosModel.FormatVersion.ToString(CultureInfo.InvariantCulture),
            ["file"] = Path.GetFileName(modelPath),
            ["format_version"] = PosModel.FormatVersion,
            ["sha256"] = sha,
            ["size_bytes"] = new FileInfo(modelPath).Length,
            ["licence"] = Licence,
            ["licence_note"] = "Trained on UD English-EWT (CC BY-SA 4.0) and, where listed, the commercial-use documents of UD English-GUM (CC BY / CC BY-SA); the weights are shared under CC BY-SA 4.0.",
            ["training_data"] = new JsonArray([.. trainFiles.Select(f => (JsonNode)Path.GetFileName(f))]),
            ["tuning_data"] = devFile is null ? null : Path.GetFileName(devFile),
            ["command"] = command,
            ["epochs"] = options.Epochs,
            ["seed"] = options.Seed,
            ["min_feature_count"] = options.MinFeatureCount,
            ["scores"] = scores,
        };
        Save(manifestPath, root);
    }

    /// <summary>Adds (or replaces) a named score entry, e.g. "test:en_ewt-ud-test.conllu (gold tokens)".</summary>
    public static void Record(string manifestPath, string name, PosScores scores)
    {
        var root = Read(manifestPath) ?? throw new FileNotFoundException("No manifest to record scores in.", manifestPath);
        if (root["scores"] is not JsonObject s) root["scores"] = s = [];
        s[name] = ToJson(scores);
        Save(manifestPath, root);
    }

    private static JsonObject ToJson(PosScores s)
    {
        var o = new JsonObject
        {
            ["words"] = s.GoldWords,
            ["upos"] = Math.Round(s.Upos, 2),
            ["xpos"] = Math.Round(s.Xpos, 2),
            ["lemma"] = Math.Round(s.Lemma, 2),
        };
        if (s.TokenF1 is { } t) o["token_f1"] = Math.Round(t, 2);
        if (s.SentenceF1 is { } se) o["sentence_f1"] = Math.Round(se, 2);
        if (s.WordF1 is { } w) o["word_f1"] = Math.Round(w, 2);
        return o;
    }

    private static JsonObject? Read(string path) => File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject : null;

    private static void Save(string path, JsonObject root)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
    }
}
