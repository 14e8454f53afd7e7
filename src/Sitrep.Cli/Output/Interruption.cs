using System.Runtime.InteropServices;

namespace Sitrep.Cli.Output;

/// <summary>
/// Ctrl+C or SIGTERM during a long write (ingest, merge, reprocess): the first asks the command to stop after the
/// document it is storing, so the run is recorded with what it stored and the summary printed; a second Ctrl+C stops
/// the process at once. Either way the store holds whole documents only (one transaction or savepoint each).
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly ConsoleCancelEventHandler _onCancel;
    private readonly PosixSignalRegistration? _onTerm;

    public Interruption(CancellationToken outer)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _onCancel = (_, e) =>
        {
            if (_stop.IsCancellationRequested) return; // the second Ctrl+C: the default, stop now
            e.Cancel = true;
            Request();
        };
        Console.CancelKeyPress += _onCancel;
        _onTerm = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            Request();
        });
    }

    public CancellationToken Token => _stop.Token;

    /// <summary>Whether a stop was asked for by a signal or by the caller's token.</summary>
    public bool Requested => _stop.IsCancellationRequested;

    private void Request()
    {
        Console.Error.WriteLine("sitrep: stopping after the document being stored (Ctrl+C again to stop at once)…");
        try { _stop.Cancel(); } catch (ObjectDisposedException) { }
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= _onCancel;
        _onTerm?.Dispose();
        _stop.Dispose();
    }
}
