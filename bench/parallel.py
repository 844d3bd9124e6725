"""Ten at once (issue 15, item 3), for bench/pages.sh: the heaviest page (the status of contributions of a
year) and the heaviest export (the ledger CSV of every journal line) requested ten times each, all twenty at
the same time, each in its own signed-in session, against the app at -Xmx128m. Prints each kind's answers,
times and sizes, checks that every CSV holds every line (its rows against SQL's count, and a complete last
row), then whether health still answers UP. It is not a test; the exit status is 1 when anything failed."""
import json
import os
import subprocess
import sys
import threading
import time
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from session import Session  # noqa: E402

port = int(os.environ['PORT'])
user, password = os.environ['ADMIN'], os.environ['ADMIN_PASSWORD']
db_command = os.environ['DB_COMMAND'].split()
year = int(os.environ.get('YEAR', time.strftime('%Y'))) - 1
page = f'/reports/status-of-contributions?from={year}-01-01&to={year}-12-31'
export = '/reports/ledger.csv?from=1900-01-01&to=2999-12-31&codes=true'

lines = int(subprocess.run(db_command + ['--batch', '--skip-column-names', '-e', 'SELECT COUNT(*) FROM journal_line'],
                           capture_output=True, text=True, check=True).stdout.strip())
sessions = [Session(port, user, password, timeout=1800) for _ in range(20)]
results = {'page': [], 'export': []}
lock = threading.Lock()
start = threading.Barrier(20)


def run(kind, session):
    start.wait()
    began = time.perf_counter()
    try:
        if kind == 'page':
            status, body, _ = session.call('GET', page)
            size, rows, complete = len(body), None, status == 200
        else:
            # Streamed and counted, not held: a row per line, the header first.
            session.connection.request('GET', export, headers={'Cookie': session.cookie})
            response = session.connection.getresponse()
            status, size, newlines, last = response.status, 0, 0, b''
            while True:
                chunk = response.read(1 << 20)
                if not chunk:
                    break
                size += len(chunk)
                newlines += chunk.count(b'\n')
                last = chunk[-1:]
            rows = newlines - 1
            complete = status == 200 and last == b'\n' and rows == lines
    except Exception as e:  # a cut download is what this step looks for
        status, size, rows, complete = f'error: {e.__class__.__name__}', 0, None, False
    with lock:
        results[kind].append((status, time.perf_counter() - began, size, rows, complete))


threads = [threading.Thread(target=run, args=('page' if n < 10 else 'export', sessions[n])) for n in range(20)]
[t.start() for t in threads]
[t.join() for t in threads]

ok = True
print('| ten at once | HTTP | seconds (min-max) | bytes (min-max) | complete |')
print('|---|---|---|---|---|')
for kind, path in (('page', page), ('export', export)):
    done = results[kind]
    statuses = sorted({str(r[0]) for r in done})
    complete = sum(1 for r in done if r[4])
    ok = ok and complete == len(done)
    what = f'{kind} `{path}`' + (f' ({lines:,} lines each)' if kind == 'export' else '')
    print(f"| {what} | {', '.join(statuses)} | {min(r[1] for r in done):.1f}-{max(r[1] for r in done):.1f} | "
          f"{min(r[2] for r in done):,}-{max(r[2] for r in done):,} | {complete} of {len(done)} |")
try:
    health = json.load(urllib.request.urlopen(f'http://127.0.0.1:{port}/actuator/health', timeout=30)).get('status')
except Exception as e:
    health = f'no answer ({e.__class__.__name__})'
print(f'\nHealth afterwards: {health}.')
sys.exit(0 if ok and health == 'UP' else 1)
