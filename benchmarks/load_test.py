"""Load test: concurrent question sessions for a fixed time, against the library API and against
the running Streamlit server. Reports answers, errors, throughput and latency percentiles.

    .venv/bin/python benchmarks/load_test.py [--sessions 20] [--duration 60] [--mode both]
                                             [--data-dir DIR] [--profile FILE] [--write]

What each mode measures:

- ``library``: after three warm-up questions, every question once, one at a time (the "first
  asks": latency and CPU per answer without queueing); then ``sessions`` threads in one process
  share one engine (as the app's sessions share its cached engine) and each asks questions in a
  loop through ``assistant.answer.answer`` (offline mode), carrying its own conversation
  history. Latency = one ``answer()`` call; CPU = the process's, per answer.
- ``server``: starts ``assistant serve`` on a free port, checks ``/_stcore/health`` and the page
  HTML, has one visitor ask the library's three warm-up questions (the model loads), then
  opens ``sessions`` real Streamlit websocket sessions (the browser's protocol: BackMsg/ForwardMsg
  protobufs on ``/_stcore/stream``). Each session loads the Ask page, types a
  question into the chat input (a widget-state rerun, as the browser sends on Enter) and waits
  until the script run that shows the answer has finished. Latency = from sending the question to
  the end of that run, so it includes rendering the page with the conversation so far. CPU = the
  server process's (``/proc``), per answer; RSS after the run. A session
  starts over (a new visitor) after five questions. No browser renders the HTML, so client-side
  rendering time is not included.

With ``--profile FILE`` the server run is sampled by py-spy (50 Hz, idle threads left out; py-spy
is installed with the test extras) into FILE (collapsed stacks), and the summary of
``profile_summary.py`` is printed: where the server's time went.

An error is an exception raised by ``answer()``, an exception element on the page, a session that
drops, or an answer that does not show the question in the conversation.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from assistant.config import DEFAULT_CORPUS_DIR, Settings

QUESTIONS_PER_VISIT = 5


def warm_up_questions(items: list[str]) -> list[str]:
    """The questions both targets answer before the measured run (model, jieba, BM25,
    statements and standards loaded): the same three, so the two are warm alike."""
    return items[:3]


@dataclass
class Run:
    mode: str
    sessions: int
    duration_s: float
    latencies_ms: list[float] = field(default_factory=list)
    first_ask_ms: list[float] = field(default_factory=list)  # a question's first time in the run
    errors: list[str] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)

    def summary(self) -> dict[str, float]:
        done = self.latencies_ms
        return {"answers": len(done), "errors": len(self.errors),
                "throughput_per_s": len(done) / self.duration_s if self.duration_s else 0.0,
                "p50_ms": percentile(done, 50), "p95_ms": percentile(done, 95),
                "max_ms": max(done) if done else 0.0,
                "mean_ms": statistics.fmean(done) if done else 0.0}


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = int(position), min(int(position) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def questions() -> list[str]:
    """The development set's questions, in and out of scope, English and Chinese."""
    import yaml

    data = yaml.safe_load((REPO / "tests" / "evaluation" / "devset.yaml").read_text(encoding="utf-8"))
    return [item["question"] for item in data["questions"]]


def prepare_index(data_dir: Path) -> None:
    from assistant.engine import open_engine

    engine = open_engine(Settings(data_dir=data_dir, corpus_dirs=[DEFAULT_CORPUS_DIR]))
    report = engine.ingest()
    if not report.ok:
        raise SystemExit(f"the corpus did not index cleanly: {report.to_json()['failures']}")


# -- library API -------------------------------------------------------------------------------

def run_library(data_dir: Path, sessions: int, duration: float) -> Run:
    from assistant.answer import answer
    from assistant.engine import open_engine

    settings = Settings(data_dir=data_dir, corpus_dirs=[DEFAULT_CORPUS_DIR])
    engine = open_engine(settings)
    items = questions()
    for question in warm_up_questions(items):  # warm: model, jieba, BM25 and standards loaded
        answer(question, engine=engine, settings=settings, use_llm=False)
    run = Run("library", sessions, duration)
    # Every question once, one at a time: the first-ask latency and CPU without queueing.
    cpu = time.process_time()
    for question in items:
        start = time.perf_counter()
        answer(question, engine=engine, settings=settings, use_llm=False)
        run.first_ask_ms.append((time.perf_counter() - start) * 1000)
    used = time.process_time() - cpu
    run.extra["first asks one at a time"] = (
        f"p50 {percentile(run.first_ask_ms, 50):.0f} ms, p95 "
        f"{percentile(run.first_ask_ms, 95):.0f} ms, CPU {used / len(items):.3f} s per answer")
    lock = threading.Lock()
    seen: set[str] = set(items)  # the concurrent run below asks them again
    deadline = time.monotonic() + duration

    def session(number: int) -> None:
        history: list[tuple[str, str]] = []
        asked = 0
        while time.monotonic() < deadline:
            question = items[(number * 7 + asked) % len(items)]
            asked += 1
            start = time.perf_counter()
            try:
                result = answer(question, history=history[-6:], engine=engine, settings=settings,
                                use_llm=False)
            except Exception as exc:  # noqa: BLE001 - every exception is a counted error
                with lock:
                    run.errors.append(f"{type(exc).__name__}: {exc}")
                continue
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                run.latencies_ms.append(elapsed)
                if question not in seen:  # repeats reuse the answer pipeline's sentence cache
                    seen.add(question)
                    run.first_ask_ms.append(elapsed)
            history += [("user", question), ("assistant", result.text)]
            if asked % QUESTIONS_PER_VISIT == 0:
                history = []

    threads = [threading.Thread(target=session, args=(n,)) for n in range(sessions)]
    started, cpu = time.monotonic(), time.process_time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    run.duration_s = time.monotonic() - started  # the last answers finish after the deadline
    used = time.process_time() - cpu  # every thread of this process: the answers themselves
    run.extra["library CPU"] = f"{used:.0f} s ({used / max(len(run.latencies_ms), 1):.3f} s per answer)"
    run.extra["RSS after the run"] = f"{rss_mb(os.getpid()):.0f} MB"
    return run


# -- Streamlit server --------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(data_dir: Path, port: int, log: Path) -> subprocess.Popen:
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir)}
    with open(log, "w") as out:  # the child keeps its own copy of the descriptor
        process = subprocess.Popen([str(Path(sys.executable).with_name("assistant")), "serve",
                                    "--port", str(port)], env=env, stdout=out,
                                   stderr=subprocess.STDOUT)
    deadline = time.time() + 120
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)
            return process
        except OSError:
            if process.poll() is not None or time.time() > deadline:
                raise SystemExit(f"assistant serve did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.3)


class PageRun:
    """What one script run sent: the chat input's id, the page hash, texts and exceptions."""

    def __init__(self) -> None:
        self.chat_input: str | None = None
        self.page_hash = ""
        self.markdown: list[str] = []
        self.exceptions: list[str] = []


async def script_run(ws, widgets=None, page_hash: str = "") -> PageRun:
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    message = BackMsg()
    message.rerun_script.query_string = ""
    message.rerun_script.page_script_hash = page_hash
    if widgets:
        message.rerun_script.widget_states.widgets.extend(widgets)
    await ws.send(message.SerializeToString())
    page = PageRun()
    while True:
        forward = ForwardMsg()
        forward.ParseFromString(await asyncio.wait_for(ws.recv(), timeout=300))
        kind = forward.WhichOneof("type")
        if kind == "new_session":
            page.page_hash = forward.new_session.page_script_hash
        elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
            element = forward.delta.new_element
            what = element.WhichOneof("type")
            if what == "chat_input":
                page.chat_input = element.chat_input.id
            elif what == "markdown":
                page.markdown.append(element.markdown.body)
            elif what == "exception":
                page.exceptions.append(f"{element.exception.type}: {element.exception.message}")
        elif kind == "script_finished":
            if forward.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                return page
            if forward.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                page.exceptions.append("the app failed to compile")
                return page


async def visitor(port: int, number: int, deadline: float, run: Run, items: list[str],
                  seen: set[str]) -> None:
    import websockets
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    asked = 0
    while time.monotonic() < deadline:
        try:
            async with websockets.connect(f"ws://127.0.0.1:{port}/_stcore/stream",
                                          subprotocols=["streamlit"], max_size=2 ** 26,
                                          open_timeout=60) as ws:
                page = await script_run(ws)
                if page.exceptions or not page.chat_input:
                    run.errors.append(f"page load: {page.exceptions or 'no chat input'}")
                    continue
                for _ in range(QUESTIONS_PER_VISIT):
                    if time.monotonic() >= deadline:
                        return
                    question = items[(number * 7 + asked) % len(items)]
                    asked += 1
                    state = WidgetState(id=page.chat_input)
                    state.chat_input_value.data = question
                    start = time.perf_counter()
                    shown = await script_run(ws, [state], page.page_hash)
                    elapsed = (time.perf_counter() - start) * 1000
                    plain = [text.replace("\\", "") for text in shown.markdown]
                    if shown.exceptions:
                        run.errors.append(f"exception on the page: {shown.exceptions[0]}")
                    elif not any(question in text for text in plain):
                        run.errors.append(f"the conversation does not show {question!r}")
                    else:
                        run.latencies_ms.append(elapsed)
                        if question not in seen:
                            seen.add(question)
                            run.first_ask_ms.append(elapsed)
        except Exception as exc:  # noqa: BLE001 - a dropped or refused session is an error
            run.errors.append(f"session: {type(exc).__name__}: {exc}")
            await asyncio.sleep(1)


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_s(pid: int) -> float:
    """User + system CPU seconds of a process (Linux /proc), children included."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(f) for f in fields[11:15])  # utime, stime, cutime, cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def start_profiler(pid: int, seconds: float, out: Path) -> subprocess.Popen:
    """py-spy sampling ``pid`` for ``seconds`` into ``out`` (collapsed stacks)."""
    spy = Path(sys.executable).with_name("py-spy")
    return subprocess.Popen([str(spy), "record", "--pid", str(pid), "--rate", "50",
                             "--duration", str(int(seconds) + 1), "--format", "raw",
                             "--output", str(out), "--nonblocking"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def run_server(data_dir: Path, sessions: int, duration: float,
               profile: Path | None = None) -> Run:
    port = free_port()
    log = Path(tempfile.gettempdir()) / f"edubalance-load-serve-{port}.log"
    process = start_server(data_dir, port, log)
    run = Run("server", sessions, duration)
    try:
        html = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30).read().decode()
        if "<div id=\"root\"" not in html and "id=\"root\"" not in html:
            run.errors.append("the page HTML has no root element")
        items = questions()

        async def warm() -> None:  # loading the model is not part of the load: one visitor
            import websockets  # asks the library's warm-up questions first
            from streamlit.proto.WidgetStates_pb2 import WidgetState

            async with websockets.connect(f"ws://127.0.0.1:{port}/_stcore/stream",
                                          subprotocols=["streamlit"], max_size=2 ** 26) as ws:
                page = await script_run(ws)
                for question in warm_up_questions(items):
                    state = WidgetState(id=page.chat_input)
                    state.chat_input_value.data = question
                    await script_run(ws, [state], page.page_hash)

        asyncio.run(warm())

        async def everyone() -> None:
            deadline = time.monotonic() + duration
            seen: set[str] = set()
            await asyncio.gather(*(visitor(port, n, deadline, run, items, seen)
                                   for n in range(sessions)))

        spy = start_profiler(process.pid, duration, profile) if profile else None
        started, client_cpu, server_cpu = time.monotonic(), time.process_time(), cpu_s(process.pid)
        asyncio.run(everyone())
        run.duration_s = time.monotonic() - started
        if spy is not None:
            spy.wait(timeout=120)
            if spy.returncode:  # py-spy says why (no permission to trace, say)
                run.errors.append(f"py-spy: {spy.stderr.read().decode().strip()[-300:]}")
        # The load generator runs on the same cores: say how much CPU each side used.
        used = cpu_s(process.pid) - server_cpu
        run.extra["server CPU"] = (f"{used:.0f} s ({used / max(len(run.latencies_ms), 1):.3f} s "
                                   "per answer)")
        run.extra["server RSS after the run"] = f"{rss_mb(process.pid):.0f} MB"
        run.extra["load generator CPU"] = f"{time.process_time() - client_cpu:.1f} s"
        health = urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=10)
        run.extra["health after the run"] = health.read().decode().strip()
    finally:
        os.kill(process.pid, signal.SIGTERM)
        process.wait(timeout=60)
    return run


# -- report ------------------------------------------------------------------------------------

def table(runs: list[Run]) -> str:
    lines = [("| target | sessions | duration | answers | errors | throughput | p50 | p95 | max "
              "| first asks: n, p50, p95 |"), "|---|---|---|---|---|---|---|---|---|---|"]
    for run in runs:
        s = run.summary()
        first = run.first_ask_ms
        lines.append(f"| {run.mode} | {run.sessions} | {run.duration_s:.0f} s | {s['answers']} | "
                     f"{s['errors']} | {s['throughput_per_s']:.2f} answers/s | "
                     f"{s['p50_ms']:.0f} ms | {s['p95_ms']:.0f} ms | {s['max_ms']:.0f} ms | "
                     f"{len(first)}, {percentile(first, 50):.0f} ms, "
                     f"{percentile(first, 95):.0f} ms |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds per mode")
    parser.add_argument("--mode", choices=["library", "server", "both"], default="both")
    parser.add_argument("--data-dir", type=Path,
                        default=Path(tempfile.gettempdir()) / "edubalance-load",
                        help="index to use (built from the corpus when missing)")
    parser.add_argument("--profile", type=Path, help="sample the server with py-spy into FILE")
    parser.add_argument("--write", action="store_true", help="write the figures to RESULTS.md")
    args = parser.parse_args(argv)

    prepare_index(args.data_dir)
    runs: list[Run] = []
    if args.mode in ("library", "both"):
        runs.append(run_library(args.data_dir, args.sessions, args.duration))
    if args.mode in ("server", "both"):
        # The server gets its own copy: two processes should not share one embedded Chroma.
        server_dir = args.data_dir.with_name(args.data_dir.name + "-server")
        shutil.rmtree(server_dir, ignore_errors=True)
        shutil.copytree(args.data_dir / "index", server_dir / "index")
        runs.append(run_server(server_dir, args.sessions, args.duration, args.profile))
    report = table(runs)
    print(report)
    if args.profile and args.profile.exists():
        from profile_summary import parse, summarise
        from profile_summary import table as profile_table

        print(profile_table(summarise(parse(args.profile))))
    for run in runs:
        if run.extra:
            print(f"{run.mode}: " + ", ".join(f"{k} {v}" for k, v in run.extra.items()))
        for error in run.errors[:10]:
            print(f"{run.mode} error: {error}")
    if args.write:
        from _results import write_section

        extras = "".join(f"- {run.mode}: " + ", ".join(f"{k} {v}" for k, v in run.extra.items())
                         + "\n" for run in runs if run.extra)
        body = "\n\n".join([
            (f"{args.sessions} concurrent question sessions for {args.duration:.0f} s per "
             "target, offline answers, questions from `tests/evaluation/devset.yaml` (in and out of "
             "scope, English and Chinese). `library`: threads calling `assistant.answer.answer` "
             "on one shared engine. `server`: real Streamlit websocket sessions against "
             "`assistant serve` (page load, then each question typed into the chat input; "
             "latency until the run showing the answer has finished; a new visitor every "
             f"{QUESTIONS_PER_VISIT} questions; no browser rendering)."),
            report, extras.rstrip(),
            (f"The development set has {len(questions())} questions. The library's first asks "
             "are each question once, one at a time, before its concurrent run (which then asks "
             "repeats only); the server's are each question's first ask within its concurrent "
             "run, so they include waiting for the other sessions. Both targets share the "
             "machine's cores with the load generator; one Streamlit process runs all sessions' "
             "scripts in threads of one Python interpreter, so it uses about one core, and "
             "latency under load is about sessions / throughput (each session waits its turn)."),
            "Run: `.venv/bin/python benchmarks/load_test.py --write`."])
        write_section("load", body)
    return 0 if all(not run.errors for run in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
