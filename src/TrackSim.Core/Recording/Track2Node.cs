namespace TrackSim.Core.Recording;

/// <summary>A Track II participant.</summary>
/// <param name="Initiative">Id of the initiative.</param>
/// <param name="Index">Index of the participant in the initiative (its groups in the scenario's order).</param>
/// <param name="Side">State id of the participant, or the third party's id.</param>
/// <param name="Role">Role id at the point (a youth participant may have grown into an adult one).</param>
/// <param name="ThirdParty">Whether the participant belongs to a third party rather than a side.</param>
/// <param name="Member">Whether the participant's group takes part on the point's date.</param>
/// <param name="Attended">Meetings of the initiative the participant has attended so far.</param>
public sealed record Track2Node(string Initiative, int Index, string Side, string Role, bool ThirdParty, bool Member, int Attended)
{
    /// <summary>The id of the node in the network files: <c>initiative:index</c>.</summary>
    public string Id => IdOf(Initiative, Index);

    /// <summary>The id of participant <paramref name="index"/> of <paramref name="initiative"/> in the network files.</summary>
    public static string IdOf(string initiative, int index) => $"{initiative}:{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
