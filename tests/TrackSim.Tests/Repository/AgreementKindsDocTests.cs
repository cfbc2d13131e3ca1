using System.Globalization;
using TrackSim.Core.Domain;

namespace TrackSim.Tests.Repository;

/// <summary>docs/MODEL.md's table of the defaults by agreement kind (TI-AGREE) gives the values the model uses.</summary>
public sealed class AgreementKindsDocTests
{
    [Test]
    public void The_table_of_agreement_kinds_gives_the_codes_defaults()
    {
        string doc = RepositoryFiles.Read("docs/MODEL.md");
        var expected = Enum.GetValues<AgreementKind>().Select(kind => string.Join(" | ", [
            $"| {Names.Snake(kind)}",
            Number(AgreementKinds.Threshold(kind)),
            Number(AgreementKinds.Work(kind)),
            AgreementKinds.NeedsTalks(kind) ? "yes" : "no",
            Names.Snake(AgreementKinds.SigningKind(kind)) + " |",
        ]));

        Assert.That(expected.Where(row => !doc.Contains("\n" + row + "\n", StringComparison.Ordinal)), Is.Empty, "rows of the table under 'Defaults by kind' in docs/MODEL.md");
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
