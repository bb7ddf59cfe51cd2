//! Stage 3: Vietnamese sentence splitting that survives "TP.", "PGS. TS.", "2,3 tỷ",
//! "10-12/11", "13/04/2023 09:39", "(Ảnh: TTXVN)" and ellipses.
use std::{collections::HashSet, ops::Range};

use crate::text::rows;

/// Words followed by a dot that is not a full stop.
const ABBREVIATIONS: &str = include_str!("../data/abbreviations.tsv");
/// The most characters looked at around a stop. Closing marks and abbreviations are short;
/// the bound keeps splitting linear on a run of a million dots or one endless word.
const LOOK: usize = 16;
/// The longest sentence kept whole, in bytes. Real sentences are far shorter (the longest in
/// the seeds and dev set is under 1,500 bytes); a text with no stops at all is cut into pieces
/// this long at a space, so that the stages after this one, which work per sentence, stay
/// linear in the length of the article.
const MAX_SENTENCE_BYTES: usize = 4096;

/// The words a dot follows without ending a sentence, read from `data/abbreviations.tsv`;
/// built once by the [`crate::Extractor`].
pub struct Rules {
    abbreviations: HashSet<String>,
}

impl Rules {
    /// Reads the embedded abbreviations.
    pub fn builtin() -> Self {
        Rules {
            abbreviations: rows(ABBREVIATIONS)
                .filter_map(|r| r.first().map(|s| s.to_string()))
                .collect(),
        }
    }
}

/// Byte ranges of the sentences of `text`, trimmed, never empty, never across a line break.
pub fn split(rules: &Rules, text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    // Only the bytes that can end a sentence are looked at: each is a whole ASCII char or the
    // lead byte of '…', never inside another char.
    let mut at = 0;
    while let Some(k) = bytes[at..]
        .iter()
        .position(|&b| matches!(b, b'\n' | b'.' | b'!' | b'?' | 0xE2))
    {
        let i = at + k;
        at = i + 1;
        let c = match bytes[i] {
            b'\n' => '\n',
            b'.' => '.',
            b'!' => '!',
            b'?' => '?',
            _ if text[i..].starts_with('…') => '…',
            _ => continue,
        };
        if c == '\n' {
            push(text, start..i, &mut out);
            start = i + 1;
        } else if ends_sentence(rules, text, i, c) {
            let end = i + c.len_utf8();
            let end = end + closing_len(&text[end..]);
            if end > start {
                push(text, start..end, &mut out);
                start = end;
                // Closing marks are taken into this sentence.
                at = end;
            }
        }
    }
    push(text, start..text.len(), &mut out);
    out
}

fn closing_len(rest: &str) -> usize {
    rest.chars()
        .take_while(|c| matches!(c, '"' | '”' | '’' | '»' | '.' | '…'))
        .map(char::len_utf8)
        .sum()
}

fn push(text: &str, mut r: Range<usize>, out: &mut Vec<Range<usize>>) {
    if r.start >= r.end || out.last().is_some_and(|l: &Range<usize>| r.start < l.end) {
        return;
    }
    while r.end - r.start > MAX_SENTENCE_BYTES {
        let limit = crate::text::floor_boundary(text, r.start + MAX_SENTENCE_BYTES);
        let cut = text[r.start..limit]
            .rfind(char::is_whitespace)
            .filter(|&at| at > 0)
            .map_or(limit, |at| r.start + at);
        push(text, r.start..cut, out);
        r.start = cut;
    }
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

/// A stop ends a sentence when whitespace and then a capital, a digit or an opening quote
/// follow, and the word before it is not an abbreviation or an initial.
fn ends_sentence(rules: &Rules, text: &str, i: usize, stop: char) -> bool {
    let mut after = text[i + stop.len_utf8()..]
        .chars()
        .take(LOOK)
        .skip_while(|c| matches!(c, '"' | '”' | '’' | '»' | '.' | '…' | '!' | '?'));
    let Some(first) = after.next() else {
        return true;
    };
    if first == '\n' {
        return true;
    }
    if !first.is_whitespace() {
        return stop == '.' && glued_stop(rules, text, i, first, after.next());
    }
    let next = after.find(|c| !matches!(c, ' ' | '\t'));
    let starts_new = match next {
        Some(n) => {
            n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“' | '‘' | '[' | '-' | '–')
        }
        None => true,
    };
    if !starts_new {
        return false;
    }
    if stop != '.' {
        return true;
    }
    let word = word_before(text, i);
    let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    !(is_initial || rules.abbreviations.contains(word))
}

/// A full stop with no space after it, as pasted portal text has ("… từ ngày 30/7-3/8.Phó Chủ
/// tịch tỉnh …"): it ends a sentence when a capitalised word follows a lower-case word or a
/// number. Abbreviations ("TP.Hồ Chí Minh"), initials and domain names ("baohatinh.vn") do not
/// match.
fn glued_stop(rules: &Rules, text: &str, i: usize, first: char, second: Option<char>) -> bool {
    if !first.is_uppercase() || !second.is_some_and(char::is_lowercase) {
        return false;
    }
    let word = word_before(text, i);
    let lower_word = word.chars().count() >= 2 && word.chars().all(char::is_lowercase);
    let number = !word.is_empty() && word.chars().all(|c| c.is_ascii_digit());
    (lower_word || number) && !rules.abbreviations.contains(word)
}

/// The letters and digits right before byte `i` (at most [`LOOK`] of them): the word a stop
/// ends.
fn word_before(text: &str, i: usize) -> &str {
    let start = text[..i]
        .char_indices()
        .rev()
        .take(LOOK)
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map_or(i, |(at, _)| at);
    &text[start..i]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(t: &str) -> Vec<&str> {
        split(&Rules::builtin(), t)
            .into_iter()
            .map(|r| &t[r])
            .collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        let t = "Đoàn đại biểu TP. Ansan đến thăm. PGS. TS. Nguyễn Văn A phát biểu.";
        assert_eq!(
            sentences(t),
            [
                "Đoàn đại biểu TP. Ansan đến thăm.",
                "PGS. TS. Nguyễn Văn A phát biểu."
            ]
        );
    }

    #[test]
    fn numbers_dates_and_credits_stay_inside() {
        let t =
            "Vốn hơn 2,3 tỷ USD, từ ngày 10-12/11 tại Fukuoka. (Ảnh: TTXVN) Tiếp theo là hội đàm.";
        assert_eq!(
            sentences(t),
            ["Vốn hơn 2,3 tỷ USD, từ ngày 10-12/11 tại Fukuoka. (Ảnh: TTXVN) Tiếp theo là hội đàm."]
        );
        let t = "KT (T/h) 13/04/2023 09:39\nNgày 12/4, ông A tiếp đoàn.";
        assert_eq!(
            sentences(t),
            ["KT (T/h) 13/04/2023 09:39", "Ngày 12/4, ông A tiếp đoàn."]
        );
    }

    #[test]
    fn ellipsis_before_lowercase_continues() {
        let t = "các lĩnh vực kinh tế, môi trường…. đóng góp tích cực. Hai bên ký kết.";
        assert_eq!(
            sentences(t),
            [
                "các lĩnh vực kinh tế, môi trường…. đóng góp tích cực.",
                "Hai bên ký kết."
            ]
        );
    }

    #[test]
    fn a_stop_glued_to_a_capitalised_word_ends_a_sentence() {
        assert_eq!(
            sentences("Đoàn thăm Hà Lan từ ngày 30/7-3/8.Phó Chủ tịch tỉnh cho biết đã làm việc.Đoàn cũng đến thăm Alkmaar."),
            [
                "Đoàn thăm Hà Lan từ ngày 30/7-3/8.",
                "Phó Chủ tịch tỉnh cho biết đã làm việc.",
                "Đoàn cũng đến thăm Alkmaar."
            ]
        );
        assert_eq!(
            sentences("Đoàn đến TP.Hồ Chí Minh, theo baohatinh.vn và Q.Ba Đình."),
            ["Đoàn đến TP.Hồ Chí Minh, theo baohatinh.vn và Q.Ba Đình."]
        );
    }

    #[test]
    fn a_run_of_stops_ends_one_sentence() {
        let dots = ".".repeat(1_000);
        let t = format!("Hai bên ký kết{dots} Đoàn về nước.");
        assert_eq!(
            sentences(&t),
            [format!("Hai bên ký kết{dots}").as_str(), "Đoàn về nước."]
        );
    }

    #[test]
    fn text_without_stops_is_cut_at_spaces_into_bounded_pieces() {
        let t = "Hà Nội và Fukuoka hợp tác ".repeat(1_000);
        let pieces = split(&Rules::builtin(), &t);
        assert!(pieces.len() > 1);
        assert!(pieces.iter().all(|r| r.len() <= MAX_SENTENCE_BYTES));
        let rejoined: Vec<&str> = pieces.iter().map(|r| &t[r.clone()]).collect();
        assert_eq!(rejoined.join(" "), t.trim_end(), "cut between words only");
    }

    #[test]
    fn lines_are_sentences_and_blanks_vanish() {
        assert_eq!(sentences("A b\n\n  \nC d"), ["A b", "C d"]);
        assert!(split(&Rules::builtin(), "").is_empty());
    }
}
