//! Stage 7: agreements and visits.
use std::ops::Range;

use crate::{
    dates::DateMention,
    model::{Agreement, Visit},
    persons::PersonMention,
    places::{Gazetteer, PlaceMention},
};

/// Everything the earlier stages found.
pub struct Context<'a> {
    /// The cleaned text.
    pub text: &'a str,
    /// Sentence byte ranges.
    pub sentences: &'a [Range<usize>],
    /// Place mentions.
    pub places: &'a [PlaceMention],
    /// Person mentions.
    pub persons: &'a [PersonMention],
    /// Date mentions.
    pub dates: &'a [DateMention],
    /// The gazetteer.
    pub gazetteer: &'a Gazetteer,
}

/// The agreements and visits of an article.
pub fn find(_c: &Context<'_>) -> (Vec<Agreement>, Vec<Visit>) {
    (Vec::new(), Vec::new())
}
