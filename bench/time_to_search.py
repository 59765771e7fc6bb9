"""From a fresh library to a search that finds the folder's last file, whole commands timed.

For N files of a corpus variant (default 5,000 of the 10k), in one run:
  ours     `legal-reader index DIR` (phase 1: words, titles, dates), then `legal-reader search`
           of a phrase only the last file holds; then `legal-reader index --wait` (phase 2);
  whoosh   a fresh process building a raw Whoosh index of the same files (Whoosh defaults),
           then a fresh process searching the phrase;
  recoll   `recollindex` of the same files, then `recollq` of the phrase.
Start-up of every command is included. Prints one JSON line; bench.run keeps it.

Usage: .venv/bin/python -m bench.time_to_search [--size 10k] [--files 5000] [--no-entities]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

from bench import corpus
from bench.baselines import RECOLL_CONF
from bench.common import PYTHON, REPO, bench_dir, emit, timed

_WHOOSH_BUILD = """
import sys
from pathlib import Path
from whoosh import index
from whoosh.fields import ID, TEXT, Schema
docs, target = Path(sys.argv[1]), sys.argv[2]
schema = Schema(id=ID(stored=True, unique=True), title=TEXT(stored=True), body=TEXT(stored=True))
ix = index.create_in(target, schema)
writer = ix.writer()
for path in sorted(docs.glob("*.md")):
    text = path.read_text(encoding="utf-8")
    title, _, body = text.partition("\\n")
    writer.add_document(id=path.stem, title=title.lstrip("# "), body=body)
writer.commit()
"""

_WHOOSH_SEARCH = """
import sys
from whoosh import index
from whoosh.qparser import QueryParser
ix = index.open_dir(sys.argv[1])
with ix.searcher() as searcher:
    hits = searcher.search(QueryParser("body", ix.schema).parse(sys.argv[2]), limit=20)
    print(" ".join(hit["id"] for hit in hits))
"""


def folder_of(size: str, files: int) -> Path:
    """The first `files` files of the variant, linked into a folder of their own."""
    docs = corpus.build(size)
    folder = bench_dir() / f"{size}-first{files}"
    if not folder.exists():
        folder.mkdir(parents=True)
        for path in sorted(docs.glob("*.md"))[:files]:
            os.link(path, folder / path.name)  # hard links: every indexer reads them as files
    return folder


def phrase_of_last(folder: Path) -> str:
    """Four words of the last file's body that no other file of the folder holds in a row."""
    files = sorted(folder.glob("*.md"))
    words = files[-1].read_text(encoding="utf-8").split("\n", 1)[1].split()
    others = [f.read_text(encoding="utf-8") for f in files[:-1]]
    for start in range(0, max(1, len(words) - 4)):
        candidate = words[start : start + 4]
        if all(w.isalpha() and len(w) > 2 for w in candidate):
            text = " ".join(candidate)
            if not any(text in other for other in others):
                return text
    raise RuntimeError("no phrase of the last file is its own")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="10k")
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--no-entities", action="store_true", help="skip phase 2's timing")
    args = parser.parse_args()
    folder = folder_of(args.size, args.files)
    last = sorted(folder.glob("*.md"))[-1].stem
    phrase = phrase_of_last(folder)
    work = bench_dir() / "time-to-search"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    result: dict[str, Any] = {"files": args.files, "size": args.size, "phrase": phrase}

    env = {**os.environ, "READER_HOME": str(work / "home")}
    cli = [str(REPO / ".venv" / "bin" / "legal-reader"), "--library", str(work / "lib")]
    if not Path(cli[0]).exists():
        cli = [PYTHON, "-m", "reader", "--library", str(work / "lib")]
    index_s, out = timed([*cli, "index", str(folder), "--json"], env)
    search_s, found = timed([*cli, "search", f'"{phrase}"', "--json"], env)
    report = json.loads(out)
    hit = last in {Path(row["path"]).stem for row in json.loads(found)}
    result["ours"] = {
        "index_s": round(index_s, 2),
        "search_s": round(search_s, 2),
        "total_s": round(index_s + search_s, 2),
        "found_last": hit,
        "added": report["added"],
        "waiting_for_entities": report["waiting_for_entities"],
    }

    target = work / "whoosh"
    target.mkdir()
    build_s, _ = timed([PYTHON, "-c", _WHOOSH_BUILD, str(folder), str(target)])
    whoosh_search_s, ids = timed([PYTHON, "-c", _WHOOSH_SEARCH, str(target), f'"{phrase}"'])
    result["whoosh"] = {
        "index_s": round(build_s, 2),
        "search_s": round(whoosh_search_s, 2),
        "total_s": round(build_s + whoosh_search_s, 2),
        "found_last": last in ids.split(),
    }

    if shutil.which("recollindex"):
        conf = work / "recoll"
        conf.mkdir()
        (conf / "recoll.conf").write_text(RECOLL_CONF.format(docs=folder, db=conf / "xapiandb"))
        renv = {**os.environ, "RECOLL_CONFDIR": str(conf)}
        recoll_s, _ = timed(["recollindex", "-c", str(conf), "-z"], renv)
        recollq_s, out = timed(["recollq", "-c", str(conf), "-b", f'"{phrase}"'], renv)
        result["recoll"] = {
            "index_s": round(recoll_s, 2),
            "search_s": round(recollq_s, 2),
            "total_s": round(recoll_s + recollq_s, 2),
            "found_last": last in out,
        }
    result["ours_vs_whoosh"] = round(result["ours"]["total_s"] / result["whoosh"]["total_s"], 2)

    if not args.no_entities:
        wait_s, out = timed([*cli, "index", "--wait", "--json"], env)
        report = json.loads(out)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.md"))
        result["ours"]["entities_s"] = round(wait_s, 2)
        result["ours"]["entity_words_per_s"] = round(words / wait_s)
        result["ours"]["entities_found"] = report["entities_found"]
        result["ours"]["waiting_after_wait"] = report["waiting_for_entities"]
        result["ours"]["phase1_words_per_s"] = round(words / index_s)
    emit(result)


if __name__ == "__main__":
    sys.exit(main())
