#!/usr/bin/env python3
"""Validate eval/resolution/: gold.json (GUIDELINES shape and codes, as shared/eval/real-north/check.py),
sources.tsv, and pairs.tsv (every record reference resolves, both records have the same type and
compatible party/side codes, and every quoted fragment '...' of a note occurs in one of the two
articles). Prints counts. Usage: python3 check.py [eval/resolution dir]"""
import json, os, re, sys, datetime
HERE = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
# The shared eval sets sit beside the repository, as in CI.
SH = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'shared'))
SETS = {
 'seeds': (SH + '/eval/seeds.gold.json', SH + '/seeds'),
 'dev': (SH + '/eval/dev/gold.json', SH + '/eval/dev/articles'),
 'real-north': (SH + '/eval/real-north/gold.json', SH + '/eval/real-north/articles'),
 'real-south': (SH + '/eval/real-south/gold.json', SH + '/eval/real-south/articles'),
 'resolution': (os.path.join(HERE, 'gold.json'), os.path.join(HERE, 'articles')),
}
ISO = '/usr/share/iso-codes/json'
KINDS = {"FRIENDSHIP", "AGREEMENT", "MEMORANDUM", "MINUTES", "LETTER_OF_INTENT", "OTHER"}
FIELDS = {"HEALTH", "EDUCATION", "CULTURE", "TOURISM", "ECONOMY", "TRADE", "INVESTMENT", "AGRICULTURE",
          "ENVIRONMENT", "URBAN", "TRANSPORT", "SCIENCE_TECHNOLOGY", "LABOUR", "PEOPLE_EXCHANGE", "INDUSTRY", "OTHER"}
DATE_RE = re.compile(r"^(\d{4}|\d{4}-\d{2}|\d{4}-\d{2}-\d{2}|XXXX-\d{2}-\d{2})$")
errors = []
countries = {c["alpha_2"] for c in json.load(open(os.path.join(ISO, "iso_3166-1.json")))["3166-1"]}
first = {s["code"] for s in json.load(open(os.path.join(ISO, "iso_3166-2.json")))["3166-2"] if not s.get("parent")}

def okdate(d):
    if d is None: return True
    if not isinstance(d, str) or not DATE_RE.match(d): return False
    p = d.split('-')
    if len(p) >= 2 and not 1 <= int(p[1]) <= 12: return False
    if len(p) == 3:
        try: datetime.date(2000 if p[0] == 'XXXX' else int(p[0]), int(p[1]), int(p[2]))
        except ValueError: return False
    return True
def okcode(c): return c in countries or c in first

gold = {s: {e['file']: e for e in json.load(open(g, encoding='utf-8'))} for s, (g, _) in SETS.items()}
# --- gold.json of this set
mine = json.load(open(SETS['resolution'][0], encoding='utf-8'))
src = [l.split('\t') for l in open(os.path.join(HERE, 'sources.tsv'), encoding='utf-8').read().splitlines()]
if src[0] != ['file', 'url', 'outlet', 'summary', 'flags']: errors.append('sources.tsv header')
files = [r[0] for r in src[1:]]
if [e['file'] for e in mine] != files: errors.append('gold.json files differ from sources.tsv order')
if any(len(r) != 5 or not r[1].startswith('http') for r in src[1:]): errors.append('sources.tsv row shape')
if len({r[1] for r in src[1:]}) != len(src) - 1: errors.append('duplicate URL')
for e in mine:
    f = e['file']
    if not os.path.isfile(os.path.join(SETS['resolution'][1], f)): errors.append(f + ' missing')
    for j, a in enumerate(e['agreements']):
        w = f'{f} agreement {j}'
        if not {'parties', 'kind', 'status', 'date', 'term', 'fields'} <= set(a) or set(a) - {'parties', 'kind', 'status', 'date', 'term', 'fields', 'orgs'}: errors.append(w + ' keys')
        if len(a['parties']) < 2 or len(set(a['parties'])) != len(a['parties']) or not all(okcode(c) for c in a['parties']): errors.append(w + ' parties')
        if not any(c.startswith('VN') for c in a['parties']) or all(c.startswith('VN') for c in a['parties']): errors.append(w + ' VN side')
        if a['kind'] not in KINDS or a['status'] not in {'SIGNED', 'PAST', 'PLANNED'}: errors.append(w + ' enum')
        if not okdate(a['date']): errors.append(w + ' date')
        if a['term'] is not None and not re.match(r'^\d{4}(-\d{4})?$', a['term']): errors.append(w + ' term')
        if a['status'] == 'PAST' and not ((a['date'] or 'X')[:4].isdigit() or a['term']): errors.append(w + ' PAST without year')
        if any(x not in FIELDS for x in a['fields']) or len(set(a['fields'])) != len(a['fields']): errors.append(w + ' fields')
    for j, v in enumerate(e['visits']):
        w = f'{f} visit {j}'
        if set(v) != {'guest', 'host', 'leader', 'status', 'start', 'end'}: errors.append(w + ' keys')
        if not okcode(v['guest']) or not okcode(v['host']) or v['guest'] == v['host']: errors.append(w + ' codes')
        if v['guest'].startswith('VN') == v['host'].startswith('VN'): errors.append(w + ' needs exactly one VN side')
        if v['status'] not in {'HAPPENED', 'PLANNED'}: errors.append(w + ' status')
        if not okdate(v['start']) or not okdate(v['end']) or (v['end'] and not v['start']): errors.append(w + ' dates')
# --- pairs.tsv
def m(a, b): return a == b or (len(a) == 2 and b.startswith(a + '-')) or (len(b) == 2 and a.startswith(b + '-'))
def codes_ok(t, r1, r2):
    if t == 'visit': return m(r1['guest'], r2['guest']) and m(r1['host'], r2['host'])
    p, q = r1['parties'], r2['parties']
    return len(p) == len(q) and all(any(m(x, y) for y in q) for x in p)
def date_ok(d1, d2):
    if not d1 or not d2: return True
    return all(x == y or 'XXXX' in (x, y) for x, y in zip(d1.split('-'), d2.split('-')))
def norm(s): return re.sub(r'\s+', ' ', s).strip()
rows = [l.split('\t') for l in open(os.path.join(HERE, 'pairs.tsv'), encoding='utf-8').read().splitlines()]
if rows[0] != ['a_file', 'a_set', 'a_record', 'b_file', 'b_set', 'b_record', 'verdict', 'note']: errors.append('pairs.tsv header')
stats = {}
seen = set()
for i, r in enumerate(rows[1:], 2):
    if len(r) != 8: errors.append(f'pairs.tsv line {i}: {len(r)} columns'); continue
    af, aset, arec, bf, bset, brec, verdict, note = r
    recs, texts = [], []
    for f, s, rec in ((af, aset, arec), (bf, bset, brec)):
        t, k = rec.split()
        e = gold[s][f]
        recs.append((t, e['agreements' if t == 'agreement' else 'visits'][int(k)]))
        texts.append(norm(open(os.path.join(SETS[s][1], f), encoding='utf-8').read()))
    key = frozenset([(af, aset, arec), (bf, bset, brec)])
    if key in seen: errors.append(f'line {i}: duplicate pair')
    seen.add(key)
    if recs[0][0] != recs[1][0]: errors.append(f'line {i}: record types differ')
    if not codes_ok(recs[0][0], recs[0][1], recs[1][1]): errors.append(f'line {i}: codes not compatible')
    if verdict not in ('SAME', 'DIFFERENT'): errors.append(f'line {i}: verdict')
    for q in re.findall(r'"([^"]+)"', note):
        parts = [norm(p) for p in q.split('...')]
        if not any(all(p in t for p in parts if p) for t in texts):
            errors.append(f'line {i}: quote not found in either article: {q!r}')
    dk = 'date' if recs[0][0] == 'agreement' else 'start'
    dc = date_ok(recs[0][1][dk], recs[1][1][dk])
    kind = 'within' if (af, aset) == (bf, bset) else ('shared-shared' if aset != 'resolution' and bset != 'resolution' else ('new-new' if aset == bset == 'resolution' else 'shared-new'))
    stats.setdefault((verdict, kind, 'dates compatible' if dc else 'dates conflict'), []).append(i)
if errors:
    print('FAIL'); [print(' ', e) for e in errors]; sys.exit(1)
print(f'OK: {len(mine)} articles, {sum(len(e["agreements"]) for e in mine)} agreements, {sum(len(e["visits"]) for e in mine)} visits; {len(rows)-1} pairs')
for k in sorted(stats): print(' ', k, len(stats[k]))
