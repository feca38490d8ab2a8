"""Grounded answers with citations: the offline composer (default), an optional LLM mode,
abstention and follow-up resolution. ``answer()`` is the one entry point."""

from assistant.answer.citations import verify
from assistant.answer.pipeline import QuestionError, answer
from assistant.answer.types import Answer, Claim, Evidence

__all__ = ["Answer", "Claim", "Evidence", "QuestionError", "answer", "verify"]
