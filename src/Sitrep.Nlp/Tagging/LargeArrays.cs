using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sitrep.Nlp.Tagging;

/// <summary>
/// Allocation of the big weight tables (tens of MB, read at random: one cache miss per feature). On Linux they are
/// asked to live on 2 MB transparent huge pages: with 4 KB pages nearly every feature look-up also misses the TLB,
/// and a page walk (costly under virtualization) then doubles the price of the miss. Only where the kernel offers
/// THP on request; elsewhere, or if refused, this is an ordinary zeroed array. The contents never differ.
/// </summary>
internal static class LargeArrays
{
    private const int MadvHugepage = 14, MadvCollapse = 25;
    private const long HugePage = 2 << 20;

    /// <summary>A zeroed array, pinned (its address must not move once advised), on huge pages where possible.</summary>
    public static T[] Allocate<T>(int length) where T : unmanaged
    {
        long bytes = (long)length * Unsafe.SizeOf<T>();
        if (bytes < 2 * HugePage || !OperatingSystem.IsLinux()) return new T[length];
        var a = GC.AllocateUninitializedArray<T>(length, pinned: true);
        Advise(a, bytes, MadvHugepage);
        Array.Clear(a); // first touch after the advice: the kernel backs the range with huge pages
        return a;
    }

    /// <summary>After filling: collapses whatever is still on small pages (Linux 6.1+; a no-op elsewhere).</summary>
    public static void Settle<T>(T[] a) where T : unmanaged
    {
        long bytes = (long)a.Length * Unsafe.SizeOf<T>();
        if (bytes < 2 * HugePage || !OperatingSystem.IsLinux()) return;
        Advise(a, bytes, MadvCollapse);
    }

    private static void Advise<T>(T[] a, long bytes, int advice) where T : unmanaged
    {
        long start = Marshal.UnsafeAddrOfPinnedArrayElement(a, 0);
        long first = (start + HugePage - 1) & ~(HugePage - 1), last = (start + bytes) & ~(HugePage - 1);
        if (last <= first) return;
        try { _ = Madvise((nint)first, (nuint)(last - first), advice); }
        catch (DllNotFoundException) { }
        catch (EntryPointNotFoundException) { }
    }

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(nint address, nuint length, int advice);
}
