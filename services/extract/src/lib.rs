//! The hoptac extractor: a Vietnamese news article in, the agreements and visits it reports out.
//!
//! A pure library — no I/O, no async, deterministic — built as a pipeline of stages, each a
//! module, data flowing one way:
//!
//! 1. [`normalize`]: HTML to text, Unicode NFC, whitespace, image markup out;
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
pub mod model;
pub mod normalize;
pub mod persons;
pub mod places;
pub mod sentences;
pub mod text;

pub use model::*;

use sha2::{Digest, Sha256};

/// The loaded gazetteers and rules; build once, extract many times (it is `Sync`).
pub struct Extractor {
    gazetteer: places::Gazetteer,
}

impl Extractor {
    /// Loads the built-in data files. Panics only if the embedded data is malformed, which the
    /// crate's tests rule out.
    pub fn new() -> Self {
        Self {
            gazetteer: places::Gazetteer::builtin(),
        }
    }

    /// The place gazetteer, for resolving names and codes outside extraction (query filters).
    pub fn gazetteer(&self) -> &places::Gazetteer {
        &self.gazetteer
    }

    /// Runs every stage over one article.
    pub fn extract(&self, input: &Input<'_>) -> Extraction {
        let normalized = normalize::normalize(input.body);
        let article_id = article_id(&normalized);
        let cleaned = clean::clean(&normalized);
        let title = if input.title.trim().is_empty() {
            cleaned
                .lines()
                .next()
                .unwrap_or_default()
                .trim()
                .to_string()
        } else {
            input.title.trim().to_string()
        };
        let published_on = input.published_on.or_else(|| dates::dateline(&cleaned));
        let sentences = sentences::split(&cleaned);
        let mentions = places::find(&self.gazetteer, &cleaned, &sentences);
        let people = persons::find(&cleaned, &sentences, &mentions, &self.gazetteer);
        let when = dates::find(&cleaned, &sentences, published_on);
        let (agreements, visits) = events::find(&events::Context {
            text: &cleaned,
            sentences: &sentences,
            places: &mentions,
            persons: &people,
            dates: &when,
            gazetteer: &self.gazetteer,
        });
        Extraction {
            article_id,
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
