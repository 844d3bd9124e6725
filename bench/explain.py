"""EXPLAIN of what each report page asks the database, for bench/pages.sh (issue 15, item 6).

For each report page of the spec: one request alone with the server's general log on (to a table),
then EXPLAIN of each SELECT it sent. Prints one row per statement that reads more than a few rows:
its time in the log, the access of each table (type, index, estimated rows) and a warning where a
table of more than 10,000 rows is read without an index (type ALL) or rows are looked up without a
covering index over more than 100,000 estimated rows. It is not a test; it says where a page spends."""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from session import Session  # noqa: E402

port = int(os.environ['PORT'])
user, password = os.environ['ADMIN'], os.environ['ADMIN_PASSWORD']
db_command = os.environ['DB_COMMAND'].split()
spec = json.load(open(sys.argv[1]))


def sql(text):
    return subprocess.run(db_command + ['--batch', '--raw', '-e', text], capture_output=True, text=True, check=True).stdout


def estimate(plan_row):
    """EXPLAIN's estimated rows: a number, "9 (50%)" with a filter, or NULL."""
    head = (plan_row.get('rows') or 'NULL').split(' ')[0]
    return int(head) if head.isdigit() else 0


def rows(text):
    lines = sql(text).rstrip('\n').split('\n')
    if not lines or not lines[0]:
        return []
    head = lines[0].split('\t')
    return [dict(zip(head, line.split('\t'))) for line in lines[1:]]


# Statements of the page's own work, not those of the session, the menu's counters or the sign-in.
NOISE = ('spring_session', 'app_user', 'security_event', 'approval_request', 'notification', 'passkey', 'totp_factor')

# The general log is the server's, for every client: put it back as it was, whatever happens here.
saved = rows('SELECT @@global.general_log AS on_, @@global.log_output AS output')[0]


def restore():
    sql(f"SET GLOBAL general_log = {saved['on_']}; SET GLOBAL log_output = '{saved['output']}'")


session = Session(port, user, password)
print('| page | statement (start) | ms | tables: access, index, estimated rows | warning |')
print('|---|---|---|---|---|')
try:
    for name, path in [page for page in spec['pages'] if page[1].startswith('/reports/')]:
        session.call('GET', path)  # warm
        sql("TRUNCATE mysql.general_log; SET GLOBAL log_output = 'TABLE'; SET GLOBAL general_log = 1")
        session.call('GET', path)
        sql('SET GLOBAL general_log = 0')
        logged = rows("SELECT DATE_FORMAT(event_time, '%H:%i:%s.%f') AS at, REPLACE(REPLACE(argument, '\\n', ' '), '\\t', ' ') AS q "
                      "FROM mysql.general_log WHERE command_type IN ('Query', 'Execute') ORDER BY event_time")
        times = [float(r['at'][0:2]) * 3600 + float(r['at'][3:5]) * 60 + float(r['at'][6:]) for r in logged]
        for i, r in enumerate(logged):
            q = r['q'].strip()
            if not q.lower().startswith('select') or any(n in q for n in NOISE):
                continue
            # The time until the next statement: what this one took, and what the app did with its rows.
            ms = (times[i + 1] - times[i]) * 1000 if i + 1 < len(times) else 0
            plan = rows('EXPLAIN ' + q)
            big = [p for p in plan if estimate(p) >= 1000]
            if not big and ms < 50:
                continue
            access = '; '.join(f"{p['table']}: {p['type']} {p['key']} {p['rows']}" for p in plan)
            warnings = [f"{p['table']} read whole" for p in plan if p['type'] == 'ALL' and estimate(p) > 10000]
            warnings += [f"{p['table']} rows looked up" for p in plan if estimate(p) > 100000
                         and 'Using index' not in p.get('Extra', '') and p['type'] in ('range', 'ref', 'index')]
            print(f"| {name} | `{q[:70]}` | {ms:.0f} | {access} | {', '.join(warnings)} |", flush=True)
finally:
    restore()
