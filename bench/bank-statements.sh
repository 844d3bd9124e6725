#!/usr/bin/env bash
# Import and matching of a 10,000-entry camt.053 statement against the Fund's full volume (the volume
# generator's database: ~20,000 agreements, ~50,000 instalments), through the page a finance officer
# uses (POST /bank-statements/import), timed in the client, three statements in a row. Prints figures;
# it is not a test. See bench/README.md.
# Environment (all optional):
#   BENCH_DB (tafund_bench), BENCH_DB_HOST (127.0.0.1), BENCH_DB_PORT (3306), BENCH_DB_USER (root),
#   BENCH_DB_PASSWORD (empty), BENCH_PORT (18080), BENCH_HEAP (512m), BENCH_WORK (/tmp/tafund-bench),
#   BENCH_BUILD=1 to rebuild the jars, BENCH_SCALE (1.0, only used to fill an empty database),
#   BENCH_ENTRIES (10000), BENCH_RUNS (3).
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH_NAME=bank
DEFAULT_PORT=18080
# shellcheck source=lib.sh
source bench/lib.sh
ENTRIES=${BENCH_ENTRIES:-10000}

say "== tafund bank statement benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
bench_jars
bench_volume
bench_app
say "== app up on port $PORT, -Xmx$HEAP; $(sql "$DB" "select concat((select count(*) from agreement), ' agreements, ', (select count(*) from instalment), ' instalments, ', (select count(*) from receipt), ' receipts')")"

# What is owed, as the matching computes it (receipts applied to the oldest instalments first).
sql "$DB" "select a.id, a.reference, a.currency, i.due_on, i.amount,
	coalesce((select sum(r.agreement_amount) from receipt r where r.agreement_id = a.id), 0)
	from agreement a join instalment i on i.agreement_id = a.id and i.schedule_number = a.schedule_number
	where a.signed_on is not null and a.cancelled_on is null and a.closed_on is null and a.in_kind = false
	order by a.id, i.due_on, i.id" > "$WORK/instalments.tsv"

python3 - "$WORK" "$PORT" "$ADMIN" "$ADMIN_PASSWORD" "$ENTRIES" "$RUNS" <<'PY'
import decimal, os, random, re, sys, time, urllib.parse, uuid
work, port, user, password, entries, runs = sys.argv[1:7]
entries, runs = int(entries), int(runs)
D = decimal.Decimal

owed, current, left = [], None, D(0)
for line in open(f'{work}/instalments.tsv'):
    agreement, reference, currency, due, amount, received = line.rstrip('\n').split('\t')
    if agreement != current:
        current, left = agreement, D(received)
    applied = min(max(left, D(0)), D(amount))
    left -= applied
    if D(amount) - applied > 0:
        owed.append((reference, currency, due, D(amount) - applied))
print(f'   {len(owed):,} instalments still owed')

sys.path.insert(0, os.environ['BENCH_DIR'])
from session import Session

session = Session(port, user, password)
number = 'BENCH' + uuid.uuid4().hex[:12].upper()
token = session.token('/bank-statements')
status, _, _ = session.call('POST', '/bank-statements/accounts', urllib.parse.urlencode(
    {'name': 'Benchmark account', 'number': number, 'currency': 'USD', 'tolerance': '25.00', '_csrf': token}),
    {'Content-Type': 'application/x-www-form-urlencoded'})
status, page, _ = session.call('GET', '/bank-statements')
account = re.search(rb'<option value="(\d+)">Benchmark account \xc2\xb7 ' + number.encode(), page).group(1).decode()

rng = random.Random(20261201)
def statement(run):
    # 40 % exact amount naming the agreement, 20 % exact amount alone, 10 % short by a bank charge,
    # 10 % naming an agreement for another amount, 20 % from nobody the Fund knows.
    sample = rng.sample(owed, entries)
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">'
           f'<BkToCstmrStmt><GrpHdr><MsgId>BENCH-{run}</MsgId><CreDtTm>2026-12-01T06:00:00</CreDtTm></GrpHdr><Stmt>'
           f'<Id>BENCH-{uuid.uuid4().hex[:16]}</Id><Acct><Id><IBAN>{number}</IBAN></Id><Ccy>USD</Ccy></Acct>']
    for n, (reference, currency, due, amount) in enumerate(sample):
        kind = n % 10
        remittance, value = 'Payment', amount
        if kind < 4:
            remittance = f'Contribution {reference}'
        elif kind == 6:
            value = amount - D('12.50')
        elif kind == 7:
            remittance, value = f'Part of {reference}', (amount / 3).quantize(D('0.01'))
        elif kind >= 8:
            currency, value = 'MNT', D(rng.randint(100, 99999)) / 100
        if value <= 0:
            value = D('1.00')
        out.append(f'<Ntry><Amt Ccy="{currency}">{value}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>'
                   f'<BookgDt><Dt>2026-11-{1 + n % 28:02d}</Dt></BookgDt><AcctSvcrRef>B{run}-{n}-{uuid.uuid4().hex[:8]}</AcctSvcrRef>'
                   f'<NtryDtls><TxDtls><RmtInf><Ustrd>{remittance}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>')
    out.append('</Stmt></BkToCstmrStmt></Document>\n')
    return ''.join(out).encode()

times = []
for run in range(runs):
    body = statement(run)
    token = session.token('/bank-statements')
    boundary = 'bench' + uuid.uuid4().hex
    payload = (f'--{boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n{token}\r\n'
               f'--{boundary}\r\nContent-Disposition: form-data; name="accountId"\r\n\r\n{account}\r\n'
               f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="camt053.xml"\r\n'
               f'Content-Type: application/xml\r\n\r\n').encode() + body + f'\r\n--{boundary}--\r\n'.encode()
    start = time.perf_counter()
    status, text, headers = session.call('POST', '/bank-statements/import', payload,
                                         {'Content-Type': f'multipart/form-data; boundary={boundary}'})
    elapsed = time.perf_counter() - start
    location = headers.get('Location', '')
    if status != 302 or not re.search(r'/bank-statements/\d+$', location):
        sys.exit(f'import refused: HTTP {status} {location} {text[:300]!r}')
    start = time.perf_counter()
    status, page, _ = session.call('GET', location)
    shown = time.perf_counter() - start
    counts = {k: int(v) for k, v in re.findall(rb'id="(matched|suggested|unmatched)-heading"><span>[^<]*</span> <span class="badge [^"]*">(\d+)', page)}
    times.append(elapsed)
    print(f'   run {run + 1}: {entries:,} entries ({len(body) / 1e6:.1f} MB) imported and matched in {elapsed:.2f} s; '
          f'page of the statement {shown:.2f} s; matched {counts.get(b"matched", 0):,}, '
          f'suggested {counts.get(b"suggested", 0):,}, unmatched {counts.get(b"unmatched", 0):,}')
print(f'== import and match of {entries:,} entries: median {sorted(times)[len(times) // 2]:.2f} s, '
      f'best {min(times):.2f} s, worst {max(times):.2f} s (goal: under 10 s)')
PY
