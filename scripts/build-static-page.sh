#!/usr/bin/env bash
# The classroom page as static files that run the model in the browser (docs/CLASSROOM.md, "The
# page without a server"): publishes src/TrackSim.Web (.NET on WebAssembly) and puts the page of
# 'tracksim serve' beside it, every file of its folder, with the static build's page files over it
# (src/TrackSim.Web/Page: backend.js in place of the server's, and the model's worker). Usage:
# scripts/build-static-page.sh [FOLDER] (default artifacts/classroom-static); the folder is emptied first.
# Open FOLDER/index.html through any static web server, or as a file: a page opened as a file may
# load plain scripts only, so _framework/bundle.js holds every file of _framework as base64 for it.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-artifacts/classroom-static}
publish=$(mktemp -d)
trap 'rm -rf "$publish"' EXIT

dotnet publish src/TrackSim.Web -c Release -o "$publish" -v quiet -nologo

rm -rf "$out"
mkdir -p "$out"
cp -R "$publish/wwwroot/." "$out/"
cp -R src/TrackSim.Server/Page/. "$out/"
cp -R src/TrackSim.Web/Page/. "$out/"

# The runtime for a page opened as a file: self.TRACKSIM_FILES = {"name": "base64", ...}, made
# from the published files (not the output folder, which it is written into).
{
  printf '// Every file of this folder as base64, for the page opened as a file (see backend.js).\n'
  printf 'self.TRACKSIM_FILES = {\n'
  for file in "$publish"/wwwroot/_framework/*; do
    printf '  "%s": "' "$(basename "$file")"
    base64 -w0 "$file"
    printf '",\n'
  done
  printf '};\n'
} > "$out/_framework/bundle.js"
echo "static page in $out ($(du -sh "$out" | cut -f1)); open $out/index.html in a browser, or serve the folder (for example: python3 -m http.server -d $out)"
