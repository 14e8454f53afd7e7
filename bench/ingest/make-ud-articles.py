# Writes plain-text articles rebuilt from the `# text =` lines of UD treebanks in ../shared (one file per
# `# newdoc`), for the whole-ingest benchmark; the files go to a scratch folder and are never committed.
#   python3 bench/ingest/make-ud-articles.py OUT_DIR [LIMIT]
import glob, os, sys
out = sys.argv[1]; limit = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
here = os.path.dirname(os.path.abspath(__file__))
ud = os.path.normpath(os.path.join(here, "..", "..", "..", "shared", "data", "ud"))
os.makedirs(out, exist_ok=True)
docs, cur, name = [], [], None
for path in sorted(glob.glob(os.path.join(ud, "*.conllu"))):
    for line in open(path, encoding="utf-8"):
        if line.startswith("# newdoc"):
            if cur: docs.append((name, cur))
            name, cur = line.split("=", 1)[-1].strip().replace("/", "_"), []
        elif line.startswith("# text = "):
            cur.append(line[len("# text = "):].rstrip("\n"))
    if cur: docs.append((name, cur)); cur = []
docs = [d for d in docs if sum(len(s) for s in d[1]) >= 150][:limit]
for i, (name, sents) in enumerate(docs):
    with open(os.path.join(out, f"{i:04d}-{name}.txt"), "w", encoding="utf-8") as f:
        f.write(" ".join(sents) + "\n")
print(len(docs), "articles,", sum(sum(len(s) + 1 for s in d[1]) for d in docs), "characters")
