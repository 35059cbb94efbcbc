#!/bin/sh
# The figures of the cockpit agent on CLINC150's validation split, which nothing is tuned on (README,
# "CLINC150, the in-car intents"): the full agent, the agent with 10 examples per intent, and each in-car domain
# left out of training and of the background in turn, its validation utterances then counted as out of scope
# (measure-lodo.sh, which runs alone too).
# Usage, from the repository root: examples/cockpit/measure.sh [DATA] [OUT]
#   DATA  the shared data folder (default ../shared/data); OUT  where reports go (default a new temporary folder)
set -eu
. "$(dirname "$0")/data.sh"

echo "== the full training split"
./cabin labtest examples/cockpit/cockpit.cabin --corpus "$val" --json "$out/full.json"

echo "== 10 examples per intent"
./cabin import jsonl "$train" -o "$out/cockpit10.cabin" --max-per-intent 10 --name Cockpit
./cabin labtest "$out/cockpit10.cabin" --corpus "$val" --json "$out/ten.json"

"$(dirname "$0")/measure-lodo.sh" "$data" "$out"
