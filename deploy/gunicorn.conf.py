"""gunicorn settings for an app node: `gunicorn -c deploy/gunicorn.conf.py psg.wsgi`.

Everything a machine may want to change comes from the environment
(deploy/psg.env.example, docs/configuration.md):

- GUNICORN_BIND: where to listen (default 127.0.0.1:8000; Varnish on another
  machine needs the node's private address, e.g. 10.0.0.11:8000).
- WEB_CONCURRENCY: worker processes (default 2 per core + 1).
- GUNICORN_THREADS: threads per worker (default 1: sync workers; more than
  one selects gthread, which suits waiting on a remote database).
- GUNICORN_FORWARDED_ALLOW_IPS: the proxies (Varnish) whose X-Forwarded-*
  headers gunicorn believes (default 127.0.0.1).
- GUNICORN_ACCESS_LOG: access log file, "-" for standard output (default).
- GUNICORN_CONTROL_SOCKET: path of gunicorn's control socket (default: none).
- GUNICORN_MAX_REQUESTS: requests a worker serves before it is replaced
  (default 100000; 0: never).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
threads = int(os.environ.get("GUNICORN_THREADS") or 1)
worker_class = "gthread" if threads > 1 else "sync"
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
access_log_format = '%(h)s "%({x-real-ip}i)s" "%(r)s" %(s)s %(b)s %(L)ss'
# Replace each worker now and then, in case anything grows. Not often: a new
# worker starts without the pages and parts the old one kept (a cold render
# each) and without the page cache's recent entries. At 5,000 requests it was
# replaced every few seconds under load, which cost the embedded cache a third
# of its throughput (docs/benchmarks.md, "Reads").
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS") or 100_000)
max_requests_jitter = max_requests // 10
# A request that takes longer than this is killed (the slowest pages render
# in well under a second; PDF text extraction runs in the task worker).
timeout = 60
graceful_timeout = 30
# Behind Varnish, which keeps connections open.
keepalive = 5
# Imported once, shared copy-on-write by the workers.
preload_app = True
# gunicorn's control socket (`gunicornc`): off unless a path is given, so two
# nodes on one machine do not fight over the default one in $HOME.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
control_socket_disable = not control_socket
