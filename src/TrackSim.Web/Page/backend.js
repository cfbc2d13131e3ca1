// The static page's backend: the model runs in this browser, with .NET on WebAssembly, and answers
// the requests the page sends to `tracksim serve` with the same status and the same JSON.
// build-static-page.sh puts this file in place of the server's backend.js, and model-worker.js
// beside it; the rest of the page is the server's, unchanged. It works served by any web server and
// opened as a file.
'use strict';

(() => {
  const status = document.getElementById('status');
  if (status) status.textContent = 'loading the model...';

  // A page opened as a file may fetch nothing beside it, not even a script module: it loads
  // _framework/bundle.js, a plain script holding every file of the runtime, and its worker makes
  // each file a blob: address the runtime loads by name (modelFromFiles below).
  const fromFile = location.protocol === 'file:';

  // The model runs in a worker of its own, so the page stays responsive while it computes. The
  // worker starts .NET once and answers the requests one after the other, in the order sent.
  const pending = new Map();
  let next = 0;
  let worker = null;
  let resolve, reject;
  const model = new Promise((yes, no) => {
    resolve = yes;
    reject = no;
    if (fromFile) {
      const bundle = document.createElement('script');
      bundle.src = '_framework/bundle.js';
      bundle.onerror = () => reject(new Error('_framework/bundle.js did not load: build the folder with scripts/build-static-page.sh'));
      bundle.onload = () => {
        worker = new Worker(URL.createObjectURL(new Blob([`(${modelFromFiles})()`], { type: 'text/javascript' })));
        listen();
        worker.postMessage({ files: self.TRACKSIM_FILES });
      };
      document.head.append(bundle);
    } else {
      worker = new Worker('model-worker.js', { type: 'module' });
      listen();
    }
  });

  function listen() {
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
  }

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

  // The worker of a page opened as a file, as model-worker.js but with the runtime's files sent to it
  // as base64. Each becomes a blob: address; the runtime's scripts name their own address to find the
  // files beside them, which a blob: address has not, so they are given a made-up folder, and the
  // resource loader hands out each file's blob by name.
  function modelFromFiles() {
    onmessage = async ({ data: { files } }) => {
      // No handler while .NET starts: its start hung in Chromium when the worker had one.
      onmessage = null;
      try {
        const urls = {};
        for (const [name, base64] of Object.entries(files)) {
          let bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          if (name.endsWith('.js')) {
            const text = new TextDecoder().decode(bytes).split('import.meta.url').join(JSON.stringify(`file:///tracksim/_framework/${name}`));
            bytes = new TextEncoder().encode(text);
          }
          const type = name.endsWith('.wasm') ? 'application/wasm' : name.endsWith('.js') ? 'text/javascript' : 'application/octet-stream';
          urls[name] = URL.createObjectURL(new Blob([bytes], { type }));
        }
        const { dotnet } = await import(urls['dotnet.js']);
        const runtime = await dotnet.withResourceLoader((kind, name) => urls[name.split('/').pop()] ?? null).create();
        await runtime.runMain();
        const exports = await runtime.getAssemblyExports(runtime.getConfig().mainAssemblyName);
        const program = exports.TrackSim.Web.Program;
        onmessage = ({ data: { id, path, body } }) => {
          try {
            postMessage({ id, answer: program.Answer(path, body) });
          } catch (e) {
            postMessage({ id, error: String(e && e.message ? e.message : e) });
          }
        };
        postMessage({ ready: true, replicates: program.BrowserReplicates() });
      } catch (e) {
        postMessage({ failed: String(e && e.message ? e.message : e) });
      }
    };
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
