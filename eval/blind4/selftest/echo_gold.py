#!/usr/bin/env python3
"""Prints gold.json back as Extraction JSON (one line per article) - a format self-test for score.py."""
import json, os, sys
gold = {g["file"]: g for g in json.load(open(os.path.join(os.path.dirname(__file__), "..", "gold.json"), encoding="utf-8"))}

def place(code):
    return {"place": {"region": code} if "-" in code else {"country": code}}

def date(d):
    if not d:
        return None
    parts = d.split("-")
    out = {}
    if parts[0] != "XXXX":
        out["year"] = int(parts[0])
    if len(parts) > 1:
        out["month"] = int(parts[1])
    if len(parts) > 2:
        out["day"] = int(parts[2])
    return out

for path in sys.argv[1:]:
    g = gold[os.path.basename(path)]
    ags = []
    for a in g["agreements"]:
        t = None
        if a["term"]:
            s, _, e = a["term"].partition("-")
            t = {"startYear": int(s), "endYear": int(e or s)}
        ags.append({"parties": [place(p) for p in a["parties"]], "kind": a["kind"], "status": a["status"],
                    "signedOn": date(a["date"]), "term": t, "fields": a["fields"]})
    vs = [{"guest": place(v["guest"]), "host": place(v["host"]),
           "leader": {"name": v["leader"]} if v["leader"] else None, "status": v["status"],
           "start": date(v["start"]), "end": date(v["end"])} for v in g["visits"]]
    print(json.dumps({"agreements": ags, "visits": vs}, ensure_ascii=False))
