"""Values for the trend analyses read from a file instead of the store (``--values FILE``).

- ``read_numbers``: one number a line (deaths per event); blank lines and ``#`` comments
  skipped. A CSV with a header takes the column ``deaths``, ``killed`` or ``value``.
- ``read_times``: one event a line, a day (YYYY-MM-DD) or a number of days; days become days
  since the first, spread within the day by the caller.
- ``read_monthly``: CSV with a header ``month`` (YYYY-MM), ``losses``, and either ``abroad`` or
  one column per link (``directed``, ``enabled``, ``inspired``, ``unknown``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

from shardwatch.errors import ShardwatchError

LINK_COLUMNS = ("directed", "enabled", "inspired", "unknown")
NUMBER_COLUMNS = ("deaths", "killed", "value")


def _text(path: str | Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ShardwatchError(f"cannot read {path}: {exc}") from None


def _lines(text: str):
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if line and not line.startswith("#"):
            yield number, line


def _float(value: str, where: str) -> float:
    try:
        return float(value.replace(",", "") if re.fullmatch(r"[\d,]+(\.\d+)?", value) else value)
    except ValueError:
        raise ShardwatchError(f"{where}: {value!r} is not a number") from None


def read_numbers(path: str | Path) -> list[float]:
    text = _text(path)
    lines = list(_lines(text))
    if lines and not re.match(r"^[-+\d.]", lines[0][1]):  # a header: a CSV
        rows = list(csv.DictReader(io.StringIO("\n".join(line for _, line in lines))))
        column = next((c for c in NUMBER_COLUMNS if rows and c in rows[0]), None)
        if column is None:
            raise ShardwatchError(f"{path}: a CSV needs one of the columns {', '.join(NUMBER_COLUMNS)}")
        return [_float(r[column], f"{path}:{i + 2}") for i, r in enumerate(rows) if (r[column] or "").strip()]
    return [_float(line, f"{path}:{number}") for number, line in lines]


def read_times(path: str | Path) -> tuple[list[float], dt.date | None]:
    """Days since the first event (ISO days) or the numbers as given; and the first day, if days."""
    days, numbers = [], []
    for number, line in _lines(_text(path)):
        value = line.split(",")[0].strip()
        try:
            days.append(dt.date.fromisoformat(value))
        except ValueError:
            numbers.append(_float(value, f"{path}:{number}"))
    if days and numbers:
        raise ShardwatchError(f"{path}: mixes days and numbers; give one or the other")
    if days:
        first = min(days)
        return sorted(float((d - first).days) for d in days), first
    return sorted(numbers), None


def read_monthly(path: str | Path) -> tuple[list[str], list[float], dict[str, list[int]]]:
    rows = list(csv.DictReader(io.StringIO("\n".join(line for _, line in _lines(_text(path))))))
    if not rows or "month" not in rows[0] or "losses" not in rows[0]:
        raise ShardwatchError(f"{path}: a CSV with the columns month, losses and abroad (or {', '.join(LINK_COLUMNS)})")
    links = [c for c in LINK_COLUMNS if c in rows[0]] or (["abroad"] if "abroad" in rows[0] else [])
    if not links:
        raise ShardwatchError(f"{path}: no column abroad or {', '.join(LINK_COLUMNS)}")
    months, losses, by_link = [], [], {("unknown" if c == "abroad" else c): [] for c in links}
    for i, row in enumerate(rows, 2):
        if not re.fullmatch(r"\d{4}-\d{2}", (row["month"] or "").strip()):
            raise ShardwatchError(f"{path}:{i}: month {row['month']!r} is not YYYY-MM")
        months.append(row["month"].strip())
        losses.append(_float(row["losses"] or "0", f"{path}:{i}"))
        for column in links:
            by_link["unknown" if column == "abroad" else column].append(int(_float(row[column] or "0", f"{path}:{i}")))
    if months != sorted(months) or len(set(months)) != len(months):
        raise ShardwatchError(f"{path}: months must be in order, each once")
    return months, losses, by_link
