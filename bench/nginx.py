"""Debian's nginx serving a built site on 127.0.0.1 with the shipped server/nginx/site.conf.

The browser tests, the server tests and `make audit` all serve the site this way, as a
publisher's own server does: compression, cache and security headers, Range requests.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from .common import REPO

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
#: The main configuration the tests start nginx with: the repository's site.conf does the rest.
NGINX_MAIN = """daemon off;
user root;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    log_format sent '$bytes_sent $request_uri';
    access_log {access_log};
    sendfile on;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        include {site_conf};
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def nginx(root: Path, port: int | None = None, log: Path | None = None) -> Iterator[str]:
    """Serve `root` on 127.0.0.1 (on `port`, or a free one) until the block ends; yield its URL.

    With `log`, every answer is logged there as "<bytes sent> <path>": what went over the wire.
    """
    port = port or free_port()
    with tempfile.TemporaryDirectory(prefix="nginx-") as tmp:
        conf = Path(tmp) / "nginx.conf"
        conf.write_text(NGINX_MAIN.format(tmp=tmp, port=port, root=root.resolve(),
                                          access_log=f"{log} sent" if log else "off",
                                          site_conf=REPO / "server" / "nginx" / "site.conf"),
                        encoding="utf-8")
        process = subprocess.Popen([NGINX, "-p", tmp, "-c", str(conf)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 10
            while True:
                with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                    break
                assert process.poll() is None, process.stderr.read().decode()
                assert time.monotonic() < deadline, "nginx did not start"
                time.sleep(0.05)
            yield f"http://127.0.0.1:{port}/"
        finally:
            process.terminate()
            process.wait(10)
            process.stderr.close()
