namespace Sitrep.Nlp.Encoders;

/// <summary>One float tensor of the MiniLM graph by its ONNX initializer name, row-major.</summary>
public sealed record MiniLmTensor(string Name, long[] Dims, float[] Values);

/// <summary>
/// Fine-tuned replacements for some of the MiniLM graph's initializers, and whether the token types carry casing classes
/// (<see cref="MiniLmEncoder.CasingClass"/>; the token-type table then has <see cref="MiniLmEncoder.CasingClasses"/> rows).
/// </summary>
public sealed record MiniLmWeights(string Name, string Sha256, IReadOnlyList<MiniLmTensor> Tensors, bool CasingTypes);
