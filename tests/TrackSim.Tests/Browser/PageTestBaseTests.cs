namespace TrackSim.Tests.Browser;

/// <summary>The parts of the browser fixture that decide a test's fate without a browser: finding Chromium and judging request URLs.</summary>
[TestFixture]
[NonParallelizable]
public sealed class PageTestBaseTests
{
    private static readonly Uri Server = new("http://127.0.0.1:40123/");

    [Test]
    public void A_chromium_variable_naming_a_missing_file_is_an_error_that_says_how_to_install_chromium()
    {
        var saved = Environment.GetEnvironmentVariable(ChromiumLocator.Variable);
        try
        {
            Environment.SetEnvironmentVariable(ChromiumLocator.Variable, Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "chromium"));

            var error = Assert.Throws<InvalidOperationException>(() => ChromiumLocator.Find());

            Assert.That(error.Message, Does.Contain("apt-get install -y chromium").And.Contain(ChromiumLocator.Variable));
        }
        finally
        {
            Environment.SetEnvironmentVariable(ChromiumLocator.Variable, saved);
        }
    }

    [Test]
    public void A_chromium_variable_naming_a_file_is_the_browser_used()
    {
        var saved = Environment.GetEnvironmentVariable(ChromiumLocator.Variable);
        var file = Path.GetTempFileName();
        try
        {
            Environment.SetEnvironmentVariable(ChromiumLocator.Variable, file);

            Assert.That(ChromiumLocator.Find(), Is.EqualTo(file));
        }
        finally
        {
            Environment.SetEnvironmentVariable(ChromiumLocator.Variable, saved);
            File.Delete(file);
        }
    }

    [Test]
    public void Requests_to_the_servers_origin_and_page_local_urls_are_not_outside()
    {
        string[] inside =
        [
            "http://127.0.0.1:40123/",
            "http://127.0.0.1:40123/app.js",
            "http://127.0.0.1:40123/api/run",
            "ws://127.0.0.1:40123/api/class",
            "blob:http://127.0.0.1:40123/6f1c2d1e-1111-4d4b-9d53-0a4b1c2d3e4f",
            "data:image/png;base64,iVBORw0KGgo=",
        ];

        Assert.That(PageTestBase.OutsideRequests(inside, Server), Is.Empty);
    }

    [Test]
    public void Requests_to_another_port_host_or_scheme_are_outside()
    {
        string[] outside =
        [
            "http://127.0.0.1:40124/app.js",
            "http://localhost:40123/app.js",
            "https://127.0.0.1:40123/app.js",
            "https://cdn.example.org/chart.js",
            "wss://127.0.0.1:40123/api/class",
            "blob:https://example.org/6f1c2d1e-1111-4d4b-9d53-0a4b1c2d3e4f",
            "not a url",
        ];

        Assert.That(PageTestBase.OutsideRequests(outside, Server), Is.EqualTo(outside));
    }
}
