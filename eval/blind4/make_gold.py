#!/usr/bin/env python3
"""Writes gold.json for the blind4 set (kept for transparency; gold.json is the artefact)."""
import json

def A(parties, kind, status, date=None, term=None, fields=()):
    return {"parties": parties, "kind": kind, "status": status, "date": date,
            "term": term, "fields": list(fields)}

def V(guest, host, leader, status, start=None, end=None):
    return {"guest": guest, "host": host, "leader": leader, "status": status,
            "start": start, "end": end}

G = {}
G["f001"] = ([
    A(["VN-56", "JP-21"], "MEMORANDUM", "SIGNED", "2025-09-18", "2025-2030", ["LABOUR", "EDUCATION"]),
    A(["VN-54", "JP-21"], "MEMORANDUM", "PAST", "2019", None, ["LABOUR"]),
], [
    V("JP-21", "VN-56", "Kanamori Shigeru", "HAPPENED", "2025-09-17", "2025-09-19"),
])
G["f002"] = ([
    A(["VN-DN", "KR-27"], "MEMORANDUM", "SIGNED", "2024-05-21", None, ["TOURISM", "URBAN", "PEOPLE_EXCHANGE", "TRANSPORT"]),
], [
    V("VN-DN", "KR-27", "Trần Minh Khoa", "HAPPENED", "2024-05-20", "2024-05-22"),
    V("VN-DN", "KR-26", "Trần Minh Khoa", "HAPPENED", "2024-05-23", None),
    V("KR-26", "VN-DN", "Choi Jae-won", "PLANNED", "2024-10", None),
])
G["f003"] = ([
    A(["VN-22", "LA-XI"], "MINUTES", "SIGNED", "2025-10-13", None, ["EDUCATION", "AGRICULTURE", "TRADE", "OTHER"]),
    A(["VN-22", "LA-XI"], "AGREEMENT", "PLANNED", "2025-12", "2026-2030", []),
    A(["VN-22", "LA-XI"], "AGREEMENT", "PAST", None, "2021-2025", ["OTHER", "TRADE", "EDUCATION"]),
], [
    V("LA-XI", "VN-22", "Phon-xay Khăm-phui", "HAPPENED", "2025-10-13", "2025-10-14"),
])
G["f004"] = ([
    A(["VN-02", "CN-YN"], "MINUTES", "SIGNED", "2024-04-15", None, ["TRADE", "TRANSPORT", "AGRICULTURE"]),
    A(["VN-02", "CN-YN"], "MEMORANDUM", "SIGNED", "2024-04-16", None, ["TRADE", "TRANSPORT"]),
], [
    V("VN-02", "CN-YN", "Lục Văn Thắng", "HAPPENED", "2024-04-15", "2024-04-16"),
])
G["f005"] = ([
    A(["VN-25", "TH-49"], "MEMORANDUM", "SIGNED", "2023-08-25", None, ["TRADE", "TRANSPORT", "TOURISM"]),
    A(["VN-24", "TH-48"], "MEMORANDUM", "SIGNED", "2023-08-25", None, ["TOURISM", "PEOPLE_EXCHANGE", "CULTURE"]),
], [
    V("VN-25", "TH", "Hoàng Nam Sơn", "HAPPENED", "2023-08-24", "2023-08-25"),
    V("VN-24", "TH", "Đinh Thị Mai Phương", "HAPPENED", "2023-08-24", "2023-08-25"),
    V("VN-23", "TH", "Nguyễn Hữu Lâm", "HAPPENED", "2023-08-24", "2023-08-25"),
])
G["f006"] = ([
    A(["VN-26", "FR-NAQ"], "OTHER", "SIGNED", "2025-06-10", "2025-2027", ["CULTURE", "TOURISM", "EDUCATION", "AGRICULTURE"]),
    A(["VN-26", "FR-NAQ"], "FRIENDSHIP", "PAST", "2020", None, []),
], [
    V("VN-26", "FR-NAQ", "Tôn Thất Minh Hiếu", "HAPPENED", "2025-06-09", "2025-06-12"),
])
G["f007"] = ([
    A(["VN-39", "DE-NW"], "MEMORANDUM", "SIGNED", "XXXX-11-14", None, ["EDUCATION"]),
    A(["VN-39", "DE-NW"], "LETTER_OF_INTENT", "SIGNED", "XXXX-11-14", None, ["LABOUR", "EDUCATION"]),
], [
    V("DE-NW", "VN-39", "Annette Vogt", "HAPPENED", "XXXX-11-13", "XXXX-11-14"),
])
G["f008"] = ([
    A(["VN-SG", "US-CA"], "MEMORANDUM", "PLANNED", "2023", None, ["SCIENCE_TECHNOLOGY"]),
    A(["VN-SG", "US-CA"], "FRIENDSHIP", "PAST", "1995", None, []),
    A(["VN-SG", "US-CA"], "MEMORANDUM", "PAST", "2019-09", None, ["EDUCATION", "SCIENCE_TECHNOLOGY"]),
], [
    V("US-CA", "VN-SG", "Daniel Whitaker", "HAPPENED", "2023-03-07", None),
])
G["f009"] = ([
    A(["VN-30", "LA-CH"], "MEMORANDUM", "SIGNED", "2024-07-11", "2024-2028", ["AGRICULTURE"]),
    A(["VN-30", "LA-CH"], "AGREEMENT", "PAST", "2019-11", None, []),
], [
    V("LA-CH", "VN-30", None, "HAPPENED", "2024-07-10", "2024-07-12"),
])
G["f010"] = ([], [])
G["f011"] = ([
    A(["VN-71", "LA-LP"], "AGREEMENT", "SIGNED", "2025-12-03", None, ["TOURISM", "TRADE", "TRANSPORT"]),
    A(["VN-71", "LA-PH"], "AGREEMENT", "SIGNED", "2025-12-04", "2026-2030",
      ["OTHER", "AGRICULTURE", "HEALTH", "EDUCATION", "TRADE", "CULTURE", "TOURISM"]),
], [
    V("VN-71", "LA-LP", "Lò Văn Tiến", "HAPPENED", "2025-12-02", "2025-12-03"),
    V("VN-71", "LA-PH", "Lò Văn Tiến", "HAPPENED", "2025-12-04", "2025-12-05"),
])
G["f012"] = ([
    A(["VN-27", "IT-25"], "MEMORANDUM", "SIGNED", "2023-09-19", None, ["CULTURE", "TOURISM", "EDUCATION"]),
], [
    V("IT-25", "VN-27", "Marco Bellini", "HAPPENED", "2023-09-18", "2023-09-21"),
    V("VN-27", "IT-25", "Đinh Công Lượng", "PLANNED", "2023-11", None),
])
G["f013"] = ([
    A(["VN-SG", "AU-VIC"], "MEMORANDUM", "SIGNED", "2025-10-14", None, ["EDUCATION", "SCIENCE_TECHNOLOGY", "ENVIRONMENT"]),
    A(["VN-SG", "AU-NSW"], "AGREEMENT", "PLANNED", "2026", None, ["TRANSPORT", "OTHER"]),
], [
    V("VN-SG", "AU-VIC", "Trương Minh Đạt", "HAPPENED", "2025-10-13", "2025-10-15"),
    V("VN-SG", "AU-NSW", "Trương Minh Đạt", "HAPPENED", "2025-10-16", "2025-10-17"),
])
G["f014"] = ([
    A(["VN-47", "KH-7"], "MEMORANDUM", "SIGNED", "2024-12-20", "2025-2029", ["TRADE", "TOURISM", "HEALTH", "EDUCATION", "OTHER"]),
    A(["VN-47", "KH-23"], "MEMORANDUM", "SIGNED", "2024-12-20", "2025-2029", ["TRADE", "TOURISM", "HEALTH", "EDUCATION", "OTHER"]),
], [
    V("KH-7", "VN-47", "Ouk Sokhom", "HAPPENED", "2024-12-19", "2024-12-20"),
    V("KH-23", "VN-47", "Kim Sreymom", "HAPPENED", "2024-12-19", "2024-12-20"),
])
G["f015"] = ([
    A(["VN-35", "NL-ZH"], "LETTER_OF_INTENT", "SIGNED", "2023-11-28", None, ["AGRICULTURE", "SCIENCE_TECHNOLOGY", "EDUCATION", "TRADE"]),
    A(["VN-35", "NL-ZH"], "MINUTES", "PAST", "2018", None, ["SCIENCE_TECHNOLOGY", "EDUCATION", "AGRICULTURE"]),
], [
    V("NL-ZH", "VN-35", "Jeroen van Dijk", "HAPPENED", "2023-11-27", "2023-11-29"),
])
G["f016"] = ([
    A(["VN-34", "RU-IRK"], "AGREEMENT", "SIGNED", "2024-09-17", None, ["TRADE", "ECONOMY", "TOURISM", "EDUCATION", "TRANSPORT"]),
], [
    V("VN-34", "RU-IRK", "Hà Quốc Vinh", "HAPPENED", "2024-09-16", "2024-09-18"),
    V("VN-34", "RU-MOW", "Hà Quốc Vinh", "HAPPENED", "2024-09-19", "2024-09-22"),
])
G["f017"] = ([], [])
G["f018"] = ([
    A(["VN-04", "CN-GX"], "MINUTES", "SIGNED", "2025-02-18", None, ["TRADE", "TOURISM", "TRANSPORT", "AGRICULTURE"]),
    A(["VN-04", "CN-GX"], "MEMORANDUM", "PAST", "2017", None, ["OTHER", "TRADE", "TOURISM", "CULTURE"]),
    A(["VN-04", "CN-GX"], "MEMORANDUM", "PAST", "2020", None, ["OTHER", "TRADE", "TOURISM", "CULTURE"]),
    A(["VN-04", "CN-GX"], "MEMORANDUM", "PAST", "2023", None, ["OTHER", "TRADE", "TOURISM", "CULTURE"]),
], [
    V("CN-GX", "VN-04", "Lý Thắng Quân", "HAPPENED", "2025-02-17", "2025-02-18"),
    V("VN-04", "CN-GX", "Hoàng Văn Khởi", "PLANNED", "2025", None),
])
G["f019"] = ([
    A(["VN-31", "BY-MA"], "AGREEMENT", "SIGNED", "2024-08-14", None, ["TRADE", "ECONOMY", "SCIENCE_TECHNOLOGY", "CULTURE"]),
    A(["VN-31", "BY-MA"], "FRIENDSHIP", "PLANNED", "2025", None, []),
], [
    V("VN-31", "BY-MA", "Trương Quốc Huy", "HAPPENED", "2024-08-13", "2024-08-15"),
    V("VN-31", "BY-HM", "Trương Quốc Huy", "HAPPENED", "2024-08-16", "2024-08-17"),
])
G["f020"] = ([
    A(["VN-33", "IN-KA"], "MEMORANDUM", "SIGNED", "2025-11-06", None, ["AGRICULTURE", "TRADE", "SCIENCE_TECHNOLOGY", "INVESTMENT"]),
], [
    V("IN-KA", "VN-33", "Ramesh Gowda", "HAPPENED", "2025-11-05", "2025-11-07"),
    V("VN-33", "IN-KA", None, "PLANNED", "2026-03", None),
])
G["f021"] = ([
    A(["VN-66", "KR-43"], "FRIENDSHIP", "SIGNED", "2021-10-27", None,
      ["INDUSTRY", "AGRICULTURE", "EDUCATION", "CULTURE", "LABOUR", "INVESTMENT"]),
], [
    V("KR-43", "VN-66", "Kang Dong-wook", "PLANNED", "2022-03", None),
])
G["f022"] = ([
    A(["VN-69", "MN-049"], "FRIENDSHIP", "SIGNED", "2023-07-10", None,
      ["AGRICULTURE", "EDUCATION", "TOURISM", "PEOPLE_EXCHANGE", "INVESTMENT"]),
    A(["VN-69", "MN-1"], "MEMORANDUM", "SIGNED", "2023-07-10", None, ["EDUCATION", "SCIENCE_TECHNOLOGY", "AGRICULTURE"]),
], [
    V("MN-049", "VN-69", "Batbold Ganzorig", "HAPPENED", "2023-07-10", "2023-07-11"),
    V("MN-1", "VN-69", "Tsogt Enkhbayar", "HAPPENED", "2023-07-10", "2023-07-11"),
])
G["f023"] = ([
    A(["VN-37", "KH-20"], "AGREEMENT", "SIGNED", "2025-11-25", "2026-2030", ["OTHER", "TRADE", "AGRICULTURE", "HEALTH", "EDUCATION"]),
    A(["VN-37", "KH-14"], "AGREEMENT", "SIGNED", "2025-11-25", "2026-2030", ["OTHER", "TRADE", "AGRICULTURE", "HEALTH", "EDUCATION"]),
    A(["VN-41", "KH-20"], "AGREEMENT", "PAST", None, "2021-2025", []),
], [
    V("VN-37", "KH-20", "Lê Hữu Phước", "HAPPENED", "2025-11-25", None),
])
G["f024"] = ([], [])
G["f025"] = ([
    A(["VN-HP", "JP-40"], "MEMORANDUM", "SIGNED", "2024-04-09", "2024-2027", ["ENVIRONMENT", "URBAN", "EDUCATION", "INVESTMENT"]),
    A(["VN-HP", "JP-40"], "FRIENDSHIP", "PAST", "2014", None, []),
], [
    V("JP-40", "VN-HP", "Ki-ta-ha-ma Tô-si-ô", "HAPPENED", "2024-04-09", None),
])

out = [{"file": f + ".txt", "agreements": a, "visits": v} for f, (a, v) in sorted(G.items())]
with open("/work/blind4/gold.json", "w", encoding="utf-8") as fh:
    json.dump(out, fh, ensure_ascii=False, indent=1)
    fh.write("\n")
print(len(out), sum(len(x["agreements"]) for x in out), sum(len(x["visits"]) for x in out))
