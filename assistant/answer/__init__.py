"""Grounded answers with citations: the offline composer (default), an optional LLM mode,
abstention and follow-up resolution. ``answer()`` is the one entry point."""

from assistant.answer.pipeline import QuestionError, answer
from assistant.answer.types import Answer, Claim, Evidence
from assistant.citations import verify

__all__ = ["Answer", "Claim", "Evidence", "QuestionError", "answer", "verify"]
