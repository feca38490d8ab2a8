"""The corpus's vocabulary in one place: document types, government levels, topics and
responsibility areas (corpus/README.md documents them; ``assistant.corpus`` enforces them).

Each is a tuple in display order; the app's filters, the library's timeline, corpus validation and
the memo all read them from here. School levels (小学 / 初中) are a different thing and live
with the standards as ``assistant.advisor.standards.SCHOOL_LEVELS``.
"""

from __future__ import annotations

DOC_TYPES = ("law", "regulation", "policy", "standard", "case", "analysis")
UPLOAD = "upload"                      # the type shown for an uploaded document
LEGAL_TYPES = ("law", "regulation")    # documents with numbered articles
DATED_TYPES = ("law", "regulation", "policy", "standard", "case")  # the library's timeline
# the corpus folder each type lives in
FOLDER_TYPES: dict[str, tuple[str, ...]] = {
    "laws": LEGAL_TYPES, "policies": ("policy",), "standards": ("standard",),
    "cases": ("case",), "analysis": ("analysis",)}

GOVERNMENT_LEVELS = ("national", "provincial", "municipal", "county")

RESPONSIBILITY_AREAS = ("planning", "funding", "teachers", "facilities", "admission-equity",
                        "quality-digital", "supervision-accountability")
TOPICS = (*RESPONSIBILITY_AREAS, "small-and-boarding-schools", "evaluation")
