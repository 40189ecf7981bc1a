"""The province's server as deploy/ ships it, on local ports: app processes and nginx.

The app processes run the shipped systemd unit's ExecStart (its ``%i`` the port, its
install folder this repository) with the shipped environment file's settings and a
test database; nginx runs the shipped site with the two files it includes written
here (the processes' ports, a free port to listen on), in a folder of its own.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.e2e.conftest import REPO_ROOT, free_port, wait_until_healthy

DEPLOY = REPO_ROOT / "deploy"
UNIT = DEPLOY / "systemd" / "nq57@.service"
ENV_EXAMPLE = DEPLOY / "nq57.env.example"
SITE = DEPLOY / "nginx" / "nq57.conf"
NGINX = "/usr/sbin/nginx"
STOP_SECONDS = 20
# The test's own nginx.conf, in the place of Debian's /etc/nginx/nginx.conf: every path in
# the test's folder, and an access log saying which process served which sticky key.
NGINX_CONF = """{user}daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
events {{ worker_connections 256; }}
http {{
    client_body_temp_path {folder}/client_body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {site};
    log_format sticky '$nq57_sticky_key|$upstream_addr|$status|$request_uri';
    access_log {folder}/access.log sticky;
}}
"""


@dataclass(frozen=True)
class Request:
    """One line of nginx's access log."""

    sticky_key: str
    upstream: str  # the app process's host:port ("a, b" when the first failed)
    status: int
    uri: str


@dataclass(frozen=True)
class Deployment:
    database_url: str
    site_url: str  # nginx
    process_urls: tuple[str, ...]
    access_log: Path

    def requests(self) -> list[Request]:
        lines = self.access_log.read_text(encoding="utf-8").splitlines()
        fields = (line.split("|", 3) for line in lines)
        return [Request(key, upstream, int(status), uri) for key, upstream, status, uri in fields]

    def upstreams_by_key(self) -> dict[str, set[str]]:
        """The processes that served each sticky key."""
        served: dict[str, set[str]] = defaultdict(set)
        for request in self.requests():
            served[request.sticky_key].add(request.upstream)
        return served


def unit_value(name: str) -> str:
    """The value of ``name=`` in the shipped unit (each is set once)."""
    lines = UNIT.read_text(encoding="utf-8").splitlines()
    (value,) = (line.partition("=")[2] for line in lines if line.startswith(f"{name}="))
    return value


def app_command(port: int) -> list[str]:
    """The unit's ExecStart for instance ``port``, installed in this repository."""
    install = unit_value("WorkingDirectory")
    command = unit_value("ExecStart").replace("%i", str(port)).replace(install, str(REPO_ROOT))
    return shlex.split(command)


def environment_file(path: Path) -> dict[str, str]:
    """The KEY=VALUE lines of an EnvironmentFile, comments and blank lines left out."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))


@contextmanager
def running(
    command: Sequence[str], log: Path, env: dict[str, str] | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """``command`` as a process for the block; stopped (killed if it lingers) however it ends."""
    with log.open("wb") as output:
        process = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=output, stderr=output)
        try:
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def app_process(stack: ExitStack, database_url: str, folder: Path) -> str:
    """One app process as the unit starts it, on a free port; its URL once healthy."""
    port = free_port()
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/"),
        **environment_file(ENV_EXAMPLE),
        "DATABASE_URL": database_url,
    }
    log = folder / f"app-{port}.log"
    process = stack.enter_context(running(app_command(port), log, env))
    url = f"http://127.0.0.1:{port}"
    wait_until_healthy(url, process)
    return url


def nginx_process(stack: ExitStack, process_urls: Sequence[str], folder: Path) -> str:
    """nginx on a free port in front of ``process_urls``, with the shipped site; its URL."""
    port = free_port()
    included = folder / "nq57"
    included.mkdir()
    servers = "".join(f"server {url.removeprefix('http://')};\n" for url in process_urls)
    (included / "upstream.conf").write_text(servers, encoding="utf-8")
    (included / "listen.conf").write_text(f"listen 127.0.0.1:{port};\n", encoding="utf-8")
    user = "user root;\n" if os.geteuid() == 0 else ""  # as root, workers would be "nobody"
    conf = folder / "nginx.conf"
    conf.write_text(NGINX_CONF.format(user=user, folder=folder, site=SITE), encoding="utf-8")
    command = [NGINX, "-p", str(folder), "-c", str(conf), "-e", str(folder / "error.log")]
    process = stack.enter_context(running(command, folder / "nginx.out"))
    site_url = f"http://127.0.0.1:{port}"
    wait_until_healthy(site_url, process)
    return site_url


@contextmanager
def deployed(database_url: str, folder: Path, processes: int = 2) -> Iterator[Deployment]:
    """``processes`` app processes on ``database_url`` behind nginx; all stopped at the end."""
    with ExitStack() as stack:
        urls = [app_process(stack, database_url, folder) for _ in range(processes)]
        site_url = nginx_process(stack, urls, folder)
        yield Deployment(database_url, site_url, tuple(urls), folder / "access.log")
