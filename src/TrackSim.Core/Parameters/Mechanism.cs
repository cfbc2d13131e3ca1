namespace TrackSim.Core.Parameters;

/// <summary>A mechanism of the model that a scenario or variant can switch off by name.</summary>
/// <param name="Name">snake_case name used under <c>mechanisms</c> in a scenario.</param>
/// <param name="RuleId">Stable id of the rule that implements it.</param>
/// <param name="Description">What switching it off removes.</param>
public sealed record Mechanism(string Name, string RuleId, string Description)
{
    /// <summary>Every mechanism, in the order of the step.</summary>
    public static IReadOnlyList<Mechanism> All { get; } =
    [
        new("incidents", "ST-INCIDENTS", "endogenous incidents drawn with a rate that grows with tension"),
        new("track2_meetings", "T2-MEET", "meetings of Track II initiatives (contact, convergence, recommendations)"),
        new("co_optation", "T2-COOPT", "the anchor of participants to their government's position on core topics"),
        new("transfer", "T2-TRANSFER", "recommendations reaching Track I and their adoption"),
        new("outreach", "T2-OUTREACH", "participants with public reach moving citizens"),
        new("social_influence", "CIT-INFLUENCE", "bounded-confidence influence among citizens"),
        new("opinion_noise", "CIT-NOISE", "idiosyncratic changes in each citizen's trust"),
        new("media", "CIT-MEDIA", "media effect of events on citizens"),
        new("contact", "CIT-CONTACT", "cross-border contact through functional links and ties"),
        new("turnover", "CIT-TURNOVER", "generational turnover of citizens"),
        new("functional_growth", "FN-GROWTH", "growth of active functional links"),
        new("spillover", "FN-SPILLOVER", "spillover of functional links into neighbouring sectors"),
        new("link_suspension", "FN-SUSPEND", "suspension of functional links above their tension threshold"),
        new("audience_pressure", "ST-AUDIENCE", "domestic audience pressure on posture from a hostile public"),
        new("posture", "ST-POSTURE", "Richardson dynamics of hostile posture"),
        new("official_trust", "ST-TRUST", "changes in official trust"),
        new("dialogue", "ST-DIALOGUE", "suspension and resumption of official dialogue by the model"),
    ];

    /// <summary>The mechanism with the given name, or null.</summary>
    public static Mechanism? Find(string name) => All.FirstOrDefault(m => m.Name == name);
}
