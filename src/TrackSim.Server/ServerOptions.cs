namespace TrackSim.Server;

/// <summary>Where the server listens and which scenario files it offers as lessons.</summary>
public sealed record ServerOptions
{
    /// <summary>The port used when none is given.</summary>
    public const int DefaultPort = 5180;

    /// <summary>The address used when none is given: this machine only.</summary>
    public const string DefaultHost = "127.0.0.1";

    /// <summary>Address to listen on (an IP address or <c>localhost</c>).</summary>
    public string Host { get; init; } = DefaultHost;

    /// <summary>Port to listen on; 0 lets the system choose a free one.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>The scenario files offered as lessons, in the order listed; the server opens no other path.</summary>
    public IReadOnlyList<string> LessonFiles { get; init; } = [];
}
