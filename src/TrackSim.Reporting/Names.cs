using System.Text;

namespace TrackSim.Reporting;

/// <summary>Turns .NET names into the scenario format's notation.</summary>
internal static class Names
{
    /// <summary><c>MilitaryOperation</c> to <c>military_operation</c>.</summary>
    public static string SnakeCase(string pascal)
    {
        ArgumentNullException.ThrowIfNull(pascal);
        var text = new StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
