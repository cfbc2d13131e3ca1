using System.Text;

namespace TrackSim.Core.Domain;

/// <summary>Converts between C# enum names and the snake_case words of the scenario format, data files and charts.</summary>
public static class Names
{
    /// <summary><c>MilitaryOperation</c> becomes <c>military_operation</c>; <c>Track2</c> becomes <c>track2</c>.</summary>
    public static string Snake<T>(T value)
        where T : struct, Enum
    {
        string name = value.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    /// <summary>The enum value whose snake_case word is <paramref name="word"/>.</summary>
    public static T Parse<T>(string word)
        where T : struct, Enum =>
        Enum.GetValues<T>().First(v => Snake(v) == word);
}
