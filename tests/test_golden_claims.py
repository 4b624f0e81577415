"""Golden file: the claims of every sample report in examples/reports, pinned.

A change in extraction that changes any claim fails here with the difference; when the change
is intended, regenerate with ``SHARDWATCH_UPDATE_GOLDEN=1 make test`` and review the diff of
tests/golden/claims.jsonl before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from shardwatch.extract import extract
from shardwatch.ingest import read_articles
from shardwatch.nlp import get_nlp
from shardwatch.present.records import claim_record
from shardwatch.types import Article

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "examples" / "reports"
GOLDEN = Path(__file__).resolve().parent / "golden" / "claims.jsonl"
pytestmark = pytest.mark.model


def _name(article: Article) -> str:
    path = Path(article.path or article.id)
    name = path.name if path.is_absolute() or path.exists() else str(path)
    return f"{name} | {article.title}" if name.endswith(".jsonl") else name


def _lines() -> list[str]:
    articles = [a for a in read_articles([str(REPORTS)]) if isinstance(a, Article)]
    lines = []
    for doc, article in get_nlp().pipe(((a.text, a) for a in articles), as_tuples=True):
        for claim in extract(article, doc).claims:
            rec = claim_record(claim)
            lines.append(json.dumps({
                "file": _name(article), "measure": rec["measure"], "value_text": rec["value_text"],
                "low": rec["low"], "high": rec["high"], "unit": rec["unit"], "qualifier": rec["qualifier"],
                "as_of": rec["as_of"], "as_of_precision": rec["as_of_precision"], "claimant": rec["claimant"]["name"],
                "claimant_role": rec["claimant"]["role"], "scope": rec["scope"], "basis": rec["basis"],
            }, ensure_ascii=False))
    return sorted(lines)


def test_claims_of_the_sample_reports_match_the_golden_file():
    lines = _lines()
    if os.environ.get("SHARDWATCH_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8").splitlines()
    missing = sorted(set(expected) - set(lines))
    extra = sorted(set(lines) - set(expected))
    assert not missing and not extra, "claims changed:\n- " + "\n- ".join(missing) + "\n+ " + "\n+ ".join(extra)


def test_golden_file_holds_the_figures_each_claims_report_was_written_for():
    golden = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]

    def find(file, value_text):
        return [g for g in golden if g["file"] == file and g["value_text"] == value_text]

    [cia] = find("claims-cia-estimate-2014.md", "between 20,000 and 31,500")
    assert (cia["measure"], cia["as_of"], cia["claimant"]) == ("fighters_remaining", "2014-09-11", "Central Intelligence Agency")
    [krg] = find("claims-kurdish-estimate-2014.md", "at least 200,000")
    assert (krg["claimant"], krg["as_of"], krg["scope"]) == ("Fuad Hussein", "2014-11-16", "Iraq and Syria")
    [warren] = find("territory_coalition.md", "about 30 percent")
    assert (warren["basis"], warren["claimant"], warren["as_of"]) == ("since_peak", "Steve Warren", "2016-01-05")
    [ihs] = find("territory_2015_ihs.md", "14 percent")
    assert (ihs["basis"], ihs["claimant"], ihs["as_of"]) == ("period", "IHS Conflict Monitor", "2015-12-14")
    [mcgurk] = find("review_2016_estimates.md", "12,000 to 15,000")
    assert (mcgurk["as_of"], mcgurk["as_of_precision"], mcgurk["low"], mcgurk["high"]) == ("2016-12", "month", 12000, 15000)
    [salary] = find("claims-finances-2016.md", "between $400 and $1,200 a month")
    assert (salary["measure"], salary["unit"], salary["claimant"]) == ("salary_monthly", "USD/month", "Congressional Research Service")
