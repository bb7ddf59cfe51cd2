//! Text helpers shared by the stages: case and diacritic folding, spelling variants, word
//! boundaries, lexicon files and char offsets.
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use unicode_normalization::UnicodeNormalization;

/// A lowercase copy of `text` with the same byte offsets, so matches in it index `text` too.
/// A char whose lowercase form has another UTF-8 length is kept as it is.
pub fn lower_view(text: &str) -> String {
    let table = lower_table();
    // ASCII (most bytes of Vietnamese text) in one pass; then only the other chars that have
    // a lowercase of their own length (capitals with diacritics: "Đ", "Ả") are rewritten in
    // place, and most non-ASCII chars, lowercase vowels with tone marks, need no write.
    let mut out = text.to_ascii_lowercase();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii() {
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let n = c.len_utf8();
        let lower = match table.get(c as usize) {
            Some(&l) => char::from_u32(u32::from(l)).unwrap_or(c),
            None => lower_char(c),
        };
        if lower != c {
            out.replace_range(i..i + n, lower.encode_utf8(&mut [0; 4]));
        }
        i += n;
    }
    out
}

/// Chars below this are lowercased through [`lower_table`]: it covers Latin-1, Latin
/// Extended-A/B, the combining marks and Latin Extended Additional (Vietnamese vowels with
/// tone marks, U+1EA0–U+1EF9).
const LOWER_TABLE_CHARS: usize = 0x2000;

/// [`lower_char`] of every char below [`LOWER_TABLE_CHARS`], worked out once: looking it up is
/// cheaper than `char::to_lowercase`. [`lower_char`] keeps the UTF-8 length, so a char of at
/// most three bytes stays in the Basic Multilingual Plane and `u16` holds it.
fn lower_table() -> &'static [u16] {
    static T: OnceLock<Vec<u16>> = OnceLock::new();
    T.get_or_init(|| {
        (0..LOWER_TABLE_CHARS as u32)
            .map(|i| char::from_u32(i).map_or(i, |c| u32::from(lower_char(c))))
            .map(|l| u16::try_from(l).unwrap_or_else(|_| panic!("lowercase above U+FFFF")))
            .collect()
    })
}

/// The lowercase of `c` when it is one char of the same UTF-8 length, else `c` itself.
fn lower_char(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
        _ => c,
    }
}

/// Lowercase, diacritics removed, đ as d, punctuation as spaces, spaces collapsed: the key
/// under which any spelling of a name is looked up.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        let c = match c {
            'đ' | 'Đ' => 'd',
            c if unicode_normalization::char::is_combining_mark(c) => continue,
            c => c,
        };
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

/// The five tone marks of Vietnamese, as combining characters (huyền, sắc, ngã, hỏi, nặng).
const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// A foreign name as the Vietnamese press may transcribe it with another tone on one of its
/// syllables ("Khăm Muộn" / "Khăm Muồn", "Sa La Van" / "Sa La Vẳn"): every spelling that
/// differs from `s` by the tone of one syllable. Linear in the syllables, unlike every
/// combination of tones.
pub fn tone_variants(s: &str) -> Vec<String> {
    let decomposed: Vec<char> = s.nfd().collect();
    let mut out: Vec<String> = Vec::new();
    let mut start = 0;
    while start < decomposed.len() {
        let end = decomposed[start..]
            .iter()
            .position(|c| *c == ' ' || *c == '-')
            .map_or(decomposed.len(), |i| start + i);
        let syllable = &decomposed[start..end];
        let bare: Vec<char> = syllable
            .iter()
            .copied()
            .filter(|c| !TONE_MARKS.contains(c))
            .collect();
        if let Some(at) = tone_seat(&bare) {
            for tone in std::iter::once(None).chain(TONE_MARKS.iter().copied().map(Some)) {
                let mut word = bare.clone();
                if let Some(t) = tone {
                    word.insert(at + 1, t);
                }
                let mut variant: Vec<char> = decomposed[..start].to_vec();
                variant.extend(word);
                variant.extend_from_slice(&decomposed[end..]);
                let variant: String = variant.into_iter().nfc().collect();
                if variant != s && !out.contains(&variant) {
                    out.push(variant);
                }
            }
        }
        start = end + 1;
    }
    out
}

/// Where a syllable's tone sits (the index of its vowel, decomposed, before any other mark):
/// on a vowel with a circumflex, breve or horn if there is one, else on the first vowel.
fn tone_seat(syllable: &[char]) -> Option<usize> {
    let is_vowel = |c: char| "aeiouyAEIOUY".contains(c);
    let modified = syllable
        .windows(2)
        .position(|w| is_vowel(w[0]) && matches!(w[1], '\u{302}' | '\u{306}' | '\u{31b}'));
    modified
        .or_else(|| syllable.iter().position(|&c| is_vowel(c)))
        .map(|i| {
            // After the vowel's own marks, so that NFC composes them in order.
            let marks = syllable[i + 1..]
                .iter()
                .take_while(|c| unicode_normalization::char::is_combining_mark(**c))
                .count();
            i + marks
        })
}

/// The syllable pairs written with the tone mark on either vowel (Hòa / Hoà, Thủy / Thuỷ).
const TONE_PAIRS: &[(&str, &str)] = &[
    ("òa", "oà"),
    ("óa", "oá"),
    ("ỏa", "oả"),
    ("õa", "oã"),
    ("ọa", "oạ"),
    ("òe", "oè"),
    ("óe", "oé"),
    ("ỏe", "oẻ"),
    ("õe", "oẽ"),
    ("ọe", "oẹ"),
    ("ùy", "uỳ"),
    ("úy", "uý"),
    ("ủy", "uỷ"),
    ("ũy", "uỹ"),
    ("ụy", "uỵ"),
];

/// `s` and the same words with the other tone-mark placement, so both spellings match.
pub fn spelling_variants(s: &str) -> Vec<String> {
    let s: String = s.nfc().collect();
    let mut out = vec![s.clone()];
    let mut modern = s.clone();
    let mut old = s;
    for (new_style, old_style) in TONE_PAIRS {
        modern = modern.replace(old_style, new_style);
        old = old.replace(new_style, old_style);
        let upper_new = capitalize(new_style);
        let upper_old = capitalize(old_style);
        modern = modern.replace(&upper_old, &upper_new);
        old = old.replace(&upper_new, &upper_old);
    }
    for v in [modern, old] {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(f) => f.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Whether `text[start..end]` stands as whole words: no letter or digit glued on either side,
/// except a capital glued to a lowercase letter ("vàWernigerode"), a typesetting slip.
pub fn is_word(text: &str, start: usize, end: usize) -> bool {
    let first = text[start..end].chars().next();
    let last = text[start..end].chars().next_back();
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let left_ok = match (before, first) {
        (Some(b), Some(f)) if b.is_alphanumeric() => b.is_lowercase() && f.is_uppercase(),
        _ => true,
    };
    let right_ok = match (last, after) {
        (Some(l), Some(a)) if a.is_alphanumeric() => l.is_lowercase() && a.is_uppercase(),
        _ => true,
    };
    left_ok && right_ok
}

/// The non-comment, non-empty rows of a tab-separated data file, split into columns.
pub fn rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// A set of phrases matched as whole words in a lowercase view, each carrying a tag.
pub struct Lexicon<T> {
    matcher: AhoCorasick,
    tags: Vec<T>,
}

/// One phrase found in the text.
#[derive(Debug, Clone, Copy)]
pub struct Hit<T> {
    /// Byte offset of the first char.
    pub start: usize,
    /// Byte offset past the last char.
    pub end: usize,
    /// What the phrase stands for.
    pub tag: T,
}

impl<T: Copy> Lexicon<T> {
    /// Builds a lexicon from (phrase, tag) pairs; phrases are matched case-insensitively in
    /// both tone spellings, longest first.
    pub fn new(entries: impl IntoIterator<Item = (String, T)>) -> Self {
        let mut patterns = Vec::new();
        let mut tags = Vec::new();
        for (phrase, tag) in entries {
            for v in spelling_variants(&lower_view(&phrase)) {
                if !v.is_empty() {
                    patterns.push(v);
                    tags.push(tag);
                }
            }
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .unwrap_or_else(|e| panic!("lexicon does not build: {e}"));
        Lexicon { matcher, tags }
    }

    /// Every whole-word occurrence in `lower`, a [`lower_view`] of the text.
    pub fn find(&self, lower: &str) -> Vec<Hit<T>> {
        self.matcher
            .find_iter(lower)
            .filter(|m| is_word(lower, m.start(), m.end()))
            .map(|m| Hit {
                start: m.start(),
                end: m.end(),
                tag: self.tags[m.pattern().as_usize()],
            })
            .collect()
    }
}

/// Converts a byte offset of `text` to a char offset.
pub fn char_offset(text: &str, byte: usize) -> usize {
    let byte = floor_boundary(text, byte);
    text[..byte].chars().count()
}

/// The largest char boundary not after `i`.
pub fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tone_variants_change_one_syllable_at_a_time() {
        let v = tone_variants("Khăm Muộn");
        assert!(v.contains(&"Khăm Muồn".to_string()), "{v:?}");
        assert!(v.contains(&"Khằm Muộn".to_string()), "{v:?}");
        assert!(
            !v.contains(&"Khằm Muồn".to_string()),
            "one syllable at a time"
        );
        assert!(tone_variants("Sa-la-van").contains(&"Sa-la-vản".to_string()));
        assert_eq!(tone_variants("Khăm Muộn").len(), 10);
    }

    #[test]
    fn fold_ignores_case_diacritics_and_punctuation() {
        assert_eq!(fold("TP. Hà Nội"), "tp ha noi");
        assert_eq!(fold("Đà Nẵng"), "da nang");
        assert_eq!(fold("  Bà Rịa - Vũng Tàu "), "ba ria vung tau");
    }

    #[test]
    fn both_tone_placements_are_variants() {
        let v = spelling_variants("Thanh Hóa");
        assert!(v.contains(&"Thanh Hoá".to_string()));
        let v = spelling_variants("Tỉnh uỷ");
        assert!(v.contains(&"Tỉnh ủy".to_string()));
    }

    #[test]
    fn words_do_not_match_inside_longer_words() {
        let t = "Việt Nam và Namibia";
        let i = t.find("Nam").unwrap_or(0);
        assert!(is_word(t, i, i + 3));
        let j = t.rfind("Nam").unwrap_or(0);
        assert!(!is_word(t, j, j + 3));
        let glued = "Hội An vàWernigerode";
        let k = glued.find("Wernigerode").unwrap_or(0);
        assert!(is_word(glued, k, glued.len()));
    }

    #[test]
    fn lower_view_keeps_offsets() {
        let t = "ĐOÀN Đại Biểu İ";
        assert_eq!(lower_view(t).len(), t.len());
        assert!(lower_view(t).starts_with("đoàn đại biểu"));
    }

    #[test]
    fn lexicon_matches_either_case_and_spelling() {
        let lex = Lexicon::new([("thỏa thuận".to_string(), 1u8)]);
        let text = lower_view("Hai bên ký Thoả thuận hợp tác");
        assert_eq!(lex.find(&text).len(), 1);
    }
}
