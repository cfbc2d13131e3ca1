// The static page's backend: the model runs in this browser, with .NET on WebAssembly, and answers
// the requests the page sends to `tracksim serve` with the same status and the same JSON.
// build-static-page.sh puts this file in place of the server's backend.js, and model-worker.js
// beside it; the rest of the page is the server's, unchanged.
'use strict';

(() => {
  const status = document.getElementById('status');
  if (status) status.textContent = 'loading the model...';

  // Browsers load neither script modules nor WebAssembly into a page opened as a file: say what works.
  const fromFile = location.protocol === 'file:';
  const noServer = 'this page runs the model with WebAssembly, which browsers only load from a web server: '
    + 'put the folder on any static web host, or run "python3 -m http.server" in it and open http://localhost:8000/';

  // The model runs in a worker of its own, so the page stays responsive while it computes. The
  // worker starts .NET once and answers the requests one after the other, in the order sent.
  const pending = new Map();
  let next = 0;
  let worker = null;
  const model = new Promise((resolve, reject) => {
    if (fromFile) {
      reject(new Error(noServer));
      return;
    }
    worker = new Worker('model-worker.js', { type: 'module' });
    worker.onmessage = ({ data }) => {
      if (data.ready) {
        note(data.replicates);
        resolve();
      } else if (data.failed) {
        reject(new Error(`the model did not start: ${data.failed}`));
      } else {
        const { resolve: answered, reject: failed } = pending.get(data.id);
        pending.delete(data.id);
        if (data.error) failed(new Error(`the model failed: ${data.error}`));
        else answered(data.answer);
      }
    };
    worker.onerror = (e) => reject(new Error(`the model did not start: ${e.message || 'its script did not load'}`));
  });

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

  window.trackSimBackend = {
    // Answers one request as the server would: `body` undefined for a GET, the object to send as
    // JSON for a POST. Returns {status, data} with data the parsed answer, and text its JSON as sent.
    async request(path, body) {
      await model;
      const answer = await new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, path, body: body === undefined ? null : JSON.stringify(body) });
      });
      const space = answer.indexOf(' ');
      const text = answer.slice(space + 1);
      return { status: Number(answer.slice(0, space)), data: JSON.parse(text), text };
    },
  };
})();
