"""Regions (地区): several places in one deployment, each with what is its own.

A region is a folder ``knowledge/regions/<id>/``: its name, parent, hotline, portal and
hall, departments, the SLA policies that exist there and their values, the escalation
ladder, procedure overrides and the mechanisms it has (直通市长, 特邀监督员 …). Shared
facts (the procedures, the national calendar and rules) stay in ``knowledge/``.
:func:`load_regions` reads and validates them all; ``docs/regions.md`` tells how to add one.
"""
from bot.regions.loader import load_regions
from bot.regions.mechanisms import MECHANISMS, MechanismKind
from bot.regions.model import Document, Mechanism, Region, RegionDepartment, Regions, Source

__all__ = ["MECHANISMS", "Document", "Mechanism", "MechanismKind", "Region", "RegionDepartment", "Regions",
           "Source", "load_regions"]
