"""The series and charts that the dashboard and the brief share.

1. ``monthly_timeline``: by month, the organisation's territorial losses and gains against its
   attacks abroad (outside Iraq and Syria), split by link (directed, enabled, inspired,
   unknown), each count with the ids of the records behind it (counted in
   ``shardwatch.analyse.monthly``; labelled and coloured here).
2. ``timeline_svg`` and ``map_svg``: the same, drawn by matplotlib as SVG for the brief; the
   map's base layer is the shipped Natural Earth outlines (``shardwatch.data.geo``).

Everything works on records in the export line format (dicts), so that events and incidents,
from the store or from the HTTP API, go through one path.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from shardwatch.analyse.monthly import (ABROAD_LINKS, MONTH_PRECISIONS,  # noqa: F401 (re-exported)
                                       SERIES, TERRITORY_SERIES, abroad_link, monthly_series,
                                       organisation_attack, organisation_ids, territory_change)

KIND_COLOURS = {"territory": "#1565c0", "leadership": "#6a1b9a", "allegiance": "#2e7d32"}
LINK_COLOURS = {"directed": "#b71c1c", "enabled": "#ef6c00", "inspired": "#f9a825", "claimed": "#ad1457",
                "unknown": "#616161"}
SERIES_COLOURS = {"territory_lost": "#1565c0", "territory_gained": "#90caf9", **LINK_COLOURS}
SERIES_LABELS = {"territory_lost": "territory lost by the organisation",
                 "territory_gained": "territory gained by the organisation",
                 "directed": "attacks abroad: directed", "enabled": "attacks abroad: enabled",
                 "inspired": "attacks abroad: inspired", "unknown": "attacks abroad: link unknown or claimed only"}


def marker_colour(record: dict) -> str:
    """Attacks by their link, other kinds by kind."""
    if record.get("kind") == "attack":
        return LINK_COLOURS.get(record.get("link") or "unknown", LINK_COLOURS["unknown"])
    return KIND_COLOURS.get(record.get("kind"), "#424242")


def monthly_timeline(events: Iterable[dict], incidents: Iterable[dict] | None = None) -> dict:
    """The monthly series of ``shardwatch.analyse.monthly`` with their labels and colours."""
    return {**monthly_series(events, incidents), "labels": SERIES_LABELS, "colours": SERIES_COLOURS}


# -- drawing (matplotlib, for the brief) ---------------------------------------------------

def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    # Text stays text (small files); ids do not change between runs.
    matplotlib.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "shardwatch", "font.size": 9})
    import matplotlib.pyplot as plt

    return plt


def _svg(fig) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    _pyplot().close(fig)
    return buffer.getvalue()


def timeline_svg(timeline: dict) -> str | None:
    """Territory lost/gained above, attacks abroad by link below, one bar a month; None if empty."""
    months = timeline["months"]
    if not months:
        return None
    plt = _pyplot()
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(9, 5), sharex=True, height_ratios=(1, 1.3))
    x = range(len(months))
    series = timeline["series"]
    top.bar(x, series["territory_gained"], color=SERIES_COLOURS["territory_gained"], label="gained")
    top.bar(x, [-n for n in series["territory_lost"]], color=SERIES_COLOURS["territory_lost"], label="lost")
    top.axhline(0, color="#333", linewidth=0.6)
    if not any(series["territory_gained"]) and not any(series["territory_lost"]):
        top.set_ylim(-1, 1)
        top.text(len(months) / 2, 0.4, "no territory changes of the organisation yet", ha="center", color="#666")
    top.set_ylabel("territory changes")
    top.set_title("The organisation's territory (Iraq, Syria and provinces) against its attacks abroad")
    top.legend(loc="upper left", frameon=False, ncols=2)
    base = [0] * len(months)
    for link in ABROAD_LINKS:
        values = series[link]
        bottom.bar(x, values, bottom=base, color=SERIES_COLOURS[link], label=link)
        base = [b + v for b, v in zip(base, values)]
    bottom.set_ylabel("attacks outside Iraq and Syria")
    bottom.legend(loc="upper left", frameon=False, ncols=4)
    step = max(1, len(months) // 12)
    bottom.set_xticks(list(x)[::step], months[::step], rotation=45, ha="right")
    for ax in (top, bottom):
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def map_extent(records: Iterable[dict], *, margin: float = 8.0) -> tuple[float, float, float, float]:
    """lon/lat bounds around the records' points (the whole world when there are none)."""
    points = [(r["place"]["lon"], r["place"]["lat"]) for r in records
              if isinstance(r.get("place"), dict) and r["place"].get("lon") is not None]
    if not points:
        return (-180.0, 180.0, -60.0, 85.0)
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    west, east = max(-180.0, min(lons) - margin), min(180.0, max(lons) + margin)
    south, north = max(-60.0, min(lats) - margin), min(85.0, max(lats) + margin)
    return west, east, south, north


def map_svg(records: list[dict]) -> str:
    """Events on the shipped country outlines, attacks coloured by link and others by kind."""
    from matplotlib.collections import PolyCollection
    from matplotlib.lines import Line2D

    from shardwatch.data.geo import countries

    plt = _pyplot()
    west, east, south, north = map_extent(records)
    fig, ax = plt.subplots(figsize=(9, 9 * (north - south) / max(east - west, 1) + 0.6))
    # Only outlines that reach into the drawn box: a smaller file, the same picture.
    rings = [ring for country in countries() for ring in country.rings
             if min(p[0] for p in ring) <= east and max(p[0] for p in ring) >= west
             and min(p[1] for p in ring) <= north and max(p[1] for p in ring) >= south]
    ax.add_collection(PolyCollection(rings, facecolors="#eceff1", edgecolors="#90a4ae", linewidths=0.4))
    placed = [r for r in records if isinstance(r.get("place"), dict) and r["place"].get("lon") is not None]
    ax.scatter([r["place"]["lon"] for r in placed], [r["place"]["lat"] for r in placed],
               c=[marker_colour(r) for r in placed], s=36, edgecolors="white", linewidths=0.6, zorder=3)
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    kinds = sorted({r.get("kind") for r in placed} - {"attack", None})
    legend = [Line2D([], [], marker="o", linestyle="", color=colour, label=f"attack, {link}")
              for link, colour in LINK_COLOURS.items()
              if any(r.get("kind") == "attack" and (r.get("link") or "unknown") == link for r in placed)]
    legend += [Line2D([], [], marker="o", linestyle="", color=KIND_COLOURS.get(k, "#424242"), label=k) for k in kinds]
    if legend:
        ax.legend(handles=legend, loc="lower left", fontsize=8, framealpha=0.9)
    ax.set_title(f"{len(placed)} events with a place (Natural Earth 1:110m outlines)")
    return _svg(fig)
