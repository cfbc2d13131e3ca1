// The model of the static page, in a worker: starts .NET on WebAssembly once (Main reads the
// lessons) and says {ready, replicates}; then answers each request backend.js posts, {id, path, body},
// with {id, answer}: the status, one space and the JSON text the server sends (src/TrackSim.Web/Program.cs).
try {
  const { dotnet } = await import('./_framework/dotnet.js');
  const runtime = await dotnet.create();
  await runtime.runMain();
  const exports = await runtime.getAssemblyExports(runtime.getConfig().mainAssemblyName);
  const program = exports.TrackSim.Web.Program;

  // Listening only now: the runtime's start hung in Chromium when the worker already had an onmessage
  // handler, and backend.js sends requests only after `ready`.
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
