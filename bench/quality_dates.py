"""Score reader.core.dates.finding against the TempEval-3 training gold (TimeML).

The gold is in ../shared/dates-dev.

Usage: .venv/bin/python bench/quality_dates.py [DATA_DIR] [--errors N] [--set dev|test]

The data is research data outside the project: it is read from ../shared/dates-dev/TBAQ-cleaned
(relative to the repository root) or from DATA_DIR, and never copied into the repository.
bench/quality/dates_split.json fixes which documents are "dev" (tune on these) and which are
"test" (held out: every third document of TimeBank and of AQUAINT by sorted name); it lists
file names only. `--errors` lists dev errors only, so that tuning never looks at the test part.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reader.core.dates import finding as dates
from reader.core.mentions import Mention

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "dates-dev" / "TBAQ-cleaned"
SPLIT = Path(__file__).resolve().parent / "quality" / "dates_split.json"
SETS = ("dev", "test")
TYPES = ("DATE", "TIME", "DURATION", "SET")
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


def parse(path: Path) -> tuple[str, date, list[Gold]]:
    """Return the plain text of <TEXT>, the creation day and the gold TIMEX3s with offsets."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<DCT>.*?value="(\d{4}-\d\d-\d\d)', raw, re.DOTALL)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.DOTALL)
    if not dct or not body:
        raise ValueError(f"{path}: no DCT or TEXT")
    parts: list[str] = []
    length, position = 0, 0
    gold: list[Gold] = []
    opened: tuple[int, dict[str, str]] | None = None
    source = body.group(1)
    for tag in _TAG.finditer(source):
        chunk = html.unescape(source[position : tag.start()])
        parts.append(chunk)
        length += len(chunk)
        position = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if not tag.group(1):
            opened = (length, dict(_ATTR.findall(tag.group(3))))
        elif opened:
            start, attrs = opened
            text = "".join(parts)[start:length]
            value = attrs.get("value", "")
            # TempEval writes decades as "199"; we write the equivalent "199X" (TimeML 1.2).
            value = value + "X" if re.fullmatch(r"\d{3}", value) else value
            gold.append(Gold(start, length, text, attrs.get("type", ""), value))
            opened = None
    parts.append(html.unescape(source[position:]))
    return "".join(parts), date.fromisoformat(dct.group(1)), gold


def _overlap(a: Mention, b: Gold) -> bool:
    return a.start < b.end and b.start < a.end


def _prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(files: list[Path], errors: list[str]) -> dict[str, float]:
    """Run dates.find on each file and return the metrics (and fill `errors`)."""
    c: Counter[str] = Counter()
    for path in files:
        text, dct, gold = parse(path)
        found = dates.find(text, dct)
        for kind in TYPES:
            g = [x for x in gold if x.type == kind]
            p = [m for m in found if m.label == kind]
            c[f"{kind}.gold"] += len(g)
            c[f"{kind}.pred"] += len(p)
            c[f"{kind}.span_tp"] += sum(any(_overlap(m, x) for x in g) for m in p)
            c[f"{kind}.span_gold_hit"] += sum(any(_overlap(m, x) for m in p) for x in g)
            exact = {(x.start, x.end) for x in g}
            c[f"{kind}.strict_tp"] += sum((m.start, m.end) in exact for m in p)
            valued = [m for m in p if m.value is not None]
            c[f"{kind}.valued"] += len(valued)
            used: set[int] = set()
            for m in valued:
                hits = [i for i, x in enumerate(g) if _overlap(m, x) and i not in used]
                if not hits:
                    if kind == "DATE":
                        errors.append(f"{path.name}\tEXTRA\t{m.text!r}\t{m.value}\t-")
                    continue
                c[f"{kind}.matched"] += 1
                right = [i for i in hits if g[i].value == m.value]
                if right:
                    used.add(right[0])
                    c[f"{kind}.value_tp"] += 1
                else:
                    used.add(hits[0])
                    if kind == "DATE":
                        errors.append(f"{path.name}\tWRONG\t{m.text!r}\t{m.value}\t"
                                      f"{g[hits[0]].text!r}={g[hits[0]].value}")  # fmt: skip
            if kind == "DATE":
                for x in g:
                    if not any(_overlap(m, x) for m in valued):
                        errors.append(f"{path.name}\tMISSED\t{x.text!r}\t-\t{x.value}")
    return dict(c)


def table(name: str, c: dict[str, float]) -> list[str]:
    """Markdown rows for one data set: strict span F1, relaxed span P/R/F1, value P/R/F1."""
    rows = []
    for kind in TYPES:
        gold, pred = int(c.get(f"{kind}.gold", 0)), int(c.get(f"{kind}.pred", 0))
        _, _, strict = _prf(int(c.get(f"{kind}.strict_tp", 0)), pred, gold)
        sp = c.get(f"{kind}.span_tp", 0) / pred if pred else 0.0
        sr = c.get(f"{kind}.span_gold_hit", 0) / gold if gold else 0.0
        sf = 2 * sp * sr / (sp + sr) if sp + sr else 0.0
        tp = int(c.get(f"{kind}.value_tp", 0))
        vp, vr, vf = _prf(tp, int(c.get(f"{kind}.valued", 0)), gold)
        matched = c.get(f"{kind}.matched", 0)
        acc = tp / matched if matched else 0.0
        rows.append(
            f"| {name} | {kind} | {gold} | {strict:.1%} | {sp:.1%} | {sr:.1%} | {sf:.1%} "
            f"| {vp:.1%} | {vr:.1%} | **{vf:.1%}** | {acc:.1%} |"
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    """Print the markdown table of span and value scores per data set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--errors", type=int, default=0, help="print N dev error lines (tuning)")
    parser.add_argument("--set", choices=SETS, action="append", help="default: both")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(
            f"TempEval-3 data not found at {args.data}.\nIt lives outside the repository "
            "(../shared/dates-dev/TBAQ-cleaned); pass its path as DATA_DIR.",
            file=sys.stderr,
        )
        return 2
    print("| set | type | gold | strict span F1 | relaxed P | relaxed R | relaxed F1 | value P "
          "| value R | value F1 | value acc. (matched) |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    errors: list[str] = []
    split = json.loads(SPLIT.read_text(encoding="utf-8"))
    started = time.perf_counter()
    for key in args.set or SETS:
        files = [args.data / name for name in split[key]]
        label = f"{key} ({len(files)} docs{', held out' if key == 'test' else ''})"
        found_errors: list[str] = []
        print("\n".join(table(label, score(files, found_errors))))
        if key == "dev":
            errors += found_errors
    print(f"\n{time.perf_counter() - started:.0f} s", file=sys.stderr)
    for line in errors[: args.errors]:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
