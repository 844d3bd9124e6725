#!/usr/bin/env bash
# Dry run of a 20,000-row spreadsheet of donors, pledges, agreements and instalments against the Fund's
# full volume (the volume generator's database: 1,000 donors, ~20,000 agreements), through the pages a
# donor relations officer uses: POST /donors/import (the upload, read once) and GET /donors/import/{id}
# (the dry run: every row read, matched against what is recorded and checked), timed in the client,
# as an XLSX workbook and as four CSV files, BENCH_RUNS times each. Nothing is stored (the dry run is
# never confirmed). Prints figures; it is not a test. See bench/README.md.
# Environment (all optional):
#   BENCH_DB (tafund_bench), BENCH_DB_HOST (127.0.0.1), BENCH_DB_PORT (3306), BENCH_DB_USER (root),
#   BENCH_DB_PASSWORD (empty), BENCH_PORT (18081), BENCH_HEAP (512m), BENCH_WORK (/tmp/tafund-bench),
#   BENCH_BUILD=1 to rebuild the jars, BENCH_SCALE (1.0, only used to fill an empty database),
#   BENCH_ROWS (20000), BENCH_RUNS (3), BENCH_STORE=1 to confirm the last CSV import and time the storing (it
#   writes its rows into the database: use a database of its own, such as BENCH_DB=tafund_bench_store
#   BENCH_SCALE=0.001).
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH_NAME=import
DEFAULT_PORT=18081
# shellcheck source=lib.sh
source bench/lib.sh
ROWS=${BENCH_ROWS:-20000}

say "== tafund spreadsheet import benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
bench_jars
bench_volume
bench_app
say "== app up on port $PORT, -Xmx$HEAP; $(sql "$DB" "select concat((select count(*) from donor), ' donors, ', (select count(*) from agreement), ' agreements, ', (select count(*) from pledge), ' pledges')")"

# Recorded donors (a quarter of the pledges and agreements name one) and a currency with rates.
sql "$DB" "select name, donor_type from donor order by id limit 500" > "$WORK/donors.tsv"

python3 - "$WORK" "$PORT" "$ADMIN" "$ADMIN_PASSWORD" "$ROWS" "$RUNS" "${BENCH_STORE:-0}" <<'PY'
import os, io, random, re, sys, time, urllib.parse, uuid, zipfile
from xml.sax.saxutils import escape
work, port, user, password, rows, runs, store = sys.argv[1:8]
rows, runs = int(rows), int(runs)
recorded = [line.rstrip('\n').split('\t') for line in open(f'{work}/donors.tsv')]

sys.path.insert(0, os.environ['BENCH_DIR'])
from session import Session

def tables(run):
    """A quarter of the rows each: new donors; pledges and agreements (a quarter of them naming a
    recorded donor, the rest a donor of the file); one instalment per agreement. Half the agreements
    signed (a rate and an open period looked up), in USD, EUR and NOK."""
    rng = random.Random(20261201 + run)
    tag = uuid.uuid4().hex[:8]
    n = rows // 4
    donors = [['Name', 'Type', 'Country', 'Notes', 'Active', 'Contact name', 'Contact e-mail']]
    for i in range(n):
        donors.append([f'Bench Donor {tag} {i}', 'FOUNDATION', '', f'Imported {i}', 'yes', f'Contact {i}', f'c{i}@example.org'])
    def donor(i):
        if i % 4 == 0:
            return recorded[i % len(recorded)]
        return [f'Bench Donor {tag} {i}', 'FOUNDATION']
    pledges = [['Donor name', 'Donor type', 'Pledged on', 'Amount', 'Currency', 'Funding window', 'Note']]
    for i in range(n):
        name, kind = donor(i)
        pledges.append([name, kind, f'2026-{1 + i % 11:02d}-{1 + i % 28:02d}', f'{rng.randint(1000, 9_000_000):,}.00',
                        ['USD', 'EUR', 'NOK'][i % 3], 'CPCJF_GENERAL_PURPOSE', f'Pledge {i}'])
    agreements = [['Reference', 'Donor name', 'Donor type', 'Currency', 'Total', 'Funding window', 'Earmark level',
                   'PSC rate', 'Signed on', 'Period start', 'Period end']]
    instalments = [['Agreement reference', 'Due on', 'Amount']]
    for i in range(n):
        name, kind = donor(i)
        total = rng.randint(10_000, 5_000_000)
        reference = f'BENCH-{tag}-{i}'
        agreements.append([reference, name, kind, ['USD', 'EUR', 'NOK'][i % 3], total, 'CPCJF_GENERAL_PURPOSE', 1,
                           '13%', f'2026-{1 + i % 11:02d}-{1 + i % 28:02d}' if i % 2 else '', '2026-01-01', '2028-12-31'])
        instalments.append([reference, '2027-06-30', total])
    return [('Donors', donors), ('Pledges', pledges), ('Agreements', agreements), ('Instalments', instalments)]

def column(c):
    s = ''
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s

def xlsx(sheets):
    """A workbook as Excel writes one: a zip of XML parts, strings inline, numbers as numbers."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                   + ''.join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(len(sheets)))
                   + '</Types>')
        z.writestr('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                   + ''.join(f'<sheet name="{name}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, (name, _) in enumerate(sheets))
                   + '</sheets></workbook>')
        z.writestr('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   + ''.join(f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheets)))
                   + f'<Relationship Id="rId{len(sheets) + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                   + '</Relationships>')
        z.writestr('xl/styles.xml', '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                   '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
                   '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf/></cellXfs></styleSheet>')
        for i, (_, table) in enumerate(sheets):
            parts = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
            for r, row in enumerate(table):
                parts.append(f'<row r="{r + 1}">')
                for c, value in enumerate(row):
                    ref = f'{column(c)}{r + 1}'
                    if isinstance(value, (int, float)):
                        parts.append(f'<c r="{ref}"><v>{value}</v></c>')
                    elif value != '':
                        parts.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>')
                parts.append('</row>')
            parts.append('</sheetData></worksheet>')
            z.writestr(f'xl/worksheets/sheet{i + 1}.xml', ''.join(parts))
    return out.getvalue()

def csv(table):
    def cell(v):
        v = str(v)
        return '"' + v.replace('"', '""') + '"' if any(ch in v for ch in ',"\n') else v
    return ('\r\n'.join(','.join(cell(v) for v in row) for row in table) + '\r\n').encode()

session = Session(port, user, password)
results = {'XLSX': [], 'CSV': []}
for run in range(runs):
    sheets = tables(run)
    for kind in ('XLSX', 'CSV'):
        files = [('fund.xlsx', xlsx(sheets), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')] if kind == 'XLSX' \
            else [(f'{name.lower()}.csv', csv(table), 'text/csv') for name, table in sheets]
        size = sum(len(f[1]) for f in files)
        token = session.token('/donors/import')
        boundary = 'bench' + uuid.uuid4().hex
        payload = f'--{boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n{token}\r\n'.encode()
        for name, body, mime in files:
            payload += (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
                        f'Content-Type: {mime}\r\n\r\n').encode() + body + b'\r\n'
        payload += f'--{boundary}--\r\n'.encode()
        start = time.perf_counter()
        status, text, headers = session.call('POST', '/donors/import', payload,
                                             {'Content-Type': f'multipart/form-data; boundary={boundary}'})
        uploaded = time.perf_counter() - start
        location = headers.get('Location', '')
        if status != 302 or not re.search(r'/donors/import/\d+$', location):
            sys.exit(f'upload refused: HTTP {status} {location} {text[:300]!r}')
        start = time.perf_counter()
        status, page, _ = session.call('GET', location)
        checked = time.perf_counter() - start
        summary = re.search(rb'id="import-summary"[^>]*>\s*([^<]+)<', page)
        summary = summary.group(1).decode().strip() if summary else f'HTTP {status}, no summary'
        results[kind].append((uploaded, checked))
        print(f'   run {run + 1} {kind}: {rows:,} rows ({size / 1e6:.1f} MB): upload {uploaded:.2f} s, dry run {checked:.2f} s '
              f'({summary})')
if store == '1':
    token = re.search(rb'name="_csrf" value="([^"]+)"', page).group(1).decode()
    start = time.perf_counter()
    status, text, headers = session.call('POST', location + '/confirm', urllib.parse.urlencode({'_csrf': token}),
                                         {'Content-Type': 'application/x-www-form-urlencoded'})
    stored = time.perf_counter() - start
    status, page, _ = session.call('GET', location)
    summary = re.search(rb'id="import-stored">\s*<div[^>]*>\s*([^<]+)<', page)
    print(f'   stored the last CSV import in {stored:.2f} s: {summary.group(1).decode().strip() if summary else "HTTP " + str(status)}')
for kind, times in results.items():
    dry = sorted(t[1] for t in times)
    whole = sorted(t[0] + t[1] for t in times)
    print(f'== {kind} dry run of {rows:,} rows: median {dry[len(dry) // 2]:.2f} s, best {dry[0]:.2f} s, worst {dry[-1]:.2f} s; '
          f'upload and dry run together: median {whole[len(whole) // 2]:.2f} s (goal: under 15 s)')
PY
