#!/usr/bin/env python3
"""Validate gold.json against the format score.py reads.

    python3 check_gold.py [gold.json] [articles/]

Checks: every article file has exactly one entry and every entry names an existing file; records
have exactly the keys score.py uses; enum values, dates and terms are well-formed; place codes
exist in Debian iso-codes (ISO 3166-1 alpha-2, or a first-level ISO 3166-2 subdivision).
Standard library only. Exit status 1 on any error.
"""
import json
import os
import re
import sys

ISO_DIR = "/usr/share/iso-codes/json"
KINDS = {"FRIENDSHIP", "AGREEMENT", "MEMORANDUM", "MINUTES", "LETTER_OF_INTENT", "OTHER"}
A_STATUS = {"SIGNED", "PAST", "PLANNED"}
V_STATUS = {"HAPPENED", "PLANNED"}
FIELDS = {"HEALTH", "EDUCATION", "CULTURE", "TOURISM", "ECONOMY", "TRADE", "INVESTMENT",
          "AGRICULTURE", "ENVIRONMENT", "URBAN", "TRANSPORT", "SCIENCE_TECHNOLOGY", "LABOUR",
          "PEOPLE_EXCHANGE", "INDUSTRY", "OTHER"}
A_KEYS = {"parties", "kind", "status", "date", "term", "fields"}
V_KEYS = {"guest", "host", "leader", "status", "start", "end"}
DATE_RE = re.compile(r"^(\d{4}|XXXX)(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
TERM_RE = re.compile(r"^(\d{4})(-(\d{4}))?$")


def load_codes():
    countries = {c["alpha_2"] for c in json.load(open(os.path.join(ISO_DIR, "iso_3166-1.json")))["3166-1"]}
    subs = json.load(open(os.path.join(ISO_DIR, "iso_3166-2.json")))["3166-2"]
    first_level = {s["code"] for s in subs if "parent" not in s}
    lower = {s["code"] for s in subs if "parent" in s}
    return countries, first_level, lower


def main():
    gold_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "gold.json")
    art_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(gold_path), "articles")
    countries, first_level, lower = load_codes()
    errors, warnings = [], []

    def err(where, msg):
        errors.append("%s: %s" % (where, msg))

    def check_code(where, code):
        if not isinstance(code, str) or code != code.upper():
            err(where, "code %r must be an upper-case string" % (code,))
            return
        if len(code) == 2:
            if code not in countries:
                err(where, "unknown country code %s" % code)
        elif code in lower:
            err(where, "%s is not a first-level subdivision (roll it up to its parent)" % code)
        elif code not in first_level:
            err(where, "unknown subdivision code %s" % code)

    def check_date(where, value, allow_none=True):
        if value is None:
            if not allow_none:
                err(where, "date required")
            return
        if not isinstance(value, str) or not DATE_RE.match(value):
            err(where, "bad date %r" % (value,))
        elif value.startswith("XXXX") and value.count("-") != 2:
            err(where, "XXXX dates must give month and day: %r" % value)

    gold = json.load(open(gold_path, encoding="utf-8"))
    if not isinstance(gold, list):
        sys.exit("gold.json must be a JSON list")
    files_on_disk = sorted(f for f in os.listdir(art_dir) if f.endswith(".txt"))
    seen = []
    for i, entry in enumerate(gold):
        where = "entry %d" % i
        if not isinstance(entry, dict) or set(entry) != {"file", "agreements", "visits"}:
            err(where, "entry must have exactly keys file, agreements, visits")
            continue
        f = entry["file"]
        where = f
        seen.append(f)
        if not os.path.isfile(os.path.join(art_dir, f)):
            err(where, "no such article file")
        for j, a in enumerate(entry["agreements"]):
            w = "%s agreement %d" % (f, j)
            if set(a) != A_KEYS:
                err(w, "keys %s != %s" % (sorted(a), sorted(A_KEYS)))
                continue
            parties = a["parties"]
            if not isinstance(parties, list) or len(parties) < 2:
                err(w, "needs at least two parties")
            else:
                for p in parties:
                    check_code(w, p)
                if len(set(parties)) != len(parties):
                    err(w, "one party per distinct code")
                if not any(isinstance(p, str) and not p.startswith("VN") for p in parties):
                    err(w, "no foreign party (VN-VN instruments are out of scope)")
                if not any(isinstance(p, str) and p.startswith("VN") for p in parties):
                    warnings.append("%s: no Vietnamese party" % w)
            if a["kind"] not in KINDS:
                err(w, "bad kind %r" % a["kind"])
            if a["status"] not in A_STATUS:
                err(w, "bad status %r" % a["status"])
            check_date(w, a["date"])
            if a["term"] is not None:
                m = TERM_RE.match(str(a["term"]))
                if not isinstance(a["term"], str) or not m:
                    err(w, "bad term %r" % (a["term"],))
                elif m.group(3) and int(m.group(3)) <= int(m.group(1)):
                    err(w, "term end must follow start (a one-year term is written 'YYYY')")
            if a["status"] == "PAST" and a["date"] is None and a["term"] is None:
                err(w, "a PAST instrument needs a year or a period")
            if a["status"] == "PLANNED" and a["date"] is None:
                err(w, "a PLANNED signing needs a stated time")
            if not isinstance(a["fields"], list) or any(x not in FIELDS for x in a["fields"]):
                err(w, "bad fields %r" % (a["fields"],))
            elif len(set(a["fields"])) != len(a["fields"]):
                err(w, "duplicate fields")
        for j, v in enumerate(entry["visits"]):
            w = "%s visit %d" % (f, j)
            if set(v) != V_KEYS:
                err(w, "keys %s != %s" % (sorted(v), sorted(V_KEYS)))
                continue
            check_code(w, v["guest"])
            check_code(w, v["host"])
            if v["guest"] == v["host"]:
                err(w, "guest and host are the same place")
            if str(v["guest"]).startswith("VN") and str(v["host"]).startswith("VN"):
                err(w, "VN-VN visit is out of scope")
            if v["leader"] is not None and (not isinstance(v["leader"], str) or not v["leader"].strip()):
                err(w, "leader must be a non-empty string or null")
            if v["status"] not in V_STATUS:
                err(w, "bad status %r" % v["status"])
            check_date(w, v["start"], allow_none=False)
            check_date(w, v["end"])
            if v["end"] is not None and v["start"] is not None and v["end"] < v["start"]:
                err(w, "end before start")
    dup = sorted({f for f in seen if seen.count(f) > 1})
    if dup:
        err("gold", "duplicate entries %s" % dup)
    missing = sorted(set(files_on_disk) - set(seen))
    if missing:
        err("gold", "articles without an entry: %s" % missing)

    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    n_a = sum(len(e.get("agreements", [])) for e in gold if isinstance(e, dict))
    n_v = sum(len(e.get("visits", [])) for e in gold if isinstance(e, dict))
    print("%d articles, %d agreements, %d visits: %s" % (len(gold), n_a, n_v, "FAILED" if errors else "OK"))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
