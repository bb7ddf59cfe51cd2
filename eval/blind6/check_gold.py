#!/usr/bin/env python3
"""Sanity check for blind6/gold.json. Prints problems, or OK and counts.

Checks: JSON parses; 25 entries h001..h025 in order with the exact keys (in the dev gold's
order); article files exist, are UTF-8 and hold 350-700 whitespace-separated words; every code
is an ISO 3166-1 alpha-2 country or a first-level ISO 3166-2 subdivision in Debian iso-codes;
every agreement has a Vietnamese and a foreign party and no code twice; no domestic visit and
every visit has Viet Nam on one side; enums, dates, terms and fields well formed; every
leader occurs verbatim in its article.
"""
import calendar
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ISO = "/usr/share/iso-codes/json"

TOP_KEYS = ["file", "agreements", "visits"]
A_KEYS = ["parties", "kind", "status", "date", "term", "fields"]
V_KEYS = ["guest", "host", "leader", "status", "start", "end"]
KINDS = {"FRIENDSHIP", "AGREEMENT", "MEMORANDUM", "MINUTES", "LETTER_OF_INTENT", "OTHER"}
A_STATUS = {"SIGNED", "PAST", "PLANNED"}
V_STATUS = {"HAPPENED", "PLANNED"}
FIELDS = {"HEALTH", "EDUCATION", "CULTURE", "TOURISM", "ECONOMY", "TRADE", "INVESTMENT",
          "AGRICULTURE", "ENVIRONMENT", "URBAN", "TRANSPORT", "SCIENCE_TECHNOLOGY", "LABOUR",
          "PEOPLE_EXCHANGE", "INDUSTRY", "OTHER"}
DATE_RE = re.compile(r"^(\d{4}|XXXX)(?:-(\d{2})(?:-(\d{2}))?)?$")
TERM_RE = re.compile(r"^(\d{4})(?:-(\d{4}))?$")

problems = []


def bad(where, msg):
    problems.append("%s: %s" % (where, msg))


def load_codes():
    countries = {c["alpha_2"] for c in json.load(open(os.path.join(ISO, "iso_3166-1.json"), encoding="utf-8"))["3166-1"]}
    subs = {s["code"] for s in json.load(open(os.path.join(ISO, "iso_3166-2.json"), encoding="utf-8"))["3166-2"]
            if "parent" not in s}
    return countries, subs


def country_of(code):
    return code.split("-")[0]


def check_code(where, code, countries, subs):
    if not isinstance(code, str) or not (code in countries or code in subs):
        bad(where, "code %r is neither an ISO 3166-1 country nor a first-level ISO 3166-2 subdivision" % (code,))
        return False
    return True


def parse_date(where, d):
    """Return (year or None, month, day) for a well-formed date, else None."""
    if d is None:
        return None
    if not isinstance(d, str):
        bad(where, "date %r is not a string" % (d,))
        return None
    m = DATE_RE.match(d)
    if not m:
        bad(where, "malformed date %r" % d)
        return None
    y, mo, da = m.group(1), m.group(2), m.group(3)
    if y == "XXXX" and not mo:
        bad(where, "date %r: XXXX without month" % d)
    year = None if y == "XXXX" else int(y)
    if year is not None and not (1950 <= year <= 2030):
        bad(where, "implausible year in %r" % d)
    month = int(mo) if mo else None
    day = int(da) if da else None
    if month is not None and not 1 <= month <= 12:
        bad(where, "bad month in %r" % d)
        return None
    if day is not None:
        last = calendar.monthrange(year or 2024, month)[1]
        if not 1 <= day <= last:
            bad(where, "bad day in %r" % d)
            return None
    return (year, month, day)


def main():
    countries, subs = load_codes()
    path = os.path.join(HERE, "gold.json")
    try:
        gold = json.load(open(path, encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        print("gold.json does not parse: %s" % e)
        return 1
    if not isinstance(gold, list) or len(gold) != 25:
        print("gold.json must be a list of 25 entries, has %s" % (len(gold) if isinstance(gold, list) else type(gold)))
        return 1
    n_a = n_v = 0
    for i, entry in enumerate(gold, 1):
        want = "h%03d.txt" % i
        where = want
        if list(entry.keys()) != TOP_KEYS:
            bad(where, "keys %r" % list(entry.keys()))
        if entry.get("file") != want:
            bad(where, "file is %r, expected %r (order)" % (entry.get("file"), want))
        art = os.path.join(HERE, "articles", want)
        text = ""
        if not os.path.isfile(art):
            bad(where, "article missing")
        else:
            try:
                text = open(art, encoding="utf-8").read()
            except UnicodeDecodeError:
                bad(where, "article is not UTF-8")
            words = len(text.split())
            if not 350 <= words <= 700:
                bad(where, "article has %d words (want 350-700)" % words)
        for j, a in enumerate(entry.get("agreements", []), 1):
            n_a += 1
            w = "%s agreement %d" % (where, j)
            if list(a.keys()) != A_KEYS:
                bad(w, "keys %r" % list(a.keys()))
                continue
            parties = a["parties"]
            if not isinstance(parties, list) or len(parties) < 2:
                bad(w, "needs at least two parties")
                continue
            for p in parties:
                check_code(w, p, countries, subs)
            if len(set(parties)) != len(parties):
                bad(w, "a code appears twice among parties")
            if not any(country_of(p) == "VN" for p in parties):
                bad(w, "no Vietnamese party")
            if not any(country_of(p) != "VN" for p in parties):
                bad(w, "no foreign party")
            if a["kind"] not in KINDS:
                bad(w, "kind %r" % a["kind"])
            if a["status"] not in A_STATUS:
                bad(w, "status %r" % a["status"])
            parse_date(w, a["date"])
            if a["status"] == "PLANNED" and a["date"] is None:
                bad(w, "PLANNED agreement without a stated time")
            if a["status"] == "PAST" and a["date"] is None and a["term"] is None:
                bad(w, "PAST agreement with neither year nor period")
            if a["term"] is not None:
                m = TERM_RE.match(a["term"]) if isinstance(a["term"], str) else None
                if not m:
                    bad(w, "malformed term %r" % (a["term"],))
                elif m.group(2) and int(m.group(2)) < int(m.group(1)):
                    bad(w, "term ends before it starts")
            f = a["fields"]
            if not isinstance(f, list) or any(x not in FIELDS for x in f) or len(set(f)) != len(f):
                bad(w, "fields %r" % (f,))
        for j, v in enumerate(entry.get("visits", []), 1):
            n_v += 1
            w = "%s visit %d" % (where, j)
            if list(v.keys()) != V_KEYS:
                bad(w, "keys %r" % list(v.keys()))
                continue
            ok = check_code(w, v["guest"], countries, subs) & check_code(w, v["host"], countries, subs)
            if ok:
                if country_of(v["guest"]) == country_of(v["host"]):
                    bad(w, "domestic visit %s -> %s" % (v["guest"], v["host"]))
                if "VN" not in (country_of(v["guest"]), country_of(v["host"])):
                    bad(w, "no Vietnamese side")
            if v["status"] not in V_STATUS:
                bad(w, "status %r" % v["status"])
            s = parse_date(w, v["start"])
            e = parse_date(w, v["end"])
            if v["end"] is not None and v["start"] is None:
                bad(w, "end without start")
            if s and e and None not in s and None not in e and e < s:
                bad(w, "end before start")
            if v["status"] == "PLANNED" and v["start"] is None:
                bad(w, "PLANNED visit without a stated time")
            if v["leader"] is not None:
                if not isinstance(v["leader"], str) or not v["leader"].strip():
                    bad(w, "leader %r" % (v["leader"],))
                elif v["leader"] not in text:
                    bad(w, "leader %r not verbatim in article" % v["leader"])
    extra = sorted(set(os.listdir(os.path.join(HERE, "articles"))) - {"h%03d.txt" % i for i in range(1, 26)})
    if extra:
        bad("articles/", "unexpected files %r" % extra)
    if problems:
        print("\n".join(problems))
        print("%d problem(s)" % len(problems))
        return 1
    print("OK: 25 articles, %d agreements, %d visits" % (n_a, n_v))
    return 0


if __name__ == "__main__":
    sys.exit(main())
