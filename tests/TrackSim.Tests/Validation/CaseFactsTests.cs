using System.Globalization;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Tests.Validation;

/// <summary>
/// The observed dates of agreements in data/ and the scenarios that put those agreements on the
/// table agree, both ways: data/cases/dated-facts.csv with the case scenarios, and
/// data/india-pakistan-agreements.csv with the India-Pakistan scenario.
/// </summary>
public sealed class CaseFactsTests
{
    [Test]
    public void Every_india_pakistan_agreement_date_in_the_data_is_a_historical_date_of_the_scenario_and_back()
    {
        var rows = File.ReadAllLines(RepositoryFiles.PathOf("data/india-pakistan-agreements.csv")).Skip(1).Select(ParseCsv)
            .Select(r => (Date: ParseDate(r[0]), Id: r[1])).ToHashSet();
        var loaded = ScenarioLoader.LoadFile(RepositoryFiles.PathOf("scenarios/india-pakistan-1984-2021.yaml"));
        Assert.That(loaded.Errors, Is.Empty);
        var onTable = loaded.Scenario!.Agreements.SelectMany(a => a.Historical.Select(d => (Date: d, a.Id))).ToHashSet();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rows, Has.Count.EqualTo(16));
            Assert.That(rows.Except(onTable), Is.Empty, "in the data, not on the scenario's table");
            Assert.That(onTable.Except(rows), Is.Empty, "on the scenario's table, not in the data");
        }
    }

    [Test]
    public void Every_agreement_in_the_facts_is_on_its_scenarios_table_with_that_historical_date_and_back()
    {
        string[] lines = File.ReadAllLines(RepositoryFiles.PathOf("data/cases/dated-facts.csv"));
        var agreements = lines.Skip(1).Select(ParseCsv).Where(r => r[3] == "agreement")
            .Select(r => (Case: r[0], Date: ParseDate(r[1]), Id: r[5]))
            .ToArray();
        var problems = new List<string>();
        foreach (var group in agreements.GroupBy(a => a.Case))
        {
            var loaded = ScenarioLoader.LoadFile(RepositoryFiles.PathOf($"scenarios/cases/{group.Key}.yaml"));
            Assert.That(loaded.Errors, Is.Empty);
            var table = loaded.Scenario!.Agreements.ToDictionary(a => a.Id);
            foreach (var (_, date, id) in group)
            {
                if (!table.TryGetValue(id, out var agreement))
                {
                    problems.Add($"{group.Key}: no agreement '{id}'");
                }
                else if (!agreement.Historical.Contains(date))
                {
                    problems.Add($"{group.Key}: {id} has no historical date {date:yyyy-MM-dd}");
                }
            }

            // And the other way: every historical date on the table is a fact with its source.
            foreach (var agreement in table.Values)
            {
                problems.AddRange(agreement.Historical.Where(d => !group.Contains((group.Key, d, agreement.Id))).Select(d => $"{group.Key}: {agreement.Id} {d:yyyy-MM-dd} is not in the facts"));
            }
        }

        Assert.That(agreements.Select(a => a.Case).Distinct().Count(), Is.EqualTo(3));
        Assert.That(problems, Is.Empty);
    }

    private static DateOnly ParseDate(string text) =>
        text.Length == 7
            ? DateOnly.ParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>One CSV line: fields separated by commas, a field with a comma in double quotes.</summary>
    private static string[] ParseCsv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
