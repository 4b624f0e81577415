"""What the HTTP API accepts, stated exactly in its OpenAPI description and enforced as stated.

- Dates are ``YYYY-MM-DD`` strings only: pydantic alone would also read ``until=0`` as a Unix
  timestamp, which the schema's ``format: date`` does not allow.
- ``offset`` is bounded: SQLite's integers end at 2**63 - 1, and a page is read as
  ``offset + limit + 1`` records.
- A measure is one of the ids of ``data/measures.jsonl`` (or ``other``), listed as an enum, so
  every value the schema allows is a value the server answers.
- Every error response, whatever its status, is documented with the one error shape.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from fastapi import Request
from pydantic import BaseModel, BeforeValidator, Field, WithJsonSchema

from shardwatch.data import load_jsonl

# Larger than any corpus one laptop holds records for, small enough that offset + limit never
# leaves SQLite's 64-bit integers, and a page far out is refused rather than read for minutes.
MAX_OFFSET = 1_000_000
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise ValueError("not a date in YYYY-MM-DD form")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date), WithJsonSchema({"type": "string", "format": "date"})]
MEASURES = tuple(m["id"] for m in load_jsonl("measures.jsonl")) + ("other",)
Measure = Literal[MEASURES]  # type: ignore[valid-type]


class ErrorDetail(BaseModel):
    location: str
    message: str


class ErrorBody(BaseModel):
    """The one error shape of every response that is not a success."""

    ok: Literal[False]
    status: int
    error: str = Field(description="One line saying what went wrong.")
    details: list[ErrorDetail]


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries in the one error shape, for these statuses."""
    names = {401: "A valid token is required", 404: "Not found", 422: "Invalid request",
             500: "Unexpected server error", 503: "The database cannot be read"}
    return {status: {"model": ErrorBody, "description": names.get(status, "Error")} for status in statuses}


def query_parameters(request: Request, allowed: set[str]) -> list[dict]:
    """The error details for query parameters outside ``allowed`` (routes without a query model)."""
    return [{"location": f"query.{name}", "message": "unknown parameter"}
            for name in request.query_params if name not in allowed]
