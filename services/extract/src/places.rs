//! Stage 4: places and organizations.
use std::ops::Range;

use crate::model::Place;

/// Every place the extractor knows, by every spelling.
pub struct Gazetteer;

impl Gazetteer {
    /// The gazetteer built from the embedded data files.
    pub fn builtin() -> Self {
        Gazetteer
    }

    /// Resolves an ISO code or a name in any common spelling to its place.
    pub fn resolve(&self, _name: &str) -> Option<Place> {
        None
    }
}

/// A place named in the text.
pub struct PlaceMention {
    /// Where, in bytes.
    pub span: Range<usize>,
    /// Which place.
    pub place: Place,
}

/// Every place mention in the text.
pub fn find(_g: &Gazetteer, _text: &str, _sentences: &[Range<usize>]) -> Vec<PlaceMention> {
    Vec::new()
}
