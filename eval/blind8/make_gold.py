import json
def A(p, kind, status, date=None, term=None, fields=()):
    return {"parties": list(p), "kind": kind, "status": status, "date": date, "term": term, "fields": list(fields)}
def V(g, h, leader, status, start, end=None):
    return {"guest": g, "host": h, "leader": leader, "status": status, "start": start, "end": end}
G = {}
G["m001"] = ([A(["VN-13","CN-GX"],"MINUTES","SIGNED","2023-11-15",None,["TRADE","TOURISM","TRANSPORT"]),
              A(["VN-13","CN-GX"],"FRIENDSHIP","PAST","2012")],
             [V("CN-GX","VN-13","Lưu Kiến Bình","HAPPENED","2023-11-15")])
G["m002"] = ([A(["VN-DN","JP-14"],"MEMORANDUM","PAST","2019"),
              A(["VN-DN","JP-14"],"MEMORANDUM","SIGNED","2024-10-09","2024-2027",["HEALTH","EDUCATION","CULTURE","TOURISM","ENVIRONMENT"])],
             [V("VN-DN","JP-27","Phan Đình Khải","HAPPENED","2024-10-07"),
              V("VN-DN","JP-14","Phan Đình Khải","HAPPENED","2024-10-09")])
G["m003"] = ([A(["VN-CT","KR-48"],"FRIENDSHIP","SIGNED","2019-08-22",None,["EDUCATION","AGRICULTURE","TRADE","INVESTMENT","CULTURE","TOURISM"])],
             [V("KR-48","VN-CT","Jeon Hyun-woo","HAPPENED","2019-08-22")])
G["m004"] = ([A(["VN-02","CN-YN"],"MINUTES","SIGNED","2025-10-14"),
              A(["VN-02","CN-YN"],"MEMORANDUM","SIGNED","2025-10-15",None,["TRADE","TRANSPORT","SCIENCE_TECHNOLOGY"])],
             [V("VN-02","CN-YN","Hoàng Minh Khôi","HAPPENED","2025-10-14","2025-10-15"),
              V("CN-YN","VN-02","Trương Hải Phong","PLANNED","2025-12")])
G["m005"] = ([A(["VN-56","KR-47"],"MEMORANDUM","SIGNED","2025-08-21",None,["TRADE","INVESTMENT","INDUSTRY"])],
             [V("KR-47","VN-56","Kim Dong-soo","HAPPENED","2025-08-21")])
G["m006"] = ([A(["VN-69","HU-PE"],"MEMORANDUM","SIGNED","2024-05-20",None,["EDUCATION","AGRICULTURE","SCIENCE_TECHNOLOGY"])],
             [V("VN-69","HU-PE","Đỗ Quang Lợi","HAPPENED","2024-05-20"),
              V("VN-69","HU-HB","Đỗ Quang Lợi","HAPPENED","2024-05-22")])
G["m007"] = ([A(["VN-34","RU-PRI"],"AGREEMENT","PAST","2017"),
              A(["VN-34","RU-PRI"],"MEMORANDUM","PLANNED","2025-03",None,["TOURISM","TRANSPORT","EDUCATION"])],
             [V("RU-PRI","VN-34","Alexei Sorokin","HAPPENED","2024-09-24"),
              V("VN-34","RU-PRI","Lê Quang Vinh","PLANNED","2025-03")])
G["m008"] = ([A(["VN-35","FR-ARA"],"AGREEMENT","PAST",None,"2018-2021",["AGRICULTURE","TOURISM","EDUCATION"]),
              A(["VN-35","FR-ARA"],"MEMORANDUM","PAST","2022",None,["CULTURE","URBAN"]),
              A(["VN-35","TH-50"],"FRIENDSHIP","PAST","2016"),
              A(["VN-35","KR-42"],"MEMORANDUM","PLANNED","2024-11",None,["AGRICULTURE","TOURISM","EDUCATION"])],
             [V("FR-ARA","VN-35","Jean-Luc Marchand","HAPPENED","2023-06"),
              V("KR-42","VN-35",None,"PLANNED","2024-11")])
G["m009"] = ([], [])
G["m010"] = ([A(["VN-HN","LA-VT"],"OTHER","SIGNED","2026-03-18","2026-2030",["URBAN","EDUCATION","HEALTH","CULTURE","TRANSPORT"]),
              A(["VN-HN","LA-VT"],"AGREEMENT","PAST",None,"2021-2025")],
             [V("VN-HN","LA-VT","Đinh Văn Hoàn","HAPPENED","2026-03-17","2026-03-19")])
G["m011"] = ([A(["VN-SG","KR-26"],"MEMORANDUM","SIGNED","2024-10-17",None,["SCIENCE_TECHNOLOGY","URBAN"]),
              A(["VN-SG","MN-1"],"AGREEMENT","SIGNED","2024-10-17",None,["TOURISM","TRADE","EDUCATION"])],
             [V("JP-27","VN-SG","Yamamoto Kenji","HAPPENED","2024-10-17"),
              V("KR-26","VN-SG","Lee Jae-won","HAPPENED","2024-10-17"),
              V("AU-VIC","VN-SG","Daniel Whitfield","HAPPENED","2024-10-17"),
              V("MN-1","VN-SG","Batbayar Ganzorig","HAPPENED","2024-10-17")])
G["m012"] = ([A(["VN-37","KH-20"],"MEMORANDUM","SIGNED","2025-10-13","2026-2030",["TRADE","INVESTMENT","AGRICULTURE","HEALTH","EDUCATION","TRANSPORT"]),
              A(["VN-41","KH-20"],"AGREEMENT","PAST","2019"),
              A(["VN-37","KH-20"],"MEMORANDUM","PAST","2021")],
             [V("VN-37","KH-20","Nguyễn Hữu Phước","HAPPENED","2025-10-13")])
G["m013"] = ([A(["VN-39","CZ-64"],"LETTER_OF_INTENT","SIGNED","2024-06-13",None,["INDUSTRY","INVESTMENT","EDUCATION"])],
             [V("VN-39","DE-BY","Trịnh Hoài Nam","HAPPENED","2024-06-10"),
              V("VN-39","CZ-64","Trịnh Hoài Nam","HAPPENED","2024-06-13")])
G["m014"] = ([A(["VN-31","US-HI"],"FRIENDSHIP","SIGNED","2023-04-18",None,["TOURISM","EDUCATION","AGRICULTURE","ENVIRONMENT"])],
             [V("VN-31","US-HI","Nguyễn Tự Lập","HAPPENED","2023-04-18"),
              V("US-HI","VN-31","Sylvia Kealoha","HAPPENED","2022-08")])
G["m015"] = ([A(["VN-23","LA-BL"],"AGREEMENT","SIGNED","2025-12-19","2026",["EDUCATION","HEALTH","AGRICULTURE","TRADE"]),
              A(["VN-23","LA-KH"],"AGREEMENT","SIGNED","2025-12-19","2026",["EDUCATION","HEALTH","AGRICULTURE","TRADE"])],
             [V("LA-BL","VN-23","Khamsing Vongphachanh","HAPPENED","2025-12-19"),
              V("LA-KH","VN-23","Soulivanh Inthavong","HAPPENED","2025-12-19")])
G["m016"] = ([A(["VN-26","IT-52"],"MEMORANDUM","SIGNED","2023-11-14",None,["CULTURE","EDUCATION","SCIENCE_TECHNOLOGY"])],
             [V("IT-52","VN-26","Marco Bellini","HAPPENED","2023-11-14")])
G["m017"] = ([A(["VN-27","NL-ZH"],"AGREEMENT","SIGNED","2022-09-05",None,["URBAN","ENVIRONMENT","CULTURE"]),
              A(["VN-27","BE-VLG"],"MEMORANDUM","PLANNED","2023-03",None,["TOURISM"])],
             [V("VN-27","NL-ZH","Nguyễn Văn Lành","HAPPENED","2022-09-05"),
              V("VN-27","BE-VLG","Nguyễn Văn Lành","HAPPENED","2022-09-07"),
              V("BE-VLG","VN-27",None,"PLANNED","2023-03")])
G["m018"] = ([A(["VN-04","CN-GX"],"MINUTES","SIGNED","XXXX-03-19",None,["TOURISM","TRADE","ENVIRONMENT"])],
             [V("CN-GX","VN-04","Hoàng Vĩnh Cường","HAPPENED","XXXX-03-19")])
G["m019"] = ([], [])
G["m020"] = ([A(["VN-18","PL-12"],"AGREEMENT","SIGNED","2026-04-16",None,["TOURISM","CULTURE","EDUCATION"]),
              A(["VN-18","PL-12"],"LETTER_OF_INTENT","PAST","2024")],
             [V("PL-12","VN-18","Tomasz Wierzbicki","HAPPENED","2026-04-16")])
MF = ["AGRICULTURE","HEALTH","EDUCATION","CULTURE"]
G["m021"] = ([A(["VN-50","CU-06"],"FRIENDSHIP","PAST","2004"),
              A(["VN-50","CU-06"],"MEMORANDUM","PAST","2010",None,MF),
              A(["VN-50","CU-06"],"MEMORANDUM","PAST","2015",None,MF),
              A(["VN-50","CU-06"],"MEMORANDUM","PAST","2019",None,MF),
              A(["VN-50","CU-06"],"MEMORANDUM","PLANNED","2024-12","2025-2030",["AGRICULTURE","HEALTH"])],
             [V("CU-06","VN-50","Marta Rodríguez Pérez","HAPPENED","2019-05"),
              V("VN-50","CU-06","Trần Minh Đức","PLANNED","2024-12")])
G["m022"] = ([], [V("IN-KL","VN-33","Rajesh Menon","HAPPENED","2025-11-11"),
                  V("IN-KA","VN-33","Lakshmi Hegde","HAPPENED","2025-11-11")])
G["m023"] = ([A(["VN-66","CA-SK"],"MEMORANDUM","SIGNED","2026-05-06",None,["AGRICULTURE","SCIENCE_TECHNOLOGY","TRADE"])],
             [V("CA-SK","VN-66","Brian Kowalchuk","HAPPENED","2026-05-06")])
G["m024"] = ([A(["VN-25","FI-14"],"MEMORANDUM","SIGNED","2025-09-23",None,["EDUCATION","SCIENCE_TECHNOLOGY","HEALTH"]),
              A(["VN-24","FI-14"],"LETTER_OF_INTENT","PAST","2019",None,["EDUCATION"])],
             [V("VN-25","FI","Hồ Xuân Thịnh","HAPPENED","2025-09-23"),
              V("VN-25","FI-06","Hồ Xuân Thịnh","HAPPENED","2025-09-24")])
G["m025"] = ([A(["VN-30","NZ-WKO"],"AGREEMENT","PLANNED","2026-11",None,["AGRICULTURE","EDUCATION"])],
             [V("NZ-WKO","VN-30","Hana Whitmore","HAPPENED","2026-08-06","2026-08-07"),
              V("VN-30","NZ-WKO",None,"PLANNED","2026-11")])
out = [{"file": k + ".txt", "agreements": a, "visits": v} for k, (a, v) in sorted(G.items())]
json.dump(out, open("/work/blind8/gold.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
open("/work/blind8/gold.json", "a").write("\n")
print(len(out), sum(len(x["agreements"]) for x in out), sum(len(x["visits"]) for x in out))
