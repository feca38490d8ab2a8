"""Column mappings remembered per header: when the user maps columns the advisor did not
recognise, the mapping is kept under the data directory, keyed by a hash of the header row, and
offered again for the next upload with the same header. A remembered mapping is only ever shown
in the mapping form (pre-selected); nothing is applied without the user seeing it."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from assistant.advisor.school_headers import header_key

MEMORY_DIR = Path("advisor") / "column-maps"


def mapping_file(data_dir: Path, headers: Sequence[str]) -> Path:
    return Path(data_dir) / MEMORY_DIR / f"{header_key(headers)}.json"


def remembered_mapping(data_dir: Path, headers: Sequence[str]) -> dict[str, str]:
    """The mapping saved for this header ({their column: our column}); {} when there is none
    or the file is unreadable (a broken memory never stops an upload)."""
    path = mapping_file(data_dir, headers)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    mapping = data.get("mapping") if isinstance(data, dict) else None
    if not isinstance(mapping, dict):
        return {}
    return {str(k): str(v) for k, v in mapping.items() if k in headers}


def remember_mapping(data_dir: Path, headers: Sequence[str], mapping: dict[str, str]) -> Path:
    """Save ``mapping`` for this header (atomically: a reader never sees half a file)."""
    path = mapping_file(data_dir, headers)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps({"header": list(headers), "mapping": mapping}, ensure_ascii=False,
                         indent=1)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(payload)
    os.replace(temporary, path)
    return path
