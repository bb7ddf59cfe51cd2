//! Whatever a caller sends, the extractor answers: no panic, the same answer every time, and
//! evidence that quotes the cleaned text exactly. Inputs are arbitrary Unicode, soups of the
//! words and marks Vietnamese news is made of (so the later stages actually run), and random
//! HTML; then the shapes that make naive scanners quadratic, at the service's 2 MiB limit.
//! Their speed is measured by the benchmark (`hoptac bench`), not here.

use std::sync::OnceLock;

use hoptac_extract::{Body, Evidence, Extraction, Extractor, Input};
use proptest::prelude::*;

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(Extractor::new)
}

fn extract(body: Body<'_>) -> Extraction {
    extractor().extract(&Input {
        body,
        title: "",
        published_on: None,
    })
}

/// Evidence is `text[start..end]` counted in code points, as Python would slice it.
fn quotes_exactly(text: &str, e: &Evidence) -> bool {
    let quoted: String = text
        .chars()
        .skip(e.start)
        .take(e.end.saturating_sub(e.start))
        .collect();
    e.start <= e.end && quoted == e.quote
}

fn check(body: Body<'_>) -> Result<(), TestCaseError> {
    let found = extract(body);
    for a in &found.agreements {
        prop_assert!(quotes_exactly(&found.text, &a.evidence), "{:?}", a.evidence);
        prop_assert!(a.parties.len() >= 2, "an agreement has two parties: {a:?}");
    }
    for v in &found.visits {
        prop_assert!(quotes_exactly(&found.text, &v.evidence), "{:?}", v.evidence);
        prop_assert_ne!(v.guest.place.code(), v.host.place.code());
    }
    prop_assert_eq!(
        &found,
        &extract(body),
        "the same input gives the same records"
    );
    Ok(())
}

/// Words, names, dates and marks of this news, to be shuffled into sentences.
const PIECES: &[&str] = &[
    "Chiều 12/3/2024,",
    "ngày 5-9",
    "năm 2019",
    "giai đoạn 2025-2028",
    "từ ngày 10 đến 15/9",
    "tháng 6/2024",
    "kỷ niệm 15 năm",
    "UBND tỉnh",
    "Tỉnh ủy",
    "HĐND thành phố",
    "Quảng Ninh",
    "Hà Nội",
    "TP. Hồ Chí Minh",
    "Nghệ An",
    "tỉnh Fukuoka",
    "Hokkaido (Nhật Bản)",
    "Gyeonggi",
    "Vientiane",
    "Lào",
    "Pháp",
    "Chủ tịch",
    "Phó Chủ tịch",
    "Bí thư",
    "Thống đốc",
    "Nguyễn Văn An",
    "ông Suzuki Naomichi",
    "bà Kim Mi-ra",
    "ký kết",
    "biên bản ghi nhớ",
    "thỏa thuận hợp tác hữu nghị",
    "ý định thư",
    "sẽ ký",
    "thăm và làm việc",
    "tiếp đoàn đại biểu",
    "do",
    "dẫn đầu",
    "trưởng đoàn",
    "hội đàm",
    "với",
    "và",
    "giữa",
    "trong lĩnh vực giáo dục, y tế, du lịch",
    ".",
    ",",
    "(",
    ")",
    "\n",
    "\n\n",
    "Ảnh: TTXVN",
    "Tin liên quan",
    "…",
    "\"",
    "–",
];

fn news_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..300).prop_map(|words| words.join(" "))
}

fn html_soup() -> impl Strategy<Value = String> {
    let tag = prop::sample::select(
        &[
            "<p>",
            "</p>",
            "<div class=\"related\">",
            "</div>",
            "<br>",
            "<script>var x = '<p>';</script>",
            "<!-- bình luận -->",
            "&amp;",
            "&nbsp;",
            "&#7889;",
            "<",
            ">",
            "<a href=\"/tin-lien-quan\">",
            "</a>",
        ][..],
    );
    let piece = prop_oneof![tag.prop_map(str::to_string), news_soup()];
    prop::collection::vec(piece, 0..40).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_text_is_answered(text in any::<String>()) {
        check(Body::Text(&text))?;
    }

    #[test]
    fn arbitrary_html_is_answered(html in any::<String>()) {
        check(Body::Html(&html))?;
    }

    #[test]
    fn news_shaped_text_is_answered(text in news_soup()) {
        check(Body::Text(&text))?;
    }

    #[test]
    fn news_shaped_html_is_answered(html in html_soup()) {
        check(Body::Html(&html))?;
    }
}

/// 2 MiB of one shape, the largest body the service accepts.
fn two_mib(unit: &str) -> String {
    unit.repeat((2 << 20) / unit.len())
}

#[test]
fn the_shapes_that_make_scanners_quadratic_are_answered() {
    let endless_sentence = two_mib("Đoàn tỉnh Fukuoka thăm Hà Nội và ký kết biên bản ghi nhớ, ")
        + "hai bên thống nhất hợp tác";
    let found = extract(Body::Text(&endless_sentence));
    assert!(
        found.text == endless_sentence,
        "a text without stops is read whole ({} of {} bytes kept)",
        found.text.len(),
        endless_sentence.len()
    );
    for text in [
        two_mib("hợp tác "),
        two_mib("."),
        two_mib("12/3/2024 "),
        two_mib("Chiều 12/3, UBND tỉnh Quảng Ninh tiếp đoàn tỉnh Hokkaido.\n"),
    ] {
        extract(Body::Text(&text));
    }
    for html in [
        format!(
            "{}Hà Nội{}",
            "<div>".repeat(200_000),
            "</div>".repeat(200_000)
        ),
        two_mib("<"),
    ] {
        extract(Body::Html(&html));
    }
}
