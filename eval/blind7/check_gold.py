#!/usr/bin/env python3
"""Sanity check for blind7/gold.json. Prints problems, then OK if there are none."""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ISO = "/usr/share/iso-codes/json"
N = 25
MIN_WORDS, MAX_WORDS = 350, 700

KINDS = {"FRIENDSHIP", "AGREEMENT", "MEMORANDUM", "MINUTES", "LETTER_OF_INTENT", "OTHER"}
A_STATUS = {"SIGNED", "PAST", "PLANNED"}
V_STATUS = {"HAPPENED", "PLANNED"}
FIELDS = {"HEALTH", "EDUCATION", "CULTURE", "TOURISM", "ECONOMY", "TRADE", "INVESTMENT",
          "AGRICULTURE", "ENVIRONMENT", "URBAN", "TRANSPORT", "SCIENCE_TECHNOLOGY", "LABOUR",
          "PEOPLE_EXCHANGE", "INDUSTRY", "OTHER"}
ENTRY_KEYS = ["file", "agreements", "visits"]
A_KEYS = ["parties", "kind", "status", "date", "term", "fields"]
V_KEYS = ["guest", "host", "leader", "status", "start", "end"]
DATE = re.compile(r"^(\d{4}|XXXX)(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
TERM = re.compile(r"^(\d{4})(?:-(\d{4}))?$")
RELATED = re.compile(r"^\s*(>>\s*)?(Tin liên quan|Bài liên quan|Bài viết liên quan|Xem thêm|XEM THÊM|"
                     r"Đọc thêm|Tin khác|Tin cùng chuyên mục)\b", re.M)

problems = []


def bad(msg):
    problems.append(msg)


def load_codes():
    countries = {c["alpha_2"] for c in json.load(open(os.path.join(ISO, "iso_3166-1.json")))["3166-1"]}
    first = {s["code"] for s in json.load(open(os.path.join(ISO, "iso_3166-2.json")))["3166-2"]
             if "parent" not in s}
    return countries, first


def country(code):
    return code.split("-")[0]


def check_date(where, d, allow_xxxx=True):
    if d is None:
        return
    if not isinstance(d, str) or not DATE.match(d):
        bad("%s: malformed date %r" % (where, d))
    elif d.startswith("XXXX") and len(d) != 10:
        bad("%s: XXXX only with month and day: %r" % (where, d))


def date_key(d):
    return d.replace("XXXX", "0000")


def main():
    countries, first = load_codes()

    def code_ok(where, code):
        if not isinstance(code, str):
            bad("%s: code %r is not a string" % (where, code))
        elif code not in countries and code not in first:
            bad("%s: %r is neither an ISO 3166-1 country nor a first-level ISO 3166-2 code" % (where, code))
        elif "-" in code and country(code) not in countries:
            bad("%s: %r has an unknown country" % (where, code))

    try:
        gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    except Exception as e:  # noqa
        print("gold.json does not parse: %s" % e)
        sys.exit(1)
    if not isinstance(gold, list) or len(gold) != N:
        bad("gold.json must be a list of %d entries" % N)
        gold = gold if isinstance(gold, list) else []
    for i, e in enumerate(gold):
        want = "k%03d.txt" % (i + 1)
        if list(e.keys()) != ENTRY_KEYS:
            bad("entry %d: keys %s" % (i, list(e.keys())))
        f = e.get("file")
        if f != want:
            bad("entry %d: file %r, expected %r" % (i, f, want))
        path = os.path.join(HERE, "articles", str(f))
        try:
            text = open(path, encoding="utf-8").read()
        except Exception as ex:  # noqa
            bad("%s: cannot read article (%s)" % (f, ex))
            continue
        words = len(text.split())
        if not MIN_WORDS <= words <= MAX_WORDS:
            bad("%s: %d words, outside %d-%d" % (f, words, MIN_WORDS, MAX_WORDS))
        m = RELATED.search(text)
        if not m:
            bad("%s: no related-news block found" % f)
        body = text[:m.start()] if m else text
        if "ảnh" not in text.lower():
            bad("%s: no photo caption" % f)

        for j, a in enumerate(e.get("agreements", [])):
            w = "%s agreement %d" % (f, j)
            if list(a.keys()) != A_KEYS:
                bad("%s: keys %s" % (w, list(a.keys())))
            parties = a.get("parties", [])
            if not isinstance(parties, list) or len(parties) < 2:
                bad("%s: needs at least two parties" % w)
                parties = []
            for c in parties:
                code_ok(w, c)
            if len(set(parties)) != len(parties):
                bad("%s: duplicate party codes %s" % (w, parties))
            if not any(country(c) == "VN" for c in parties):
                bad("%s: no Vietnamese party" % w)
            if not any(country(c) != "VN" for c in parties):
                bad("%s: no foreign party" % w)
            if a.get("kind") not in KINDS:
                bad("%s: kind %r" % (w, a.get("kind")))
            if a.get("status") not in A_STATUS:
                bad("%s: status %r" % (w, a.get("status")))
            check_date(w, a.get("date"))
            if a.get("status") in ("SIGNED", "PLANNED") and not a.get("date"):
                bad("%s: %s agreement without a date" % (w, a.get("status")))
            if a.get("status") == "PAST" and not a.get("date") and not a.get("term"):
                bad("%s: PAST agreement with neither year nor term" % w)
            t = a.get("term")
            if t is not None:
                mt = TERM.match(t) if isinstance(t, str) else None
                if not mt or (mt.group(2) and int(mt.group(2)) < int(mt.group(1))):
                    bad("%s: malformed term %r" % (w, t))
            fl = a.get("fields")
            if not isinstance(fl, list) or any(x not in FIELDS for x in fl) or len(set(fl)) != len(fl):
                bad("%s: bad fields %r" % (w, fl))

        for j, v in enumerate(e.get("visits", [])):
            w = "%s visit %d" % (f, j)
            if list(v.keys()) != V_KEYS:
                bad("%s: keys %s" % (w, list(v.keys())))
            g, h = v.get("guest"), v.get("host")
            code_ok(w, g)
            code_ok(w, h)
            if isinstance(g, str) and isinstance(h, str):
                if country(g) == country(h):
                    bad("%s: domestic visit %s -> %s" % (w, g, h))
                if "VN" not in (country(g), country(h)):
                    bad("%s: no Vietnamese side" % w)
            if v.get("status") not in V_STATUS:
                bad("%s: status %r" % (w, v.get("status")))
            s, en = v.get("start"), v.get("end")
            check_date(w, s)
            check_date(w, en)
            if not s:
                bad("%s: no start date" % w)
            if en and not s:
                bad("%s: end without start" % w)
            if s and en and (len(s) != 10 or len(en) != 10 or date_key(en) <= date_key(s)):
                bad("%s: end %r must be a full date after start %r" % (w, en, s))
            ld = v.get("leader")
            if ld is not None:
                if not isinstance(ld, str) or not ld.strip():
                    bad("%s: empty leader" % w)
                elif ld not in text:
                    bad("%s: leader %r not found verbatim in the article" % (w, ld))
                elif ld not in body:
                    bad("%s: leader %r occurs only in the related-news block" % (w, ld))

    for p in problems:
        print(p)
    if problems:
        print("%d problem(s)" % len(problems))
        sys.exit(1)
    na = sum(len(e["agreements"]) for e in gold)
    nv = sum(len(e["visits"]) for e in gold)
    print("%d files, %d agreements, %d visits" % (len(gold), na, nv))
    print("OK")


if __name__ == "__main__":
    main()
