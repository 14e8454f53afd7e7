namespace Sitrep.Core;

/// <summary>One analysis step. It declares the layers it reads and writes; <see cref="Pipeline"/> checks the order.</summary>
public interface IPipelineStage
{
    string Name { get; }
    IReadOnlyList<AnnotationLayer> Requires { get; }
    IReadOnlyList<AnnotationLayer> Provides { get; }
    Document Process(Document document, CancellationToken cancellationToken = default);
}

public sealed class PipelineOrderException(string message) : Exception(message);

/// <summary>An ordered list of stages, checked when built: every required layer is provided by the input or an earlier stage.</summary>
public sealed class Pipeline
{
    private readonly IPipelineStage[] _stages;

    private Pipeline(IPipelineStage[] stages) => _stages = stages;

    public IReadOnlyList<IPipelineStage> Stages => _stages;

    /// <param name="inputLayers">Layers every input document already has (readers provide <see cref="CoreLayers.CleanText"/>).</param>
    public static Pipeline Build(IEnumerable<IPipelineStage> stages, IEnumerable<AnnotationLayer>? inputLayers = null)
    {
        var available = new HashSet<AnnotationLayer>(inputLayers ?? [CoreLayers.CleanText]);
        var list = stages.ToArray();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stage in list)
        {
            if (!names.Add(stage.Name)) throw new PipelineOrderException($"Stage '{stage.Name}' appears twice.");
            var missing = stage.Requires.Where(l => !available.Contains(l)).Select(l => l.Name).ToArray();
            if (missing.Length > 0)
                throw new PipelineOrderException(
                    $"Stage '{stage.Name}' requires {string.Join(", ", missing)}, which no earlier stage provides. Available: {string.Join(", ", available.Select(a => a.Name).Order(StringComparer.Ordinal))}.");
            foreach (var p in stage.Provides) available.Add(p);
        }
        return new Pipeline(list);
    }

    /// <summary>Runs every stage. A stage that throws records an error on the document and the later stages that need its layers are skipped.</summary>
    public Document Run(Document document, CancellationToken cancellationToken = default)
    {
        foreach (var stage in _stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!stage.Requires.All(document.Has)) continue;
            try
            {
                document = stage.Process(document, cancellationToken);
            }
            catch (SitrepException e)
            {
                document = document.WithError(e.ToError(stage.Name));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                document = document.WithError(new DocumentError(ErrorCodes.StageFailed, $"{stage.Name}: {e.GetType().Name}: {e.Message}", stage.Name));
            }
        }
        return document;
    }
}
