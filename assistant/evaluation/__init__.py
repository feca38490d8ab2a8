"""Evaluation harness: the development set, retrieval and answer metrics, baselines, reports.

``assistant eval`` runs it from the command line; ``run_evaluation`` is the library entry point.
"""

from assistant.evaluation.dataset import (
    DEFAULT_DEVSET,
    DevsetError,
    EvalItem,
    corpus_documents,
    load_devset,
    validate_devset,
)
from assistant.evaluation.report import EvalReport, write_section
from assistant.evaluation.runner import evaluate_devset, run_evaluation

__all__ = ["DEFAULT_DEVSET", "DevsetError", "EvalItem", "EvalReport", "corpus_documents",
           "evaluate_devset", "load_devset", "run_evaluation", "validate_devset", "write_section"]
