"""The performance suite: one command, one table in docs/PERFORMANCE.md.

Usage (from the repo root):
  .venv/bin/python -m bench.run              # 10k library (about 15-20 minutes on 2 cores)
  .venv/bin/python -m bench.run --quick      # 1k library, fewer rounds (a few minutes)
  .venv/bin/python -m bench.run --size 100k  # slow: builds the 100k variant first

Everything runs in one go so that ours, raw Whoosh and Recoll share the machine's mood; each
measurement runs in a fresh process. The corpus variants, libraries and indexes live in
$LCR_BENCH_DIR (default /tmp/lcr-bench), never in the repo. Entity import is measured on the
1k variant (a 10k import with entities takes most of an hour). Text in PERFORMANCE.md after
the line `<!-- manual -->` is kept across runs.
"""

from __future__ import annotations

import argparse
import functools
import json
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import baselines, corpus
from bench.common import (
    PYTHON,
    QUERIES,
    REPO,
    bench_dir,
    dir_size_mb,
    machine,
    median,
    percentile,
    run_json,
)

KINDS = ["surname", "phrase", "and2", "date", "prefix", "fuzzy"]
P95_TARGET = {"1k": 50.0, "10k": 50.0, "100k": 150.0}
MANUAL = "<!-- manual -->"


def log(message: str) -> None:
    """Progress on stderr."""
    print(f"[{datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def _m(module: str, *args: str) -> list[str]:
    return [PYTHON, "-m", module, *args]


class Steps(dict[str, Any]):
    """Results by step, saved after each step; with `resume`, finished steps are kept."""

    def __init__(self, path: Path, resume: bool) -> None:
        super().__init__(json.loads(path.read_text()) if resume and path.exists() else {})
        self.path = path

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(key, value)
        self.path.write_text(json.dumps(self, indent=1))


def measure(size: str, rounds: int, profile: bool, resume: bool = False) -> dict[str, Any]:
    """Run every measurement; return the raw results (saved after each step)."""
    (bench_dir() / size).mkdir(parents=True, exist_ok=True)
    out = Steps(bench_dir() / size / "partial.json", resume)
    if "started" not in out:
        out["size"], out["machine"], out["started"] = size, machine(), time.time()
    docs = corpus.build(size)
    docs_1k = corpus.build("1k")
    meta = corpus.meta(size)
    out["meta"], out["meta_1k"] = meta, corpus.meta("1k")
    work = bench_dir() / size
    lib_text = work / "lib-text"
    lib_ent = bench_dir() / "1k" / "lib-default"
    queries = json.loads(QUERIES.read_text())
    r = str(rounds)

    def import_text() -> dict[str, Any]:
        result = run_json(
            _m(
                "bench.import_speed",
                "--docs",
                str(docs),
                "--library",
                str(lib_text),
                "--mode",
                "text",
            )
        )
        result["index_mb"] = dir_size_mb(lib_text / "index")
        result["library_mb"] = dir_size_mb(lib_text)
        return result

    def cold() -> dict[str, Any]:
        colds = []
        for _ in range(5):
            started = time.perf_counter()
            result = run_json(_m("bench.memory", "cold", "--library", str(lib_text)))
            colds.append(time.perf_counter() - started)
        return {"seconds": colds, "gui": result["gui"], "peak_rss_mb": result["peak_rss_mb"]}

    steps: list[tuple[str, str, Any]] = [
        ("whoosh_build", f"raw Whoosh build ({size})", lambda: run_json(
            _m("bench.baselines", "whoosh-build", "--docs", str(docs),
               "--index", str(work / "whoosh"))
        )),
        ("recoll_build", f"Recoll build ({size})",
         lambda: baselines.recoll_build(docs, work / "recoll")),
        ("import_text", f"our import, text only ({size})", import_text),
        ("import_entities", "our import with entities (1k, the default extractor)",
         lambda: run_json(
             _m("bench.import_speed", "--docs", str(docs_1k), "--library", str(lib_ent),
                "--mode", "default")
         )),
        ("extract2", "entity extraction alone, 2 processes (1k)", lambda: run_json(
            _m("bench.import_speed", "--docs", str(docs_1k), "--library", "-",
               "--mode", "extract2")
        )),
        ("search_ours", "results pages: ours", lambda: run_json(
            _m("bench.search_latency", "--library", str(lib_text), "--rounds", r)
        )),
        ("batch", "a batch of 20 names", lambda: run_json(
            _m("bench.bench_batch", "--library", str(lib_text), "--rounds", r)
        )),
        ("search_whoosh", "results pages: raw Whoosh", lambda: run_json(
            _m("bench.baselines", "whoosh-search", "--index", str(work / "whoosh"),
               "--queries", str(QUERIES), "--rounds", r)
        )),
        ("search_recoll", "results pages: Recoll",
         lambda: baselines.recoll_search(work / "recoll", queries, rounds)),
        *[
            (f"open_{key}", f"open {key}", functools.partial(
                run_json, _m("bench.memory", "open", "--library", str(lib_text),
                             "--article", meta[key]["id"], "--rounds", "5")
            ))
            for key in ("article_1k", "article_40k")
        ],
        ("cold", "cold start", cold),
        ("idle", "idle memory", lambda: run_json(
            _m("bench.memory", "idle", "--library", str(lib_text))
        )),
        ("idle_core", "idle memory, core only", lambda: run_json(
            _m("bench.memory", "idle", "--library", str(lib_text), "--core-only")
        )),
    ]  # fmt: skip
    for key, label, step in steps:
        if key in out:
            log(f"{label}: kept from the interrupted run")
            continue
        log(label)
        out[key] = step()
    out["index_mb"] = out["import_text"]["index_mb"]
    out["library_mb"] = out["import_text"]["library_mb"]
    if profile and "profiles" not in out:
        out["profiles"] = profiles(size, docs, lib_text, out, meta)
    return dict(out)


def profiles(
    size: str, docs: Path, lib_text: Path, out: dict[str, Any], meta: dict[str, Any]
) -> dict[str, str]:
    """pyinstrument text reports of the import, the slowest query kind and the 40k open."""
    folder = bench_dir() / size / "profiles"
    folder.mkdir(parents=True, exist_ok=True)
    slowest = max(KINDS, key=lambda k: by_kind(out["search_ours"], k)[1])
    runs = {
        "import_text": _m(
            "bench.import_speed", "--docs", str(docs), "--library",
            str(bench_dir() / size / "lib-profile"), "--mode", "text",
        ),
        f"search_{slowest}": _m(
            "bench.search_latency", "--library", str(lib_text), "--kind", slowest, "--rounds", "2"
        ),
        "open_article_40k": _m(
            "bench.memory", "open", "--library", str(lib_text),
            "--article", meta["article_40k"]["id"], "--rounds", "3",
        ),
    }  # fmt: skip
    reports = {}
    for name, command in runs.items():
        log(f"profile {name}")
        report = folder / f"{name}.txt"
        pyinstrument = str(Path(PYTHON).with_name("pyinstrument"))
        # command is [python, "-m", module, args...]
        subprocess.run(
            [pyinstrument, "-i", "0.002", "-r", "text", "-o", str(report), "-m", *command[2:]],
            cwd=REPO,
            check=True,
            capture_output=True,
        )
        reports[name] = str(report)
    shutil.rmtree(bench_dir() / size / "lib-profile", ignore_errors=True)
    return reports


def by_kind(search: dict[str, Any], kind: str | None) -> tuple[float, float]:
    """p50 and p95 over the per-query medians of one kind (None: every query)."""
    queries = json.loads(QUERIES.read_text())
    qids = {q["qid"] for q in queries if kind is None or q["kind"] == kind}
    values = [median(ms) for qid, ms in search["ms"].items() if int(qid) in qids]
    return percentile(values, 50), percentile(values, 95)


NA = "-"


def _ratio(ours: float, other: float) -> str:
    return f"{ours / other:.2f}x" if other else NA


def _met(ok: bool | None) -> str:
    return NA if ok is None else ("yes" if ok else "**no**")


def _row(label: str, ours: str, *rest: str) -> str:
    cells = [label, ours, *rest] + [NA] * (8 - 2 - len(rest))
    return "| " + " | ".join(cells) + " |"


def table(res: dict[str, Any]) -> list[str]:
    """The markdown table of one run."""
    size = res["size"]
    rows: list[str] = []
    words = res["meta"]["words"]
    n = res["meta"]["docs"]
    w_ours = res["import_text"]["seconds"]
    w_wh = res["whoosh_build"]["seconds"]
    w_rc = res["recoll_build"]["seconds"]
    ours_rate, wh_rate, rc_rate = words / w_ours, words / w_wh, words / w_rc
    rows.append(
        _row(
            f"Import, text only ({size}), words/s (articles/s)",
            f"{ours_rate:,.0f} ({n / w_ours:,.0f})",
            f"{wh_rate:,.0f} ({n / w_wh:,.0f})",
            f"{rc_rate:,.0f} ({n / w_rc:,.0f})",
            _ratio(ours_rate, wh_rate),
            _ratio(ours_rate, rc_rate),
            "at least Recoll's rate",
            _met(ours_rate >= rc_rate),
        )
    )
    ent = res["import_entities"]
    words_1k = res["meta_1k"]["words"]
    ent_rate = words_1k / ent["seconds"]
    rows.append(
        _row(
            "Import with entities (1k, default extractor), words/s (articles/s)",
            f"{ent_rate:,.0f} ({ent['docs'] / ent['seconds']:,.1f})",
            NA,
            NA,
            NA,
            NA,
            ">= 3,000 words/s",
            _met(ent_rate >= 3000),
        )
    )
    ex = res["extract2"]
    rows.append(
        _row(
            "Entity extraction alone, extract_many 2 processes (1k), words/s",
            f"{words_1k / ex['seconds']:,.0f}",
            NA,
            NA,
            NA,
            NA,
            "(ceiling for the line above)",
        )
    )
    target = P95_TARGET.get(size, 50.0)
    for kind in [*KINDS, None]:
        o50, o95 = by_kind(res["search_ours"], kind)
        w50, w95 = by_kind(res["search_whoosh"], kind)
        r50, r95 = by_kind(res["search_recoll"], kind)
        # Recoll has no fuzzy operator: its "fuzzy" row finds nothing and compares nothing.
        recoll = f"{r50:.1f} / {r95:.1f}" if kind != "fuzzy" else "n/a (no fuzzy)"
        rows.append(
            _row(
                f"Results page ({size}), {kind or 'all 200 queries'}: p50 / p95 ms",
                f"{o50:.1f} / {o95:.1f}",
                f"{w50:.1f} / {w95:.1f}",
                recoll,
                _ratio(o95, w95),
                _ratio(o95, r95) if kind != "fuzzy" else NA,
                f"p95 <= {target:.0f} ms",
                _met(o95 <= target),
            )
        )
    for key, limit in (("article_1k", 50.0), ("article_40k", 300.0)):
        op = res[f"open_{key}"]
        ms = op["ms"]
        parts = f"{ms['fetch']:.0f} + {ms['mentions']:.0f} + {ms['render']:.0f}"
        rows.append(
            _row(
                f"Open article, {op['words']:,} words: ms (fetch + mentions + render)",
                f"{ms['total']:.0f} ({parts})",
                NA,
                NA,
                NA,
                NA,
                f"<= {limit:.0f} ms",
                _met(ms["total"] <= limit),
            )
        )
    cold = median(res["cold"]["seconds"])
    what = "window shown offscreen" if res["cold"]["gui"] else "library open + first search"
    full = size != "1k"
    rows.append(
        _row(
            f"Cold start to usable ({what}, {size}), s, median of 5",
            f"{cold:.2f}",
            NA,
            NA,
            NA,
            NA,
            "<= 1.0 s",
            _met(cold <= 1.0) if full else NA,
        )
    )
    idle = res["idle"]["rss_mb"]
    shown = "window" if res["idle"]["gui"] else "core"
    rows.append(
        _row(
            f"Idle memory, {size} library open and searched ({shown}), MiB",
            f"{idle:.0f} (core only {res['idle_core']['rss_mb']:.0f})",
            NA,
            NA,
            NA,
            NA,
            "<= 150 MiB",
            _met(idle <= 150) if full else NA,
        )
    )
    peak = res["import_text"]["peak_tree_mb"]
    rows.append(
        _row(
            f"Peak memory during import, text only ({size}), MiB",
            f"{peak:.0f}",
            f"{res['whoosh_build']['peak_rss_mb']:.0f}",
            f"{res['recoll_build']['peak_rss_mb']:.0f}",
            _ratio(peak, res["whoosh_build"]["peak_rss_mb"]),
            _ratio(peak, res["recoll_build"]["peak_rss_mb"]),
        )
    )
    rows.append(
        _row(
            "Peak memory during import with entities (1k, all processes), MiB",
            f"{ent['peak_tree_mb']:.0f}",
        )
    )
    ix, wh, rc = res["index_mb"], res["whoosh_build"]["index_mb"], res["recoll_build"]["index_mb"]
    rows.append(
        _row(
            f"Index size ({size}, text only), MiB (whole library folder)",
            f"{ix:.1f} ({res['library_mb']:.1f})",
            f"{wh:.1f}",
            f"{rc:.1f}",
            _ratio(ix, wh),
            _ratio(ix, rc),
            "<= 1.5x raw Whoosh",
            _met(ix <= 1.5 * wh),
        )
    )
    head = (
        "| measure | ours | raw Whoosh | Recoll | ours / Whoosh | ours / Recoll | target | met? |"
    )
    return [head, "|" + "---|" * 8, *rows]


def write_report(res: dict[str, Any], command: str, path: Path) -> None:
    """Write docs/PERFORMANCE.md, keeping the hand-written part after MANUAL."""
    kept = ""
    if path.exists() and MANUAL in path.read_text():
        kept = path.read_text().split(MANUAL, 1)[1]
    mach = res["machine"]
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
    ).stdout.strip()
    meta = res["meta"]
    when = datetime.fromtimestamp(res["started"], UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Performance",
        "",
        f"Measured {when} at commit {commit} plus the working tree of that moment, with",
        f"`{command}`.",
        "",
        f"- Machine: {mach['cores']} cores, {mach['cpu']}, {mach['memory']} RAM; "
        f"Python {mach['python']}; {mach['os']}.",
        f"- Corpus ({res['size']}): {meta['docs']:,} documents ({meta['news']:,} Reuters news, "
        f"{meta['legal']:,} Indian Supreme Court judgments), {meta['words']:,} words, "
        f"{meta['mb_text']:.1f} MB of text, as .md files with front matter (bench/corpus.py).",
        "- Results page = `Library.search(q, limit=20)`, top 20 with highlighted snippets; every",
        "  query once to warm up, then each query's median over the rounds, then p50/p95 over",
        "  the queries of a kind (queries.json: 40 surname, 40 phrase, 40 two-term AND, 30 date,",
        "  25 prefix, 25 fuzzy). Raw Whoosh: default schema (title and body TEXT, stored,",
        "  StandardAnalyzer), default highlights. Recoll: recollindex defaults, in-process",
        "  Python API, top 20 + makedocabstract(); it has no fuzzy operator (`x~1` searched as",
        "  `x`), and dates are searched as words by both baselines.",
        "- Ratios: for latency, memory and size below 1 is better; for throughput above 1.",
        "  The machine is noisy: compare within one run, not across runs.",
        "- Our library here is imported text-only (no entity fields); our import 'with entities'",
        "  is the product's default path (two spawned extractor processes, extraction cache).",
        "",
        *table(res),
        "",
        MANUAL,
    ]
    path.write_text("\n".join(lines) + (kept if kept else "\n"))


def main() -> None:
    """Run the suite and write the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(corpus.SIZES), default="10k")
    parser.add_argument("--quick", action="store_true", help="1k variant, 2 rounds, no profiles")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument("--resume", action="store_true", help="keep the finished steps")
    parser.add_argument(
        "--from-results", action="store_true", help="only rewrite the report from results.json"
    )
    parser.add_argument("--report", type=Path, default=REPO / "docs" / "PERFORMANCE.md")
    args = parser.parse_args()
    size, rounds, profile = args.size, args.rounds, not args.no_profile
    if args.quick:
        size, rounds, profile = "1k", 2, False
    command = "python -m bench.run " + " ".join(sys.argv[1:])
    saved = bench_dir() / size / "results.json"
    if args.from_results:
        res = json.loads(saved.read_text())
        command = res.get("command", command)
    else:
        res = measure(size, rounds, profile, args.resume)
        res["command"] = command
        saved.write_text(json.dumps(res, indent=1))
    write_report(res, command.replace(" --resume", "").strip(), args.report)
    log(f"wrote {args.report}")


if __name__ == "__main__":
    main()
