namespace SiteGen.Cli;

/// <summary>The process exit codes (DESIGN §11).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int ContentErrors = 1;
    public const int Usage = 2;
    public const int Internal = 3;
}
