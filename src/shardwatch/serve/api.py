"""The HTTP API (``/api/v1/...``) and the dashboard (``/``), served by one FastAPI app.

- Every request opens the database read-only (SQLite in WAL mode), so reads go on while an
  ingest writes, and no request can change it.
- Every error, from a bad date to an unknown route, has one shape:
  ``{"ok": false, "status": 422, "error": "one line", "details": [{"location", "message"}]}``.
- Query parameters are validated (dates, country codes, kinds, page sizes up to
  ``MAX_PAGE``) and unknown ones are refused.
- Record kinds a store does not have yet (claims, quotes, incidents, indicators,
  contradictions before their parts land) answer an empty page with ``"available": false``.
- With a token, every request must carry it: ``Authorization: Bearer TOKEN``, or the cookie
  that opening ``/?token=TOKEN`` once sets for the browser.
"""

from __future__ import annotations

import contextlib
import hmac
import sqlite3
from collections.abc import Callable, Iterator
from importlib import resources
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from shardwatch import __version__
from shardwatch.api import FilterError, Shardwatch
from shardwatch.errors import ShardwatchError, StoreError
from shardwatch.present import capabilities as caps
from shardwatch.present.charts import KIND_COLOURS, LINK_COLOURS, SERIES_COLOURS, SERIES_LABELS, monthly_timeline
from shardwatch.present.records import article_record, event_record
from shardwatch.serve.validation import MAX_OFFSET, IsoDate, Measure, error_responses, query_parameters
from shardwatch.store import Store, display_name
from shardwatch.store.fts import plain_words_query
from shardwatch.types import EVENT_KINDS

API = "/api/v1"
MAX_PAGE = 500
DEFAULT_PAGE = 100
TOKEN_COOKIE = "shardwatch_token"
STATIC = resources.files("shardwatch.serve").joinpath("static")

EventKind = Literal[EVENT_KINDS]  # type: ignore[valid-type]
Country = Annotated[str | None, Field(None, pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 code.")]


class Page(BaseModel):
    model_config = ConfigDict(extra="forbid")

    limit: int = Field(DEFAULT_PAGE, ge=1, le=MAX_PAGE, description=f"Records per page (at most {MAX_PAGE}).")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description=f"Records to skip (at most {MAX_OFFSET:,}).")


class ArticleQuery(Page):
    since: IsoDate | None = Field(None, description="Published on or after this day (YYYY-MM-DD).")
    until: IsoDate | None = Field(None, description="Published on or before this day.")
    as_of: IsoDate | None = Field(None, description="Only what had been published by this day.")


class RecordQuery(Page):
    since: IsoDate | None = Field(None, description="Dated on or after this day (YYYY-MM-DD).")
    until: IsoDate | None = Field(None, description="Dated on or before this day.")
    country: Country = None
    actor: str | None = Field(None, max_length=200, description="Canonical actor id (islamic-state) or name.")
    as_of: IsoDate | None = Field(None, description="As known on this day (needs a store that keeps report history).")


class EventQuery(RecordQuery):
    kind: EventKind | None = Field(None, description="Only events of this kind.")


class IncidentQuery(EventQuery):
    min_sources: int | None = Field(None, ge=1, le=10_000,
                                    description="Only incidents with at least this many independent sources.")


class ClaimQuery(RecordQuery):
    measure: Measure | None = Field(None, description="Only claims on this measure (data/measures.jsonl id, or other).")


class ExportQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal["csv", "geojson"] = Field("csv", description="CSV rows, or a GeoJSON FeatureCollection of the "
                                                                 "rows with coordinates.")
    table: Literal["events", "incidents"] = Field("events", description="Which records.")
    layout: Literal["native", "acled", "gtd"] = Field("native", description="shardwatch's columns, or ACLED's or "
                                                                           "the GTD's (events table only).")
    since: IsoDate | None = Field(None, description="Dated on or after this day (YYYY-MM-DD).")
    until: IsoDate | None = Field(None, description="Dated on or before this day.")
    country: Country = None
    actor: str | None = Field(None, max_length=200, description="Canonical actor id (islamic-state), name or alias.")
    kind: EventKind | None = Field(None, description="Only events of this kind.")
    as_of: IsoDate | None = Field(None, description="As known on this day.")


class SearchQuery(Page):
    q: str = Field(..., min_length=1, max_length=500, description="Words (matched as words: al-Adnani), \"phrases\", AND/OR/NOT/NEAR, prefix*.")


class TimelineQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    since: IsoDate | None = Field(None, description="Events dated on or after this day.")
    until: IsoDate | None = Field(None, description="Events dated on or before this day.")
    as_of: IsoDate | None = Field(None, description="As known on this day (where supported).")


class AnalysisQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: EventKind | None = Field(None, description="Events of this kind (default: attacks).")
    country: Country = None
    since: IsoDate | None = Field(None, description="Records dated on or after this day (YYYY-MM-DD).")
    until: IsoDate | None = Field(None, description="Records dated on or before this day.")


class SeverityQuery(AnalysisQuery):
    size: float | None = Field(None, ge=1, description="Deaths of the event whose chance is asked (default: the "
                                                       "largest in the data).")
    events: int | None = Field(None, ge=1, le=10_000_000, description="Events in the period of that chance.")
    bootstrap: int = Field(200, ge=0, le=1000, description="Resamples for the intervals.")
    gof_reps: int = Field(200, ge=0, le=1000, description="Synthetic sets for the goodness-of-fit p.")


class TerritoryQuery(AnalysisQuery):
    kind: Literal["attack"] | None = Field(None, description="Only attacks are counted against the losses.")
    losses: Literal["events", "area"] = Field("events", description="Reported losses, or km2 lost by the IHS series.")
    lag: int = Field(1, ge=0, le=12, description="Months from losses to attacks in the count regression.")
    reps: int = Field(500, ge=10, le=2000, description="Block-bootstrap resamples.")


class ApiError(Exception):
    """An error answered in the one error shape."""

    def __init__(self, status: int, message: str, details: list[dict] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.details = status, message, details or []


def _error(status: int, message: str, details: list[dict] | None = None) -> JSONResponse:
    return JSONResponse({"ok": False, "status": status, "error": message, "details": details or []}, status_code=status)


def _validation_details(exc: RequestValidationError) -> list[dict]:
    details = []
    for err in exc.errors():
        location = ".".join(str(part) for part in err.get("loc", ()))
        message = "unknown parameter" if err.get("type") == "extra_forbidden" else err.get("msg", "invalid")
        details.append({"location": location, "message": message})
    return details


def create_app(db_path: str, *, token: str | None = None) -> FastAPI:
    """The app for one database; with ``token``, every request must present it."""
    app = FastAPI(
        title="shardwatch", version=__version__,
        description="Sourced, structured records from reporting on political violence. Every record carries "
                    "the evidence spans (article id, character offsets, sentence) it rests on.",
        docs_url=None, redoc_url=None, openapi_url="/openapi.json",
        responses=error_responses(*((401,) if token else ()), 422, 500, 503),
    )

    def no_parameters(request: Request) -> None:
        """Routes without a query model refuse query parameters, as the others do."""
        details = query_parameters(request, set())
        if details:
            raise ApiError(422, f"invalid request: {details[0]['location']}: unknown parameter", details)

    # -- errors: one shape ------------------------------------------------------------------

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError):
        return _error(exc.status, exc.message, exc.details)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError):
        details = _validation_details(exc)
        first = details[0] if details else {"location": "request", "message": "invalid"}
        return _error(422, f"invalid request: {first['location']}: {first['message']}", details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException):
        message = {404: "not found", 405: "method not allowed"}.get(exc.status_code, str(exc.detail))
        response = _error(exc.status_code, message)
        response.headers.update(exc.headers or {})  # a 405 says which methods are allowed (Allow)
        return response

    @app.exception_handler(StoreError)
    async def _store(_request: Request, exc: StoreError):
        return _error(503, str(exc))

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception):
        return _error(500, f"unexpected {type(exc).__name__}")

    # -- the token ------------------------------------------------------------------------------

    if token:
        @app.middleware("http")
        async def _check_token(request: Request, call_next: Callable):
            given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
            given = given or request.cookies.get(TOKEN_COOKIE, "")
            from_query = request.url.path == "/" and request.query_params.get("token")
            if from_query and hmac.compare_digest(from_query, token):
                response = RedirectResponse("/", status_code=303)
                response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
                return response
            if not given or not hmac.compare_digest(given, token):
                return _error(401, "a valid token is required (Authorization: Bearer TOKEN, or open /?token=TOKEN)")
            return await call_next(request)

    # -- the store, read-only, one connection a request -------------------------------------

    @contextlib.contextmanager
    def open_db() -> Iterator[Shardwatch]:
        db = Shardwatch(db_path)  # read-only: SQLite refuses any write
        try:
            yield db
        finally:
            db.close()

    def page(items: list, query: Page, *, available: bool = True) -> dict:
        """One page; ``items`` holds up to offset + limit + 1 records, so the next page is known."""
        shown = items[query.offset: query.offset + query.limit]
        more = len(items) > query.offset + query.limit
        return {"ok": True, "available": available, "items": shown, "count": len(shown), "limit": query.limit,
                "offset": query.offset, "next_offset": query.offset + query.limit if more else None}

    def optional(listing: str, query: RecordQuery, **filters: Any) -> dict:
        """A listing of the Python API that an older database (opened read-only) may lack."""
        given = {"since": query.since, "until": query.until, "country": query.country, "actor": query.actor,
                 "as_of": query.as_of, **filters}
        with open_db() as db:
            if not caps.available(db.store)[listing]:
                return page([], query, available=False)
            try:
                found = getattr(db, listing)(**given, limit=query.offset + query.limit + 1)
            except db.store.dialect.missing_table_errors:  # a table of an older or half-merged schema
                return page([], query, available=False)
            except FilterError as exc:
                raise ApiError(422, f"invalid request: {exc}") from None
        return page([caps.to_record(item, caps.RECORD_TYPE[listing]) for item in found], query)

    def known_measure(measure: str | None) -> str | None:
        from shardwatch.data import measures

        if measure is not None and measure not in {m["id"] for m in measures()} | {"other"}:
            raise ApiError(422, f"invalid request: query.measure: unknown measure {measure}",
                           [{"location": "query.measure", "message": "unknown measure"}])
        return measure

    # -- routes -----------------------------------------------------------------------------

    @app.get(f"{API}/meta", tags=["meta"], summary="What the database holds and which record kinds it has",
             dependencies=[Depends(no_parameters)])
    def meta() -> dict:
        with open_db() as db:
            counts = db.store.counts()
            available = caps.available(db.store)
            schema = db.store.schema_version()
        return {"ok": True, "version": __version__, "schema_version": schema, "counts": counts,
                "available": {"articles": True, "events": True, **available}, "as_of": True,
                "max_page": MAX_PAGE, "event_kinds": list(EVENT_KINDS),
                "colours": {"links": LINK_COLOURS, "kinds": KIND_COLOURS, "series": SERIES_COLOURS},
                "series_labels": SERIES_LABELS}

    @app.get(f"{API}/articles", tags=["records"], summary="Articles, by publication date")
    def articles(query: Annotated[ArticleQuery, Query()]) -> dict:
        until = min(d for d in (query.until, query.as_of) if d) if (query.until or query.as_of) else None
        with open_db() as db:
            found = db.articles(since=query.since, until=until, limit=query.offset + query.limit + 1)
        return page([article_record(a) for a in found], query)

    @app.get(f"{API}/articles/{{article_id}}", tags=["records"],
             summary="One article: its text and the evidence span of every record found in it",
             dependencies=[Depends(no_parameters)], responses=error_responses(404))
    def article(article_id: Annotated[str, Path(max_length=200)]) -> dict:
        with open_db() as db:
            found = db.store.article(article_id)
            if found is None:
                raise ApiError(404, f"no article {article_id}")
            spans = caps.evidence_spans(db.store, article_id)
        return {"ok": True, "article": article_record(found) | {"text": found.text}, "spans": spans}

    @app.get(f"{API}/events", tags=["records"], summary="Events (attack, territory, leadership, allegiance)")
    def events(query: Annotated[EventQuery, Query()]) -> dict:
        with open_db() as db:
            found = db.events(since=query.since, until=query.until, country=query.country, actor=query.actor,
                              kind=query.kind, as_of=query.as_of, limit=query.offset + query.limit + 1)
        return page([event_record(e) for e in found], query)

    @app.get(f"{API}/incidents", tags=["records"], summary="Incidents: one real event merged from many reports")
    def incidents(query: Annotated[IncidentQuery, Query()]) -> dict:
        return optional("incidents", query, kind=query.kind, min_sources=query.min_sources)

    @app.get(f"{API}/claims", tags=["records"], summary="Claims: figures with their claimants")
    def claims(query: Annotated[ClaimQuery, Query()]) -> dict:
        return optional("claims", query, measure=known_measure(query.measure))

    @app.get(f"{API}/quotes", tags=["records"], summary="Quotes with their speakers")
    def quotes(query: Annotated[RecordQuery, Query()]) -> dict:
        return optional("quotes", query)

    @app.get(f"{API}/indicators", tags=["analyses"], summary="Indicators: claims on one measure and scope over time")
    def indicators(query: Annotated[ClaimQuery, Query()]) -> dict:
        return optional("indicators", query, measure=known_measure(query.measure))

    @app.get(f"{API}/contradictions", tags=["analyses"], summary="Contradictions: figures that cannot both hold")
    def contradictions(query: Annotated[RecordQuery, Query()]) -> dict:
        return optional("contradictions", query)

    @app.get(f"{API}/export", tags=["records"], response_class=Response,
             summary="A download of the events (or incidents) the filters keep: the CLI's export, as CSV or GeoJSON",
             responses={200: {"content": {"text/csv": {}, "application/geo+json": {}}}})
    def export(query: Annotated[ExportQuery, Query()]) -> Response:
        with open_db() as db:
            try:
                result = db.export(query.format, layout=query.layout, table=query.table, since=query.since,
                                   until=query.until, country=query.country.upper() if query.country else None,
                                   actor=query.actor, kind=query.kind, as_of=query.as_of)
            except ShardwatchError as exc:
                raise ApiError(422, f"invalid request: {exc}") from None
        media = "text/csv" if query.format == "csv" else "application/geo+json"
        name = f"shardwatch-{query.table}.{query.format}"
        return Response(result.data, media_type=f"{media}; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}"', "X-Summary": result.summary})

    @app.get(f"{API}/sources", tags=["meta"], summary="Watched sources: when each was last polled, its status and counts",
             dependencies=[Depends(no_parameters)])
    def watched_sources() -> dict:
        import dataclasses

        with open_db() as db:
            found = [dataclasses.asdict(s) for s in db.sources()]
        return {"ok": True, "items": found, "count": len(found)}

    @app.get(f"{API}/search", tags=["records"], summary="Full-text search of the articles")
    def search(query: Annotated[SearchQuery, Query()]) -> dict:
        with open_db() as db:
            try:
                hits = db.search(query.q, limit=query.offset + query.limit + 1)
            except StoreError:
                # Not FTS5 syntax: every string the schema allows is answered, so the query is
                # searched as its plain words.
                plain = plain_words_query(query.q)
                hits = db.search(plain, limit=query.offset + query.limit + 1) if plain else []
        return page([article_record(hit.article) | {"snippet": hit.snippet} for hit in hits], query)

    @app.get(f"{API}/timeline", tags=["analyses"],
             summary="By month: the organisation's territory lost and gained, and its attacks abroad by link")
    def timeline(query: Annotated[TimelineQuery, Query()]) -> dict:
        filters = caps.make_filter(since=query.since, until=query.until, as_of=query.as_of)
        with open_db() as db:
            events_ = [event_record(e) for e in db.store.events(filters)]
            incidents_ = caps.optional_records(db.store, "incidents", filters)
        return {"ok": True, **monthly_timeline(events_, incidents_)}

    # -- trend analyses (issue 17): each result with intervals, method and record ids ------------

    def analysis(name: str, query: AnalysisQuery, **options) -> dict:
        from shardwatch.analyse import TRENDS, AnalysisFilter, as_record

        filters = AnalysisFilter(kind=query.kind, country=query.country.upper() if query.country else None,
                                 since=query.since, until=query.until)
        with open_db() as db:
            try:
                result = TRENDS[name](db.store, filters, **options)
            except ValueError as exc:
                raise ApiError(422, f"invalid request: {exc}") from None
        return {"ok": True, "analysis": name, **as_record(result)}

    @app.get(f"{API}/analyses/severity", tags=["analyses"],
             summary="Severity tail: a power law of deaths per incident, with intervals and the chance of a large one")
    def analysis_severity(query: Annotated[SeverityQuery, Query()]) -> dict:
        return analysis("severity", query, size=query.size, events=query.events, bootstrap=query.bootstrap,
                        gof_reps=query.gof_reps)

    @app.get(f"{API}/analyses/hawkes", tags=["analyses"],
             summary="Self-excitation: a Hawkes process's branching ratio with its interval")
    def analysis_hawkes(query: Annotated[AnalysisQuery, Query()]) -> dict:
        return analysis("hawkes", query)

    @app.get(f"{API}/analyses/territory-vs-abroad", tags=["analyses"],
             summary="Territorial losses against attacks abroad: cross-correlations and a count regression")
    def analysis_territory(query: Annotated[TerritoryQuery, Query()]) -> dict:
        return analysis("territory-vs-abroad", query, losses_from=query.losses, lag=query.lag, reps=query.reps)

    @app.get(f"{API}/analyses/pathways", tags=["analyses"],
             summary="Foreign fighters' pathways: the records that speak to each, by month, with shares")
    def analysis_pathways(query: Annotated[AnalysisQuery, Query()]) -> dict:
        return analysis("pathways", query)

    @app.get(f"{API}/geo/countries", tags=["meta"], summary="Country outlines (Natural Earth 1:110m) as GeoJSON",
             dependencies=[Depends(no_parameters)])
    def geo_countries() -> Response:
        return JSONResponse(_countries_geojson(), headers={"Cache-Control": "max-age=86400"})

    # -- the dashboard ------------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def dashboard() -> Response:
        return FileResponse(str(STATIC.joinpath("index.html")), media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        # Drawn from /openapi.json by a local script: no CDN, works offline.
        return FileResponse(str(STATIC.joinpath("docs.html")), media_type="text/html")

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    return app


def _countries_geojson() -> dict[str, Any]:
    from shardwatch.data.geo import countries_geojson

    return countries_geojson()


def check_database(db_path: str) -> None:
    """Fail early, with one line, when the database is missing or unreadable."""
    try:
        with Store(db_path, readonly=True) as store:
            store.counts()
    except sqlite3.DatabaseError as exc:
        raise ShardwatchError(f"cannot read database {display_name(db_path)}: {exc}") from exc
