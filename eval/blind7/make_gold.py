#!/usr/bin/env python3
"""Write gold.json for the blind7 set (articles/k001.txt ... k025.txt).

All records live in GOLD below, one block per article, annotated by
/work/shared/eval/GUIDELINES.md. Format is the dev gold format:
  {"file", "agreements": [{"parties", "kind", "status", "date", "term", "fields"}],
   "visits": [{"guest", "host", "leader", "status", "start", "end"}]}
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


S, P, PL, H = "SIGNED", "PAST", "PLANNED", "HAPPENED"

GOLD = [
    # k001 Báo Nghệ An 18/09/2024: Nghệ An - Khăm Muộn sign a 2024-2029 agreement on 17/9;
    # the 2019 MOU is PAST; delegation in Nghệ An 16-18/9.
    ("k001.txt", [
        A(["VN-22", "LA-KH"], "AGREEMENT", S, "2024-09-17", "2024-2029",
          ["AGRICULTURE", "EDUCATION", "HEALTH", "TRADE", "INVESTMENT", "TOURISM", "TRANSPORT"]),
        A(["VN-22", "LA-KH"], "MEMORANDUM", P, "2019"),
    ], [
        V("LA-KH", "VN-22", "Bua-khăm Xay-nha-sắc", H, "2024-09-16", "2024-09-18"),
    ]),
    # k002 Báo Quảng Trị 12/03/2025: reception of Mukdahan on 11/3; 2016 friendship MOU;
    # Quảng Trị chair will lead a delegation to Mukdahan "vào tháng 5 tới".
    ("k002.txt", [
        A(["VN-25", "TH-49"], "FRIENDSHIP", P, "2016"),
    ], [
        V("TH-49", "VN-25", "Chaiwat Srisombat", H, "2025-03-11"),
        V("VN-25", "TH-49", "Lê Đình Khôi", PL, "2025-05"),
    ]),
    # k003 Báo Hà Tĩnh 25-10-2023: trip to Japan 16-23/10, one visit per stop
    # (Gifu 18/10 with MOU, Shizuoka 20/10, Osaka 22/10).
    ("k003.txt", [
        A(["VN-23", "JP-21"], "MEMORANDUM", S, "2023-10-18", None,
          ["LABOUR", "EDUCATION", "AGRICULTURE"]),
    ], [
        V("VN-23", "JP-21", "Trần Đức Lượng", H, "2023-10-18"),
        V("VN-23", "JP-22", "Trần Đức Lượng", H, "2023-10-20"),
        V("VN-23", "JP-27", "Trần Đức Lượng", H, "2023-10-22"),
    ]),
    # k004 Báo Gia Lai 15/08/2026 (merged Gia Lai = VN-30): Ratanakiri delegation 13-15/8;
    # commune Ia O - district O Yadav minutes 14/8; MOU 2026-2030 planned for 12/2026 during
    # a Gia Lai visit to Ratanakiri led by the chair.
    ("k004.txt", [
        A(["VN-30", "KH-16"], "MINUTES", S, "2026-08-14", None, ["OTHER"]),
        A(["VN-30", "KH-16"], "MEMORANDUM", PL, "2026-12", "2026-2030",
          ["AGRICULTURE", "HEALTH", "EDUCATION", "TRADE"]),
    ], [
        V("KH-16", "VN-30", "Mok Sovannara", H, "2026-08-13", "2026-08-15"),
        V("VN-30", "KH-16", "Đinh Văn Thạch", PL, "2026-12"),
    ]),
    # k005 Báo Long An 20/12/2024: retrospective. MOUs 2012, 2015; agreement 2016-2020 (no date);
    # 5/3/2023 trip + agreement 2023-2027; Prey Veng plan 2021-2025 signed 2021;
    # Svay Rieng governor planned to come early 1/2025.
    ("k005.txt", [
        A(["VN-41", "KH-20"], "MEMORANDUM", P, "2012", None, ["OTHER", "TRADE"]),
        A(["VN-41", "KH-20"], "MEMORANDUM", P, "2015", None, ["TRADE"]),
        A(["VN-41", "KH-20"], "AGREEMENT", P, None, "2016-2020", ["HEALTH", "EDUCATION", "AGRICULTURE"]),
        A(["VN-41", "KH-20"], "AGREEMENT", P, "2023-03-05", "2023-2027",
          ["SCIENCE_TECHNOLOGY", "TRANSPORT", "ECONOMY"]),
        A(["VN-41", "KH-14"], "OTHER", P, "2021", "2021-2025", ["AGRICULTURE", "HEALTH", "LABOUR"]),
    ], [
        V("VN-41", "KH-20", "Huỳnh Tấn Lộc", H, "2023-03-05"),
        V("KH-20", "VN-41", "Chhun Vireak", PL, "2025-01"),
    ]),
    # k006 Thanh Niên 14/06/2024: Việt-Pháp forum in Huế 12-13/6. Programme 2024-2027 and a
    # university MOU (Huế Medicine - Tours), both Thừa Thiên Huế x Centre-Val de Loire, 12/6.
    # French delegations that the text says took part: CVL, NAQ, Toulouse (OCC), Val-de-Marne (IDF).
    ("k006.txt", [
        A(["VN-26", "FR-CVL"], "OTHER", S, "2024-06-12", "2024-2027",
          ["CULTURE", "TOURISM", "URBAN", "EDUCATION"]),
        A(["VN-26", "FR-CVL"], "MEMORANDUM", S, "2024-06-12", None, ["HEALTH", "EDUCATION"]),
    ], [
        V("FR-CVL", "VN-26", "François Lemaire", H, "2024-06-12", "2024-06-13"),
        V("FR-NAQ", "VN-26", "Claire Duval", H, "2024-06-12", "2024-06-13"),
        V("FR-OCC", "VN-26", None, H, "2024-06-12", "2024-06-13"),
        V("FR-IDF", "VN-26", None, H, "2024-06-12", "2024-06-13"),
    ]),
    # k007 Báo Bình Dương 05/03/2023: on 4-3-2023 Bình Dương signs three instruments:
    # Leuven (BE-VLG) MOU, Wrocław (PL-02) friendship, Plovdiv (BG-16) agreement.
    # Eindhoven "từ năm 2016" has no instrument -> nothing.
    ("k007.txt", [
        A(["VN-57", "BE-VLG"], "MEMORANDUM", S, "2023-03-04", None,
          ["SCIENCE_TECHNOLOGY", "URBAN", "EDUCATION"]),
        A(["VN-57", "PL-02"], "FRIENDSHIP", S, "2023-03-04", None, ["CULTURE", "EDUCATION", "ECONOMY"]),
        A(["VN-57", "BG-16"], "AGREEMENT", S, "2023-03-04", None, ["AGRICULTURE", "TRADE", "TOURISM"]),
    ], [
        V("BE-VLG", "VN-57", "Koen Vandenberghe", H, "2023-03-04"),
        V("PL-02", "VN-57", "Agnieszka Nowicka", H, "2023-03-04"),
        V("BG-16", "VN-57", "Stoyan Petkov", H, "2023-03-04"),
    ]),
    # k008 Báo Cao Bằng Mon 15/12/2025: "cuối tuần qua" (13-14/12) in Nanning. Four provinces
    # (Tuyên Quang after merger = VN-07) + Guangxi sign one set of minutes; Cao Bằng - Sùng Tả MOU.
    ("k008.txt", [
        A(["VN-13", "VN-09", "VN-04", "VN-07", "CN-GX"], "MINUTES", S, "2025-12", None,
          ["TRADE", "TRANSPORT", "TOURISM"]),
        A(["VN-04", "CN-GX"], "MEMORANDUM", S, "2025-12", None, ["TOURISM"]),
    ], [
        V("VN-13", "CN-GX", "Ngô Hoài Sơn", H, "2025-12"),
        V("VN-09", "CN-GX", "Hoàng Minh Tuệ", H, "2025-12"),
        V("VN-04", "CN-GX", "Nông Thanh Lịch", H, "2025-12"),
        V("VN-07", "CN-GX", "Triệu Đức Khang", H, "2025-12"),
    ]),
    # k009 Báo Cần Thơ 17/11/2022: Can Tho University MOUs 16/11 with Hohenheim (DE-BW),
    # Wageningen (NL-GE), Reading (GB-ENG, signed online -> no Reading visit).
    ("k009.txt", [
        A(["VN-CT", "DE-BW"], "MEMORANDUM", S, "2022-11-16", None,
          ["EDUCATION", "SCIENCE_TECHNOLOGY", "AGRICULTURE"]),
        A(["VN-CT", "NL-GE"], "MEMORANDUM", S, "2022-11-16", None,
          ["AGRICULTURE", "ENVIRONMENT", "EDUCATION"]),
        A(["VN-CT", "GB-ENG"], "MEMORANDUM", S, "2022-11-16", None, ["EDUCATION", "ENVIRONMENT"]),
    ], [
        V("DE-BW", "VN-CT", "Matthias Keller", H, "2022-11-16"),
        V("NL-GE", "VN-CT", "Pieter van Dijk", H, "2022-11-16"),
    ]),
    # k010 Báo Bắc Ninh 27/06/2023: Gumi (KR-47) mayor received 26/6, letter of intent signed;
    # friendship agreement to be signed "trong năm 2024".
    ("k010.txt", [
        A(["VN-56", "KR-47"], "LETTER_OF_INTENT", S, "2023-06-26", None,
          ["INDUSTRY", "INVESTMENT", "EDUCATION", "LABOUR"]),
        A(["VN-56", "KR-47"], "FRIENDSHIP", PL, "2024"),
    ], [
        V("KR-47", "VN-56", "Lee Dong-hwan", H, "2023-06-26"),
    ]),
    # k011 Báo BR-VT 10/09/2021: online MOU with Louisiana 9/9 (no visit); Louisiana business
    # delegation came "đầu năm 2020"; lieutenant governor to lead a delegation in Q2/2022.
    ("k011.txt", [
        A(["VN-43", "US-LA"], "MEMORANDUM", S, "2021-09-09", None,
          ["TRANSPORT", "INDUSTRY", "EDUCATION", "ENVIRONMENT"]),
    ], [
        V("US-LA", "VN-43", None, H, "2020"),
        V("US-LA", "VN-43", "Robert Thibodeaux", PL, "2022"),
    ]),
    # k012 Báo Hà Giang Fri 19/04/2019: "Chiều qua" = 18/4. Malipo county (Văn Sơn, Yunnan) visit;
    # Vị Xuyên - Malipo minutes signed; 2017 MOU between the two districts.
    ("k012.txt", [
        A(["VN-03", "CN-YN"], "MINUTES", S, "2019-04-18", None, ["TRADE", "TRANSPORT", "HEALTH", "CULTURE"]),
        A(["VN-03", "CN-YN"], "MEMORANDUM", P, "2017", None, ["TRADE"]),
    ], [
        V("CN-YN", "VN-03", "Dương Chí Quân", H, "2019-04-18"),
    ]),
    # k013 Báo Lâm Đồng 08/03/2024: online conference with Karnataka; only wishes -> no record.
    ("k013.txt", [], []),
    # k014 VOV 22/10/2024: Deputy PM receives a Mongolian minister; ministry-level MOU -> out of scope.
    ("k014.txt", [], []),
    # k015 Báo Điện Biên Phủ 04/03/2024: Mường Nhé (Điện Biên) in Nhọt U (Phông Xa Lỳ) 28/2-3/3,
    # twinning MOU signed 1/3; a Bunpimay 2023 greeting trip (no leader named).
    ("k015.txt", [
        A(["VN-71", "LA-PH"], "FRIENDSHIP", S, "2024-03-01", None,
          ["OTHER", "EDUCATION", "HEALTH", "AGRICULTURE", "CULTURE"]),
    ], [
        V("VN-71", "LA-PH", "Giàng A Chớ", H, "2024-02-28", "2024-03-03"),
        V("VN-71", "LA-PH", None, H, "2023"),
    ]),
    # k016 Báo Thái Nguyên 07/10/2024: Korea trip 2-6/10: Chungnam 3/10 (letter of intent on
    # establishing friendship = FRIENDSHIP), Samsung in Suwon 4/10, KBIZ in Seoul 5/10;
    # formal friendship agreement planned 4/2025 when the Chungnam governor visits.
    ("k016.txt", [
        A(["VN-69", "KR-44"], "FRIENDSHIP", S, "2024-10-03"),
        A(["VN-69", "KR-44"], "FRIENDSHIP", PL, "2025-04"),
    ], [
        V("VN-69", "KR-44", "Hà Thế Vinh", H, "2024-10-03"),
        V("VN-69", "KR-41", "Hà Thế Vinh", H, "2024-10-04"),
        V("VN-69", "KR-11", "Hà Thế Vinh", H, "2024-10-05"),
        V("KR-44", "VN-69", "Seo Jae-hoon", PL, "2025-04"),
    ]),
    # k017 Vietnam+ 07/10/2025: ANUGA Cologne 4-8/10. Delegations of Đồng Tháp (VN-45),
    # Vĩnh Long (VN-49), An Giang (VN-44, no leader); Đồng Tháp promotion centre - IHK Köln MOU 6/10.
    ("k017.txt", [
        A(["VN-45", "DE-NW"], "MEMORANDUM", S, "2025-10-06", None, ["TRADE", "INVESTMENT", "AGRICULTURE"]),
    ], [
        V("VN-45", "DE-NW", "Lâm Văn Tới", H, "2025-10-04", "2025-10-08"),
        V("VN-49", "DE-NW", "Trần Thị Ngọc Bích", H, "2025-10-04", "2025-10-08"),
        V("VN-44", "DE-NW", None, H, "2025-10-04", "2025-10-08"),
    ]),
    # k018 Báo Đồng Khởi 21/11/2022: Bến Tre in Cuba 13-19/11. 14/11 in La Habana with Cienfuegos
    # (third place -> host CU), MOU 2022-2025; 16/11 Matanzas.
    ("k018.txt", [
        A(["VN-50", "CU-06"], "MEMORANDUM", S, "2022-11-14", "2022-2025", ["AGRICULTURE", "HEALTH"]),
    ], [
        V("VN-50", "CU", "Phan Văn Lực", H, "2022-11-14"),
        V("VN-50", "CU-04", "Phan Văn Lực", H, "2022-11-16"),
    ]),
    # k019 Báo Quảng Bình 21/09/2023: Cairns (AU-QLD) mayor received 20/9; Waikato (NZ-WKO)
    # received 18/9; Quảng Bình to visit Queensland "tháng 11 tới" and sign a MOU then;
    # Cairns travel businesses to come "đầu năm sau" (2024).
    ("k019.txt", [
        A(["VN-24", "AU-QLD"], "MEMORANDUM", PL, "2023-11", None, ["TOURISM", "EDUCATION"]),
    ], [
        V("AU-QLD", "VN-24", "Andrew McPherson", H, "2023-09-20"),
        V("NZ-WKO", "VN-24", "Sarah Whitfield", H, "2023-09-18"),
        V("VN-24", "AU-QLD", "Võ Minh Khương", PL, "2023-11"),
        V("AU-QLD", "VN-24", None, PL, "2024"),
    ]),
    # k020 Báo Quảng Ngãi, dateline "26/11" with no year: Lý Sơn (VN-29) - Yakushima town
    # (Kagoshima, JP-46) friendship agreement 25/11; delegation 24-26/11.
    ("k020.txt", [
        A(["VN-29", "JP-46"], "FRIENDSHIP", S, "XXXX-11-25", None,
          ["TOURISM", "ENVIRONMENT", "CULTURE", "EDUCATION"]),
    ], [
        V("JP-46", "VN-29", "Mát-xư-mô-tô Tát-xư-ya", H, "XXXX-11-24", "XXXX-11-26"),
    ]),
    # k021 Báo Quốc tế 26/9/2024: conference in Hà Nội 25/9 (third place for all pairs -> host VN).
    # Ninh Bình-Bács-Kiskun agreement 2024-2029; Hải Dương-Olomouc MOU; Thái Bình-Žilina MOU;
    # Bács-Kiskun to visit Ninh Bình 26-27/9.
    ("k021.txt", [
        A(["VN-18", "HU-BK"], "AGREEMENT", S, "2024-09-25", "2024-2029",
          ["AGRICULTURE", "TOURISM", "EDUCATION"]),
        A(["VN-61", "CZ-71"], "MEMORANDUM", S, "2024-09-25", None, ["INDUSTRY", "EDUCATION"]),
        A(["VN-20", "SK-ZI"], "MEMORANDUM", S, "2024-09-25", None, ["INDUSTRY", "PEOPLE_EXCHANGE"]),
    ], [
        V("HU-BK", "VN", "Lajos Fekete", H, "2024-09-25"),
        V("CZ-71", "VN", "Tomáš Novotný", H, "2024-09-25"),
        V("SK-ZI", "VN", "Jana Hrušková", H, "2024-09-25"),
        V("HU-BK", "VN-18", "Lajos Fekete", PL, "2024-09-26", "2024-09-27"),
    ]),
    # k022 Báo Phú Thọ 16/5/2026 (merged Phú Thọ = VN-68): Mogilev 9-11/5, programme 2026-2028
    # and a university MOU on 10/5; the 2018 friendship agreement was signed by old Vĩnh Phúc
    # (VN-70, map at the time); Almaty city (KZ-ALA) 13/5.
    ("k022.txt", [
        A(["VN-70", "BY-MA"], "FRIENDSHIP", P, "2018"),
        A(["VN-68", "BY-MA"], "OTHER", S, "2026-05-10", "2026-2028",
          ["INDUSTRY", "AGRICULTURE", "EDUCATION", "TOURISM"]),
        A(["VN-68", "BY-MA"], "MEMORANDUM", S, "2026-05-10", None, ["EDUCATION"]),
    ], [
        V("VN-68", "BY-MA", "Chu Đức Nghiêm", H, "2026-05-09", "2026-05-11"),
        V("VN-68", "KZ-ALA", "Chu Đức Nghiêm", H, "2026-05-13"),
    ]),
    # k023 Hà Nội Mới 15-7-2025: Moscow City Duma received 15/7; 2022 programme 2023-2025 (PAST);
    # programme 2026-2028 to be signed "trong quý IV năm nay" during a Hà Nội visit to Moscow.
    ("k023.txt", [
        A(["VN-HN", "RU-MOW"], "OTHER", P, "2022", "2023-2025", ["TRANSPORT", "EDUCATION", "HEALTH", "CULTURE"]),
        A(["VN-HN", "RU-MOW"], "OTHER", PL, "2025", "2026-2028",
          ["TRANSPORT", "SCIENCE_TECHNOLOGY", "HEALTH", "EDUCATION", "TOURISM"]),
    ], [
        V("RU-MOW", "VN-HN", "Dmitry Orlovsky", H, "2025-07-15"),
        V("VN-HN", "RU-MOW", None, PL, "2025"),
    ]),
    # k024 Tuổi Trẻ 19/04/2024: ASEAN smart-city conference in Đà Nẵng 18/4. Surabaya (East Java ->
    # ISO first level ID-JW), Iloilo (PH-06), Penang (MY-07), Yangon (MM-06, no named official);
    # Đà Nẵng - Iloilo MOU.
    ("k024.txt", [
        A(["VN-DN", "PH-06"], "MEMORANDUM", S, "2024-04-18", None,
          ["URBAN", "SCIENCE_TECHNOLOGY", "TOURISM", "EDUCATION"]),
    ], [
        V("ID-JW", "VN-DN", "Bambang Wirawan", H, "2024-04-18"),
        V("PH-06", "VN-DN", "Maria Theresa Villanueva", H, "2024-04-18"),
        V("MY-07", "VN-DN", "Lim Wei Keat", H, "2024-04-18"),
        V("MM-06", "VN-DN", None, H, "2024-04-18"),
    ]),
    # k025 Báo Quảng Ninh 21/10/2026: provincial hospital - Padova university hospital (IT-34) MOU
    # 20/10, team in Quảng Ninh 19-23/10; Clínic Barcelona (ES-CT) doctor came 6/2026, agreement
    # planned for 1/2027.
    ("k025.txt", [
        A(["VN-13", "IT-34"], "MEMORANDUM", S, "2026-10-20", None,
          ["HEALTH", "EDUCATION", "SCIENCE_TECHNOLOGY"]),
        A(["VN-13", "ES-CT"], "AGREEMENT", PL, "2027-01", None, ["HEALTH", "EDUCATION", "SCIENCE_TECHNOLOGY"]),
    ], [
        V("IT-34", "VN-13", "Alessandro Ferri", H, "2026-10-19", "2026-10-23"),
        V("ES-CT", "VN-13", "Javier Morales Ruiz", H, "2026-06"),
    ]),
]


def main():
    out = [{"file": f, "agreements": a, "visits": v} for f, a, v in GOLD]
    with open(os.path.join(HERE, "gold.json"), "w", encoding="utf-8") as fh:
        json.dump(out, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    na = sum(len(e["agreements"]) for e in out)
    nv = sum(len(e["visits"]) for e in out)
    print("wrote gold.json: %d files, %d agreements, %d visits" % (len(out), na, nv))


if __name__ == "__main__":
    main()
