#!/bin/sh
# Leave-one-domain-out of the cockpit agent with the built-in background of unrelated speech (README, "The CLINC150
# agent with the background"): each in-car domain of CLINC150 in turn is left out of the agent's training AND out of
# the background, whose CLINC150 lines of that domain (labels clinc150:INTENT) would otherwise train as the agent's
# negatives; the domain's validation utterances then count as out of scope, the other four domains' as in scope.
# Nothing is tuned on the validation split.
# Usage, from the repository root: examples/cockpit/measure-lodo.sh [DATA] [OUT]
#   DATA  the shared data folder (default ../shared/data); OUT  where reports go (default a new temporary folder)
set -eu
data=${1:-../shared/data}
out=${2:-$(mktemp -d)}
train="$data/clinc150-incar/train.jsonl"
val="$data/clinc150-incar/val.jsonl"
if [ ! -f "$train" ] || [ ! -f "$val" ]; then
	echo "measure-lodo.sh: CLINC150 is missing: no $train or $val (the shared data lives beside the checkout)" >&2
	exit 2
fi
mkdir -p "$out"
./cabin check examples/cockpit/cockpit.cabin > /dev/null # builds the command line when its sources changed
plugins=releng/dev.cabin.cli.dist/target/repository/plugins

for domain in auto_and_commute travel utility meta small_talk; do
	echo "== $domain left out of training and of the background, its validation utterances out of scope"
	grep -v "\"domain\": \"$domain\"" "$train" > "$out/no-$domain.jsonl"
	grep -v '"intent": "oos"' "$val" \
		| sed -E "/\"domain\": \"$domain\"/ s/\"intent\": \"[^\"]*\"/\"intent\": \"oos\"/" > "$out/val-$domain.jsonl"
	labels=$(grep "\"domain\": \"$domain\"" "$train" | sed -E 's/.*"intent": "([^"]*)".*/clinc150:\1/' | sort -u)
	./cabin import jsonl "$out/no-$domain.jsonl" -o "$out/no-$domain.cabin"
	# shellcheck disable=SC2086 # one argument per label
	"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xss4m -cp "$plugins/*" benchmarks/src/dev/cabin/benchmarks/CompileWithoutBackgroundLabels.java \
		"$out/no-$domain.cabin" "$out/no-$domain.ir.json" $labels
	./cabin labtest "$out/no-$domain.ir.json" --corpus "$out/val-$domain.jsonl" --json "$out/no-$domain.json"
done
echo "reports in $out"
