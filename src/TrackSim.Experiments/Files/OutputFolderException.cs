namespace TrackSim.Experiments.Files;

/// <summary>An output folder or a path in it cannot be used; the message says why, naming the path.</summary>
public sealed class OutputFolderException : IOException
{
    /// <summary>Creates the exception.</summary>
    public OutputFolderException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public OutputFolderException(string message)
        : base(message)
    {
    }

    /// <summary>Whether the folder is held by another command (rather than unusable).</summary>
    public bool InUse { get; init; }

    /// <summary>Creates the exception with its message and cause.</summary>
    public OutputFolderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
