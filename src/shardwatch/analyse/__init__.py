"""Analyses over stored records.

- Claims: indicators (time series per measure and scope), contradictions between sources, and
  checks against the shipped reference series.
- Trends, each with intervals, the method named and the records behind it (issue 17):
  ``severity`` (the tail of deaths per incident), ``hawkes`` (self-excitation),
  ``territory_vs_abroad`` (losses against attacks abroad), ``pathways`` (foreign fighters).
  Each takes a store and an ``AnalysisFilter``; ``fit_*`` take values instead.
"""

from shardwatch.analyse.contradictions import compare, contradictions
from shardwatch.analyse.hawkes import HawkesResult, fit_hawkes, hawkes
from shardwatch.analyse.indicators import indicators, scope_key
from shardwatch.analyse.pathways import PathwaysResult, pathways
from shardwatch.analyse.reference import ReferenceCheck, ReferencePoint, reference_checks, reference_points
from shardwatch.analyse.results import AnalysisFilter, Interval, as_record
from shardwatch.analyse.severity import SeverityResult, fit_severity, severity
from shardwatch.analyse.territory_abroad import TerritoryAbroadResult, fit_territory_abroad, territory_vs_abroad

# name (as the CLI and the HTTP API call it) -> the function that runs it on a store
TRENDS = {"severity": severity, "hawkes": hawkes, "territory-vs-abroad": territory_vs_abroad, "pathways": pathways}

__all__ = ["AnalysisFilter", "HawkesResult", "Interval", "PathwaysResult", "ReferenceCheck", "ReferencePoint",
           "SeverityResult", "TRENDS", "TerritoryAbroadResult", "as_record", "compare", "contradictions",
           "fit_hawkes", "fit_severity", "fit_territory_abroad", "hawkes", "indicators", "pathways",
           "reference_checks", "reference_points", "scope_key", "severity", "territory_vs_abroad"]
