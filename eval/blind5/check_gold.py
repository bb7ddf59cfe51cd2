#!/usr/bin/env python3
"""Sanity check for /work/blind5/gold.json (standard library + Debian iso-codes JSON)."""
import json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ART = os.path.join(HERE, "articles")

def iso_dir():
    try:
        out = subprocess.run(["dpkg", "-L", "iso-codes"], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if line.endswith("json/iso_3166-2.json"):
                return os.path.dirname(line)
    except OSError:
        pass
    return "/usr/share/iso-codes/json"

D = iso_dir()
countries = {c["alpha_2"] for c in json.load(open(os.path.join(D, "iso_3166-1.json")))["3166-1"]}
subdivs = {s["code"]: s for s in json.load(open(os.path.join(D, "iso_3166-2.json")))["3166-2"]}

KINDS = {"FRIENDSHIP", "AGREEMENT", "MEMORANDUM", "MINUTES", "LETTER_OF_INTENT", "OTHER"}
ASTAT = {"SIGNED", "PAST", "PLANNED"}
VSTAT = {"HAPPENED", "PLANNED"}
FIELDS = {"HEALTH", "EDUCATION", "CULTURE", "TOURISM", "ECONOMY", "TRADE", "INVESTMENT", "AGRICULTURE",
          "ENVIRONMENT", "URBAN", "TRANSPORT", "SCIENCE_TECHNOLOGY", "LABOUR", "PEOPLE_EXCHANGE", "INDUSTRY", "OTHER"}
DATE = re.compile(r"^(\d{4}|XXXX)(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
TERM = re.compile(r"^(\d{4})(-(\d{4}))?$")

errors = []
def err(msg):
    errors.append(msg)

def check_code(code, where):
    if not isinstance(code, str):
        err("%s: code %r is not a string" % (where, code)); return
    if len(code) == 2:
        if code not in countries:
            err("%s: unknown country %s" % (where, code))
    else:
        s = subdivs.get(code)
        if s is None:
            err("%s: unknown subdivision %s" % (where, code))
        elif "parent" in s:
            err("%s: %s is not first-level (parent %s)" % (where, code, s["parent"]))

def check_date(d, where, allow_none=True):
    if d is None:
        if not allow_none:
            err("%s: missing date" % where)
        return
    if not isinstance(d, str) or not DATE.match(d) or d == "XXXX" or (d.startswith("XXXX") and len(d) != 10):
        err("%s: bad date %r" % (where, d))

gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
if not isinstance(gold, list) or len(gold) != 25:
    err("gold must be a list of 25 entries, got %s" % (len(gold) if isinstance(gold, list) else type(gold)))
for i, e in enumerate(gold):
    want = "g%03d.txt" % (i + 1)
    if e.get("file") != want:
        err("entry %d: file %r, want %r" % (i, e.get("file"), want))
    if set(e) != {"file", "agreements", "visits"}:
        err("%s: keys %s" % (want, sorted(e)))
    path = os.path.join(ART, e.get("file", ""))
    if not os.path.isfile(path):
        err("%s: article missing" % want); continue
    text = open(path, encoding="utf-8").read()
    words = len(text.split())
    if not 250 <= words <= 800:
        err("%s: %d words" % (want, words))
    for j, a in enumerate(e.get("agreements", [])):
        w = "%s agreement %d" % (want, j)
        if set(a) != {"parties", "kind", "status", "date", "term", "fields"}:
            err("%s: keys %s" % (w, sorted(a)))
        ps = a.get("parties", [])
        if len(ps) < 2 or len(set(ps)) != len(ps):
            err("%s: parties %s" % (w, ps))
        for p in ps:
            check_code(p, w)
        if all(p.startswith("VN") for p in ps) or not any(p.startswith("VN") for p in ps):
            err("%s: needs one Vietnamese and one foreign party: %s" % (w, ps))
        if a.get("kind") not in KINDS:
            err("%s: kind %r" % (w, a.get("kind")))
        if a.get("status") not in ASTAT:
            err("%s: status %r" % (w, a.get("status")))
        check_date(a.get("date"), w)
        if a.get("status") in ("SIGNED", "PLANNED") and a.get("date") is None:
            err("%s: %s without a date" % (w, a.get("status")))
        t = a.get("term")
        if t is not None:
            m = TERM.match(t) if isinstance(t, str) else None
            if not m or (m.group(3) and int(m.group(3)) <= int(m.group(1))):
                err("%s: bad term %r" % (w, t))
            elif not re.search(r"\b%s\b" % m.group(1), text):
                err("%s: term start %s not in text" % (w, m.group(1)))
        fs = a.get("fields", [])
        if not isinstance(fs, list) or any(f not in FIELDS for f in fs) or len(set(fs)) != len(fs):
            err("%s: fields %r" % (w, fs))
    for j, v in enumerate(e.get("visits", [])):
        w = "%s visit %d" % (want, j)
        if set(v) != {"guest", "host", "leader", "status", "start", "end"}:
            err("%s: keys %s" % (w, sorted(v)))
        check_code(v.get("guest"), w)
        check_code(v.get("host"), w)
        if v.get("guest") == v.get("host"):
            err("%s: guest == host" % w)
        if v.get("guest", "")[:2] == v.get("host", "")[:2]:
            err("%s: domestic trip" % w)
        if v.get("status") not in VSTAT:
            err("%s: status %r" % (w, v.get("status")))
        check_date(v.get("start"), w, allow_none=False)
        check_date(v.get("end"), w)
        if v.get("end") and v.get("start") and not v["start"].startswith("XXXX") and v["end"] < v["start"]:
            err("%s: end before start" % w)
        ld = v.get("leader")
        if ld is not None and (not isinstance(ld, str) or ld not in text):
            err("%s: leader %r not verbatim in article" % (w, ld))

if errors:
    print("\n".join(errors))
    sys.exit(1)
na = sum(len(e["agreements"]) for e in gold)
nv = sum(len(e["visits"]) for e in gold)
print("OK: %d articles, %d agreements, %d visits" % (len(gold), na, nv))
