"""serve: the Streamlit command line it runs, and `--index` building the index first."""

from __future__ import annotations

import argparse

from streamlit import config

from assistant.commands import serve


def _options(command: list[str]) -> dict[str, str]:
    flags = command[command.index("run") + 2:]
    return dict(zip(flags[::2], flags[1::2]))


def test_every_option_given_to_streamlit_is_one_of_its_options():
    options = _options(serve.streamlit_command("127.0.0.1", 8765))
    known = config._config_options_template  # every option Streamlit defines
    unknown = [flag for flag in options if flag.removeprefix("--") not in known]
    assert unknown == []
    assert options["--server.address"] == "127.0.0.1" and options["--server.port"] == "8765"
    # no full garbage collection after each script run (most of an answer's CPU, issue 12)
    assert options["--runner.postScriptGC"] == "false"


def test_index_flag_builds_the_index_then_serves_from_the_same_process(monkeypatch):
    calls: list[str] = []
    monkeypatch.setattr(serve, "_build_index", lambda: calls.append("index"))
    monkeypatch.setattr(serve, "_load_for_answers", lambda: calls.append("load"))
    from streamlit.web import cli

    monkeypatch.setattr(cli, "main", lambda prog_name: calls.append(f"serve {prog_name}") or 0)
    monkeypatch.setattr(serve.os, "execv", lambda *a: calls.append("exec"))
    assert serve.serve(argparse.Namespace(host="127.0.0.1", port=8765, index=True)) == 0
    assert calls == ["index", "load", "serve streamlit"]
    calls.clear()
    serve.serve(argparse.Namespace(host="127.0.0.1", port=8765, index=False))
    assert calls == ["exec"]  # without --index: a fresh interpreter, nothing loaded first
