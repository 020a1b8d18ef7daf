"""Procedure knowledge base (办事指南): the model, loading and validation, lookup."""
from bot.procedures.model import (
    PROCEDURE_IDS,
    Department,
    Fee,
    KnowledgeBase,
    Material,
    Place,
    Procedure,
    Source,
    TimeLimit,
)

__all__ = [
    "PROCEDURE_IDS",
    "Department",
    "Fee",
    "KnowledgeBase",
    "Material",
    "Place",
    "Procedure",
    "Source",
    "TimeLimit",
]
