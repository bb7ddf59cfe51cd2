//! Stage 6: dates.
use std::ops::Range;

use crate::model::PartialDate;

/// A date expression in the text.
pub struct DateMention {
    /// Where, in bytes.
    pub span: Range<usize>,
    /// When.
    pub date: PartialDate,
}

/// The publication date printed in a dateline, if any.
pub fn dateline(_text: &str) -> Option<PartialDate> {
    None
}

/// Every date mention in the text.
pub fn find(_t: &str, _s: &[Range<usize>], _published: Option<PartialDate>) -> Vec<DateMention> {
    Vec::new()
}
