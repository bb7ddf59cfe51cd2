//! Stage 5: persons with titles.
use std::ops::Range;

use crate::{
    model::Person,
    places::{Gazetteer, PlaceMention},
};

/// A person named in the text.
pub struct PersonMention {
    /// Where, in bytes.
    pub span: Range<usize>,
    /// Who.
    pub person: Person,
}

/// Every person mention in the text.
pub fn find(
    _t: &str,
    _s: &[Range<usize>],
    _p: &[PlaceMention],
    _g: &Gazetteer,
) -> Vec<PersonMention> {
    Vec::new()
}
