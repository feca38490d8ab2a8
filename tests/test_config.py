from pathlib import Path

from assistant.config import Settings


def test_environment_variables_with_prefix_override_defaults(monkeypatch, tmp_path):
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "elsewhere"))
    monkeypatch.setenv("ASSISTANT_CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("ASSISTANT_CHROMA_PORT", "9123")
    settings = Settings()
    assert settings.data_dir == tmp_path / "elsewhere"
    assert settings.chroma_mode == "server"
    assert settings.chroma_port == 9123
    assert settings.index_dir == tmp_path / "elsewhere" / "index"


def test_defaults_are_offline_and_embedded(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    for name in ("ASSISTANT_DATA_DIR", "ASSISTANT_CHROMA_HOST", "ASSISTANT_LLM_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings()
    assert settings.data_dir == Path("data")
    assert settings.chroma_mode == "embedded"
    assert not settings.llm_enabled
    assert Path(settings.embedding_model_path(), "config.json").is_file()


def test_settings_file_is_read_and_env_wins(monkeypatch, tmp_path):
    file = tmp_path / "settings.yaml"
    file.write_text("data_dir: /srv/edubalance\nrrf_k: 30\nllm_base_url: http://127.0.0.1:1/v1\n")
    monkeypatch.setenv("ASSISTANT_SETTINGS_FILE", str(file))
    monkeypatch.setenv("ASSISTANT_RRF_K", "45")
    settings = Settings()
    assert settings.data_dir == Path("/srv/edubalance")
    assert settings.rrf_k == 45
    assert settings.llm_enabled
