"""Pages and API reads under load, for bench/pages.sh (which starts the app and passes what it needs).

For each page: statements per request (the database's Questions counter around one request, alone),
then p50 and p99 with 4 users in parallel, each in its own signed-in session. Then the API reads by
id with a token at 16 connections, and receipt POSTs by 8 clients with a token. Prints a Markdown
table per part; it is not a test."""
import http.client
import json
import os
import random
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
from session import Session  # noqa: E402

port = int(os.environ['PORT'])
user, password = os.environ['ADMIN'], os.environ['ADMIN_PASSWORD']
read_token, write_token = os.environ['READ_TOKEN'], os.environ['WRITE_TOKEN']
runs = int(os.environ.get('PAGE_RUNS', '10'))
api_seconds = float(os.environ.get('API_SECONDS', '10'))
db_command = os.environ['DB_COMMAND'].split()


def questions():
    out = subprocess.run(db_command + ['--batch', '--skip-column-names', '-e', "SHOW GLOBAL STATUS LIKE 'Questions'"],
                         capture_output=True, text=True, check=True).stdout
    return int(out.split()[1])


def q(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p * (len(values) - 1))))]


def pages(paths):
    sessions = [Session(port, user, password) for _ in range(4)]
    print('| page | statements | p50 ms | p99 ms | HTTP |')
    print('|---|---|---|---|---|')
    for name, path in paths:
        first = sessions[0]
        status, _, _ = first.call('GET', path)
        # Statements: the fewest of three requests alone (a background job may add one to a count).
        counts = []
        for _ in range(3):
            before = questions()
            first.call('GET', path)
            counts.append(questions() - before - 1)
        times, statuses = [], set()
        lock = threading.Lock()

        def user_runs(session):
            for _ in range(runs):
                start = time.perf_counter()
                code, _, _ = session.call('GET', path)
                elapsed = (time.perf_counter() - start) * 1000
                with lock:
                    times.append(elapsed)
                    statuses.add(code)

        threads = [threading.Thread(target=user_runs, args=(s,)) for s in sessions]
        [t.start() for t in threads]
        [t.join() for t in threads]
        print(f'| {name} | {min(counts)} | {q(times, 0.5):.0f} | {q(times, 0.99):.0f} | '
              f'{",".join(str(s) for s in sorted(statuses | {status}))} |', flush=True)


def hammer(clients, seconds, request):
    """Each client on its own keep-alive connection sends requests for `seconds`; returns times and codes."""
    times, codes = [], {}
    lock = threading.Lock()
    end = time.perf_counter() + seconds

    def client(n):
        connection = http.client.HTTPConnection('127.0.0.1', port, timeout=60)
        i = n
        while time.perf_counter() < end:
            method, path, body, headers = request(i)
            start = time.perf_counter()
            connection.request(method, path, body, headers)
            response = connection.getresponse()
            response.read()
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                times.append(elapsed)
                codes[response.status] = codes.get(response.status, 0) + 1
            i += clients

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    return times, codes


def api_reads(ids, ceiling):
    print('| API read, token, 16 connections | requests/s | share of the JDBC ceiling | p50 ms | p99 ms | statements | HTTP |')
    print('|---|---|---|---|---|---|---|')
    for kind in ('agreements', 'donors', 'projects'):
        pool = ids[kind]
        headers = {'Authorization': 'Bearer ' + read_token, 'Accept': 'application/json'}
        path = f'/api/v1/{kind}/{pool[0]}'
        hammer(1, 1, lambda i: ('GET', path, None, headers))
        before = questions()
        c = http.client.HTTPConnection('127.0.0.1', port)
        c.request('GET', path, None, headers)
        c.getresponse().read()
        statements = questions() - before - 1
        times, codes = hammer(16, api_seconds, lambda i: ('GET', f'/api/v1/{kind}/{pool[i % len(pool)]}', None, headers))
        rate = len(times) / api_seconds
        print(f'| GET /api/v1/{kind}/{{id}} | {rate:.0f} | {100 * rate / ceiling:.1f} % | {q(times, 0.5):.1f} | '
              f'{q(times, 0.99):.1f} | {statements} | {codes} |', flush=True)


def receipts(agreements, today):
    headers = {'Authorization': 'Bearer ' + write_token, 'Content-Type': 'application/json',
               'Accept': 'application/json'}
    run = str(int(time.time()))

    def post(i):
        agreement_id, currency = agreements[i % len(agreements)]
        body = json.dumps({'receivedOn': today, 'amount': '1.00', 'currency': currency,
                           'bankReference': f'PAGES-{run}-{i}', 'note': 'bench/pages.sh', 'overpayment': False})
        return 'POST', f'/api/v1/agreements/{agreement_id}/receipts', body, headers

    times, codes = hammer(8, api_seconds, post)
    created = codes.get(201, 0)
    stored = int(subprocess.run(db_command + ['--batch', '--skip-column-names', '-e',
                                              f"SELECT COUNT(*) FROM receipt WHERE bank_reference LIKE 'PAGES-{run}-%'"],
                                capture_output=True, text=True, check=True).stdout.strip())
    print('| receipt POSTs, token, 8 clients | per second | p50 ms | p99 ms | 201 | rows stored | HTTP |')
    print('|---|---|---|---|---|---|---|')
    print(f'| POST /api/v1/agreements/{{id}}/receipts | {created / api_seconds:.0f} | {q(times, 0.5):.1f} | '
          f'{q(times, 0.99):.1f} | {created} | {stored} ({"none lost" if stored == created else "MISMATCH"}) | {codes} |')


if __name__ == '__main__':
    spec = json.load(open(sys.argv[1]))
    pages(spec['pages'])
    print()
    api_reads(spec['ids'], spec['ceiling'])
    print()
    receipts(spec['agreements'], spec['today'])
