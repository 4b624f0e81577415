"""Analyses over stored claims: indicators (time series per measure and scope), contradictions
between sources, and checks against the shipped reference series."""

from shardwatch.analyse.contradictions import compare, contradictions
from shardwatch.analyse.indicators import indicators, scope_key
from shardwatch.analyse.reference import ReferenceCheck, ReferencePoint, reference_checks, reference_points

__all__ = ["ReferenceCheck", "ReferencePoint", "compare", "contradictions", "indicators", "reference_checks",
           "reference_points", "scope_key"]
