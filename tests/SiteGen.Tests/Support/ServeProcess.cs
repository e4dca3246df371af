using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SiteGen.Tests.Support;

/// <summary><c>sitegen serve</c> as a process on a free loopback port, started and waited for until it listens; disposing it kills it.</summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private ServeProcess(Process process, int port, ConcurrentQueue<string> output)
    {
        _process = process;
        Port = port;
        _output = output;
    }

    /// <summary>The lines serve printed to standard output after it started listening.</summary>
    public IReadOnlyCollection<string> Output => _output;

    public int Id => _process.Id;
    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public StreamReader StandardError => _process.StandardError;

    /// <summary>Starts serve on <paramref name="root"/>; <paramref name="arguments"/> must not hold --port unless <paramref name="port"/> is given too.</summary>
    public static ServeProcess Start(string root, string arguments = "", int? port = null)
    {
        var listen = port ?? FreePort();
        var cli = Path.Combine(AppContext.BaseDirectory, "sitegen.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{cli}\" serve \"{root}\" --port {listen} {arguments}") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["CI"] = "";
        var process = Process.Start(start)!;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var started = false;
        while (!started && DateTime.UtcNow < deadline && process.StandardOutput.ReadLine() is { } line)
            started = line.StartsWith("Serving ", StringComparison.Ordinal);
        Assert.True(started, "serve did not start: " + (process.HasExited ? process.StandardError.ReadToEnd() : "no 'Serving' line"));
        var output = new ConcurrentQueue<string>();
        _ = Task.Run(() =>
        {
            while (process.StandardOutput.ReadLine() is { } line) output.Enqueue(line);
        });
        return new ServeProcess(process, listen, output);
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
