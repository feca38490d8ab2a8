"""The knowledge layer: short bilingual statements (duties, findings, case records, definitions,
facts) that answers are composed from, each sourced to a section of a corpus document."""

from assistant.knowledge.statements import (
    ACTORS,
    ASPECTS,
    KINDS,
    Statement,
    load_statements,
)

__all__ = ["ACTORS", "ASPECTS", "KINDS", "Statement", "load_statements"]
