#!/usr/bin/env python3
"""Build eval/resolution/articles/*.txt and sources.tsv from the excerpts in raw/*.jsonl.
Edits are limited to: dropping leading site furniture (menus, banners, section labels, a share
widget) given verbatim below, and prepending a headline line (the page's own headline where the
excerpt shows it after a date line/marker; else one rebuilt from the URL slug, flagged)."""
import glob, json, os, sys
RAW = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(RAW, '..')
raw = {}
for f in sorted(glob.glob(os.path.join(RAW, 'part*.jsonl'))):
    for line in open(f, encoding='utf-8'):
        d = json.loads(line); raw[d['key']] = d

# key: (file, outlet, drop_prefix, remove_inner, headline_to_prepend, flags, summary)
SPEC = {
 'p01': ('p01-vietnamvn.txt', 'archive.vietnam.vn (Vietnam.vn archive)',
         'Trang chủChính trịNgoại giaoHà Nội - Fukuoka: hợp tác chiến lược vì tương lai xanh...\n\n', None, None, 'noise',
         'Hanoi PC vice-chair Nguyen Manh Quyen receives the Fukuoka prefectural assembly delegation led by its chair Kohara Katsuji on 3/3/2025; repeated caption; cut off before the year of an MOU.'),
 'p02': ('p02-dbndhanoi.txt', 'dbndhanoi.gov.vn (Hanoi NA delegation and People\'s Council portal)',
         '', None, 'Chủ tịch HĐND Thành phố Nguyễn Ngọc Tuấn tiếp đoàn', 'headline-from-slug',
         'Hanoi People\'s Council chair Nguyen Ngoc Tuan receives a Fukuoka delegation (assembly chair Kohara Katsuji named) on 22/01/2024; MOUs announced for the visit without parties or number.'),
 'p03': ('p03-kinhtedothi.txt', 'kinhtedothi.vn',
         'Việt Nam vươn mình trong kỷ nguyên mới\nLogo\nĐăng ký ấn phẩm|Đăng nhập\n\n', None, None, 'noise',
         'Fukuoka governor Hiroshi Ogawa\'s high-level delegation is welcomed in Hanoi on 27/8 (2013, "Những ngày Fukuoka tại Hà Nội – Việt Nam năm 2013") and signs an MOU on strengthening friendship and cooperation; "5 năm ký kết hợp tác hữu nghị (2009 - 2013)"; lead paragraph and caption repeated.'),
 'p04': ('p04-kinhtedothi.txt', 'kinhtedothi.vn',
         'Việt Nam vươn mình trong kỷ nguyên mới\nLogo\nĐăng ký ấn phẩm|Đăng nhập\n\n', None, None, '',
         'Hanoi PC chairman Nguyen Duc Chung receives the Fukuoka delegation led by assembly chair Akira Higuchi on 29/1 (2018, "10 năm ... (2008 - 2018)").'),
 'p05': ('p05-baoquocte.txt', 'baoquocte.vn (Thế giới & Việt Nam)',
         '', None, None, 'noise',
         'Deputy PM Tran Luu Quang receives Fukuoka governor Hattori Seitaro, on a working visit to Vietnam, at the government office on 23/1 (2024: the Deputy PM recalls his trip "tháng 11/2023"); follow widget and repeated caption.'),
 'p06': ('p06-vnexpress.txt', 'vnexpress.net',
         '', None, 'Thanh Hóa hợp tác toàn diện với Houaphanh', 'headline-from-slug,noise',
         'In Vientiane on 1/12/2025, witnessed by the two general secretaries, Thanh Hoa and Houaphanh (Laos) leaders hand over ("trao") their 2026-2030 cooperation agreement; leading date marker with section label run into the lead.'),
 'p07': ('p07-thoidai.txt', 'thoidai.com.vn',
         '', None, None, 'noise',
         'Contents of the Thanh Hoa - Houaphanh 2026-2030 cooperation agreement and the signing ceremony speech of party secretary Nguyen Doan Anh; no date or place in the excerpt; image markup.'),
 'p08': ('p08-baothanhhoa.txt', 'baothanhhoa.vn',
         '', None, None, '',
         'Thanh Hoa and Houaphanh (party secretary-governor Kham Pheng Xay Som Pheng) hold talks and sign their 2025 cooperation agreement at the Thanh Hoa party committee on 14/5 (2025).'),
 'p09': ('p09-baodantoc.txt', 'baodantoc.vn',
         'Analytic\nThứ Sáu, ngày 23 tháng 08 năm 2019, 09:25:27\n  •  \n\n', None, None, 'noise',
         'Same 14/5/2025 talks and signing of the Thanh Hoa - Houaphanh 2025 cooperation agreement at the Thanh Hoa party committee (byline 15/05/2025); repeated captions; stale site clock dropped.'),
 'p10': ('p10-giadinhonline.txt', 'giadinhonline.vn',
         'Thứ hai, 16/06/2025 13:00     |   Tiêu dùng     |   Nhịp sống miền Tây     |   Phụ nữ Sức khoẻ\n|\nHà nội 21*C/61%\n', None,
         'Tỉnh Nghệ An hợp tác Viêng Chăn trong nhiều lĩnh vực', '',
         'Nghe An and Vientiane Capital hold talks in Vinh on 12/5/2025 and sign a 2025-2028 cooperation agreement; the two People\'s Councils sign their own 2025-2028 agreement.'),
 'p11': ('p11-thoidai.txt', 'thoidai.com.vn',
         'Trang chủ Hữu nghị Bốn phương kết bạn\n', None, 'Tăng cường quan hệ hợp tác giữa tỉnh Bình Phước và Champasak (Lào)', 'noise',
         'Binh Phuoc receives a Champasak (Laos) high-level delegation on 22/8/2022 and the two sign a 2022-2026 cooperation MOU; two inline related-news items (Son La - Xaisomboun, Quang Binh - Khammouane courts) yield no record.'),
 'p12': ('p12-baoxaydung.txt', 'baoxaydung.com.vn (Báo Xây dựng)',
         'Thứ sáu 20/09/2024 13:30 24h qua English RSS\nHotline: 094 540 6866\nTrang chủ / Kinh tế /\n\n', None, None, 'noise',
         'Quang Ninh and Hokkaido (Japan) hold talks and sign a socio-economic cooperation agreement during the 2023 Hokkaido Festival in Ha Long (dateline 17/11/2023); repeated headline as caption.'),
 'p13': ('p13-biengioilanhtho.txt', 'biengioilanhtho.gov.vn',
         '', None, None, '',
         'High-level talks of the delegations of Quang Tri, Salavan and Savannakhet (Laos) in Dong Ha on 27/12/2022 review the 2020-2022 high-level agreement and agree on 2023-2025 cooperation; the excerpt stops before any signing.'),
 'p14': ('p14-sggp.txt', 'sggp.org.vn',
         '', None, 'Đà Nẵng và Le Havre ký kết thiết lập quan hệ hợp tác hữu nghị', 'headline-from-slug,noise',
         'Da Nang PC vice-chair Tran Nam Hung and Le Havre mayor Edouard Philippe sign an MOU establishing cooperation and friendship at Le Havre town hall on 6/10/2025, witnessed by Da Nang People\'s Council chair Nguyen Duc Dung; repeated caption.'),
 'p15': ('p15-baodanang.txt', 'baodanang.vn',
         'Chính trị\n\n', None, None, 'noise',
         'Same 6/10/2025 Da Nang - Le Havre MOU signing at Le Havre town hall; the mayor recalls his visit to Da Nang over two years earlier; image file names.'),
 'p16': ('p16-uongbi.txt', 'uongbi.gov.vn (Uông Bí city portal)',
         '', None, None, 'noise',
         'Quang Ninh delegation led by party secretary Nguyen Xuan Ky starts its official visit to Guangxi (China) on 27/2 (2024) at Mong Cai / Beilun bridge, to attend the 2024 spring meeting; repeated captions.'),
 'p17': ('p17-toquoc.txt', 'toquoc.vn',
         '', None, 'Nhiều hoạt động đặc sắc trong Ngày văn hóa và giáo dục Kyoto tại Huế', 'headline-from-slug',
         '"Kyoto culture and education day" in Hue on 21/11 (2023) during the official visit of the Kyoto prefecture high-level delegation (governor Takatoshi Nishiwaki).'),
 'p18': ('p18-thoidai.txt', 'thoidai.com.vn',
         '', None, None, 'noise',
         'Same "Kyoto culture and education day" in Hue with governor Takatoshi Nishiwaki; no date in the excerpt (50th anniversary of Vietnam-Japan ties, 2023); image markup.'),
 'p19': ('p19-baonghean.txt', 'baonghean.vn',
         '', None, 'Đoàn công tác tỉnh Nghệ An thăm và làm việc tại Liên bang Nga', 'noise',
         'Nghe An delegation led by standing deputy party secretary Nguyen Van Thong visits Russia 25-29/6/2024 and works with the Ulyanovsk government on 25/6; leading date marker and section label kept.'),
 'p20': ('p20-vinh24h.txt', 'vinh24h.vn',
         '', None, 'Lãnh đạo tỉnh Nghệ An thăm và làm việc tại Liên bang Nga', 'headline-from-slug,noise',
         'Same June 2024 Nghe An trip: Ulyanovsk on 25/6, Saint Petersburg city government on 28/6; excerpt starts mid-article; caption debris.'),
 'p21': ('p21-baogialai.txt', 'baogialai.com.vn',
         ' date 2026-01-06 Video Báo Ảnh Báo in Podcast Chuyển động trẻ Emagazine Infographic\n\n', None, None, 'noise',
         'Gia Lai People\'s Council vice-chair receives a Salavan (Laos) delegation led by its People\'s Council chair Si-heng Hom-som-bat on 6/1 (2026) for the Lunar New Year; image file names.'),
 'p22': ('p22-baohatinh.txt', 'baohatinh.vn',
         '', None, None, 'noise',
         'Ha Tinh party secretary Hoang Trung Dung and a delegation visit Khammouane (Laos) for Bunpimay on 27/3 (no year) and attend the two provinces\' high-level conference; repeated headline.'),
 'p23': ('p23-baonghean.txt', 'baonghean.vn',
         '', None, 'Các đoàn công tác tỉnh Nghệ An thăm và chúc Tết Bunpimay các tỉnh CHDCND Lào', 'noise',
         'Nghe An delegations visit six Lao provinces for Bunpimay on 2-3/4 (2025): Khammouane and Savannakhet (led by Ngoc Kim Nam), Bolikhamxay on 2/4 (led by Col. Phan Dai Nghia); the others are named only in the lead.'),
 'p24': ('p24-baothanhhoa.txt', 'baothanhhoa.vn',
         '', None, 'Đoàn đại biểu cấp cao tỉnh Thanh Hóa thăm và làm việc tại Liên bang Nga', '',
         'Thanh Hoa high-level delegation led by party secretary Nguyen Doan Anh visits Russia 20-25/11/2025: flowers at the Lenin mausoleum in Moscow and at the Ho Chi Minh monument in Saint Petersburg.'),
 'p25': ('p25-thoibao.txt', 'thoibao.online (aggregator)',
         '', 'Chia sẻ Facebook\n', None, '',
         'Khanh Hoa tourism roadshow in Sydney on 19/10/2023, part of the Khanh Hoa delegation\'s promotion activities in Australia 17-21/10; deputy party secretary Ha Quoc Tri speaks; share widget dropped.'),
 'p26': ('p26-vietnamplus.txt', 'vietnamplus.vn (TTXVN)',
         '', None, 'Tỉnh Thanh Hóa thúc đẩy xúc tiến thương mại tại Liên bang Nga', 'headline-from-slug',
         'During the Russia trip of the Thanh Hoa delegation led by party secretary Nguyen Doan Anh, the province\'s investment, trade and tourism promotion conference is held at the Hanoi-Moskva centre on 20/11 (2025), co-organised with the Moskva chamber of commerce and the Vietnamese embassy.'),
}

os.makedirs(os.path.join(OUT, 'articles'), exist_ok=True)
rows = ['file\turl\toutlet\tsummary\tflags']
for key in sorted(SPEC):
    fname, outlet, drop, inner, head, flags, summ = SPEC[key]
    text = raw[key]['excerpt']
    assert text.startswith(drop), (key, text[:80])
    text = text[len(drop):]
    if inner:
        assert text.count(inner) == 1, key
        text = text.replace(inner, '')
    if head:
        text = head + '\n' + text
    open(os.path.join(OUT, 'articles', fname), 'w', encoding='utf-8').write(text.rstrip('\n') + '\n')
    rows.append('\t'.join([fname, raw[key]['url'], outlet, summ, flags or '-']))
open(os.path.join(OUT, 'sources.tsv'), 'w', encoding='utf-8').write('\n'.join(rows) + '\n')
print(len(SPEC), 'articles')
