//! The hoptac extractor: a Vietnamese news article in, the agreements and visits it reports out.
//!
//! A pure library — no I/O, no async, deterministic — built as a pipeline of stages, each a
//! module, data flowing one way:
//!
//! 1. [`html`] (for a page): the article's text and metadata found in the DOM; [`normalize`]:
//!    Unicode NFC, whitespace, invisible format chars and image markup out;
//! 2. [`clean`]: the body without its site's noise (related-news blocks, repeated captions);
//! 3. [`sentences`]: Vietnamese sentence splitting;
//! 4. [`places`]: gazetteer matching of places and the organizations that belong to them;
//! 5. [`persons`]: names with their titles;
//! 6. [`dates`]: date expressions with their precision, years resolved from context;
//! 7. [`events`]: agreements and visits with their roles, merged across mentions.
//!
//! Place, organization, title and keyword knowledge lives in data files under `data/`, compiled
//! into the library so that extraction needs no files at run time.

pub mod clean;
pub mod dates;
pub mod events;
pub mod html;
pub mod lexicon;
pub mod model;
pub mod normalize;
pub mod persons;
pub mod places;
pub mod sentences;
pub mod text;

pub use hoptac_gazetteer::Gazetteer;
pub use model::*;

use sha2::{Digest, Sha256};

/// The loaded gazetteers and rules, every compiled pattern and lexicon of every stage; build
/// once, extract many times (it is `Sync`).
pub struct Extractor {
    page: html::Rules,
    markup: normalize::Rules,
    noise: clean::Rules,
    stops: sentences::Rules,
    gazetteer: Gazetteer,
    places: places::Matcher,
    cues: events::Cues,
    persons: persons::Rules,
    /// The event words' and the persons stage's phrases, found in one pass
    /// ([`Extractor::CUE_PHRASES`], [`Extractor::PERSON_PHRASES`]).
    phrases: text::Phrases,
    dates: dates::Rules,
}

impl Extractor {
    /// The lexicon of [`Extractor::phrases`] that holds the event words.
    const CUE_PHRASES: usize = 0;
    /// The lexicon of [`Extractor::phrases`] that holds the persons stage's phrases.
    const PERSON_PHRASES: usize = 1;

    /// Loads the built-in data files. Panics only if the embedded data is malformed, which the
    /// crate's tests rule out.
    pub fn new() -> Self {
        let gazetteer = Gazetteer::builtin();
        let places = places::Matcher::new(&gazetteer);
        let cues = events::Cues::builtin();
        let persons = persons::Rules::builtin();
        let phrases = text::Phrases::new(&[cues.phrases(), persons.phrases()]);
        Self {
            page: html::Rules::builtin(),
            markup: normalize::Rules::builtin(),
            noise: clean::Rules::builtin(),
            stops: sentences::Rules::builtin(),
            gazetteer,
            places,
            cues,
            persons,
            phrases,
            dates: dates::Rules::builtin(),
        }
    }

    /// The place gazetteer, for resolving names and codes outside extraction (query filters).
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Runs every stage over one article.
    pub fn extract(&self, input: &Input<'_>) -> Extraction {
        let page = match input.body {
            Body::Html(source) => html::page(&self.page, source),
            Body::Text(_) => html::Page::default(),
        };
        let text = match input.body {
            Body::Html(_) => &page.text,
            Body::Text(text) => text,
        };
        let normalized = normalize::normalize(&self.markup, text);
        let article_id = article_id(&normalized);
        let cleaned = clean::clean(&self.noise, &normalized);
        let title = if !input.title.trim().is_empty() {
            input.title.trim().to_string()
        } else if let Some(title) = page
            .title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            title.to_string()
        } else {
            cleaned
                .lines()
                .next()
                .unwrap_or_default()
                .trim()
                .to_string()
        };
        let published_on = input
            .published_on
            .or(page.published_on)
            .or_else(|| dates::dateline(&self.dates, &cleaned));
        let sentences = sentences::split(&self.stops, &cleaned);
        // One lowercase view serves every stage that matches case-insensitively.
        let lower = text::lower_view(&cleaned);
        let mut mentions = places::find(&self.gazetteer, &self.places, &cleaned, &sentences);
        let found = self.phrases.scan(&lower);
        let people = persons::find(
            &self.persons,
            &cleaned,
            &lower,
            found.of(Self::PERSON_PHRASES),
            &sentences,
            &mentions,
        );
        persons::drop_names(&mut mentions, &people);
        let when = dates::find(&self.dates, &cleaned, &lower, &sentences, published_on);
        let (agreements, visits) = events::find(&events::Context {
            text: &cleaned,
            lower: &lower,
            sentences: &sentences,
            places: &mentions,
            persons: &people,
            dates: &when,
            published: published_on,
            gazetteer: &self.gazetteer,
            cues: &self.cues,
            cue_phrases: found.of(Self::CUE_PHRASES),
            person_rules: &self.persons,
            date_rules: &self.dates,
        });
        Extraction {
            article_id,
            url: page.url,
            title,
            text: cleaned,
            published_on,
            agreements,
            visits,
        }
    }
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new()
    }
}

/// The identity of an article: the first 128 bits of the SHA-256 of its normalized text, in hex.
/// Identical text under another URL or title has the same id.
pub fn article_id(normalized_text: &str) -> String {
    let digest = Sha256::digest(normalized_text.as_bytes());
    hex::encode(&digest[..16])
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn extract(e: &Extractor, text: &str) -> Extraction {
        e.extract(&Input {
            body: Body::Text(text),
            title: "",
            published_on: None,
        })
    }

    /// The seed articles of the repository and, when `../shared` is beside the clone (as in
    /// CI), the shared dev articles.
    fn articles() -> Vec<String> {
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        for dir in [
            manifest.join("../../seeds"),
            manifest.join("../../../shared/eval/dev/articles"),
        ] {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            let mut paths: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
            paths.sort();
            out.extend(paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()));
        }
        out
    }

    fn check_evidence(x: &Extraction) {
        let chars: Vec<char> = x.text.chars().collect();
        let evidences = x
            .agreements
            .iter()
            .map(|a| &a.evidence)
            .chain(x.visits.iter().map(|v| &v.evidence));
        for ev in evidences {
            assert!(ev.start <= ev.end && ev.end <= chars.len());
            let quote: String = chars[ev.start..ev.end].iter().collect();
            assert_eq!(quote, ev.quote);
        }
    }

    #[test]
    fn odd_inputs_never_panic() {
        let e = Extractor::new();
        let long = "Hà Nội ký kết thỏa thuận với tỉnh Fukuoka ".repeat(2000);
        let odd = [
            "",
            " ",
            "\n\n\t \u{a0}",
            "<",
            "<p></p><br/>",
            "&#x110000;&#0;&amp",
            long.as_str(),
            "Ngày 32/13, đoàn 99-1/0 ký 2,3 tỷ… TP. TS. (Ảnh:",
            "한국 日本 Việt Nam Ελλάδα عربى ký kết thỏa thuận tỉnh Fukuoka (Nhật Bản)",
            "\u{1}\u{2}\u{7f}\u{200b}\u{feff}ký\u{301}\u{301}",
            "Đoàn đại biểu tỉnh Hokkaido do",
            "giữa",
        ];
        for t in odd {
            let x = extract(&e, t);
            check_evidence(&x);
            let _ = e.extract(&Input {
                body: Body::Html(t),
                title: "",
                published_on: None,
            });
        }
    }

    #[test]
    fn invisible_format_chars_change_neither_the_article_nor_its_records() {
        let e = Extractor::new();
        let clean = "Sáng 12/3/2024, tại Hạ Long, UBND tỉnh Quảng Ninh và Chính quyền tỉnh \
                     Gyeonggi (Hàn Quốc) đã ký kết Biên bản ghi nhớ hợp tác trong lĩnh vực du lịch. \
                     Đoàn công tác của tỉnh Gyeonggi do Phó Tỉnh trưởng Kim Dong-yeon dẫn đầu.";
        // A byte order mark, a zero-width space inside a word, zero-width joiners, a soft
        // hyphen, a right-to-left mark and an override closed by its pop, as pages carry them.
        let marked = format!(
            "\u{feff}{}",
            clean
                .replace("Quảng Ninh", "Quảng\u{200b} Ni\u{ad}nh")
                .replace("Gyeonggi (", "Gyeong\u{200d}gi\u{200f} (")
                .replace("Biên bản", "\u{202e}Biên\u{202c} bản\u{2060}")
        );
        assert_ne!(marked, clean);
        let want = extract(&e, clean);
        assert!(!want.agreements.is_empty() && !want.visits.is_empty());
        assert_eq!(extract(&e, &marked), want);
    }

    #[test]
    fn every_article_and_every_cut_of_it_extracts() {
        let e = Extractor::new();
        let texts = articles();
        assert!(!texts.is_empty());
        for t in &texts {
            check_evidence(&extract(&e, t));
            let n = t.chars().count();
            let step = (n / 40).max(1);
            for cut in (0..n).step_by(step) {
                let prefix: String = t.chars().take(cut).collect();
                let suffix: String = t.chars().skip(cut).collect();
                check_evidence(&extract(&e, &prefix));
                check_evidence(&extract(&e, &suffix));
            }
        }
    }

    #[test]
    fn extraction_is_deterministic_and_identifies_the_text() {
        let e = Extractor::default();
        let t = "Chiều 3-3, HĐND TP Hà Nội và Hội đồng tỉnh Fukuoka (Nhật Bản) ký kết thỏa thuận hợp tác.";
        let a = extract(&e, t);
        assert_eq!(a, extract(&e, t));
        assert_eq!(a.article_id, article_id(t));
        assert_eq!(a.article_id.len(), 32);
        assert_eq!(a.title, t);
    }
}
