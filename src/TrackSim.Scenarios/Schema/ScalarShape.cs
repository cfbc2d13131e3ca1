using TrackSim.Scenarios.Yaml;

namespace TrackSim.Scenarios.Schema;

/// <summary>A shape whose node must be a single non-null scalar.</summary>
public abstract class ScalarShape : Shape
{
    /// <inheritdoc />
    public sealed override void Validate(YamlNode node, string path, ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (node is not YamlScalar scalar || scalar.IsNull)
        {
            context.Error(node, path, $"expected {Expected}, found {node.KindName}");
            return;
        }

        if (Check(scalar) is { } problem)
        {
            context.Error(node, path, problem);
        }
    }

    /// <summary>Returns a message when the scalar does not fit, or null when it does.</summary>
    protected abstract string? Check(YamlScalar scalar);

    /// <summary>A value as quoted in messages: at most 40 characters.</summary>
    protected static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= 40 ? $"'{value}'" : $"'{value[..37]}...' ({value.Length} characters)";
    }

    /// <summary>The standard "expected X, found Y" message.</summary>
    protected string Found(YamlScalar scalar)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        return $"expected {Expected}, found {(scalar.IsPlain ? scalar.KindName : $"the quoted text \"{(scalar.Value.Length <= 40 ? scalar.Value : scalar.Value[..37] + "...")}\"")}";
    }
}
