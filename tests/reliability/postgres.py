"""A real PostgreSQL server for the tests: Debian's binaries, a throwaway cluster in a temporary
folder, listening on 127.0.0.1 and a free port only; started and stopped with ``pg_ctl``.

``initdb`` refuses to run as root, so as root the cluster belongs to the ``postgres`` user that
Debian's package creates (commands run through ``runuser``); as anyone else, to that user.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

from reliability.servers import free_port

USER = "edubalance"


def postgres_bin() -> Path | None:
    """The folder of initdb/pg_ctl/postgres: Debian's newest /usr/lib/postgresql/N/bin, else
    the PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name)
                   if Path(p).parent.parent.name.isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def missing_reason() -> str | None:
    """Why no server can be started here (None when one can)."""
    if postgres_bin() is None:
        return ("PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin or on the "
                "PATH); scripts/run-tests.sh installs Debian's 'postgresql' package")
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to own the test cluster"
        if shutil.which("runuser") is None:
            return "running as root and there is no runuser to start PostgreSQL as 'postgres'"
    return None


class PostgresServer:
    """A throwaway cluster; ``url(name)`` is a SQLAlchemy URL of database ``name`` on it."""

    def __init__(self) -> None:
        reason = missing_reason()
        if reason:
            raise RuntimeError(reason)
        self.bin = postgres_bin()
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="edubalance-pg-"))
        self.data = self.folder / "cluster"
        self.log = self.folder / "server.log"
        self._as_root = os.geteuid() == 0
        if self._as_root:  # initdb refuses root; the cluster belongs to 'postgres'
            account = pwd.getpwnam("postgres")
            os.chown(self.folder, account.pw_uid, account.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", USER, "-A", "trust", "-E", "UTF8",
                  "--locale=C", "--no-sync")
        self.start()

    def _run(self, program: str, *args: str) -> subprocess.CompletedProcess:
        command = [str(self.bin / program), *args]
        if self._as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120,
                                check=False)
        if result.returncode != 0:
            log = self.log.read_text()[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{program} failed ({result.returncode}): {result.stderr}\n{log}")
        return result

    def start(self) -> None:
        options = (f"-h 127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run("pg_ctl", "start", "-w", "-t", "60", "-D", str(self.data), "-l",
                  str(self.log), "-o", options)

    def stop(self) -> None:
        self._run("pg_ctl", "stop", "-w", "-m", "fast", "-D", str(self.data))

    def destroy(self) -> None:
        try:
            self.stop()
        except RuntimeError:
            pass
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, prefix: str = "t") -> str:
        """A new empty database; returns its URL."""
        import psycopg

        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user={USER} dbname=postgres",
                             autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)
