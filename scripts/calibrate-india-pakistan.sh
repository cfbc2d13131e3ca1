#!/usr/bin/env bash
# The calibration of docs/VALIDATION.md ("The posterior", "Held out"): ABC-SMC of the
# India-Pakistan scenario on its targets over the whole period and on the targets that end by
# 2007 only, then the charts the page shows. Usage: scripts/calibrate-india-pakistan.sh [FOLDER]
# (default results/validation). Then run the tests with UPDATE_DOCS=1 to rewrite the tables of
# docs/VALIDATION.md from the files it copies into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-results/validation}
dotnet build src/TrackSim.Cli -c Release -v quiet -nologo
tracksim() { dotnet src/TrackSim.Cli/bin/Release/net10.0/tracksim.dll "$@"; }

priors=(
  --vary parameters.media.effect=0.02:0.3
  --vary parameters.posture.restraint=0.2:2
  --vary parameters.dialogue.min_suspension=0:5
  --vary parameters.dialogue.open_readiness=0.05:0.6
  --vary parameters.readiness.tension_weight=0:1
  --vary parameters.readiness.backchannel_weight=0:1
  --vary parameters.agreements.progress_half_life=0.1:5
  --vary parameters.contact.effect=0:0.02
  --vary observation.unfavourable_cut
  --vary observation.neutral_band
)
common=(scenarios/india-pakistan-1984-2021.yaml --targets data/targets/india-pakistan-1984-2021.csv "${priors[@]}" -n 300 -g 8 --width 7 --height 3)

time tracksim calibrate "${common[@]}" --out "$out/whole" --force
time tracksim calibrate "${common[@]}" --until 2007-12 --out "$out/until-2007" --force

# The files the tables of docs/VALIDATION.md are made from (tests/TrackSim.Tests/Validation/CalibrationTablesTests.cs),
# and the posterior the case transfer uses (CaseTransferTests).
mkdir -p docs/validation
cp "$out/whole/posterior-summary.csv" data/targets/india-pakistan-posterior.csv
cp "$out/until-2007/posterior-summary.csv" docs/validation/posterior-until-2007.csv
cp "$out/whole/fit.csv" docs/validation/fit-whole.csv
cp "$out/until-2007/fit.csv" docs/validation/fit-until-2007.csv
cp "$out/whole/generations.csv" docs/validation/generations-whole.csv
cp "$out/until-2007/generations.csv" docs/validation/generations-until-2007.csv

images=docs/images/validation/calibration
mkdir -p "$images"
for chart in posterior-marginals posterior-pairs predictive-unfavourable-public-trust-in-pk predictive-favourable-public-trust-pk-in predictive-level-dialogue-open-in-pk predictive-level-tension-in-pk; do
  cp "$out/whole/charts/$chart.png" "$images/$chart.png"
done
cp "$out/until-2007/charts/predictive-level-dialogue-open-in-pk.png" "$images/until-2007-predictive-level-dialogue-open-in-pk.png"

# The scenario's base run as it ships (with the calibrated values), for the charts of "Fit".
tracksim run scenarios/india-pakistan-1984-2021.yaml --variant base --out "$out/base" --force -q
cp "$out/base/charts/public_trust.png" docs/images/validation/india-pakistan-public-trust.png
cp "$out/base/charts/tension.png" docs/images/validation/india-pakistan-tension.png

# The India-Pakistan charts of docs/CHARTS.md and docs/WHATIF.md: every variant, then redrawn at one column's size.
tracksim run scenarios/india-pakistan-1984-2021.yaml --out "$out/all" --force -q
cp "$out/all/effects/difference-public_trust.png" docs/images/india-pakistan-difference-public-trust.png
tracksim plot "$out/all" --width 3.5 --height 2.4 -q
cp "$out/all/charts/compare-public_trust.png" docs/images/india-pakistan-compare-public-trust.png
cp "$out/all/charts/tension.png" docs/images/india-pakistan-tension.png
