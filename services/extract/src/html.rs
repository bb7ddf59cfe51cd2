//! Stage 1a: an HTML page as its article's text and metadata.
//!
//! The page is parsed by html5ever (through `scraper`), so every entity is decoded and broken
//! markup is read the way a browser reads it. The article is found in the manner of
//! Readability: whatever never holds article text (scripts, menus, figures, forms' controls) is
//! dropped, so are elements whose class or id says boilerplate (`data/page_hints.tsv`: related
//! news, comments, sidebars, footers …) and blocks made mostly of links; each paragraph then
//! scores its parent and grandparents, the best-scoring container wins, and its siblings join
//! it when they read like article text. Blocks become lines; inline elements, and a `<br>`
//! inside a sentence, do not break one. The headline, canonical URL and publication date come
//! from the page's metadata.

use std::{
    borrow::Cow,
    collections::{HashMap, HashSet},
};

use ego_tree::{iter::Edge, NodeId, NodeRef};
use encoding_rs::{Encoding, WINDOWS_1258};
use scraper::{Html, Node, Selector};
use unicode_normalization::UnicodeNormalization;

use crate::{
    lexicon::{self, PageHint},
    model::PartialDate,
};

/// Class and id words of boilerplate and of article containers.
const HINTS: &str = include_str!("../data/page_hints.tsv");

/// Elements that never hold article text, dropped with everything inside them.
const NEVER_TEXT: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "canvas",
    "nav",
    "aside",
    "footer",
    "figure",
    "figcaption",
    "img",
    "picture",
    "video",
    "audio",
    "object",
    "embed",
    "map",
    "button",
    "select",
    "option",
    "input",
    "textarea",
    "label",
    "head",
    "title",
];

/// Elements that start and end a line of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "section",
    "article",
    "header",
    "main",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "dl",
    "address",
    "center",
    "form",
    "fieldset",
    "body",
    "caption",
];

/// Elements whose text is a paragraph of the article, when long enough.
const PARAGRAPHS: &[&str] = &["p", "pre", "td", "blockquote", "li", "h2"];

/// A paragraph shorter than this (in chars) does not score its containers.
const MIN_PARAGRAPH_CHARS: usize = 25;
/// A block whose text is more than this share of links is a list of links, unless it holds a
/// paragraph of at least [`LONG_PARAGRAPH_CHARS`].
const MAX_LINK_DENSITY: f64 = 0.5;
/// A paragraph this long is article text even among links.
const LONG_PARAGRAPH_CHARS: usize = 200;
/// A sibling of the best container joins it with at least this many chars of text …
const MIN_SIBLING_CHARS: usize = 80;
/// … and at most this share of links.
const MAX_SIBLING_LINK_DENSITY: f64 = 0.25;
/// Score of a class or id word.
const HINT_WEIGHT: f64 = 25.0;
/// Deepest element nesting handed to the parser. Real pages nest a few dozen deep; html5ever
/// checks the stack of open elements on each start tag, so a page nested hundreds of thousands
/// deep would take minutes.
const MAX_DEPTH: usize = 512;
/// Elements that have no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Bytes at the start of a page searched for its declared charset.
const CHARSET_WINDOW: usize = 4096;

/// The class and id words, read once by the [`crate::Extractor`].
pub struct Rules {
    boilerplate: Vec<String>,
    content: Vec<String>,
    og_title: Selector,
    h1: Selector,
    title: Selector,
    url: Vec<(Selector, &'static str)>,
    published: Selector,
    json_ld: Selector,
}

impl Rules {
    /// Reads `data/page_hints.tsv` and compiles the metadata selectors.
    pub fn builtin() -> Self {
        let rows = lexicon::page_hints("page_hints.tsv", HINTS)
            .unwrap_or_else(|e| panic!("malformed page_hints.tsv: {e}"));
        let (mut boilerplate, mut content) = (Vec::new(), Vec::new());
        for (kind, word) in rows {
            match kind {
                PageHint::Boilerplate => boilerplate.push(word.to_lowercase()),
                PageHint::Content => content.push(word.to_lowercase()),
            }
        }
        let css = |s: &str| Selector::parse(s).unwrap_or_else(|e| panic!("bad selector {s}: {e}"));
        Rules {
            boilerplate,
            content,
            og_title: css(r#"meta[property="og:title"], meta[name="og:title"]"#),
            h1: css("h1"),
            title: css("title"),
            url: vec![
                (css(r#"meta[property="og:url"]"#), "content"),
                (css(r#"link[rel="canonical"]"#), "href"),
            ],
            published: css(
                r#"meta[property="article:published_time"], meta[name="article:published_time"], meta[itemprop="datePublished"], meta[name="pubdate"], meta[name="publishdate"], meta[name="date"], meta[name="dc.date.issued"], meta[name="DC.date.issued"], meta[property="og:published_time"], time[itemprop="datePublished"]"#,
            ),
            json_ld: css(r#"script[type="application/ld+json"]"#),
        }
    }

    /// Whether an element's class and id words mark it boilerplate, content, or neither.
    fn hint(&self, element: &scraper::node::Element) -> Hint {
        let mut words = String::new();
        for class in element.classes() {
            words.push_str(class);
            words.push(' ');
        }
        if let Some(id) = element.id() {
            words.push_str(id);
        }
        if words.is_empty() {
            return Hint::None;
        }
        let words = words.to_lowercase();
        let tokens: Vec<&str> = words
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|t| !t.is_empty())
            .flat_map(|t| std::iter::once(t).chain(t.split('-')))
            .collect();
        let has = |list: &[String]| {
            list.iter().any(|w| {
                tokens
                    .iter()
                    .any(|t| t == w || (w.len() >= 4 && t.contains(w.as_str())))
            })
        };
        match (has(&self.boilerplate), has(&self.content)) {
            (true, false) => Hint::Boilerplate,
            (false, true) => Hint::Content,
            _ => Hint::None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hint {
    Boilerplate,
    Content,
    None,
}

/// What a page gives: its article's text and the metadata it declares.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Page {
    /// The article's text: the headline, then one line per block.
    pub text: String,
    /// The headline (`og:title`, else the first `<h1>`, else `<title>` without the site name).
    pub title: Option<String>,
    /// The canonical URL (`og:url`, else `link rel=canonical`).
    pub url: Option<String>,
    /// The publication date (`article:published_time` and its kin, else JSON-LD's
    /// `datePublished`).
    pub published_on: Option<PartialDate>,
}

/// Text and link sizes of an element, in chars of its whitespace-collapsed text.
#[derive(Debug, Clone, Copy, Default)]
struct Size {
    text: usize,
    links: usize,
    /// The longest paragraph inside.
    longest: usize,
    /// Commas in the text.
    commas: usize,
    /// Whether an `<h1>` is inside (or is this).
    has_h1: bool,
}

impl Size {
    fn link_density(&self) -> f64 {
        if self.text == 0 {
            0.0
        } else {
            self.links as f64 / self.text as f64
        }
    }
}

/// Reads the article and the metadata of an HTML page.
pub fn page(rules: &Rules, source: &str) -> Page {
    let doc = Html::parse_document(&flatten_deep_nesting(source));
    let root = doc.tree.root();
    let sizes = sizes(root);
    let dropped = dropped(rules, root, &sizes);
    let chosen = article(rules, root, &sizes, &dropped);
    let mut text = String::new();
    for node in &chosen {
        write_text(*node, &dropped, &mut text);
    }
    // A legacy code page decodes to tone marks apart from their vowels: the headline is
    // composed here, the text by `normalize`.
    let title = title(rules, &doc).map(|t| t.nfc().collect::<String>());
    if let Some(title) = &title {
        let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        if collapse(first_line).nfc().collect::<String>() != *title {
            text = format!("{title}\n{text}");
        }
    }
    Page {
        text,
        title,
        url: url(rules, &doc),
        published_on: published(rules, &doc),
    }
}

/// The page with every tag nested deeper than [`MAX_DEPTH`] taken out, their text kept. Tags
/// are told by a plain scan, not a parse: exact enough for a bound that real pages never reach.
fn flatten_deep_nesting(source: &str) -> Cow<'_, str> {
    let bytes = source.as_bytes();
    let mut depth = 0usize;
    let mut kept = 0;
    let mut out: Option<String> = None;
    let mut i = 0;
    while let Some(at) = memchr_lt(bytes, i) {
        let closing = bytes.get(at + 1) == Some(&b'/');
        let name_start = at + 1 + usize::from(closing);
        let name_len = bytes[name_start.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            i = at + 1;
            continue;
        }
        // No '>' left: no tag can follow.
        let Some(end) = bytes[at..].iter().position(|b| *b == b'>') else {
            break;
        };
        let end = at + end + 1;
        let name = source[name_start..name_start + name_len].to_ascii_lowercase();
        let void = VOID.contains(&name.as_str()) || bytes[..end].ends_with(b"/>");
        let too_deep = if closing {
            let deep = depth > MAX_DEPTH;
            depth = depth.saturating_sub(1);
            deep
        } else if void {
            false
        } else {
            depth += 1;
            depth > MAX_DEPTH
        };
        if too_deep {
            let out = out.get_or_insert_with(|| String::with_capacity(source.len()));
            out.push_str(&source[kept..at]);
            kept = end;
        }
        i = end;
    }
    match out {
        None => Cow::Borrowed(source),
        Some(mut out) => {
            out.push_str(&source[kept..]);
            Cow::Owned(out)
        }
    }
}

fn memchr_lt(bytes: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|b| *b == b'<')
        .map(|p| p + from)
}

/// Each element's text and link sizes, children before parents (no recursion: pages nest
/// deeply).
fn sizes(root: NodeRef<'_, Node>) -> HashMap<NodeId, Size> {
    let mut sizes: HashMap<NodeId, Size> = HashMap::new();
    for edge in root.traverse() {
        let Edge::Close(node) = edge else { continue };
        let mut size = Size::default();
        match node.value() {
            Node::Text(t) => {
                size.text = collapse(t).chars().count();
                size.commas = t.matches(',').count();
            }
            Node::Element(e) if NEVER_TEXT.contains(&e.name()) => {}
            Node::Element(e) => {
                for child in node.children() {
                    if let Some(c) = sizes.get(&child.id()) {
                        size.text += c.text;
                        size.links += c.links;
                        size.longest = size.longest.max(c.longest);
                        size.commas += c.commas;
                        size.has_h1 |= c.has_h1;
                    }
                }
                size.has_h1 |= e.name() == "h1";
                if e.name() == "a" {
                    size.links = size.text;
                }
                if PARAGRAPHS.contains(&e.name()) || has_own_text(node) {
                    size.longest = size.longest.max(size.text - size.links);
                }
            }
            _ => continue,
        }
        sizes.insert(node.id(), size);
    }
    sizes
}

/// Whether an element holds a paragraph's worth of text directly, not in child blocks (a
/// portal's `<div>text<br>text</div>`).
fn has_own_text(node: NodeRef<'_, Node>) -> bool {
    let own: usize = node
        .children()
        .filter_map(|c| c.value().as_text().map(|t| collapse(t).chars().count()))
        .sum();
    own >= MIN_PARAGRAPH_CHARS
}

/// The nodes dropped, each with everything inside it: elements that never hold text, marked
/// boilerplate, or mostly links.
fn dropped(
    rules: &Rules,
    root: NodeRef<'_, Node>,
    sizes: &HashMap<NodeId, Size>,
) -> HashSet<NodeId> {
    let mut dropped = HashSet::new();
    let mut inside: Option<NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) if inside.is_some() => {
                dropped.insert(node.id());
            }
            Edge::Open(node) => {
                let Node::Element(e) = node.value() else {
                    continue;
                };
                let size = sizes.get(&node.id()).copied().unwrap_or_default();
                let name = e.name();
                let drop = NEVER_TEXT.contains(&name)
                    || (name == "header" && !size.has_h1)
                    || (!matches!(name, "body" | "html") && rules.hint(e) == Hint::Boilerplate)
                    || (name != "a"
                        && size.text > 0
                        && size.link_density() > MAX_LINK_DENSITY
                        && size.longest < LONG_PARAGRAPH_CHARS);
                if drop {
                    dropped.insert(node.id());
                    inside = Some(node.id());
                }
            }
            Edge::Close(node) if inside == Some(node.id()) => inside = None,
            Edge::Close(_) => {}
        }
    }
    dropped
}

fn is_element(node: NodeRef<'_, Node>, name: &str) -> bool {
    node.value().as_element().is_some_and(|e| e.name() == name)
}

/// The nodes holding the article, in page order: the best-scoring container and the siblings
/// that read like its text; the whole body when nothing scores.
fn article<'a>(
    rules: &Rules,
    root: NodeRef<'a, Node>,
    sizes: &HashMap<NodeId, Size>,
    dropped: &HashSet<NodeId>,
) -> Vec<NodeRef<'a, Node>> {
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    for node in root.descendants() {
        let Node::Element(e) = node.value() else {
            continue;
        };
        if node
            .ancestors()
            .chain([node])
            .any(|a| dropped.contains(&a.id()))
        {
            continue;
        }
        let paragraph = PARAGRAPHS.contains(&e.name()) || has_own_text(node);
        let size = sizes.get(&node.id()).copied().unwrap_or_default();
        if !paragraph || size.text < MIN_PARAGRAPH_CHARS {
            continue;
        }
        let score = 1.0 + size.commas as f64 + (size.text as f64 / 100.0).min(3.0);
        for (level, ancestor) in node.ancestors().take(3).enumerate() {
            let Node::Element(a) = ancestor.value() else {
                break;
            };
            let entry = scores
                .entry(ancestor.id())
                .or_insert_with(|| initial_score(rules, a));
            *entry += score / (level as f64 + 1.0);
        }
    }
    let best = scores
        .iter()
        .map(|(id, score)| {
            let density = sizes.get(id).map_or(0.0, Size::link_density);
            (*id, score * (1.0 - density))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
    let Some((best, best_score)) = best else {
        return vec![root];
    };
    let Some(top) = root.tree().get(best) else {
        return vec![root];
    };
    let Some(parent) = top.parent() else {
        return vec![top];
    };
    let threshold = (best_score * 0.2).max(10.0);
    parent
        .children()
        .filter(|sibling| {
            if sibling.id() == top.id() {
                return true;
            }
            if dropped.contains(&sibling.id()) || !sibling.value().is_element() {
                return false;
            }
            let size = sizes.get(&sibling.id()).copied().unwrap_or_default();
            let scored = scores.get(&sibling.id()).is_some_and(|s| *s >= threshold);
            scored
                || (size.text >= MIN_SIBLING_CHARS
                    && size.link_density() < MAX_SIBLING_LINK_DENSITY)
        })
        .collect()
}

/// A container's score before its paragraphs: its class and id, and what its tag tends to hold.
fn initial_score(rules: &Rules, element: &scraper::node::Element) -> f64 {
    let hint = match rules.hint(element) {
        Hint::Content => HINT_WEIGHT,
        Hint::Boilerplate => -HINT_WEIGHT,
        Hint::None => 0.0,
    };
    let tag = match element.name() {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    hint + tag
}

/// Writes the text under `node`, skipping dropped elements: blocks on lines of their own,
/// inline elements inside the line, a `<br>` a line break only after a sentence's end or
/// before another `<br>`.
fn write_text(node: NodeRef<'_, Node>, dropped: &HashSet<NodeId>, out: &mut String) {
    for edge in node.traverse() {
        match edge {
            Edge::Open(n) if !dropped.contains(&n.id()) => match n.value() {
                Node::Text(t) => out.push_str(&collapse_keeping_edges(t)),
                Node::Element(e) if e.name() == "br" => {
                    if ends_sentence(out) || next_is_br(n) {
                        line_break(out);
                    } else {
                        out.push(' ');
                    }
                }
                Node::Element(e) if BLOCKS.contains(&e.name()) => line_break(out),
                _ => {}
            },
            Edge::Close(n)
                if !dropped.contains(&n.id())
                    && n.value()
                        .as_element()
                        .is_some_and(|e| BLOCKS.contains(&e.name())) =>
            {
                line_break(out)
            }
            _ => {}
        }
    }
}

fn line_break(out: &mut String) {
    let trimmed = out.trim_end_matches(' ').len();
    out.truncate(trimmed);
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn ends_sentence(out: &str) -> bool {
    out.trim_end()
        .chars()
        .last()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | ';' | '…' | '"' | '”' | ')'))
}

/// Whether the next node after a `<br>`, past blank text, is another `<br>`.
fn next_is_br(br: NodeRef<'_, Node>) -> bool {
    let mut next = br.next_sibling();
    while let Some(n) = next {
        match n.value() {
            Node::Text(t) if t.trim().is_empty() => next = n.next_sibling(),
            _ => return is_element(n, "br"),
        }
    }
    false
}

/// Whitespace runs as one space, as a browser shows them, ends trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whitespace runs as one space, a space kept at either end (it separates words across inline
/// elements).
fn collapse_keeping_edges(text: &str) -> String {
    let inner = collapse(text);
    if inner.is_empty() {
        return if text.is_empty() {
            String::new()
        } else {
            " ".into()
        };
    }
    let lead = if text.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if text.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    format!("{lead}{inner}{trail}")
}

fn title(rules: &Rules, doc: &Html) -> Option<String> {
    let og = doc
        .select(&rules.og_title)
        .find_map(|m| m.attr("content").map(collapse));
    let h1 = || {
        doc.select(&rules.h1)
            .map(|h| collapse(&h.text().collect::<String>()))
            .next()
    };
    let head = || {
        doc.select(&rules.title).next().map(|t| {
            // "Headline - Báo X", "Headline | Cổng TTĐT tỉnh Y": the site's name goes.
            let full = collapse(&t.text().collect::<String>());
            [" | ", " - ", " – "]
                .iter()
                .find_map(|sep| {
                    full.rsplit_once(sep)
                        .map(|(headline, _)| headline.to_string())
                })
                .unwrap_or(full)
        })
    };
    og.filter(|t| !t.is_empty())
        .or_else(|| h1().filter(|t| !t.is_empty()))
        .or_else(|| head().filter(|t| !t.is_empty()))
}

fn url(rules: &Rules, doc: &Html) -> Option<String> {
    rules.url.iter().find_map(|(selector, attr)| {
        doc.select(selector)
            .find_map(|m| m.attr(attr).map(str::trim).filter(|u| !u.is_empty()))
            .map(str::to_string)
    })
}

fn published(rules: &Rules, doc: &Html) -> Option<PartialDate> {
    let meta = doc.select(&rules.published).find_map(|m| {
        m.attr("content")
            .or_else(|| m.attr("datetime"))
            .and_then(iso_date)
    });
    meta.or_else(|| {
        doc.select(&rules.json_ld).find_map(|script| {
            let json = script.text().collect::<String>();
            let at = json.find("\"datePublished\"")?;
            let value = json[at + "\"datePublished\"".len()..]
                .trim_start()
                .strip_prefix(':')?
                .trim_start()
                .strip_prefix('"')?;
            iso_date(value)
        })
    })
}

/// The date at the start of an ISO 8601 timestamp ("2024-03-15T08:30:00+07:00").
fn iso_date(text: &str) -> Option<PartialDate> {
    let text = text.trim();
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let year = number(0..4)?;
    let (month, day) = (number(5..7)?, number(8..10)?);
    let valid = text.get(4..5) == Some("-")
        && text.get(7..8) == Some("-")
        && (1..=12).contains(&month)
        && (1..=31).contains(&day);
    valid.then_some(PartialDate {
        year: i32::try_from(year).ok()?,
        month,
        day,
        year_inferred: false,
    })
}

/// A page's bytes as text: the charset from a byte order mark, else UTF-8 when the bytes are
/// UTF-8, else the charset the page declares (`<meta charset>` or its `http-equiv` form), else
/// Windows-1258, the legacy code page of Vietnamese pages.
pub fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    let encoding = declared_charset(&bytes[..bytes.len().min(CHARSET_WINDOW)])
        .and_then(Encoding::for_label)
        .unwrap_or(WINDOWS_1258);
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// The label after the first `charset=` in the bytes (ASCII case folded).
fn declared_charset(head: &[u8]) -> Option<&[u8]> {
    let lower = head.to_ascii_lowercase();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = &head[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')))
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(source: &str) -> Page {
        page(&Rules::builtin(), source)
    }

    #[test]
    fn inline_markup_and_a_br_inside_a_sentence_keep_it_whole() {
        let page = read(
            "<!DOCTYPE html><html><body><div class=\"detail-content\">\
             <p>Chiều 3/3, <strong>UBND tỉnh Qu&#7843;ng Ninh</strong> v&agrave; t&#7881;nh \
             <a href=\"/hokkaido\">Hokkaido</a> đã ký k&#7871;t<br>biên bản ghi nhớ hợp tác.<br>\
             Hai bên thống nhất trao đổi đoàn hằng năm, mở rộng hợp tác giáo dục.</p></div></body></html>",
        );
        assert_eq!(
            page.text,
            "Chiều 3/3, UBND tỉnh Quảng Ninh và tỉnh Hokkaido đã ký kết biên bản ghi nhớ hợp tác.\n\
             Hai bên thống nhất trao đổi đoàn hằng năm, mở rộng hợp tác giáo dục.\n"
        );
    }

    #[test]
    fn metadata_gives_headline_url_and_date_and_the_doctype_is_no_headline() {
        let page = read(
            "<!DOCTYPE html><html><head><title>Hà Nội và Fukuoka ký kết hợp tác - Báo Hà Nội Mới</title>\
             <link rel=\"canonical\" href=\"https://hanoimoi.vn/ha-noi-fukuoka-123.html\">\
             <script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\": \"2024-03-05T09:00:00+07:00\"}</script>\
             </head><body><p>Sáng 5/3, tại Hà Nội, lãnh đạo thành phố Hà Nội và tỉnh Fukuoka đã ký kết thỏa thuận hợp tác.</p></body></html>",
        );
        assert_eq!(
            page.title.as_deref(),
            Some("Hà Nội và Fukuoka ký kết hợp tác")
        );
        assert_eq!(
            page.url.as_deref(),
            Some("https://hanoimoi.vn/ha-noi-fukuoka-123.html")
        );
        let date = page.published_on.expect("date");
        assert_eq!((date.year, date.month, date.day), (2024, 3, 5));
        assert!(
            page.text
                .starts_with("Hà Nội và Fukuoka ký kết hợp tác\nSáng 5/3"),
            "{}",
            page.text
        );
    }

    #[test]
    fn related_links_comments_and_footers_are_not_the_article() {
        let article = "Chiều 16/11, Chủ tịch UBND tỉnh Quảng Ninh đã tiếp Đoàn đại biểu tỉnh Hokkaido do Thống đốc Suzuki Naomichi dẫn đầu, hai bên trao đổi về hợp tác du lịch, giáo dục và nông nghiệp.";
        let page = read(&format!(
            "<html><body><div class=\"main\"><h1>Quảng Ninh tiếp đoàn tỉnh Hokkaido</h1>\
             <div class=\"box-news-2\"><ul><li><a href=\"/1\">Đà Nẵng ký kết thỏa thuận hợp tác với thành phố Busan</a></li>\
             <li><a href=\"/2\">Đoàn đại biểu tỉnh Gunma thăm và làm việc tại Bắc Ninh</a></li></ul></div>\
             <p>{article}</p><p>Hai bên nhất trí tăng cường trao đổi đoàn các cấp, thúc đẩy hợp tác giữa các doanh nghiệp của hai địa phương.</p></div>\
             <div id=\"binh-luan\"><p>Mong đoàn tỉnh Kanagawa sớm sang thăm Bắc Ninh, hai bên ký kết hợp tác.</p></div>\
             <footer>Báo Quảng Ninh. Đoàn tỉnh Okayama thăm Bình Định.</footer></body></html>"
        ));
        assert!(page.text.contains(article), "{}", page.text);
        for noise in ["Busan", "Gunma", "Kanagawa", "Okayama"] {
            assert!(!page.text.contains(noise), "{noise} in {}", page.text);
        }
    }

    #[test]
    fn a_legacy_code_page_is_read_from_its_declaration_or_assumed() {
        // Windows-1258 has some vowels with their marks and the tone marks alone: a letter it
        // lacks is written as its vowel and a combining tone mark, as Vietnamese pages did.
        let mut encoded = Vec::new();
        for c in "<p>Đoàn đại biểu tỉnh Lạng Sơn</p>".chars() {
            let mut buffer = [0; 4];
            let (whole, _, lacking) = WINDOWS_1258.encode(c.encode_utf8(&mut buffer));
            if !lacking {
                encoded.extend_from_slice(&whole);
                continue;
            }
            let parts: Vec<char> = std::iter::once(c).nfd().collect();
            let (tone, vowel) = parts.split_last().expect("decomposes");
            let vowel: String = vowel.iter().copied().nfc().collect();
            encoded.extend_from_slice(&WINDOWS_1258.encode(&format!("{vowel}{tone}")).0);
        }
        let declared = [
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\">"
                .as_slice(),
            &encoded,
        ]
        .concat();
        for bytes in [declared, encoded] {
            let text: String = decode(&bytes).nfc().collect();
            assert!(
                text.ends_with("<p>Đoàn đại biểu tỉnh Lạng Sơn</p>"),
                "{text}"
            );
        }
        let bom = [&[0xef, 0xbb, 0xbf][..], "Hà Nội".as_bytes()].concat();
        assert_eq!(decode(&bom), "Hà Nội");
    }

    #[test]
    fn nesting_past_the_bound_keeps_its_text() {
        let deep = format!("{}Hà Nội{}", "<div>".repeat(2_000), "</div>".repeat(2_000));
        let flat = flatten_deep_nesting(&deep);
        assert_eq!(flat.matches("<div>").count(), MAX_DEPTH);
        assert!(read(&deep).text.contains("Hà Nội"));
        assert!(matches!(
            flatten_deep_nesting("<p>Hà Nội</p>"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn broken_html_does_not_panic() {
        for h in [
            "<",
            "<p",
            "&#xFFFFFFFF;",
            "&",
            "<script>",
            "<!--",
            "&#;",
            "<a<a<a",
            "</",
        ] {
            let _ = read(h);
        }
    }
}
