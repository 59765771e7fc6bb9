"""A short run of bench/quality_legal_search.py on a folder of our own, so that it does not rot.

The real run imports legal-docs-dev (beside the repository, never copied into it) and waits for
the entity model; this one needs neither: three small documents written here, phase 1 only.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

NOTICE = """U.S. District Court
District of Vermont
Notice of Electronic Filing
The following transaction was entered on 3/4/2021 at 10:12 AM EST and filed on 3/4/2021
Case Name: Quillby Orchards LLC v. Marrowfield
Case Number: 2:21-cv-00417-WKS
Docket Text: ORDER granting motion to extend time. Signed by Judge Wendell K. Strathmore
on March 4, 2021.
"""

DOCKET = """<html><head><title>In re Tamsin Ravelli</title></head><body>
<h2>U.S. Bankruptcy Court</h2><h2>District of Oregon</h2>
<h2>Bankruptcy Petition #: 19-31867-pcm7</h2>
<p>Assigned to: Judge Petra C. Moorcroft</p>
<p>Date filed: 06/11/2019</p>
<p>Debtor: Tamsin Ravelli, represented by Oswin Hargreave</p>
</body></html>
"""

# A byte-identical copy of NOTICE: one article, found under either name.
GOLD = [
    {
        "file": "notice.txt",
        "parties": ["Quillby Orchards", "Marrowfield"],
        "judges": ["Wendell K. Strathmore"],
        "dates": ["March 4, 2021"],
        "dockets": ["2:21-cv-00417-WKS"],
    },
    {"file": "notice copy.txt", "parties": ["Marrowfield"]},
    {
        "file": "docket.html",
        # "Pellinore" is in no document: the one miss the bench must report.
        "parties": ["Ravelli", "Pellinore"],
        "judges": ["Petra C. Moorcroft"],
        "dates": ["06/11/2019"],
        "dockets": ["19-31867-pcm7"],
    },
]


def test_legal_search_bench_scores_a_folder_of_our_own(tmp_path: Path) -> None:
    files = tmp_path / "files"
    files.mkdir()
    (files / "notice.txt").write_text(NOTICE, encoding="utf-8")
    (files / "notice copy.txt").write_text(NOTICE, encoding="utf-8")
    (files / "docket.html").write_text(DOCKET, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(row) + "\n" for row in GOLD), encoding="utf-8")
    result = subprocess.run(
        [
            *(sys.executable, "bench/quality_legal_search.py", "--files", str(files)),
            *("--gold", str(gold), "--no-entities"),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    counts = json.loads(result.stdout.strip().splitlines()[-1])
    assert counts["parties"] == {"queries": 5, "found": 4}
    assert counts["judges"] == {"queries": 2, "found": 2}
    assert counts["dates"] == {"queries": 2, "found": 2, "exact": 2}
    assert counts["dockets"] == {"queries": 2, "found": 2}
    assert '- docket.html: "Pellinore" (0 hits; not in its text as read)' in result.stdout
