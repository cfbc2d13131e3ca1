using System.Text;

namespace TrackSim.Cli;

/// <summary>
/// A console stream that never throws: when the stream underneath fails (closed, a full disk, a
/// broken pipe), the failure is remembered and later writes are dropped, so losing the console
/// never stops a command from finishing its results.
/// </summary>
/// <param name="inner">The stream written to.</param>
internal sealed class GuardedWriter(TextWriter inner) : TextWriter(inner.FormatProvider)
{
    private volatile Exception? _failure;

    /// <summary>The first failure to write, or null while every write has succeeded.</summary>
    public Exception? Failure => _failure;

    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc />
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    /// <summary>Wraps <paramref name="writer"/> unless it is already guarded.</summary>
    public static GuardedWriter Of(TextWriter writer) => writer as GuardedWriter ?? new GuardedWriter(writer);

    /// <inheritdoc />
    public override void Write(char value) => Guard(() => inner.Write(value));

    /// <inheritdoc />
    public override void Write(string? value) => Guard(() => inner.Write(value));

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    /// <inheritdoc />
    public override void WriteLine() => Guard(inner.WriteLine);

    /// <inheritdoc />
    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    /// <inheritdoc />
    public override void Flush() => Guard(inner.Flush);

    private void Guard(Action write)
    {
        if (_failure is not null)
        {
            return;
        }

        try
        {
            write();
        }
#pragma warning disable CA1031 // Whatever the console stream throws, the command must go on.
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException or NotSupportedException)
#pragma warning restore CA1031
        {
            _failure = e;
        }
    }
}
