"""EduBalance Advisor: policy advisory assistant on balanced urban-rural compulsory education."""

__version__ = "0.1.0"
