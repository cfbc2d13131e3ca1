using System.Text;
using System.Text.RegularExpressions;

namespace TrackSim.Tests.Repository;

/// <summary>
/// A user has only the repository, so everything it cites must be in it: no file names a document
/// kept elsewhere, every relative Markdown link resolves to a file or folder of the repository, and
/// every observed-data file under <c>data/</c> is well-formed CSV described in <c>data/README.md</c>.
/// Each check is a small function tested on a string first, so that it is known to be able to fail.
/// </summary>
[TestFixture]
public sealed partial class SelfContainedTests
{
    /// <summary>
    /// Documents that are not in the repository. The names are built from parts so that this file
    /// does not match its own search.
    /// </summary>
    private static readonly string[] OutsideDocuments = ["STYLE" + ".md", "DESIGN" + ".md", "shared" + "/data"];

    /// <summary>Build output, test output and editor folders, which are not part of the repository.</summary>
    private static readonly HashSet<string> SkippedFolders =
        [".git", "bin", "obj", "results", "TestResults", "BenchmarkDotNet.Artifacts", "artifacts", ".vs", ".idea"];

    // ---- (a) no reference to a document outside the repository ----

    [Test]
    public void Finding_outside_references_reports_each_with_its_line()
    {
        string text = "line one\nsee " + OutsideDocuments[0] + " 12\nfrom " + OutsideDocuments[2].ToUpperInvariant() + "/x.md\n";

        Assert.That(string.Join(" | ", OutsideReferences(text)), Is.EqualTo($"2: {OutsideDocuments[0]} | 3: {OutsideDocuments[2]}"));
        Assert.That(OutsideReferences("see docs/MODEL.md, section 2, and data/README.md\n"), Is.Empty);
    }

    [Test]
    public void Binary_files_are_told_from_text()
    {
        Assert.That(LooksBinary([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]), Is.True);
        Assert.That(LooksBinary(Encoding.UTF8.GetBytes("plain text, même accentuée\n")), Is.False);
    }

    [Test]
    public void No_file_cites_a_document_that_is_not_in_the_repository()
    {
        var files = TextFiles();
        Assert.That(files, Does.Contain("README.md").And.Contain("Directory.Build.props").And.Contain(".editorconfig").And.Contain("docs/VALIDATION.md"),
            "the scan must cover the repository's text files");

        var found = new List<string>();
        foreach (string file in files)
        {
            found.AddRange(OutsideReferences(RepositoryFiles.Read(file)).Select(hit => $"{file}:{hit}"));
        }

        Assert.That(found, Is.Empty, "cite the repository's own files (data/..., docs/...) or the publication itself, or state the reason in words");
    }

    // ---- (b) relative Markdown links resolve ----

    [Test]
    public void Relative_link_targets_are_read_without_anchors_external_links_or_code()
    {
        const string Markdown = """
            See [the model](docs/MODEL.md#2-entities) and ![a chart](images/a%20b.png "title"),
            [the web](https://example.org/x.md), [mail](mailto:someone@example.org), [here](#fit),
            `[not a link](inline-code.md)` and [up](../data/README.md).

            ```csharp
            var x = list[0](y);  // [code](fenced.md)
            ```
            """;

        Assert.That(string.Join(" | ", RelativeLinkTargets(Markdown)), Is.EqualTo("docs/MODEL.md | images/a b.png | ../data/README.md"));
    }

    [Test]
    public void A_link_resolves_only_to_an_existing_file_or_folder_inside_the_repository()
    {
        Assert.That(LinkProblem("docs/VALIDATION.md", "../data/public-opinion.csv"), Is.Null);
        Assert.That(LinkProblem("README.md", "docs"), Is.Null);
        Assert.That(LinkProblem("README.md", "docs/NO-SUCH-FILE.md"), Does.Contain("no such file"));
        Assert.That(LinkProblem("docs/VALIDATION.md", "../../outside.md"), Does.Contain("outside the repository"));
    }

    [Test]
    public void Every_relative_Markdown_link_resolves()
    {
        var markdown = TextFiles().Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.That(markdown, Does.Contain("README.md").And.Contain("data/README.md"), "the scan must cover the repository's Markdown files");

        var broken = new List<string>();
        int links = 0;
        foreach (string file in markdown)
        {
            foreach (string target in RelativeLinkTargets(RepositoryFiles.Read(file)))
            {
                links++;
                if (LinkProblem(file, target) is { } problem)
                {
                    broken.Add($"{file}: ({target}): {problem}");
                }
            }
        }

        Assert.That(links, Is.GreaterThan(10), "the Markdown files link to each other; finding almost no links means the link reader is broken");
        Assert.That(broken, Is.Empty);
    }

    // ---- (c) data/ holds well-formed CSV, each file described in data/README.md ----

    [Test]
    public void Csv_problems_are_found_and_quoted_commas_are_allowed()
    {
        Assert.That(CsvProblems("a,b,c\n1,\"x, y\",3\n4,\"say \"\"hi\"\"\",6\n"), Is.Empty);
        Assert.That(string.Join(" | ", CsvProblems("a,b,c\n1,2\n")), Is.EqualTo("line 2: 2 fields, the header has 3"));
        Assert.That(CsvProblems("a,b\n1,\"open\n"), Does.Contain("line 2: a quoted field is not closed"));
        Assert.That(CsvProblems("a,b\n1,x\"y\n"), Does.Contain("line 2: a quote inside an unquoted field"));
        Assert.That(CsvProblems("a,b\n1,\"x\"y\n"), Does.Contain("line 2: text after the closing quote of a field"));
        Assert.That(CsvProblems("a,,c\n1,2,3\n"), Does.Contain("header: column 2 has no name"));
        Assert.That(CsvProblems("a,a\n1,2\n"), Does.Contain("header: column a appears twice"));
        Assert.That(string.Join(" | ", CsvProblems("")), Is.EqualTo("no header line"));
        Assert.That(string.Join(" | ", CsvProblems("a,b\n")), Is.EqualTo("no data line"));
    }

    [Test]
    public void A_file_is_listed_only_under_its_exact_name()
    {
        const string Readme = "| [public-opinion.csv](public-opinion.csv) | surveys |\n`events.csv` below\n";

        Assert.That(ListedIn(Readme, "public-opinion.csv"), Is.True);
        Assert.That(ListedIn(Readme, "events.csv"), Is.True);
        Assert.That(ListedIn(Readme, "opinion.csv"), Is.False);
        Assert.That(ListedIn(Readme, "public-opinion.cs"), Is.False);
    }

    [Test]
    public void Every_data_file_is_well_formed_csv_and_described_in_the_data_readme()
    {
        string readme = RepositoryFiles.Read("data/README.md");
        var files = Directory.EnumerateFiles(RepositoryFiles.PathOf("data"), "*.csv", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryFiles.PathOf("data"), f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.That(files, Does.Contain("public-opinion.csv").And.Contain("india-pakistan-events.csv"));

        var problems = new List<string>();
        foreach (string file in files)
        {
            problems.AddRange(CsvProblems(RepositoryFiles.Read("data/" + file)).Select(p => $"data/{file}: {p}"));
            if (!ListedIn(readme, file))
            {
                problems.Add($"data/{file}: not described in data/README.md");
            }
        }

        Assert.That(problems, Is.Empty);
    }

    // ---- the checks ----

    /// <summary>Each mention of a document outside the repository, as "line: name" (the name as listed, matched in any case).</summary>
    internal static IReadOnlyList<string> OutsideReferences(string text)
    {
        var hits = new List<string>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            hits.AddRange(OutsideDocuments
                .Where(name => lines[i].Contains(name, StringComparison.OrdinalIgnoreCase))
                .Select(name => $"{i + 1}: {name}"));
        }

        return hits;
    }

    /// <summary>Whether the bytes look like a binary file: a NUL byte in the first 8 KB.</summary>
    internal static bool LooksBinary(ReadOnlySpan<byte> bytes) => bytes[..Math.Min(bytes.Length, 8192)].Contains((byte)0);

    /// <summary>The targets of relative links and images in Markdown, anchors removed and escapes decoded, outside code.</summary>
    internal static IReadOnlyList<string> RelativeLinkTargets(string markdown)
    {
        string prose = InlineCode().Replace(FencedCode().Replace(markdown, ""), "");
        var targets = new List<string>();
        foreach (Match link in MarkdownLink().Matches(prose))
        {
            string target = link.Groups["target"].Value;
            if (UriScheme().IsMatch(target) || target.StartsWith('#'))
            {
                continue;
            }

            int anchor = target.IndexOf('#', StringComparison.Ordinal);
            targets.Add(Uri.UnescapeDataString(anchor >= 0 ? target[..anchor] : target));
        }

        return targets;
    }

    /// <summary>Why a link from a Markdown file (path relative to the root) does not resolve, or null when it does.</summary>
    internal static string? LinkProblem(string fromFile, string target)
    {
        string root = Path.GetFullPath(RepositoryFiles.Root);
        string folder = target.StartsWith('/') ? root : Path.GetDirectoryName(RepositoryFiles.PathOf(fromFile))!;
        string full = Path.GetFullPath(Path.Combine(folder, target.TrimStart('/')));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && full != root)
        {
            return "points outside the repository";
        }

        return File.Exists(full) || Directory.Exists(full) ? null : "no such file or folder in the repository";
    }

    /// <summary>What is wrong with a CSV text: header, field counts, quoting; empty when it is well formed.</summary>
    internal static IReadOnlyList<string> CsvProblems(string text)
    {
        var problems = new List<string>();
        var records = new List<(int Line, List<string> Fields)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1;
        bool quoted = false, wasQuoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0 && !wasQuoted)
            {
                quoted = wasQuoted = true;
            }
            else if (wasQuoted && c is not (',' or '\n' or '\r'))
            {
                problems.Add($"line {line}: text after the closing quote of a field");
                wasQuoted = false;
            }
            else if (c == '"')
            {
                problems.Add($"line {line}: a quote inside an unquoted field");
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                wasQuoted = false;
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                records.Add((recordLine, fields));
                fields = [];
                field.Clear();
                wasQuoted = false;
                recordLine = ++line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            problems.Add($"line {recordLine}: a quoted field is not closed");
        }
        else if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }

        if (records.Count == 0)
        {
            return problems.Count > 0 ? problems : ["no header line"];
        }

        var header = records[0].Fields;
        for (int i = 0; i < header.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(header[i]))
            {
                problems.Add($"header: column {i + 1} has no name");
            }
            else if (header.IndexOf(header[i]) < i)
            {
                problems.Add($"header: column {header[i]} appears twice");
            }
        }

        if (records.Count == 1 && problems.Count == 0)
        {
            problems.Add("no data line");
        }

        problems.AddRange(records.Skip(1)
            .Where(r => r.Fields.Count != header.Count)
            .Select(r => $"line {r.Line}: {r.Fields.Count} fields, the header has {header.Count}"));
        return problems;
    }

    /// <summary>Whether a README names a file exactly (not as part of a longer name).</summary>
    internal static bool ListedIn(string readme, string fileName) =>
        Regex.IsMatch(readme, @"(?<![\w.\-/])" + Regex.Escape(fileName) + @"(?![\w.\-])");

    /// <summary>Every text file of the repository, relative to its root with '/' separators, in a stable order.</summary>
    private static List<string> TextFiles()
    {
        var files = new List<string>();
        var pending = new Stack<string>([RepositoryFiles.Root]);
        while (pending.Count > 0)
        {
            string folder = pending.Pop();
            foreach (string sub in Directory.EnumerateDirectories(folder).Where(d => !SkippedFolders.Contains(Path.GetFileName(d))))
            {
                pending.Push(sub);
            }

            foreach (string file in Directory.EnumerateFiles(folder))
            {
                if (Path.GetFileName(file) == ".git" || LooksBinary(ReadStart(file)))
                {
                    continue;
                }

                files.Add(Path.GetRelativePath(RepositoryFiles.Root, file).Replace('\\', '/'));
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static byte[] ReadStart(string file)
    {
        using var stream = File.OpenRead(file);
        var buffer = new byte[8192];
        int read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return buffer[..read];
    }

    [GeneratedRegex(@"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:")]
    private static partial Regex UriScheme();

    [GeneratedRegex(@"^ *(```|~~~).*?^ *\1", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();
}
