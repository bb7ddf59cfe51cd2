//! Stage 1: the submitted body as plain NFC text with tidy whitespace and no image markup.
use std::sync::OnceLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

use crate::model::Body;

struct Patterns {
    hidden: Vec<Regex>,
    block: Regex,
    tag: Regex,
    comment: Regex,
    image: Regex,
    markdown_image: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let re = |s: &str| Regex::new(s).unwrap_or_else(|e| panic!("bad pattern {s}: {e}"));
        Patterns {
            hidden: [
                "script", "style", "head", "noscript", "template", "nav", "aside", "footer", "form",
                "iframe", "svg", "button", "select",
            ]
                .iter()
                .map(|t| re(&format!(r"(?is)<{t}\b.*?(?:</{t}\s*>|\z)")))
                .collect(),
            block: re(
                r"(?i)</?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|blockquote|figure|figcaption|pre|hr|nav|aside|main|dd|dt|dl)\b[^>]*>",
            ),
            tag: re(r"(?s)</?[A-Za-z][^>]*>"),
            comment: re(r"(?s)<!--.*?(?:-->|\z)"),
            image: re(r"(?is)<image>.*?(?:</image>|\z)"),
            markdown_image: re(r"!\[[^\]\n]*\]\([^)\n]*\)"),
        }
    })
}

/// Reduces a body to NFC plain text: HTML tags out (blocks become line breaks), entities
/// decoded, image markup removed, spaces collapsed, at most one blank line in a row.
pub fn normalize(body: Body<'_>) -> String {
    let p = patterns();
    let text = match body {
        Body::Text(t) => t.to_string(),
        Body::Html(h) => {
            let mut s = p.comment.replace_all(h, "").into_owned();
            for re in &p.hidden {
                s = re.replace_all(&s, "").into_owned();
            }
            s = p.image.replace_all(&s, REMOVED).into_owned();
            s = p.block.replace_all(&s, "\n").into_owned();
            s = p.tag.replace_all(&s, "").into_owned();
            decode_entities(&s)
        }
    };
    let text = p.image.replace_all(&text, REMOVED);
    let text = p.markdown_image.replace_all(&text, REMOVED);
    let others = text.chars().filter(|&c| !is_plain_starter(c));
    if unicode_normalization::is_nfc_quick(others) == unicode_normalization::IsNormalized::Yes {
        return tidy(&text);
    }
    let text: String = text.nfc().collect();
    tidy(&text)
}

/// Chars in NFC whatever surrounds them (quick check Yes, combining class 0): ASCII, Latin-1,
/// Latin Extended-A/B, IPA and spacing modifiers, and Latin Extended Additional, where
/// Vietnamese vowels with tone marks live. Leaving them out of the quick check keeps its
/// answer (a starter between two marks can only hide an ordering fault, never a composition)
/// and spares it most of a Vietnamese text.
fn is_plain_starter(c: char) -> bool {
    matches!(c, '\0'..='\u{2ff}' | '\u{1e00}'..='\u{1eff}')
}

/// Marks where markup was taken out, so that a line left empty by it vanishes instead of
/// becoming a blank line.
const REMOVED: &str = "\u{1}";

fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    // One buffer for every line, cleared before each.
    let mut l = String::new();
    for line in text.split(['\n', '\r', '\u{2028}', '\u{2029}']) {
        l.clear();
        if is_tidy(line) {
            l.push_str(line);
        } else {
            tidy_line(line, &mut l);
        }
        let l = l.trim_end();
        if l.is_empty() {
            if !line.contains(REMOVED) {
                blank = !out.is_empty();
            }
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if blank {
                out.push('\n');
            }
        }
        blank = false;
        out.push_str(l);
    }
    out
}

/// Whether `line` is already what [`tidy_line`] makes of it: the common case, copied whole.
fn is_tidy(line: &str) -> bool {
    let mut after_space = true;
    for c in line.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if c.is_ascii_graphic()
            || !(c.is_ascii() || c.is_whitespace() || c.is_control() || is_zero_width(c))
        {
            after_space = false;
        } else {
            return false;
        }
    }
    true
}

/// Zero-width chars that [`tidy_line`] turns into spaces.
fn is_zero_width(c: char) -> bool {
    c == '\u{200b}' || c == '\u{feff}'
}

/// Appends `line` to `l` with whitespace runs as one space, no leading space, and no control
/// or zero-width chars.
fn tidy_line(line: &str, l: &mut String) {
    for c in line.chars() {
        if c.is_ascii_graphic() {
            // Printable ASCII, most of any text: neither whitespace nor a control char.
            l.push(c);
            continue;
        }
        let c = if c.is_whitespace() || is_zero_width(c) {
            ' '
        } else if c.is_control() {
            continue;
        } else {
            c
        };
        if c == ' ' && (l.is_empty() || l.ends_with(' ')) {
            continue;
        }
        l.push(c);
    }
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..]
            .char_indices()
            .take(12)
            .find(|(_, c)| *c == ';')
            .map(|(j, _)| j + 1);
        let decoded = end.and_then(|e| entity(&rest[1..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_lines_without_scripts() {
        let html = "<html><head><title>x</title></head><body><script>var a=1;</script>\
                    <p>Chiều 3-3, HĐND TP&nbsp;Hà Nội &amp; tỉnh Fukuoka</p><p>ký kết&#32;thỏa thuận&#x2E;</p></body></html>";
        let t = normalize(Body::Html(html));
        assert_eq!(
            t,
            "Chiều 3-3, HĐND TP Hà Nội & tỉnh Fukuoka\n\nký kết thỏa thuận."
        );
    }

    #[test]
    fn image_markup_lines_are_removed() {
        let t = "Quang cảnh lễ ký.\n<image>![ảnh](https://x/y.jpg)</image>\nQuang cảnh lễ ký.";
        assert_eq!(
            normalize(Body::Text(t)),
            "Quang cảnh lễ ký.\nQuang cảnh lễ ký."
        );
    }

    #[test]
    fn text_is_nfc_with_tidy_whitespace() {
        let decomposed = "Ha\u{300} Nội   có\t\tmưa   \n\n\n\nNgày mai";
        assert_eq!(
            normalize(Body::Text(decomposed)),
            "Hà Nội có mưa\n\nNgày mai"
        );
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
    fn tone_marks_typed_apart_are_composed() {
        // "Thừa Thiên Huế" with its tone marks typed as combining chars after the vowels.
        let typed = "Thu\u{31b}\u{300}a Thie\u{302}n Hue\u{302}\u{301}";
        assert_eq!(normalize(Body::Text(typed)), "Thừa Thiên Huế");
    }

    #[test]
    fn broken_html_does_not_panic() {
        for h in ["<", "<p", "&#xFFFFFFFF;", "&", "<script>", "<!--", "&#;"] {
            let _ = normalize(Body::Html(h));
        }
    }
}
