"""Work an interrupted ingest left: articles and events the corpus-wide resolution has not seen.

Articles are written batch by batch and resolved (near-duplicates, incidents) once at the end
of a run, so a run killed in between leaves whole articles that no resolution has seen yet.
The next ingest finishes that work whether or not it finds anything new; until then ``status``
says how much is pending.
"""

from __future__ import annotations

from typing import Any


def pending_resolution(db: Any) -> dict[str, int]:
    """Articles not yet checked for near-duplicates, and events in no incident yet (``db``: a
    store's connection, SQLite's or ``dialect.PgConnection``)."""
    articles = db.execute(
        "SELECT COUNT(*) FROM articles a LEFT JOIN article_sketches s ON s.article_id = a.id"
        " WHERE s.article_id IS NULL").fetchone()[0]
    events = db.execute(
        "SELECT COUNT(*) FROM events e LEFT JOIN incident_events ie ON ie.event_id = e.id"
        " WHERE ie.event_id IS NULL").fetchone()[0]
    return {"articles": articles, "events": events}
