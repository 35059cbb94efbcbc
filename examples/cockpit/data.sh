# Sourced by the measurement scripts beside it with their arguments [DATA] [OUT]: sets data, out, train and val,
# and creates OUT, or stops, saying what is missing, when CLINC150 is not in DATA.
data=${1:-../shared/data}
out=${2:-$(mktemp -d)}
train="$data/clinc150-incar/train.jsonl"
val="$data/clinc150-incar/val.jsonl"
if [ ! -f "$train" ] || [ ! -f "$val" ]; then
	echo "$(basename "$0"): CLINC150 is missing: no $train or $val (the shared data lives beside the checkout)" >&2
	exit 2
fi
mkdir -p "$out"
