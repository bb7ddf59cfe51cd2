#!/usr/bin/env python3
"""Sanity checks for /work/blind3/gold.json (standard library only).

- gold.json parses and has 20 entries, files e001.txt .. e020.txt in order, each file present;
- every place code exists in Debian iso-codes and is top level (ISO 3166-2 entry without
  "parent", or an ISO 3166-1 alpha-2 code);
- enums, date shapes (YYYY, YYYY-MM, YYYY-MM-DD, XXXX-MM[-DD]) and terms are well formed;
- every named leader occurs verbatim in its article.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ISO = "/usr/share/iso-codes/json"
subs = {e["code"]: e for e in json.load(open(os.path.join(ISO, "iso_3166-2.json"), encoding="utf-8"))["3166-2"]}
countries = {e["alpha_2"] for e in json.load(open(os.path.join(ISO, "iso_3166-1.json"), encoding="utf-8"))["3166-1"]}

KINDS = {"FRIENDSHIP", "AGREEMENT", "MEMORANDUM", "MINUTES", "LETTER_OF_INTENT", "OTHER"}
A_STATUS = {"SIGNED", "PAST", "PLANNED"}
V_STATUS = {"HAPPENED", "PLANNED"}
FIELDS = set("HEALTH EDUCATION CULTURE TOURISM ECONOMY TRADE INVESTMENT AGRICULTURE ENVIRONMENT "
             "URBAN TRANSPORT SCIENCE_TECHNOLOGY LABOUR PEOPLE_EXCHANGE INDUSTRY OTHER".split())
DATE = re.compile(r"^(\d{4}|XXXX)(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
TERM = re.compile(r"^\d{4}(-\d{4})?$")

errors = []


def err(msg):
    errors.append(msg)


def check_code(where, code):
    if len(code) == 2:
        if code not in countries:
            err("%s: unknown country code %s" % (where, code))
    elif code not in subs:
        err("%s: unknown subdivision code %s" % (where, code))
    elif "parent" in subs[code]:
        err("%s: %s is not top level (parent %s)" % (where, code, subs[code]["parent"]))


def check_date(where, d, required=False):
    if d is None:
        if required:
            err("%s: date required" % where)
        return
    if not DATE.match(d) or d == "XXXX":
        err("%s: bad date %r" % (where, d))


gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
want = ["e%03d.txt" % i for i in range(1, 21)]
if [g.get("file") for g in gold] != want:
    err("files are not e001.txt..e020.txt in order: %s" % [g.get("file") for g in gold])
n_a = n_v = 0
for g in gold:
    f = g["file"]
    path = os.path.join(HERE, "articles", f)
    text = open(path, encoding="utf-8").read() if os.path.exists(path) else err("%s missing" % path) or ""
    for i, a in enumerate(g.get("agreements", [])):
        n_a += 1
        w = "%s agreement %d" % (f, i)
        if len(a["parties"]) < 2 or len(set(a["parties"])) != len(a["parties"]):
            err("%s: parties %s" % (w, a["parties"]))
        for c in a["parties"]:
            check_code(w, c)
        if a["kind"] not in KINDS:
            err("%s: kind %s" % (w, a["kind"]))
        if a["status"] not in A_STATUS:
            err("%s: status %s" % (w, a["status"]))
        check_date(w, a.get("date"), required=a["status"] == "PLANNED")
        if a.get("status") == "PAST" and not a.get("date") and not a.get("term"):
            err("%s: PAST needs a year or a term" % w)
        if a.get("term") is not None and not TERM.match(a["term"]):
            err("%s: term %r" % (w, a["term"]))
        for x in a.get("fields", []):
            if x not in FIELDS:
                err("%s: field %s" % (w, x))
    for i, v in enumerate(g.get("visits", [])):
        n_v += 1
        w = "%s visit %d" % (f, i)
        check_code(w, v["guest"])
        check_code(w, v["host"])
        if v["guest"] == v["host"]:
            err("%s: guest == host" % w)
        if v["status"] not in V_STATUS:
            err("%s: status %s" % (w, v["status"]))
        check_date(w, v.get("start"), required=True)
        check_date(w, v.get("end"))
        if v.get("leader") and v["leader"] not in text:
            err("%s: leader %r not in article text" % (w, v["leader"]))

for e in errors:
    print("ERROR", e)
print("%d entries, %d agreements, %d visits, %d errors" % (len(gold), n_a, n_v, len(errors)))
sys.exit(1 if errors else 0)
