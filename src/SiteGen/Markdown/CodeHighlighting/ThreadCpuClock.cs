using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SiteGen.Markdown.CodeHighlighting;

/// <summary>
/// The CPU time the calling thread has used. A block's highlighting budget is counted on it rather than on the wall
/// clock, so that whether a block is coloured does not depend on how busy the machine is or on the collector's
/// pauses: on the wall clock, a build on a loaded machine wrote some blocks plain that a quiet one coloured.
/// </summary>
internal static class ThreadCpuClock
{
    // Where the platform gives no per-thread clock, the wall clock stands in, for the whole process, so that a
    // budget is never the difference of two clocks and a missing library is not looked for again on every line.
    private static readonly long WallStart = Stopwatch.GetTimestamp();
    private static volatile bool _wallOnly = !(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsWindows());

    public static TimeSpan Now()
    {
        if (!_wallOnly)
        {
            try
            {
                if (OperatingSystem.IsWindows())
                {
                    if (GetThreadTimes(GetCurrentThread(), out _, out _, out var kernel, out var user)) return TimeSpan.FromTicks(kernel + user);
                }
                // CLOCK_THREAD_CPUTIME_ID: 3 on Linux, 16 on macOS.
                else if (clock_gettime(OperatingSystem.IsLinux() ? 3 : 16, out var time) == 0)
                {
                    return TimeSpan.FromSeconds(time.Seconds) + TimeSpan.FromTicks(time.Nanoseconds / 100);
                }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
            }
            _wallOnly = true;
        }
        return Stopwatch.GetElapsedTime(WallStart);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // DllImport rather than LibraryImport, whose generated code would need the library compiled with unsafe code.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clock, out TimeSpec time);

    [DllImport("kernel32")]
    private static extern nint GetCurrentThread();

    [DllImport("kernel32")]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool GetThreadTimes(nint thread, out long creation, out long exit, out long kernel, out long user);
}
