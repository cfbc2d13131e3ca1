#!/usr/bin/env bash
# The classroom page as static files that run the model in the browser (docs/CLASSROOM.md, "The
# page without a server"): publishes src/TrackSim.Web (.NET on WebAssembly) and puts the page of
# 'tracksim serve' beside it, every file of its folder, with the static build's page files over it
# (src/TrackSim.Web/Page: backend.js in place of the server's, and the model's worker). Usage:
# scripts/build-static-page.sh [FOLDER] (default artifacts/classroom-static); the folder is emptied first. Open FOLDER/index.html through any static web server.
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
echo "static page in $out ($(du -sh "$out" | cut -f1)); serve the folder, for example: python3 -m http.server -d $out"
