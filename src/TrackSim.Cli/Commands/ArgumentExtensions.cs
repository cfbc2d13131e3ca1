using System.CommandLine;

namespace TrackSim.Cli.Commands;

/// <summary>Checks shared by the file arguments and options of several commands.</summary>
internal static class ArgumentExtensions
{
    /// <summary>
    /// Rejects values that look like options, so a mistyped option (<c>validate --strict x.yaml</c>)
    /// is reported as a usage error rather than as a file that does not exist; and rejects an empty
    /// name (<c>run ''</c>), which names no file.
    /// </summary>
    public static Argument<T> RejectingOptions<T>(this Argument<T> argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-')
                {
                    result.AddError($"Unrecognized option '{token.Value}'. (To name a file that starts with '-', write ./{token.Value}.)");
                }
                else if (string.IsNullOrWhiteSpace(token.Value))
                {
                    result.AddError($"{argument.Name}: expected a name, found '{token.Value}'");
                }
            }
        });
        return argument;
    }

    /// <summary>Rejects an empty or blank value of a file or folder option: <c>--out ''</c> names nothing.</summary>
    public static Option<string> RequiringName(this Option<string> option, string what)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => string.IsNullOrWhiteSpace(t.Value)))
            {
                result.AddError($"{option.Name} needs {what}.");
            }
        });
        return option;
    }

    /// <summary>Rejects an empty or blank value of a list option (<c>--variant ''</c>), which would otherwise mean "all".</summary>
    public static Option<string[]> RequiringValues(this Option<string[]> option, string what)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => string.IsNullOrWhiteSpace(t.Value.Replace(',', ' '))))
            {
                result.AddError($"{option.Name}: expected {what}, found '{token.Value}'");
            }
        });
        return option;
    }
}
