using System.Diagnostics;
using System.Globalization;
using Sitrep.Nlp.Encoders;
using Sitrep.Nlp.Ner;
using Sitrep.NerFineTune;
using TorchSharp;
using static TorchSharp.torch;

// sitrep-ner-finetune: fine-tunes the top layers of all-MiniLM-L6-v2 with a BIO token-classification head on NER corpora
// and writes data/models/ner/en-ner-minilm-ft.bin's format (FineTunedNerModel). The shipped model's command is in
// data/models/ner/MANIFEST.json (variants.minilm-ft.command).
//   --train FILE (repeatable; a file given k times is seen k times per epoch)   --out FILE (weights for Sitrep)
//   --cv FILE --fold K: hold out fold K (of 5, by document) of FILE from training wherever FILE is a --train file, and score
//     the fine-tuned tagger alone on it after each epoch; --heldout-gold FILE writes those documents (for `sitrep eval ner
//     --variant minilm-ft --sparse-model ...`), --predictions FILE the last epoch's mentions
//   --casing: casing classes as token types   --weight X: stored weight of the log-probabilities in the variant (30)
//   --epochs N --lr X (pretrained layers) --head-lr X (head, casing rows) --layers N (top layers trained) --seed N
//   --dropout X --warmup X (fraction of steps) --max-batch-pieces N --threads N
var trains = new List<string>();
string? outPath = null, cvPath = null, predictionsPath = null, heldOutGoldPath = null;
bool casing = false;
int fold = -1, epochs = 3, layers = 6, threads = 2, maxBatchPieces = 4096;
long seed = 1;
float weight = 30f;
double lr = 5e-5, headLr = 1e-3, dropout = 0.1, warmup = 0.1;
for (int i = 0; i < args.Length; i++)
{
    string Next() => args[++i];
    switch (args[i])
    {
        case "--train": trains.Add(Next()); break;
        case "--out": outPath = Next(); break;
        case "--cv": cvPath = Next(); break;
        case "--fold": fold = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--epochs": epochs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--layers": layers = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--threads": threads = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--seed": seed = long.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--lr": lr = double.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--head-lr": headLr = double.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--heldout-gold": heldOutGoldPath = Next(); break;
        case "--dropout": dropout = double.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--warmup": warmup = double.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--max-batch-pieces": maxBatchPieces = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--predictions": predictionsPath = Next(); break;
        case "--casing": casing = true; break;
        case "--weight": weight = float.Parse(Next(), CultureInfo.InvariantCulture); break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}
if (trains.Count == 0) { Console.Error.WriteLine("usage: sitrep-ner-finetune --train FILE... [--out FILE] [--cv FILE --fold K]"); return 2; }

torch.set_num_threads(threads);
var resources = MiniLmResources.Load();
using var encoder = new MiniLmEncoder(resources);
var onnx = OnnxInitializers.Read(resources.Model);
string[] labels = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];

// Corpora, with the cross-validation fold removed from the dev file wherever it is trained on.
var cache = new Dictionary<string, List<NerSentence>>(StringComparer.Ordinal);
List<NerSentence> Load(string path) => cache.TryGetValue(path, out var s) ? s : cache[path] = NerCorpus.Read(path);
List<NerSentence> heldOut = [];
HashSet<NerSentence>? held = null;
if (cvPath is not null)
{
    var dev = Load(cvPath);
    var folds = NerCorpus.DocumentFolds(dev, 5);
    heldOut = [.. dev.Where((_, k) => folds[k] == fold)];
    held = new HashSet<NerSentence>(heldOut, ReferenceEqualityComparer.Instance);
}
var training = new List<NerSentence>();
foreach (var path in trains)
    training.AddRange(Load(path).Where(s => held is null || !held.Contains(s)));
if (heldOutGoldPath is not null) NerCorpus.WriteIob2(heldOutGoldPath, heldOut, [.. heldOut.Select(s => (IReadOnlyList<NerSpan>)s.Spans)]);
Console.WriteLine($"training sentences {training.Count}, held out {heldOut.Count}, labels {labels.Length}, layers trained {layers}, epochs {epochs}, lr {lr}, seed {seed}");

var examples = new List<Example>();
foreach (var s in training) examples.AddRange(Example.From(s, encoder, labels, casing));
examples.RemoveAll(e => e.Ids.Length < 3);

using var model = new MiniLmTokenClassifier(onnx, labels.Length, layers, seed, casing ? MiniLmEncoder.CasingClasses : 2);
CheckAgainstOnnx(model, encoder, casing ? resources : null);

// New weights (the head, the casing rows of the token-type table) start from nothing and learn at headLr; the pretrained
// encoder layers move at lr.
var fresh = model.TrainableByName.Where(kv => kv.Key is MiniLmTokenClassifier.HeadWeight or MiniLmTokenClassifier.HeadBias or MiniLmTokenClassifier.TokenTypes)
    .OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value).ToList();
var pretrained = model.Trainable.Where(p => !fresh.Contains(p)).ToList();
var optimizer = torch.optim.AdamW([new TorchSharp.Modules.AdamW.ParamGroup(pretrained, lr: lr, weight_decay: 0.01), new TorchSharp.Modules.AdamW.ParamGroup(fresh, lr: headLr, weight_decay: 0.01)]);
double[] baseLr = [lr, headLr];
var rng = new Random((int)seed);
var batchesPerEpoch = Batches(examples, maxBatchPieces, rng).Count;
long totalSteps = (long)batchesPerEpoch * epochs, step = 0;
var clock = Stopwatch.StartNew();
for (int epoch = 1; epoch <= epochs; epoch++)
{
    double lossSum = 0; int lossCount = 0;
    foreach (var batch in Batches(examples, maxBatchPieces, rng))
    {
        using var scope = torch.NewDisposeScope();
        step++;
        double scale = step < warmup * totalSteps ? step / (warmup * totalSteps) : Math.Max(0, (double)(totalSteps - step) / ((1 - warmup) * totalSteps));
        int gi = 0;
        foreach (var g in optimizer.ParamGroups) g.LearningRate = baseLr[gi++] * scale;
        var (ids, types, mask, gold) = Tensors(batch);
        var scores = model.Forward(ids, types, mask, training: true, dropout);
        var loss = nn.functional.cross_entropy(scores.view(-1, labels.Length), gold.view(-1), ignore_index: -100);
        optimizer.zero_grad();
        loss.backward();
        nn.utils.clip_grad_norm_(model.Trainable, 1.0);
        optimizer.step();
        lossSum += loss.item<float>(); lossCount++;
        if (step % 200 == 0) Console.WriteLine($"  step {step}/{totalSteps} loss {lossSum / lossCount:F4} {clock.Elapsed.TotalSeconds:F0}s");
    }
    Console.WriteLine($"epoch {epoch}: mean loss {lossSum / Math.Max(1, lossCount):F4}, {clock.Elapsed.TotalSeconds:F0}s");
    if (heldOut.Count > 0) Evaluate(model, encoder, heldOut, labels, casing, epoch == epochs ? predictionsPath : null);
}
if (outPath is not null)
{
    var description = $"MiniLM fine-tuned for NER: top {layers} layers, {epochs} epochs, lr {lr.ToString(CultureInfo.InvariantCulture)}, seed {seed}, casing types {casing}; trained on "
        + string.Join(", ", trains.Select(Path.GetFileName));
    FineTunedWeights.ToModel(model, labels, encoder.ModelSha256, casing, weight, description).Save(outPath, onnx);
    Console.WriteLine($"wrote {outPath}");
}
return 0;

static void Evaluate(MiniLmTokenClassifier model, MiniLmEncoder encoder, List<NerSentence> gold, string[] labels, bool casing, string? predictionsPath)
{
    var predicted = new List<NerSpan>[gold.Count];
    using (torch.no_grad())
    {
        for (int i = 0; i < gold.Count; i++)
        {
            var s = gold[i];
            var tokenScores = new float[s.Forms.Length, labels.Length];
            foreach (var e in Example.From(s, encoder, labels, casing))
            {
                using var scope = torch.NewDisposeScope();
                var (ids, types, mask, _) = Tensors([e]);
                var logp = nn.functional.log_softmax(model.Forward(ids, types, mask, training: false, 0), -1)[0].contiguous().data<float>().ToArray();
                for (int t = 0; t < e.FirstPiece.Length; t++)
                    for (int c = 0; c < labels.Length; c++) tokenScores[e.TokenOffset + t, c] = logp[e.FirstPiece[t] * labels.Length + c];
            }
            predicted[i] = [.. NerCorpus.SpansFromTags(BioViterbi.Decode(tokenScores, labels))];
        }
    }
    var scores = NerEvaluation.Score(gold, predicted);
    Console.WriteLine($"held out: P {scores.Overall.Precision:F2} R {scores.Overall.Recall:F2} F1 {scores.Overall.F1:F2} (gold {scores.Overall.Gold}, predicted {scores.Overall.Predicted}); "
        + string.Join(", ", scores.PerType.Select(t => $"{t.Type} {t.F1:F2}")));
    if (predictionsPath is not null) NerCorpus.WriteIob2(predictionsPath, gold, predicted);
}

static (Tensor Ids, Tensor Types, Tensor Mask, Tensor Gold) Tensors(IReadOnlyList<Example> batch)
{
    int n = batch.Max(e => e.Ids.Length);
    var ids = new long[batch.Count * n];
    var types = new long[batch.Count * n];
    var mask = new long[batch.Count * n];
    var gold = new long[batch.Count * n];
    Array.Fill(gold, -100L);
    for (int b = 0; b < batch.Count; b++)
    {
        var e = batch[b];
        Array.Copy(e.Ids, 0, ids, b * n, e.Ids.Length);
        Array.Copy(e.Types, 0, types, b * n, e.Types.Length);
        for (int k = 0; k < e.Ids.Length; k++) mask[b * n + k] = 1;
        for (int t = 0; t < e.FirstPiece.Length; t++) gold[b * n + e.FirstPiece[t]] = e.Labels[t];
    }
    return (torch.tensor(ids, [batch.Count, n]), torch.tensor(types, [batch.Count, n]), torch.tensor(mask, [batch.Count, n]), torch.tensor(gold, [batch.Count, n]));
}

// Shuffled, then cut into runs of similar length so that little of each batch is padding.
static List<List<Example>> Batches(List<Example> examples, int maxPieces, Random rng)
{
    var order = Enumerable.Range(0, examples.Count).ToArray();
    rng.Shuffle(order);
    var batches = new List<List<Example>>();
    for (int c = 0; c < order.Length; c += 1024)
    {
        var chunk = order.Skip(c).Take(1024).OrderBy(i => examples[i].Ids.Length).ThenBy(i => i).ToList();
        var current = new List<Example>();
        int longest = 0;
        foreach (var i in chunk)
        {
            int len = examples[i].Ids.Length;
            if (current.Count > 0 && (Math.Max(longest, len) * (current.Count + 1) > maxPieces || current.Count >= 64))
            {
                batches.Add(current); current = []; longest = 0;
            }
            current.Add(examples[i]); longest = Math.Max(longest, len);
        }
        if (current.Count > 0) batches.Add(current);
    }
    var array = batches.ToArray();
    rng.Shuffle(array);
    return [.. array];
}

// The rebuilt network must give ONNX Runtime's hidden states before any training.
// With casing, the check runs ONNX Runtime with the model's own token-type table (more rows than the graph's) as an override.
static void CheckAgainstOnnx(MiniLmTokenClassifier model, MiniLmEncoder encoder, MiniLmResources? casingResources)
{
    string[] forms = ["Russia", "appealed", "to", "North", "Korea", "for", "artillery", "shells", "."];
    using var casingEncoder = casingResources is null ? null : new MiniLmEncoder(casingResources, 1, new MiniLmWeights("check", "", [.. model.TrainedTensors().Where(t => t.Name == MiniLmTokenClassifier.TokenTypes).Select(t => new MiniLmTensor(t.Name, t.Dims, t.Values))], CasingTypes: true));
    var expected = (casingEncoder ?? encoder).Encode(forms);
    var e = Example.From(new NerSentence(forms, []), encoder, ["O"], casingEncoder is not null).Single();
    using var scope = torch.NewDisposeScope();
    using var _ = torch.no_grad();
    var (ids, types, mask, _) = Tensors([e]);
    var hidden = model.Encode(ids, types, mask)[0].contiguous().data<float>().ToArray();
    double maxDiff = 0;
    for (int t = 0; t < forms.Length; t++)
        for (int d = 0; d < MiniLmEncoder.Dimensions; d++)
            maxDiff = Math.Max(maxDiff, Math.Abs(hidden[e.FirstPiece[t] * MiniLmEncoder.Dimensions + d] - expected[t * MiniLmEncoder.Dimensions + d]));
    Console.WriteLine($"rebuilt encoder vs ONNX Runtime: max |difference| {maxDiff:G3}");
    if (maxDiff > 1e-3) throw new InvalidOperationException("The TorchSharp rebuild of MiniLM does not match the ONNX graph.");
}

/// <summary>One encoder window: [CLS] pieces [SEP], the first piece of each token, and the tokens' label indexes.</summary>
internal sealed record Example(long[] Ids, long[] Types, int[] FirstPiece, long[] Labels, int TokenOffset)
{
    private const long Cls = 101, Sep = 102;

    public static IEnumerable<Example> From(NerSentence s, MiniLmEncoder encoder, string[] labels, bool casing)
    {
        var tags = new string[s.Forms.Length];
        Array.Fill(tags, "O");
        foreach (var span in s.Spans)
            for (int k = 0; k < span.Length; k++) tags[span.Start + k] = (k == 0 ? "B-" : "I-") + span.Type;
        var pieces = new List<long[]>();
        Span<long> buf = stackalloc long[MiniLmEncoder.MaxPiecesPerToken];
        foreach (var f in s.Forms) { int n = encoder.Pieces(f, buf); pieces.Add(buf[..n].ToArray()); }
        int t = 0;
        while (t < s.Forms.Length)
        {
            int end = t, used = 0;
            while (end < s.Forms.Length && (used + pieces[end].Length <= MiniLmEncoder.MaxPieces - 2 || end == t)) { used += pieces[end].Length; end++; }
            var ids = new List<long> { Cls };
            var types = new List<long> { 0 };
            var first = new int[end - t];
            var gold = new long[end - t];
            for (int k = t; k < end; k++)
            {
                first[k - t] = ids.Count;
                ids.AddRange(pieces[k]);
                long type = casing ? MiniLmEncoder.CasingClass(s.Forms[k], k == 0) : 0;
                for (int q = 0; q < pieces[k].Length; q++) types.Add(type);
                int label = Array.IndexOf(labels, tags[k]);
                gold[k - t] = label < 0 ? 0 : label;
            }
            ids.Add(Sep); types.Add(0);
            yield return new Example([.. ids], [.. types], first, gold, t);
            t = end;
        }
    }
}
