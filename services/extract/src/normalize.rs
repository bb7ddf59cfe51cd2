//! Stage 1: the article's text (an HTML page's through [`crate::html`] first) as plain NFC text
//! with tidy whitespace, no invisible format chars and no image markup.
use regex::Regex;
use unicode_normalization::UnicodeNormalization;

struct Patterns {
    image: Regex,
    markdown_image: Regex,
}

/// The markup patterns, compiled once by the [`crate::Extractor`].
pub struct Rules {
    patterns: Patterns,
}

impl Rules {
    /// Compiles the markup patterns.
    pub fn builtin() -> Self {
        let re = |s: &str| Regex::new(s).unwrap_or_else(|e| panic!("bad pattern {s}: {e}"));
        let patterns = Patterns {
            image: re(r"(?is)<image>.*?(?:</image>|\z)"),
            markdown_image: re(r"!\[[^\]\n]*\]\([^)\n]*\)"),
        };
        Rules { patterns }
    }
}

/// Reduces a text to NFC plain text: image markup removed, spaces collapsed, at most one blank
/// line in a row.
pub fn normalize(rules: &Rules, text: &str) -> String {
    let p = &rules.patterns;
    let text = p.image.replace_all(text, REMOVED);
    let text = p.markdown_image.replace_all(&text, REMOVED);
    if unicode_normalization::is_nfc_quick(not_plain_starters(&text))
        == unicode_normalization::IsNormalized::Yes
    {
        return tidy(&text);
    }
    let text: String = text.nfc().collect();
    tidy(&text)
}

/// Chars in NFC whatever surrounds them (quick check Yes, combining class 0): ASCII, Latin-1,
/// Latin Extended-A/B, IPA and spacing modifiers, and Latin Extended Additional, where
/// Vietnamese vowels with tone marks live. Leaving them out of the quick check keeps its
/// answer (a starter between two marks can only hide an ordering fault, never a composition)
/// and spares it most of a Vietnamese text. ([`not_plain_starters`] reads them from the bytes;
/// this is its definition, which the tests hold it to.)
#[cfg(test)]
fn is_plain_starter(c: char) -> bool {
    matches!(c, '\0'..='\u{2ff}' | '\u{1e00}'..='\u{1eff}')
}

/// The chars of `s` that are no [plain starter](is_plain_starter), found from the UTF-8 bytes:
/// ASCII, a two-byte char up to U+02FF (lead bytes up to 0xCB) and a three-byte char of
/// U+1E00–U+1EFF (0xE1 0xB8–0xBB) are passed over without being decoded, and they are most
/// of a Vietnamese text.
fn not_plain_starters(s: &str) -> impl Iterator<Item = char> + '_ {
    let b = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            match b[i] {
                0..=0x7f => i += 1,
                0xc2..=0xcb => i += 2,
                0xe1 if matches!(b.get(i + 1), Some(0xb8..=0xbb)) => i += 3,
                _ => {
                    let c = s[i..].chars().next()?;
                    i += c.len_utf8();
                    return Some(c);
                }
            }
        }
        None
    })
}

/// Marks where markup was taken out, so that a line left empty by it vanishes instead of
/// becoming a blank line.
const REMOVED: &str = "\u{1}";

fn tidy(text: &str) -> String {
    let mut page = Page {
        out: String::with_capacity(text.len()),
        blank: false,
    };
    // One buffer for every untidy line, cleared before each.
    let mut l = String::new();
    // Split at '\n' first (a byte search); the other line breaks are whitespace, so a piece
    // holding one is not tidy and is split again.
    for piece in text.split('\n') {
        if is_tidy(piece) {
            page.push(piece.trim_end(), piece);
            continue;
        }
        for line in piece.split(['\r', '\u{2028}', '\u{2029}']) {
            l.clear();
            tidy_line(line, &mut l);
            page.push(l.trim_end(), line);
        }
    }
    page.out
}

/// The tidy text being written: its lines, at most one blank line in a row.
struct Page {
    out: String,
    /// Whether a blank line comes before the next line.
    blank: bool,
}

impl Page {
    /// Adds `line`, tidied from `raw`; an empty one is a blank line unless markup was taken
    /// out of it.
    fn push(&mut self, line: &str, raw: &str) {
        if line.is_empty() {
            if !raw.contains(REMOVED) {
                self.blank = !self.out.is_empty();
            }
            return;
        }
        if !self.out.is_empty() {
            self.out.push('\n');
            if self.blank {
                self.out.push('\n');
            }
        }
        self.blank = false;
        self.out.push_str(line);
    }
}

/// Whether `line` is already what [`tidy_line`] makes of it: the common case, copied whole.
/// Read byte by byte: the chars that tidying changes are ASCII or have the few UTF-8 prefixes
/// matched below (see [`is_untidy_char`]).
fn is_tidy(line: &str) -> bool {
    let b = line.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    for (i, &c) in b.iter().enumerate() {
        if !MAY_BE_UNTIDY[usize::from(c)] {
            continue;
        }
        let untidy = match c {
            b' ' => i == 0 || b[i - 1] == b' ',
            0..=0x1f | 0x7f => true,
            0xc2 => at(i + 1) <= 0xa0 || at(i + 1) == 0xad,
            0xd8 => at(i + 1) == 0x9c,
            0xe1 => {
                (at(i + 1) == 0x9a && at(i + 2) == 0x80) || (at(i + 1) == 0xa0 && at(i + 2) == 0x8e)
            }
            0xe2 => match at(i + 1) {
                0x80 => matches!(at(i + 2), 0x80..=0x8f | 0xa8..=0xaf),
                0x81 => matches!(at(i + 2), 0x9f..=0xa4 | 0xa6..=0xaf),
                _ => false,
            },
            0xe3 => at(i + 1) == 0x80 && at(i + 2) == 0x80,
            0xef => at(i + 1) == 0xbb && at(i + 2) == 0xbf,
            _ => false,
        };
        if untidy {
            return false;
        }
    }
    true
}

/// The bytes [`is_tidy`] looks at: a space, a control byte, and the lead bytes of the untidy
/// chars that are not ASCII. Every other byte is tidy whatever surrounds it, and is passed
/// over by one lookup.
const MAY_BE_UNTIDY: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[b' ' as usize] = true;
    t[0x7f] = true;
    t[0xc2] = true;
    t[0xd8] = true;
    t[0xe1] = true;
    t[0xe2] = true;
    t[0xe3] = true;
    t[0xef] = true;
    t
};

/// The chars [`tidy_line`] drops or turns into a space.
fn is_untidy_char(c: char) -> bool {
    c.is_whitespace() || c.is_control() || is_invisible_format(c)
}

/// Format chars that show nothing: the soft hyphen, zero-width spaces and joiners, the byte
/// order mark, the word joiner and invisible operators, and the bidirectional marks,
/// embeddings, overrides and isolates. Pages carry them where an editor or a CMS put them; the
/// same visible text must be the same article, with the same id and records, so [`tidy_line`]
/// drops them.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{61c}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{feff}'
    )
}

/// Appends `line` to `l` with whitespace runs as one space, no leading space, and no control
/// or invisible format chars.
fn tidy_line(line: &str, l: &mut String) {
    for c in line.chars() {
        if c.is_ascii_graphic() {
            // Printable ASCII, most of any text: neither whitespace nor a control char.
            l.push(c);
            continue;
        }
        let c = if !is_untidy_char(c) {
            c
        } else if c.is_whitespace() {
            ' '
        } else {
            continue;
        };
        if c == ' ' && (l.is_empty() || l.ends_with(' ')) {
            continue;
        }
        l.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_markup_lines_are_removed() {
        let t = "Quang cảnh lễ ký.\n<image>![ảnh](https://x/y.jpg)</image>\nQuang cảnh lễ ký.";
        assert_eq!(
            normalize(&Rules::builtin(), t),
            "Quang cảnh lễ ký.\nQuang cảnh lễ ký."
        );
    }

    #[test]
    fn text_is_nfc_with_tidy_whitespace() {
        let decomposed = "Ha\u{300} Nội   có\t\tmưa   \n\n\n\nNgày mai";
        assert_eq!(
            normalize(&Rules::builtin(), decomposed),
            "Hà Nội có mưa\n\nNgày mai"
        );
    }

    #[test]
    fn tidy_lines_are_found_byte_by_byte() {
        // One space between words is tidy; every other untidy char makes the line untidy.
        for c in ('\0'..='\u{10ffff}').filter(|&c| c != ' ') {
            let line = format!("a{c}b");
            assert_eq!(is_tidy(&line), !is_untidy_char(c), "{c:?}");
        }
        assert!(is_tidy("Đoàn công tác thăm tỉnh Gyeonggi – Hàn Quốc"));
        assert!(!is_tidy(" thụt lề"));
        assert!(!is_tidy("hai  dấu cách"));
    }

    #[test]
    fn plain_starters_are_nfc_anywhere() {
        use unicode_normalization::{char::canonical_combining_class, is_nfc_quick, IsNormalized};
        for c in ('\0'..='\u{10ffff}').filter(|&c| is_plain_starter(c)) {
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
        }
    }

    #[test]
    fn plain_starters_are_read_from_bytes() {
        for c in '\0'..='\u{10ffff}' {
            let line = format!("a{c}b\u{1ec7}{c}");
            let slow: Vec<char> = line.chars().filter(|&c| !is_plain_starter(c)).collect();
            assert_eq!(not_plain_starters(&line).collect::<Vec<_>>(), slow, "{c:?}");
        }
    }

    #[test]
    fn tone_marks_typed_apart_are_composed() {
        // "Thừa Thiên Huế" with its tone marks typed as combining chars after the vowels.
        let typed = "Thu\u{31b}\u{300}a Thie\u{302}n Hue\u{302}\u{301}";
        assert_eq!(normalize(&Rules::builtin(), typed), "Thừa Thiên Huế");
    }
}
