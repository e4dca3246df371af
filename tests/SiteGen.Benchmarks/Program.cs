using BenchmarkDotNet.Running;

namespace SiteGen.Benchmarks;

/// <summary>
/// Per-stage micro-benchmarks on a generated garden. Run from the repository root:
/// <c>dotnet run -c Release --project tests/SiteGen.Benchmarks -- --filter '*'</c>
/// (NOTES=1000 by default; the vault comes from ../shared/tools/gen_vault.py).
/// The whole-process comparison with Hugo is compare-hugo.sh beside this file.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
