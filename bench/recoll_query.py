"""Recoll results-page latency, in-process (run by bench/baselines.py with /usr/bin/python3).

Reads the queries as JSON on stdin; prints {"ms": {qid: [ms, ...]}, "totals": {...}}.
A results page = top 20 and an abstract (snippet) for each. Recoll has no fuzzy operator
(its spelling expansion needs aspell): `term~1` is searched as `term`.
Usage: /usr/bin/python3 bench/recoll_query.py CONF_DIR ROUNDS < queries.json
"""

from __future__ import annotations

import json
import sys
import time

from recoll import recoll  # type: ignore[import-not-found]


def main() -> None:
    """Time every query `rounds` times after one warm-up round."""
    conf_dir, rounds = sys.argv[1], int(sys.argv[2])
    queries = json.load(sys.stdin)
    db = recoll.connect(confdir=conf_dir)

    def page(text: str) -> int:
        text = text.split("~")[0] if text.endswith(("~1", "~2")) else text
        query = db.query()
        total = query.execute(text, stemming=1)
        for doc in query.fetchmany(20):
            query.makedocabstract(doc)
        return int(total)

    times: dict[int, list[float]] = {q["qid"]: [] for q in queries}
    totals = {q["qid"]: page(q["text"]) for q in queries}
    for _ in range(rounds):
        for q in queries:
            started = time.perf_counter()
            page(q["text"])
            times[q["qid"]].append((time.perf_counter() - started) * 1000)
    print(json.dumps({"ms": times, "totals": totals}))


if __name__ == "__main__":
    main()
