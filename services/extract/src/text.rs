//! Text helpers shared by the stages: case and diacritic folding, spelling variants, word
//! boundaries, lexicon files and char offsets.
use std::{cmp::Reverse, ops::Range, sync::OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use hoptac_gazetteer::spelling::spelling_variants;

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

/// The ways a phrase is matched in a [`lower_view`]: lowercase, in both tone spellings
/// ("hòa"/"hoà"), none empty.
pub fn spellings(phrase: &str) -> impl Iterator<Item = String> {
    spelling_variants(&lower_view(phrase))
        .into_iter()
        .filter(|v| !v.is_empty())
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

/// The patterns of (phrase, tag) pairs, each phrase in its [`spellings`], with the tag of
/// each pattern.
pub fn tagged<T: Copy>(entries: impl IntoIterator<Item = (String, T)>) -> (Vec<String>, Vec<T>) {
    let mut patterns = Vec::new();
    let mut tags = Vec::new();
    for (phrase, tag) in entries {
        for v in spellings(&phrase) {
            patterns.push(v);
            tags.push(tag);
        }
    }
    (patterns, tags)
}

impl<T: Copy> Lexicon<T> {
    /// Builds a lexicon from (phrase, tag) pairs; phrases are matched case-insensitively in
    /// both tone spellings, longest first.
    pub fn new(entries: impl IntoIterator<Item = (String, T)>) -> Self {
        let (patterns, tags) = tagged(entries);
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

/// The patterns (lowercase) of several lexicons in one automaton that reports every occurrence,
/// overlapping ones too: one pass over an article's [`lower_view`] serves them all, and each
/// lexicon takes from the occurrences what a search of its own patterns would have found
/// ([`Found::leftmost_longest`]). Each lexicon's own automaton was a DFA larger than the L2
/// cache, walked through every byte of the article; one walk costs less than several.
pub struct Phrases {
    matcher: AhoCorasick,
    /// Per lexicon, the id of its first pattern, then the number of patterns.
    bounds: Vec<usize>,
}

impl Phrases {
    /// Compiles the lexicons' patterns; lexicon `i` is the `i`th list.
    pub fn new(lexicons: &[&[String]]) -> Self {
        let mut bounds = vec![0];
        for l in lexicons {
            bounds.push(bounds[bounds.len() - 1] + l.len());
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(lexicons.iter().flat_map(|l| l.iter()))
            .unwrap_or_else(|e| panic!("phrase automaton does not build: {e}"));
        Phrases { matcher, bounds }
    }

    /// Every occurrence of every pattern in `lower`, a [`lower_view`].
    pub fn scan(&self, lower: &str) -> Occurrences<'_> {
        let mut all: Vec<(usize, usize, usize)> = self
            .matcher
            .find_overlapping_iter(lower)
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        all.sort_unstable_by_key(|&(start, end, id)| (start, Reverse(end), id));
        Occurrences {
            all,
            bounds: &self.bounds,
        }
    }
}

/// What [`Phrases::scan`] found in a text: (start, end, pattern id), by start, the longest
/// first, then by pattern.
pub struct Occurrences<'p> {
    all: Vec<(usize, usize, usize)>,
    bounds: &'p [usize],
}

impl Occurrences<'_> {
    /// The occurrences of lexicon `lexicon`'s patterns.
    pub fn of(&self, lexicon: usize) -> Found<'_> {
        Found {
            all: &self.all,
            ids: self.bounds[lexicon]..self.bounds[lexicon + 1],
        }
    }
}

/// The occurrences of one lexicon's patterns ([`Occurrences::of`]).
#[derive(Clone)]
pub struct Found<'o> {
    all: &'o [(usize, usize, usize)],
    ids: Range<usize>,
}

impl Found<'_> {
    /// Every occurrence, overlapping ones too, as (start, end, pattern): by start, the longest
    /// first, then by pattern (numbered in the lexicon's own list).
    pub fn iter(&self) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        self.all
            .iter()
            .filter(|o| self.ids.contains(&o.2))
            .map(|&(start, end, id)| (start, end, id - self.ids.start))
    }

    /// The occurrences of the patterns `keep` accepts, leftmost-longest (the earliest start,
    /// the longest there, the first pattern of equal ones, then on from its end), of which
    /// those that stand as whole words in `lower`: what a leftmost-longest search of those
    /// patterns alone finds, whole words kept after.
    pub fn leftmost_longest(
        &self,
        lower: &str,
        keep: impl Fn(usize) -> bool,
    ) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut from = 0;
        for (start, end, pattern) in self.iter().filter(|o| keep(o.2)) {
            if start < from {
                continue;
            }
            from = end;
            if is_word(lower, start, end) {
                out.push((start, end, pattern));
            }
        }
        out
    }
}

/// The byte offset `chars` characters after byte `from` of `text`, or the text's end: reaches
/// are counted in characters, so that a Vietnamese word with its marks weighs what an
/// unmarked one does.
pub fn after_chars(text: &str, from: usize, chars: usize) -> usize {
    let from = floor_boundary(text, from);
    let bytes = &text.as_bytes()[from..];
    // Counting the bytes that start a char is cheaper than decoding them, and eight at a time
    // cheaper still where the char sought lies further on.
    let mut seen = 0;
    let mut i = 0;
    while let Some(word) = bytes.get(i..i + 8) {
        let starts = char_starts(word);
        if seen + starts > chars {
            break;
        }
        seen += starts;
        i += 8;
    }
    for (j, &b) in bytes[i..].iter().enumerate() {
        if is_char_start(b) {
            if seen == chars {
                return from + i + j;
            }
            seen += 1;
        }
    }
    text.len()
}

/// The byte offset `chars` characters before byte `to` of `text`, or 0.
pub fn before_chars(text: &str, to: usize, chars: usize) -> usize {
    let to = floor_boundary(text, to);
    if chars == 0 {
        return to;
    }
    let bytes = &text.as_bytes()[..to];
    let mut seen = 0;
    let mut end = to;
    while let Some(word) = end.checked_sub(8).map(|start| &bytes[start..end]) {
        let starts = char_starts(word);
        if seen + starts >= chars {
            break;
        }
        seen += starts;
        end -= 8;
    }
    for (i, &b) in bytes[..end].iter().enumerate().rev() {
        if is_char_start(b) {
            seen += 1;
            if seen == chars {
                return i;
            }
        }
    }
    0
}

/// Whether a byte of UTF-8 starts a char (is not a continuation byte).
fn is_char_start(b: u8) -> bool {
    b & 0xC0 != 0x80
}

/// How many of eight bytes of UTF-8 start a char: a continuation byte has its top bit set and
/// the next one clear, and a shift by one lines each byte's second bit up with its top bit.
fn char_starts(word: &[u8]) -> usize {
    let w = u64::from_le_bytes(word.try_into().unwrap_or([0; 8]));
    let continuations = w & !(w << 1) & 0x8080_8080_8080_8080;
    8 - continuations.count_ones() as usize
}

/// Whether byte `to` lies at most `chars` characters after byte `from`.
pub fn within_chars(text: &str, from: usize, to: usize, chars: usize) -> bool {
    // A char takes one to four bytes: most distances are settled without counting.
    from <= to
        && (to - from <= chars || (to - from <= 4 * chars && to <= after_chars(text, from, chars)))
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
    fn char_reaches_count_chars_not_bytes() {
        let t = "Đoàn công tác của tỉnh Quảng Ninh đã đến thăm và làm việc tại tỉnh Quảng Tây (Trung Quốc) từ ngày 10 đến 14/9.";
        let starts: Vec<usize> = t.char_indices().map(|(i, _)| i).chain([t.len()]).collect();
        for (k, &at) in starts.iter().enumerate() {
            for chars in [0, 1, 2, 7, 8, 9, 15, 16, 17, 36, 60, 200] {
                let after = starts.get(k + chars).copied().unwrap_or(t.len());
                assert_eq!(after_chars(t, at, chars), after, "{chars} chars after {at}");
                let before = k.checked_sub(chars).map_or(0, |j| starts[j]);
                assert_eq!(
                    before_chars(t, at, chars),
                    before,
                    "{chars} chars before {at}"
                );
            }
        }
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

    #[test]
    fn one_scan_finds_what_each_lexicon_finds_alone() {
        // Prefixes of one another, shared across the lexicons, and one inside a longer word
        // ("ông" in "không"), so that overlaps and whole-word checks are exercised.
        let titles = [
            ("chủ tịch".to_string(), 0u8),
            ("phó chủ tịch".to_string(), 1),
            ("chủ tịch ubnd tỉnh".to_string(), 2),
            ("ông".to_string(), 3),
            ("bà".to_string(), 4),
        ];
        let cues = [
            ("ký kết".to_string(), 0u8),
            ("ký".to_string(), 1),
            ("biên bản ghi nhớ".to_string(), 2),
            ("chủ tịch".to_string(), 3),
            ("không".to_string(), 4),
        ];
        let text = lower_view(
            "Ông Nguyễn Văn A, Phó Chủ tịch UBND tỉnh Quảng Ninh, và bà Tanaka đã ký kết Biên \
             bản ghi nhớ; Chủ tịch UBND tỉnh không dự. Chủ tịch ký.",
        );
        let (title_patterns, _) = tagged(titles.clone());
        let (cue_patterns, _) = tagged(cues.clone());
        let phrases = Phrases::new(&[&cue_patterns, &title_patterns]);
        let found = phrases.scan(&text);
        for (lexicon, entries) in [(0, &cues), (1, &titles)] {
            let alone: Vec<(usize, usize)> = Lexicon::new(entries.clone())
                .find(&text)
                .iter()
                .map(|h| (h.start, h.end))
                .collect();
            let together: Vec<(usize, usize)> = found
                .of(lexicon)
                .leftmost_longest(&text, |_| true)
                .iter()
                .map(|&(start, end, _)| (start, end))
                .collect();
            assert!(!alone.is_empty());
            assert_eq!(together, alone, "lexicon {lexicon}");
        }
    }
}
