using System.Collections.Immutable;
using TrackSim.Core.Recording;
using TrackSim.Core.Rules;

namespace TrackSim.Experiments.Outcomes;

/// <summary>
/// Reads the official outcomes out of a run's event log: the agreements reached and collapsed
/// (rule <c>TI-AGREE</c>) and the changes of the official dialogue (rule <c>TI-TALKS</c>). Only
/// these two rules are read; an entry under them that is neither is an error, never skipped, so a
/// new kind of entry cannot be miscounted in silence.
/// </summary>
public static class OutcomeLog
{
    /// <summary>The rule under which agreements are reached and collapse.</summary>
    public const string AgreementRule = TiAgreeRule.Id;

    /// <summary>The rule under which the dialogue is suspended, lapses and resumes.</summary>
    public const string TalksRule = TiTalksRule.Id;

    /// <summary>How a reach or a change of the dialogue scripted by a decided event ends its detail.</summary>
    private const string ScriptedByPrefix = "(scripted by ";

    /// <summary>The agreements reached and collapsed in <paramref name="run"/>, in log order.</summary>
    public static ImmutableArray<AgreementChange> Agreements(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var changes = ImmutableArray.CreateBuilder<AgreementChange>();
        foreach (var entry in run.Log)
        {
            if (entry.Rule != AgreementRule)
            {
                continue;
            }

            if (entry.Detail.StartsWith("reached: ", StringComparison.Ordinal))
            {
                int at = entry.Detail.LastIndexOf(ScriptedByPrefix, StringComparison.Ordinal);
                bool scripted = at >= 0 && entry.Detail.IndexOf(')', at) == entry.Detail.Length - 1;
                changes.Add(new AgreementChange(entry.Step, entry.Date, entry.Subject, AgreementChangeKind.Reached, scripted));
            }
            else if (entry.Detail.StartsWith("collapsed: ", StringComparison.Ordinal))
            {
                changes.Add(new AgreementChange(entry.Step, entry.Date, entry.Subject, AgreementChangeKind.Collapsed, false));
            }
            else
            {
                throw Unknown(run, entry);
            }
        }

        return changes.ToImmutable();
    }

    /// <summary>The changes of the official dialogue in <paramref name="run"/>, in log order.</summary>
    public static ImmutableArray<DialogueChange> Dialogue(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var changes = ImmutableArray.CreateBuilder<DialogueChange>();
        foreach (var entry in run.Log)
        {
            if (entry.Rule != TalksRule)
            {
                continue;
            }

            var kind = entry.Detail switch
            {
                _ when entry.Detail.StartsWith("dialogue suspended", StringComparison.Ordinal) => DialogueChangeKind.Suspended,
                _ when entry.Detail.StartsWith("dialogue lapsed", StringComparison.Ordinal) => DialogueChangeKind.Lapsed,
                _ when entry.Detail.StartsWith("dialogue resumed", StringComparison.Ordinal) => DialogueChangeKind.Resumed,
                _ => throw Unknown(run, entry),
            };
            bool scripted = entry.Detail.EndsWith("(scripted)", StringComparison.Ordinal);
            changes.Add(new DialogueChange(entry.Step, entry.Date, entry.Subject, kind, scripted));
        }

        return changes.ToImmutable();
    }

    /// <summary>
    /// Months from <paramref name="from"/> to <paramref name="to"/>: whole calendar months between
    /// the two dates plus the difference of their days over the mean month (30.436875 days), so two
    /// first days of months are a whole number of months apart. Negative when <paramref name="to"/>
    /// is earlier.
    /// </summary>
    public static double MonthsBetween(DateOnly from, DateOnly to) =>
        (((to.Year * 12) + to.Month) - ((from.Year * 12) + from.Month)) + ((to.Day - from.Day) / DaysPerMonth);

    /// <summary>The mean length of a Gregorian month in days.</summary>
    public const double DaysPerMonth = 365.2425 / 12;

    private static InvalidDataException Unknown(RunResult run, LogEntry entry) =>
        new($"Run {run.Variant} {run.Replicate}, step {entry.Step}: a {entry.Rule} entry for {entry.Subject} that is neither of the changes counted (\"{entry.Detail}\").");
}
