"""Two replicas on separate data directories sharing PostgreSQL, a Chroma server and an upload
store (the deployment of README "Deploying past one machine"), measured.

    .venv/bin/python benchmarks/two_replicas.py [--duration 60] [--clients 4] [--write]

Starts a throwaway PostgreSQL cluster and a ``chroma run`` on 127.0.0.1 (as the tests do),
indexes the corpus into them, then for one replica and for two: ``clients`` threads ask questions
from ``tests/eval/devset.yaml`` (offline answers) for ``duration`` seconds, spread over the
replicas. Each replica is one process (``tests/deployment/replica_driver.py``) that answers one
question at a time, as one single-threaded app process would. Also measured: how long an upload
through one replica takes to be found through the other (catalog version check, keyword index
rebuilt from the database), and each replica's memory.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "tests"), str(REPO)]

import yaml
from deployment.support import Replica, run_cli
from reliability.postgres import PostgresServer
from reliability.servers import ChromaServer

from assistant.config import DEFAULT_CORPUS_DIR, Settings


def questions() -> list[str]:
    data = yaml.safe_load((REPO / "tests" / "eval" / "devset.yaml").read_text(encoding="utf-8"))
    items = data["questions"] if isinstance(data, dict) else data
    return [item["question"] for item in items]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return 0.0


def drive(replicas: list[Replica], clients: int, duration: float, asks: list[str]) -> dict:
    latencies: list[float] = []
    errors = 0
    locks = [threading.Lock() for _ in replicas]
    stop = time.monotonic() + duration

    def client(number: int) -> None:
        nonlocal errors
        index = number
        while time.monotonic() < stop:
            which = index % len(replicas)
            question = asks[index % len(asks)]
            index += clients
            started = time.monotonic()
            try:
                with locks[which]:  # one request at a time per replica process
                    replicas[which](op="ask", question=question)
                latencies.append(time.monotonic() - started)
            except Exception:  # noqa: BLE001 - counted
                errors += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    ordered = sorted(latencies)
    return {"answers": len(latencies), "errors": errors, "per_s": len(latencies) / elapsed,
            "p50": statistics.median(ordered) if ordered else 0.0,
            "p95": ordered[int(0.95 * (len(ordered) - 1))] if ordered else 0.0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--write", action="store_true", help="write the figures to RESULTS.md")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="edubalance-replicas-"))
    postgres, chroma = PostgresServer(), ChromaServer(work)
    try:
        shared = {"corpus_dirs": [DEFAULT_CORPUS_DIR], "chroma_host": "127.0.0.1",
                  "chroma_port": chroma.port, "database_url": postgres.create_database("bench"),
                  "upload_dir": work / "upload-store"}
        hosts = [Settings(data_dir=work / f"host-{name}", **shared) for name in "ab"]
        started = time.monotonic()
        done = run_cli(hosts[0], "ingest", timeout=3600)
        assert done.returncode == 0, done.stderr
        ingest_s = time.monotonic() - started
        replicas = [Replica(settings) for settings in hosts]
        asks = questions()
        for replica in replicas:  # warm, as the app does (model, keyword index, sentence
            replica(op="warm")   # store), then one question of each kind the pipeline routes
            for question in asks[::max(1, len(asks) // 12)]:
                replica(op="ask", question=question)
        one = drive(replicas[:1], args.clients, args.duration, asks)
        two = drive(replicas, args.clients, args.duration, asks)
        text = "Quuxville county pays a housing subsidy to rotating teachers."
        began = time.monotonic()
        reply = replicas[0](op="upload", name="quuxville.md",
                            text=f"# Quuxville notice\n\n{text}\n")
        uploaded = time.monotonic() - began
        assert reply["ok"], reply
        hits = replicas[1](op="search", query="Quuxville", k=5)["hits"]
        seen = time.monotonic() - began - uploaded
        assert any(hit["doc_id"].startswith("upload-quuxville") for hit in hits), hits
        memory = [rss_mb(r.process.pid) for r in replicas]
        load = os.getloadavg()
        for replica in replicas:
            replica.stop()
    finally:
        chroma.stop()
        postgres.destroy()

    rows = [f"| {name} | {r['answers']} | {r['errors']} | {r['per_s']:.2f} | {r['p50']:.2f} s | "
            f"{r['p95']:.2f} s |" for name, r in (("one replica", one), ("two replicas", two))]
    body = "\n".join([
        (f"Two replica processes on separate data directories sharing PostgreSQL "
        f"{postgres.bin.parent.name} (throwaway cluster), a `chroma run` server and an upload "
        f"store, all on this machine; {args.clients} clients asking offline questions from "
        f"`tests/eval/devset.yaml` for {args.duration:.0f} s per row, spread over the replicas "
        f"(each replica answers one question at a time). Load average at the end "
        f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (other work shared the cores)."),
        "",
        "| replicas | answers | errors | answers/s | p50 | p95 |",
        "|---|---|---|---|---|---|",
        *rows,
        "",
        f"- corpus ingest into PostgreSQL + Chroma server: {ingest_s:.0f} s",
        (f"- an upload through replica A: {uploaded:.2f} s; found through replica B "
        f"{seen:.2f} s later (its next request: catalog version check, keyword index rebuilt "
        f"from the database)"),
        f"- memory per replica after the run: {memory[0]:.0f} MB and {memory[1]:.0f} MB RSS",
        "",
        "Run: `.venv/bin/python benchmarks/two_replicas.py --write`."])
    print(body)
    if args.write:
        from _results import write_section

        write_section("replicas", body)  # under "## Two replicas …" in RESULTS.md
    return 0


if __name__ == "__main__":
    sys.exit(main())
