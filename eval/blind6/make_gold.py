#!/usr/bin/env python3
"""Write gold.json for the blind6 set (articles/h001.txt ... h025.txt).

All records live in GOLD below, one block per article, annotated by
/work/shared/eval/GUIDELINES.md. Output format is the dev gold format:
json.dumps(indent=1, ensure_ascii=False), no trailing newline.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def A(parties, kind, status, date=None, term=None, fields=()):
    return {"parties": list(parties), "kind": kind, "status": status,
            "date": date, "term": term, "fields": list(fields)}


def V(guest, host, leader, status, start=None, end=None):
    return {"guest": guest, "host": host, "leader": leader, "status": status,
            "start": start, "end": end}


GOLD = [
    # h001 Quảng Ninh (Móng Cái) hosts Phòng Thành Cảng (Quảng Tây); Biên bản hội đàm signed 18/3/2024.
    ("h001.txt",
     [A(["VN-13", "CN-GX"], "MINUTES", "SIGNED", "2024-03-18", None, ["TRADE", "TOURISM", "TRANSPORT"])],
     [V("CN-GX", "VN-13", "Chu Hiểu Minh", "HAPPENED", "2024-03-18")]),

    # h002 Thái Nguyên (post-merger) receives Chungcheongnam; MOU 2019 (past); friendship planned "trong năm 2026".
    ("h002.txt",
     [A(["VN-69", "KR-44"], "MEMORANDUM", "PAST", "2019"),
      A(["VN-69", "KR-44"], "FRIENDSHIP", "PLANNED", "2026", None, ["INDUSTRY", "EDUCATION", "AGRICULTURE"])],
     [V("KR-44", "VN-69", "Park Jung-hoon", "HAPPENED", "2025-10-14")]),

    # h003 Đà Nẵng trip to Japan 2-8/9/2024: Kanagawa 3/9, Sakai (Osaka) 5/9 with MOU, Fukuoka 7/9; MOU 2018 past.
    ("h003.txt",
     [A(["VN-DN", "JP-27"], "MEMORANDUM", "SIGNED", "2024-09-05", None, ["URBAN", "ENVIRONMENT", "EDUCATION"]),
      A(["VN-DN", "JP-27"], "MEMORANDUM", "PAST", "2018")],
     [V("VN-DN", "JP-14", "Trần Quang Vĩnh", "HAPPENED", "2024-09-03"),
      V("VN-DN", "JP-27", "Trần Quang Vĩnh", "HAPPENED", "2024-09-05"),
      V("VN-DN", "JP-40", "Trần Quang Vĩnh", "HAPPENED", "2024-09-07")]),

    # h004 Lào Cai (post-merger) delegation at Hà Khẩu with Châu Hồng Hà (Yunnan) 9/12/2025;
    # Hồng Hà delegation to come to Lào Cai in 3/2026 and sign a Biên bản hợp tác 2026-2027.
    ("h004.txt",
     [A(["VN-02", "CN-YN"], "MINUTES", "PLANNED", "2026-03", "2026-2027", ["TRADE"])],
     [V("VN-02", "CN-YN", "Vũ Đình Khang", "HAPPENED", "2025-12-09"),
      V("CN-YN", "VN-02", None, "PLANNED", "2026-03")]),

    # h005 Huế - Blois (Centre-Val de Loire): 30 years of twinning marked in 2024 -> 1994;
    # MOUs 2004 and 2011; agreement 2019-2022 named by period; programme 2025-2027 signed 21/11/2024.
    ("h005.txt",
     [A(["VN-26", "FR-CVL"], "FRIENDSHIP", "PAST", "1994"),
      A(["VN-26", "FR-CVL"], "MEMORANDUM", "PAST", "2004", None, ["CULTURE", "URBAN"]),
      A(["VN-26", "FR-CVL"], "MEMORANDUM", "PAST", "2011", None, ["CULTURE", "URBAN"]),
      A(["VN-26", "FR-CVL"], "AGREEMENT", "PAST", None, "2019-2022", ["URBAN"]),
      A(["VN-26", "FR-CVL"], "OTHER", "SIGNED", "2024-11-21", "2025-2027",
        ["CULTURE", "URBAN", "ENVIRONMENT", "TOURISM", "EDUCATION"])],
     [V("FR-CVL", "VN-26", "Étienne Morvan", "HAPPENED", "2024-11-21")]),

    # h006 Forum in Seoul 12-13/6/2023; Vĩnh Phúc, Hải Dương, Cần Thơ delegations (host = KR, third place);
    # Vĩnh Phúc - Chungcheongbuk MOU and Cần Thơ - Gwangju letter of intent, 13/6.
    ("h006.txt",
     [A(["VN-70", "KR-43"], "MEMORANDUM", "SIGNED", "2023-06-13", None, ["INDUSTRY", "INVESTMENT", "EDUCATION", "CULTURE"]),
      A(["VN-CT", "KR-29"], "LETTER_OF_INTENT", "SIGNED", "2023-06-13", None, ["AGRICULTURE", "EDUCATION", "CULTURE"])],
     [V("VN-70", "KR", "Lê Văn Hòa", "HAPPENED", "2023-06-12", "2023-06-13"),
      V("VN-61", "KR", "Đinh Quốc Thắng", "HAPPENED", "2023-06-12", "2023-06-13"),
      V("VN-CT", "KR", "Trương Minh Hiếu", "HAPPENED", "2023-06-12", "2023-06-13")]),

    # h007 Khánh Hòa conference 5-3-2025: three instruments with Ulsan, Okinawa, Vladivostok (Primorsky).
    ("h007.txt",
     [A(["VN-34", "KR-31"], "MEMORANDUM", "SIGNED", "2025-03-05", None, ["TOURISM", "INDUSTRY", "EDUCATION"]),
      A(["VN-34", "JP-47"], "AGREEMENT", "SIGNED", "2025-03-05", None, ["TOURISM", "AGRICULTURE", "ENVIRONMENT"]),
      A(["VN-34", "RU-PRI"], "FRIENDSHIP", "SIGNED", "2025-03-05", None, ["TOURISM", "CULTURE", "PEOPLE_EXCHANGE"])],
     [V("KR-31", "VN-34", "Kim Doo-gyeom", "HAPPENED", "2025-03-05"),
      V("JP-47", "VN-34", "Higa Tomoyuki", "HAPPENED", "2025-03-05"),
      V("RU-PRI", "VN-34", "Sergei Lavrentyev", "HAPPENED", "2025-03-05")]),

    # h008 EWEC conference in Đông Hà 22/3/2024: trilateral MOU Quảng Trị-Savannakhet-Mukdahan;
    # Quảng Bình - Savannakhet agreement 2024-2028. Quảng Bình -> Quảng Trị is domestic (no visit).
    ("h008.txt",
     [A(["VN-25", "LA-SV", "TH-49"], "MEMORANDUM", "SIGNED", "2024-03-22", None, ["TRANSPORT", "TRADE", "TOURISM"]),
      A(["VN-24", "LA-SV"], "AGREEMENT", "SIGNED", "2024-03-22", "2024-2028", ["AGRICULTURE", "EDUCATION", "HEALTH"])],
     [V("LA-SV", "VN-25", "Vi-lay Xổm-xạ-vắt", "HAPPENED", "2024-03-22"),
      V("TH-49", "VN-25", "Chaiwat Sriprasert", "HAPPENED", "2024-03-22")]),

    # h009 Ninh Bình (post-merger) receives Gomel 7/4/2026; 2017 agreement was signed by Nam Định (VN-67 then).
    # "mong muốn thời gian tới ... ký kết" has no time: not annotated.
    ("h009.txt",
     [A(["VN-67", "BY-HO"], "AGREEMENT", "PAST", "2017", None, ["TRADE", "INDUSTRY", "EDUCATION"])],
     [V("BY-HO", "VN-18", "Dmitry Kovalenok", "HAPPENED", "2026-04-07")]),

    # h010 National level only (Vietnam - Poland governments and ministries): no record.
    ("h010.txt", [], []),

    # h011 Online meeting Đồng Tháp - Victoria; relation "từ năm 2016" without instrument; MOU "trong thời gian tới";
    # programme with TP.HCM is domestic: no record.
    ("h011.txt", [], []),

    # h012 Cần Thơ University - Tamil Nadu Agricultural University (Coimbatore), MOU 27-2-2025.
    ("h012.txt",
     [A(["VN-CT", "IN-TN"], "MEMORANDUM", "SIGNED", "2025-02-27", None, ["AGRICULTURE", "EDUCATION", "SCIENCE_TECHNOLOGY"])],
     [V("IN-TN", "VN-CT", "Ramesh Krishnamurthy", "HAPPENED", "2025-02-27")]),

    # h013 Phú Thọ provincial hospital - Semmelweis University (Budapest), MOU handed over 18/11/2025.
    ("h013.txt",
     [A(["VN-68", "HU-BU"], "MEMORANDUM", "SIGNED", "2025-11-18", None, ["HEALTH", "EDUCATION", "SCIENCE_TECHNOLOGY"])],
     [V("HU-BU", "VN-68", "Horváth Bence", "HAPPENED", "2025-11-18")]),

    # h014 ITPC + HUBA (both TP.HCM, one party) - Milan chamber of commerce (Lombardia), MOU 6/12/2022;
    # HCMC delegation in Milan 3-11/12/2022.
    ("h014.txt",
     [A(["VN-SG", "IT-25"], "MEMORANDUM", "SIGNED", "2022-12-06", None, ["TRADE", "INVESTMENT", "INDUSTRY"])],
     [V("VN-SG", "IT-25", "Lê Thị Hồng Nhung", "HAPPENED", "2022-12-03", "2022-12-11")]),

    # h015 Lâm Đồng in New Zealand 15-21/11/2023: Auckland 16/11, Bay of Plenty 18/11 with letter of intent.
    ("h015.txt",
     [A(["VN-35", "NZ-BOP"], "LETTER_OF_INTENT", "SIGNED", "2023-11-18", None, ["AGRICULTURE", "EDUCATION", "TRADE"])],
     [V("VN-35", "NZ-AUK", "Đặng Trọng Khiêm", "HAPPENED", "2023-11-16"),
      V("VN-35", "NZ-BOP", "Đặng Trọng Khiêm", "HAPPENED", "2023-11-18")]),

    # h016 Mường Nhé (Điện Biên) - Mường Mày (Phông Sa Lỳ) twinning, 19/4, no year anywhere;
    # provincial agreement 2021-2025 named by period (past).
    ("h016.txt",
     [A(["VN-71", "LA-PH"], "FRIENDSHIP", "SIGNED", "XXXX-04-19", None,
        ["OTHER", "AGRICULTURE", "EDUCATION", "HEALTH", "CULTURE"]),
      A(["VN-71", "LA-PH"], "AGREEMENT", "PAST", None, "2021-2025")],
     [V("LA-PH", "VN-71", "Khăm Phăn Xay Nhạ Vông", "HAPPENED", "XXXX-04-19")]),

    # h017 Hải Phòng (post-merger) - Kaluga MOU 24/9/2025; 2019 MOU signed by Hải Dương (VN-61 then);
    # Hải Phòng chair will lead a delegation to Kaluga in 6/2026.
    ("h017.txt",
     [A(["VN-HP", "RU-KLU"], "MEMORANDUM", "SIGNED", "2025-09-24", None, ["INDUSTRY", "INVESTMENT", "EDUCATION", "TOURISM"]),
      A(["VN-61", "RU-KLU"], "MEMORANDUM", "PAST", "2019", None, ["AGRICULTURE", "EDUCATION"])],
     [V("RU-KLU", "VN-HP", "Andrey Loginov", "HAPPENED", "2025-09-24"),
      V("VN-HP", "RU-KLU", "Lê Minh Phúc", "PLANNED", "2026-06")]),

    # h018 Tây Ninh (post-merger) in Svay Rieng, "chiều hôm qua" with dateline Sat 27/12/2025 -> 26/12/2025;
    # Biên bản hội đàm for the year 2026.
    ("h018.txt",
     [A(["VN-37", "KH-20"], "MINUTES", "SIGNED", "2025-12-26", "2026", ["OTHER", "TRADE", "HEALTH", "EDUCATION", "CULTURE"])],
     [V("VN-37", "KH-20", "Trương Văn Lộc", "HAPPENED", "2025-12-26")]),

    # h019 Thüringen delegation in Hà Tĩnh 3/7/2024; agreement to be signed "vào tháng 11 tới" (2024-11)
    # during a Hà Tĩnh trip to Thüringen (no head named).
    ("h019.txt",
     [A(["VN-23", "DE-TH"], "AGREEMENT", "PLANNED", "2024-11", None, ["LABOUR", "EDUCATION"])],
     [V("DE-TH", "VN-23", "Katrin Vogelsang", "HAPPENED", "2024-07-03"),
      V("VN-23", "DE-TH", None, "PLANNED", "2024-11")]),

    # h020 Bắc Ninh (post-merger) at SelectUSA, Maryland 10-13/5/2026 (host = US), then Georgia 15/5 with MOU.
    ("h020.txt",
     [A(["VN-56", "US-GA"], "MEMORANDUM", "SIGNED", "2026-05-15", None,
        ["INVESTMENT", "INDUSTRY", "SCIENCE_TECHNOLOGY", "EDUCATION"])],
     [V("VN-56", "US", "Đào Quang Khải", "HAPPENED", "2026-05-10", "2026-05-13"),
      V("VN-56", "US-GA", "Đào Quang Khải", "HAPPENED", "2026-05-15")]),

    # h021 Thái Bình receives Pinar del Río 10/9/2024; friendship agreement aimed for "trong năm 2025".
    ("h021.txt",
     [A(["VN-20", "CU-01"], "FRIENDSHIP", "PLANNED", "2025", None, ["AGRICULTURE", "EDUCATION", "CULTURE"])],
     [V("CU-01", "VN-20", "Yoel Hernández Rivero", "HAPPENED", "2024-09-10")]),

    # h022 Tiền Giang in Belgium (Flanders 12-14/6/2023; MOU with Port of Antwerp-Bruges 12/6)
    # and France (Rungis, Val-de-Marne -> Île-de-France, 15-16/6).
    ("h022.txt",
     [A(["VN-46", "BE-VLG"], "MEMORANDUM", "SIGNED", "2023-06-12", None, ["TRADE", "TRANSPORT", "AGRICULTURE"])],
     [V("VN-46", "BE-VLG", "Huỳnh Thanh Phong", "HAPPENED", "2023-06-12", "2023-06-14"),
      V("VN-46", "FR-IDF", "Huỳnh Thanh Phong", "HAPPENED", "2023-06-15", "2023-06-16")]),

    # h023 Hà Nội People's Council in Czechia 2-6/10/2023: Prague 3/10 with MOU, Ústí nad Labem 5/10.
    ("h023.txt",
     [A(["VN-HN", "CZ-10"], "MEMORANDUM", "SIGNED", "2023-10-03", None, ["URBAN", "TRANSPORT", "CULTURE", "EDUCATION"])],
     [V("VN-HN", "CZ-10", "Nguyễn Thị Lan Phương", "HAPPENED", "2023-10-03"),
      V("VN-HN", "CZ-42", "Nguyễn Thị Lan Phương", "HAPPENED", "2023-10-05")]),

    # h024 An Giang (post-merger, Phú Quốc) - Saskatchewan Ministry of Agriculture MOU 21-10-2025.
    ("h024.txt",
     [A(["VN-44", "CA-SK"], "MEMORANDUM", "SIGNED", "2025-10-21", None,
        ["AGRICULTURE", "TRADE", "EDUCATION", "SCIENCE_TECHNOLOGY"])],
     [V("CA-SK", "VN-44", "Darren Holtby", "HAPPENED", "2025-10-21")]),

    # h025 Töv (Mongolia) in Sơn La "cuối tuần qua" (dateline Mon 15/6/2026 -> 2026-06);
    # agreement to be signed "vào đầu năm sau" -> 2027.
    ("h025.txt",
     [A(["VN-05", "MN-047"], "AGREEMENT", "PLANNED", "2027", None, ["AGRICULTURE", "TOURISM", "EDUCATION"])],
     [V("MN-047", "VN-05", "Batbayaryn Enkhtuvshin", "HAPPENED", "2026-06")]),
]


def main():
    out = [{"file": f, "agreements": a, "visits": v} for f, a, v in GOLD]
    with open(os.path.join(HERE, "gold.json"), "w", encoding="utf-8") as fh:
        fh.write(json.dumps(out, indent=1, ensure_ascii=False))
    na = sum(len(e["agreements"]) for e in out)
    nv = sum(len(e["visits"]) for e in out)
    print("wrote gold.json: %d files, %d agreements, %d visits" % (len(out), na, nv))


if __name__ == "__main__":
    main()
