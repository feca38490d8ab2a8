"""Answers shaped by the kind of question, composed from knowledge statements.

Each shape returns the answer's Markdown with markers, or None when the statements do not carry
it (the pipeline then tries the next route). The first sentence answers; support follows in
order of legal strength (law → regulation → policy → standard → case → analysis). One module
per shape; ``draft`` holds the answer being written that they all share."""

from assistant.answer.shapes.case import case
from assistant.answer.shapes.compare import compare
from assistant.answer.shapes.definition import defining_statement, definition
from assistant.answer.shapes.draft import Composed, Draft, asked_action, draft_for, finish
from assistant.answer.shapes.explain import explain
from assistant.answer.shapes.lookup import lookup
from assistant.answer.shapes.responsible import asks_who_sanctions, responsible

__all__ = ["Composed", "Draft", "asked_action", "asks_who_sanctions", "case", "compare",
           "defining_statement", "definition", "draft_for", "explain", "finish", "lookup",
           "responsible"]
