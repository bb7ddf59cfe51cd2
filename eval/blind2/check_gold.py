#!/usr/bin/env python3
"""Sanity check for blind2/gold.json: parses, 30 entries in file order, codes exist in
Debian iso-codes (ISO 3166-2 top-level subdivisions or ISO 3166-1 alpha-2), enums and dates
well-formed, leaders appear in their article."""
import json, os, re, sys, unicodedata
HERE = os.path.dirname(os.path.abspath(__file__))
gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
sub = json.load(open("/usr/share/iso-codes/json/iso_3166-2.json"))["3166-2"]
cty = json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]
top = {s["code"] for s in sub if "parent" not in s}
allsub = {s["code"] for s in sub}
countries = {c["alpha_2"] for c in cty}
KINDS = {"FRIENDSHIP", "AGREEMENT", "MEMORANDUM", "MINUTES", "LETTER_OF_INTENT", "OTHER"}
ASTAT, VSTAT = {"SIGNED", "PAST", "PLANNED"}, {"HAPPENED", "PLANNED"}
FIELDS = set("HEALTH EDUCATION CULTURE TOURISM ECONOMY TRADE INVESTMENT AGRICULTURE ENVIRONMENT "
             "URBAN TRANSPORT SCIENCE_TECHNOLOGY LABOUR PEOPLE_EXCHANGE INDUSTRY OTHER".split())
DATE = re.compile(r"^(\d{4}|XXXX)(-\d{2}(-\d{2})?)?$")
errors = []
def err(f, m): errors.append("%s: %s" % (f, m))
def fold(t):
    t = unicodedata.normalize("NFD", t).replace("đ", "d").replace("Đ", "D")
    t = "".join(c for c in t if unicodedata.category(c) != "Mn").casefold().replace("-", " ")
    return " ".join(t.split())
def code(f, c):
    if c in countries or c in top:
        return
    err(f, "bad code %r%s" % (c, " (not top-level)" if c in allsub else ""))
def date(f, d, nullable=True):
    if d is None:
        if not nullable: err(f, "date missing")
        return
    if not DATE.match(d): err(f, "bad date %r" % d)
if len(gold) != 30: err("gold", "expected 30 entries, got %d" % len(gold))
for i, g in enumerate(gold, 1):
    f = g["file"]
    if f != "c%03d.txt" % i: err(f, "out of order / misnamed")
    path = os.path.join(HERE, "articles", f)
    if not os.path.exists(path): err(f, "article missing"); continue
    text = fold(open(path, encoding="utf-8").read())
    for a in g["agreements"]:
        for p in a["parties"]: code(f, p)
        if len(set(a["parties"])) != len(a["parties"]) or len(a["parties"]) < 2: err(f, "parties %r" % a["parties"])
        if a["kind"] not in KINDS: err(f, "kind %r" % a["kind"])
        if a["status"] not in ASTAT: err(f, "status %r" % a["status"])
        date(f, a["date"])
        if a["term"] is not None and not re.match(r"^\d{4}(-\d{4})?$", a["term"]): err(f, "term %r" % a["term"])
        if a["date"] is None and a["term"] is None: err(f, "agreement with neither date nor term")
        for x in a["fields"]:
            if x not in FIELDS: err(f, "field %r" % x)
    for v in g["visits"]:
        code(f, v["guest"]); code(f, v["host"])
        if v["status"] not in VSTAT: err(f, "visit status %r" % v["status"])
        date(f, v["start"], nullable=False); date(f, v["end"])
        if v["leader"] is not None and fold(v["leader"]) not in text: err(f, "leader %r not in text" % v["leader"])
n_a = sum(len(g["agreements"]) for g in gold); n_v = sum(len(g["visits"]) for g in gold)
print("entries %d, agreements %d, visits %d, empty %d" % (len(gold), n_a, n_v,
      sum(1 for g in gold if not g["agreements"] and not g["visits"])))
for e in errors: print("ERROR", e)
sys.exit(1 if errors else 0)
