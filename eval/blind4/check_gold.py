#!/usr/bin/env python3
"""Sanity check for /work/blind4/gold.json and its articles.

    python3 check_gold.py [--gold gold.json] [--articles articles]

Checks: the file parses; 25 entries named f001.txt ... f025.txt in order, each article present;
records have exactly the dev gold keys; every place code exists in Debian's iso-codes
(ISO 3166-2 for region codes, ISO 3166-1 alpha-2 for country codes); kinds, statuses and fields
are from the GUIDELINES enums; dates are YYYY / YYYY-MM / YYYY-MM-DD / XXXX-MM-DD and real
calendar dates; terms are YYYY or YYYY-YYYY with start <= end; every leader occurs verbatim in
its article, and in the article body (before the related-news block); every record has a
Vietnamese side; article length is 250-800 words. Exits non-zero on any problem.
"""
import argparse
import datetime
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
# first line of a related-news / "other news" block in the articles
RELATED = re.compile(r"^\s*(\*\s*)?(tin liên quan|xem thêm|bài liên quan|đọc thêm|tin khác|"
                     r"tin cùng chuyên mục|các tin khác|các tin đã đưa|tin, bài liên quan|>>|»)",
                     re.I | re.M)

problems = []


def bad(where, msg):
    problems.append("%s: %s" % (where, msg))


def load_codes():
    subs = json.load(open(os.path.join(ISO_DIR, "iso_3166-2.json"), encoding="utf-8"))["3166-2"]
    countries = json.load(open(os.path.join(ISO_DIR, "iso_3166-1.json"), encoding="utf-8"))["3166-1"]
    regions = {s["code"]: s for s in subs}
    return regions, {c["alpha_2"] for c in countries}


def code_ok(code, regions, countries, where):
    if not isinstance(code, str) or not code:
        bad(where, "empty code %r" % (code,))
        return
    if "-" in code:
        if code not in regions:
            bad(where, "region code %s not in iso_3166-2.json" % code)
        elif "parent" in regions[code]:
            bad(where, "region code %s is not first-level (parent %s)" % (code, regions[code]["parent"]))
    elif code not in countries:
        bad(where, "country code %s not in iso_3166-1.json" % code)


def date_ok(d, where, required=False):
    if d is None:
        if required:
            bad(where, "date missing")
        return
    m = re.fullmatch(r"(\d{4}|XXXX)(?:-(\d{2})(?:-(\d{2}))?)?", str(d))
    if not m:
        bad(where, "malformed date %r" % d)
        return
    y, mo, da = m.groups()
    if y == "XXXX" and not da:
        bad(where, "XXXX only allowed as XXXX-MM-DD: %r" % d)
    if mo and not 1 <= int(mo) <= 12:
        bad(where, "bad month in %r" % d)
    if da:
        try:
            datetime.date(2024 if y == "XXXX" else int(y), int(mo), int(da))  # 2024: leap year
        except ValueError:
            bad(where, "impossible date %r" % d)
    if y != "XXXX" and not 1950 <= int(y) <= 2030:
        bad(where, "implausible year in %r" % d)


def term_ok(t, where):
    if t is None:
        return
    m = re.fullmatch(r"(\d{4})(?:-(\d{4}))?", str(t))
    if not m:
        bad(where, "malformed term %r" % t)
    elif m.group(2) and int(m.group(2)) < int(m.group(1)):
        bad(where, "term ends before it starts %r" % t)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=os.path.join(here, "gold.json"))
    ap.add_argument("--articles", default=os.path.join(here, "articles"))
    args = ap.parse_args()
    regions, countries = load_codes()

    gold = json.load(open(args.gold, encoding="utf-8"))
    if not isinstance(gold, list):
        sys.exit("gold is not a list")
    expected = ["f%03d.txt" % i for i in range(1, 26)]
    names = [g.get("file") for g in gold]
    if names != expected:
        bad("gold", "files not f001.txt..f025.txt in order: %s" % names)
    on_disk = sorted(f for f in os.listdir(args.articles) if f.endswith(".txt"))
    if on_disk != expected:
        bad("articles", "article folder holds %s" % on_disk)

    n_a = n_v = 0
    for g in gold:
        f = g.get("file")
        if set(g) != {"file", "agreements", "visits"}:
            bad(f, "entry keys %s" % sorted(g))
        path = os.path.join(args.articles, f)
        if not os.path.exists(path):
            bad(f, "article missing")
            continue
        text = open(path, encoding="utf-8").read()
        words = len(text.split())
        if not 250 <= words <= 800:
            bad(f, "article has %d words" % words)
        m = RELATED.search(text)
        if not m:
            bad(f, "no related-news block found")
        body = text[:m.start()] if m else text
        if "Ảnh" not in text and "ẢNH" not in text:
            bad(f, "no photo caption")

        for i, a in enumerate(g.get("agreements", [])):
            n_a += 1
            w = "%s agreement %d" % (f, i + 1)
            if set(a) != A_KEYS:
                bad(w, "keys %s" % sorted(a))
            parties = a.get("parties", [])
            if len(parties) < 2 or len(set(parties)) != len(parties):
                bad(w, "parties %s" % parties)
            if not any(p.startswith("VN") for p in parties):
                bad(w, "no Vietnamese party")
            if all(p.startswith("VN") for p in parties):
                bad(w, "only Vietnamese parties (out of scope)")
            for p in parties:
                code_ok(p, regions, countries, w)
            if a.get("kind") not in KINDS:
                bad(w, "kind %r" % a.get("kind"))
            st = a.get("status")
            if st not in A_STATUS:
                bad(w, "status %r" % st)
            date_ok(a.get("date"), w, required=(st == "PLANNED"))
            if st == "PAST" and a.get("date") is None and a.get("term") is None:
                bad(w, "PAST agreement with neither year nor period")
            term_ok(a.get("term"), w)
            fl = a.get("fields", [])
            if not isinstance(fl, list) or len(set(fl)) != len(fl) or not set(fl) <= FIELDS:
                bad(w, "fields %s" % fl)

        for i, v in enumerate(g.get("visits", [])):
            n_v += 1
            w = "%s visit %d" % (f, i + 1)
            if set(v) != V_KEYS:
                bad(w, "keys %s" % sorted(v))
            for side in ("guest", "host"):
                code_ok(v.get(side), regions, countries, w + " " + side)
            if v.get("guest") == v.get("host"):
                bad(w, "guest == host")
            if not (str(v.get("guest")).startswith("VN") or str(v.get("host")).startswith("VN")):
                bad(w, "no Vietnamese side")
            if v.get("status") not in V_STATUS:
                bad(w, "status %r" % v.get("status"))
            date_ok(v.get("start"), w + " start", required=True)
            date_ok(v.get("end"), w + " end")
            if v.get("start") and v.get("end") and "XXXX" not in v["start"] and v["end"] < v["start"]:
                bad(w, "end before start")
            leader = v.get("leader")
            if leader is not None:
                if leader not in text:
                    bad(w, "leader %r not verbatim in article" % leader)
                elif leader not in body:
                    bad(w, "leader %r only in the related-news block" % leader)

    if problems:
        print("\n".join(problems))
        print("FAILED: %d problem(s)" % len(problems))
        sys.exit(1)
    print("OK: %d articles, %d agreements, %d visits" % (len(gold), n_a, n_v))


if __name__ == "__main__":
    main()
