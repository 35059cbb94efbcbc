# Assembles the English background (background/en.tsv) from the public corpora in ../shared/data, once: the build
# never reads ../shared. Sources: CLINC150's in-car training split with its out-of-scope lines (CC BY 3.0) and the
# Snips 2017 training utterances (CC0); CLINC150's validation split is left out (the lab measures on it).
# Run from the repository root: python3 plugins/dev.cabin.background/assemble-english.py ../shared/data
import glob, json, os, sys

data = sys.argv[1]
seen, lines = set(), []
def add(label, text):
    text = " ".join(text.split())
    if text and text.lower() not in seen:
        seen.add(text.lower())
        lines.append(label + "\t" + text)
with open(os.path.join(data, "clinc150-incar", "train.jsonl"), encoding="utf-8") as f:
    for line in f:
        record = json.loads(line)
        add("clinc150:" + record["intent"], record["text"])
for path in sorted(glob.glob(os.path.join(data, "snips2017", "train-*.jsonl"))):
    with open(path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            add("snips2017:" + record["intent"], record["text"])
with open("plugins/dev.cabin.background/background/en.tsv", "w", encoding="utf-8") as out:
    out.write("\n".join(lines) + "\n")
print(len(lines), "lines")
