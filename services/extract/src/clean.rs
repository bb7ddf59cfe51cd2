//! Stage 2: the article without its site's noise: everything from a "related news" heading on,
//! captions printed twice, link titles, photo credits.
use std::collections::HashSet;

use hoptac_gazetteer::spelling::spelling_variants;

use crate::text::{lower_view, rows};

/// Related-news and navigation headings, one per line.
const NOISE: &str = include_str!("../data/noise.tsv");
/// Photo-credit and byline prefixes.
const CREDITS: &str = include_str!("../data/credits.tsv");
/// The words that open a photo's credit at the end of its caption.
const CAPTIONS: &str = include_str!("../data/captions.tsv");

/// A heading only cuts once this many chars of article text came before it; earlier it is a
/// menu item at the top of the page and only that line goes.
const MIN_BODY_BEFORE_CUT: usize = 150;
/// Headings are short; longer lines (in characters) are never looked up.
const MAX_HEADING_CHARS: usize = 60;
/// A link title is a headline, not a paragraph: at most this long.
const MAX_LINK_CHARS: usize = 200;
/// A paragraph that resumes the article after an inline block of links is at least this long.
const MIN_RESUMING_CHARS: usize = 100;
/// A credit line is short; a longer line starting "Ảnh:" is a caption worth keeping.
const MAX_CREDIT_CHARS: usize = 60;
/// The fewest chars of a photo caption before its credit.
const MIN_CAPTION_CHARS: usize = 30;

/// The noise headings and credit prefixes, read from `data/noise.tsv` and
/// `data/credits.tsv`; built once by the [`crate::Extractor`].
pub struct Rules {
    noise: HashSet<String>,
    credits: Vec<String>,
    /// Each caption credit word with its colon ("ảnh:"), lowercase.
    caption_credits: Vec<String>,
}

impl Rules {
    /// Reads the embedded headings and credits.
    pub fn builtin() -> Self {
        Rules {
            noise: rows(NOISE)
                .filter_map(|r| r.first().map(|s| lower_view(s)))
                .flat_map(|s| spelling_variants(&s))
                .collect(),
            credits: rows(CREDITS)
                .filter_map(|r| r.first().map(|s| lower_view(s)))
                .collect(),
            caption_credits: rows(CAPTIONS)
                .filter_map(|r| r.first().map(|s| format!("{}:", lower_view(s))))
                .collect(),
        }
    }
}

fn line_key(line: &str) -> String {
    let t = line
        .trim()
        .trim_start_matches(['•', '-', '*', '·', '»', '>', '|'])
        .trim_end_matches([':', ' ', '|', '»', '>'])
        .trim();
    lower_view(t)
}

fn is_credit(line: &str, credits: &[String]) -> bool {
    let t = line.trim();
    if t.chars().count() > MAX_CREDIT_CHARS {
        return false;
    }
    let key = lower_view(t.trim_start_matches('(').trim_end_matches(')'));
    credits.iter().any(|p| {
        key.strip_prefix(p.as_str())
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    })
}

/// A photo caption with its credit ("Đồng chí Chủ tịch UBND tỉnh tặng quà lưu niệm trưởng
/// đoàn. Ảnh: Việt Thành"): the article's own photo, which lists of links never carry.
fn is_captioned_photo(rules: &Rules, line: &str) -> bool {
    let key = lower_view(line.trim().trim_end_matches(')'));
    let last = rules
        .caption_credits
        .iter()
        .filter_map(|w| key.rfind(w.as_str()).map(|i| (i, i + w.len())))
        .max();
    last.is_some_and(|(i, after)| {
        let credit = &key[after..];
        let caption = key[..i].trim_end_matches(['(', ' ']);
        credit.chars().count() <= MAX_CREDIT_CHARS
            && caption.chars().count() >= MIN_CAPTION_CHARS
            && caption.ends_with(['.', '…', ')'])
    })
}

/// A link widget prints its title twice on one line: "A A".
fn is_doubled(line: &str) -> bool {
    let t = line.trim();
    // Fewer than 21 bytes are fewer than 21 chars: most lines stop here, uncounted.
    if t.len() < 21 {
        return false;
    }
    let n = t.chars().count();
    if n < 21 || n % 2 == 0 {
        return false;
    }
    // Two halves are the same chars exactly when they are the same bytes.
    t.char_indices()
        .nth(n / 2)
        .is_some_and(|(mid, c)| c == ' ' && t[..mid] == t[mid + 1..])
}

fn ends_like_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', '…', ')', '"', '”', '»', ';'])
}

/// A line of a block of links: a headline (no closing stop), a bullet item or a widget's
/// doubled title.
fn is_link(line: &str) -> bool {
    let short = line.chars().count() <= MAX_LINK_CHARS;
    let bullet = line.starts_with(['»', '-', '•', '*', '·', '+']);
    is_doubled(line) || (short && (bullet || !ends_like_sentence(line)))
}

/// Sites print links to their other articles behind an arrow (">> Tỉnh trưởng tỉnh
/// Chăm-pa-sắc thăm Quảng Nam"), with or without a heading above them; body text never opens
/// with one.
fn is_arrow_link(line: &str) -> bool {
    line.starts_with(['»', '›', '→', '⇒']) || line.starts_with(">>")
}

/// Where a line falls once a "related news" heading was seen after the article began.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Block {
    /// Not in a block: the article.
    Outside,
    /// In a block. `links_only`: every line so far was a link; `after_blank`: a blank line
    /// came last.
    Inside { links_only: bool, after_blank: bool },
}

/// The article body without noise.
///
/// A related-news heading after the article began opens a block that is dropped. Sites print
/// such blocks inline too, after the lead: a block of nothing but links, then a blank line,
/// then a full paragraph, is the article resuming. A block with a teaser paragraph in it is
/// the end of the article, whatever follows.
pub fn clean(rules: &Rules, text: &str) -> String {
    let mut kept: Vec<&str> = Vec::new();
    let mut body_chars = 0usize;
    let mut block = Block::Outside;
    for line in text.split('\n') {
        let t = line.trim();
        let heading = t.chars().count() <= MAX_HEADING_CHARS && rules.noise.contains(&line_key(t));
        if let Block::Inside {
            links_only,
            after_blank,
        } = block
        {
            // The article's own captioned photo resumes it after any block: lists of links
            // and their teasers carry no photo credits.
            let resumes = after_blank
                && ((links_only
                    && t.chars().count() >= MIN_RESUMING_CHARS
                    && ends_like_sentence(t))
                    || is_captioned_photo(rules, t));
            if !resumes {
                block = Block::Inside {
                    links_only: links_only && (t.is_empty() || heading || is_link(t)),
                    after_blank: t.is_empty(),
                };
                continue;
            }
            block = Block::Outside;
            kept.push("");
        }
        if t.is_empty() {
            if kept.last().is_some_and(|l| !l.is_empty()) {
                kept.push("");
            }
            continue;
        }
        if heading {
            if body_chars >= MIN_BODY_BEFORE_CUT {
                block = Block::Inside {
                    links_only: true,
                    after_blank: false,
                };
            }
            continue;
        }
        if is_credit(t, &rules.credits) || is_doubled(t) || is_arrow_link(t) {
            continue;
        }
        let previous = kept.iter().rposition(|l| !l.is_empty());
        if let Some(i) = previous {
            if kept[i].trim() == t {
                let is_title = kept[..i].iter().all(|l| l.is_empty());
                if !is_title && !ends_like_sentence(t) {
                    body_chars = body_chars.saturating_sub(kept[i].chars().count());
                    kept.truncate(i);
                }
                continue;
            }
        }
        body_chars += t.chars().count();
        kept.push(line);
    }
    while kept.last().is_some_and(|l| l.is_empty()) {
        kept.pop();
    }
    kept.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "Sáng 6-11, UBND tỉnh tiếp đoàn đại biểu thành phố Ansan (Hàn Quốc) do ông Kim Jung-taek dẫn đầu. Hai bên trao đổi về hợp tác du lịch và đào tạo nhân lực.";

    #[test]
    fn related_news_block_is_cut() {
        let t = format!("{BODY}\n\nCó thể bạn quan tâm\n\nĐoàn tỉnh X thăm Lào\nTin mới");
        assert_eq!(clean(&Rules::builtin(), &t), BODY);
    }

    #[test]
    fn an_inline_block_of_links_after_the_lead_is_skipped_and_the_article_goes_on() {
        let more = "Tại buổi làm việc, UBND tỉnh và chính quyền thành phố Ansan đã trao bản ghi nhớ hợp tác về đào tạo nghề giai đoạn 2024-2026.";
        let link = "Quảng Ninh tiếp đoàn đại biểu tỉnh Hokkaido (Nhật Bản)";
        let t =
            format!("{BODY}\nTin liên quan\n{link} {link}\n» Khởi công cầu Cửa Lục 3\n\n{more}");
        assert_eq!(clean(&Rules::builtin(), &t), format!("{BODY}\n\n{more}"));
    }

    #[test]
    fn a_captioned_photo_after_a_list_of_links_resumes_the_article() {
        let caption = "Đồng chí Chủ tịch UBND tỉnh tặng quà lưu niệm trưởng đoàn Chungcheongnam. Ảnh: Việt Thành";
        let more = "Phát biểu chào mừng đoàn, đồng chí Phạm Đình Nghị khẳng định quan hệ giữa Nam Định và Chungcheongnam không ngừng được củng cố.";
        let t = format!("{BODY}\n\nTin liên quan\n  Đoàn công tác của tỉnh làm việc tại tỉnh Gunma (Nhật Bản)\n\n{caption}\n\n{more}");
        let cleaned = clean(&Rules::builtin(), &t);
        assert!(cleaned.ends_with(more), "{cleaned}");
        assert!(!cleaned.contains("Gunma"), "{cleaned}");
    }

    #[test]
    fn a_heading_of_news_and_articles_starts_a_block() {
        let t = format!("{BODY}\n\nTin, bài liên quan:\n• Đoàn công tác tỉnh Khánh Hòa làm việc tại tỉnh Irkutsk");
        assert_eq!(clean(&Rules::builtin(), &t), BODY);
    }

    #[test]
    fn arrow_links_are_not_the_article() {
        let t = format!("{BODY}\n\nA.Đ\n\n>> Tỉnh trưởng tỉnh Chăm-pa-sắc thăm Quảng Nam\n» Quảng Nam - Sê Kông: tình hữu nghị bền chặt");
        assert_eq!(clean(&Rules::builtin(), &t), format!("{BODY}\n\nA.Đ"));
    }

    #[test]
    fn a_block_with_a_teaser_paragraph_ends_the_article() {
        let teaser = "Sáng 5/9, Phó Chủ tịch UBND tỉnh tiếp ông Kim Sung-ho, Phó Thị trưởng thành phố Busan, nhân dịp đoàn sang dự hội chợ du lịch quốc tế.";
        let t = format!(
            "{BODY}\n\nĐọc thêm\nLãnh đạo tỉnh tiếp đoàn thành phố Busan\n{teaser}\n\n{teaser}"
        );
        assert_eq!(clean(&Rules::builtin(), &t), BODY);
    }

    #[test]
    fn a_menu_heading_at_the_top_does_not_cut_the_article() {
        let t = format!("Tin mới\n{BODY}");
        assert_eq!(clean(&Rules::builtin(), &t), BODY);
    }

    #[test]
    fn caption_printed_twice_is_kept_once() {
        let cap = "Quang cảnh lễ ký kết.";
        let t = format!("{BODY}\n{cap}\n\n{cap}\nHết.");
        assert_eq!(
            clean(&Rules::builtin(), &t),
            format!("{BODY}\n{cap}\n\nHết.")
        );
    }

    #[test]
    fn repeated_link_titles_and_credits_go() {
        let link = "Lãnh đạo HĐND TP Hà Nội tiếp Đoàn ĐB TP St.Petersburg";
        let t = format!("{BODY}\n{link}\n\n{link}\nẢnh: TTXVN\nTin. ảnh: MINH THANH\nA b c d e f g h i j k A b c d e f g h i j k");
        assert_eq!(clean(&Rules::builtin(), &t), BODY);
    }

    #[test]
    fn headline_repeated_below_is_kept() {
        let title = "Tỉnh Nghệ An và Thủ đô Vientiane ký kết thỏa thuận hợp tác";
        let t = format!("{title}\n{title}\n{BODY}");
        assert_eq!(clean(&Rules::builtin(), &t), format!("{title}\n{BODY}"));
    }
}
