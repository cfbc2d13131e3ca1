// The static page's backend: the model runs in this browser, with .NET on WebAssembly, and answers
// the requests the page sends to `tracksim serve` with the same status and the same JSON.
// build-static-page.sh puts this file in place of the server's backend.js; the rest of the page is
// the server's, unchanged.
'use strict';

(() => {
  const status = document.getElementById('status');
  if (status) status.textContent = 'loading the model...';

  // The .NET runtime starts once; the first request waits for it. Main reads the lessons.
  const model = (async () => {
    // Browsers load neither modules nor WebAssembly into a page opened as a file: say what works.
    if (location.protocol === 'file:') {
      throw new Error('this page runs the model with WebAssembly, which browsers only load from a web server: '
        + 'put the folder on any static web host, or run "python3 -m http.server" in it and open http://localhost:8000/');
    }
    const { dotnet } = await import('./_framework/dotnet.js');
    const runtime = await dotnet.create();
    await runtime.runMain();
    const exports = await runtime.getAssemblyExports(runtime.getConfig().mainAssemblyName);
    const program = exports.TrackSim.Web.Program;
    note(program.BrowserReplicates());
    return program;
  })();

  // Says on the page what differs from the server: the model runs here, and lessons start at fewer
  // replicates (StaticBackend.BrowserReplicates).
  function note(replicates) {
    if (!status) return;
    const text = document.createElement('small');
    text.id = 'static-note';
    text.textContent = ` The model runs in this browser: a lesson starts at ${replicates} replicates (tracksim serve starts at its `
      + 'scenario\'s number, up to 50); more take longer. The numbers at a given number of replicates are the server\'s.';
    status.after(text);
  }

  // The model holds the page's only thread while it runs: let the page draw what it said first
  // ("running...") before it starts.
  const drawn = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

  window.trackSimBackend = {
    // Answers one request as the server would: `body` undefined for a GET, the object to send as
    // JSON for a POST. Returns {status, data} with data the parsed answer, and text its JSON as sent.
    async request(path, body) {
      const program = await model;
      await drawn();
      const answer = program.Answer(path, body === undefined ? null : JSON.stringify(body));
      const space = answer.indexOf(' ');
      const text = answer.slice(space + 1);
      return { status: Number(answer.slice(0, space)), data: JSON.parse(text), text };
    },
  };
})();
