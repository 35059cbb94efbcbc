#!/bin/sh
# Leave-one-domain-out of the cockpit agent with the built-in background of unrelated speech (README, "The CLINC150
# agent with the background"): each in-car domain of CLINC150 in turn is left out of the agent's training AND out of
# the background, whose CLINC150 lines of that domain (labels clinc150:INTENT) would otherwise train as the agent's
# negatives; the domain's validation utterances then count as out of scope, the other four domains' as in scope.
# Nothing is tuned on the validation split. Each compile takes a minute or more (several on a busy machine).
# Usage, from the repository root: examples/cockpit/measure-lodo.sh [DATA] [OUT]
#   DATA  the shared data folder (default ../shared/data); OUT  where reports go (default a new temporary folder)
set -eu
. "$(dirname "$0")/data.sh"
./cabin check examples/cockpit/cockpit.cabin > /dev/null # builds the command line when its sources changed
plugins=releng/dev.cabin.cli.dist/target/repository/plugins
domains="auto_and_commute travel utility meta small_talk"

for domain in $domains; do
	echo "== $domain left out of training and of the background, its validation utterances out of scope"
	grep -v "\"domain\": \"$domain\"" "$train" > "$out/no-$domain.jsonl"
	grep -v '"intent": "oos"' "$val" \
		| sed -E "/\"domain\": \"$domain\"/ s/\"intent\": \"[^\"]*\"/\"intent\": \"oos\"/" > "$out/val-$domain.jsonl"
	labels=$(grep "\"domain\": \"$domain\"" "$train" | sed -E 's/.*"intent": "([^"]*)".*/clinc150:\1/' | sort -u)
	./cabin import jsonl "$out/no-$domain.jsonl" -o "$out/no-$domain.cabin"
	# shellcheck disable=SC2086 # one argument per label
	"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xss4m -cp "$plugins/*" \
		benchmarks/src/dev/cabin/benchmarks/CompileWithoutBackgroundLabels.java \
		"$out/no-$domain.cabin" "$out/no-$domain.ir.json" $labels
	./cabin labtest "$out/no-$domain.ir.json" --corpus "$out/val-$domain.jsonl" --json "$out/no-$domain.json"
done

echo "== left out: its utterances called out of scope; in-scope accuracy on the other four"
for domain in $domains; do
	printf '%s ' "$domain"
	sed -n -E 's/^  "(in_scope_n|oos_n|in_scope_accuracy|oos_recall)" : ([0-9.]+).*/\1 \2/p' "$out/no-$domain.json" \
		| awk '{ value[$1] = $2 } END { print value["oos_recall"] * value["oos_n"], value["oos_n"],
			value["in_scope_accuracy"] * value["in_scope_n"], value["in_scope_n"] }'
done | awk 'function share(part, whole) { return sprintf("%.1f%% (%d/%d)", int(1000 * part / whole + 0.5) / 10, part, whole) }
	{ $2 = int($2 + 0.5); $4 = int($4 + 0.5); printf "%-18s %-20s %s\n", $1, share($2, $3), share($4, $5)
		rejected += $2; oos += $3; kept += $4; scope += $5 }
	END { printf "%-18s %-20s %s\n", "all five", share(rejected, oos), share(kept, scope) }'
echo "reports in $out"
