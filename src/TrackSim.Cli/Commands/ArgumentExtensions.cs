using System.CommandLine;

namespace TrackSim.Cli.Commands;

/// <summary>Checks shared by the file arguments of several commands.</summary>
internal static class ArgumentExtensions
{
    /// <summary>
    /// Rejects values that look like options, so a mistyped option (<c>validate --strict x.yaml</c>)
    /// is reported as a usage error rather than as a file that does not exist.
    /// </summary>
    public static Argument<T> RejectingOptions<T>(this Argument<T> argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.Length > 1 && t.Value[0] == '-'))
            {
                result.AddError($"Unrecognized option '{token.Value}'. (To name a file that starts with '-', write ./{token.Value}.)");
            }
        });
        return argument;
    }
}
