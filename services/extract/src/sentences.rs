//! Stage 3: Vietnamese sentence splitting.
use std::ops::Range;

/// Byte ranges of the sentences of `text`.
pub fn split(text: &str) -> Vec<Range<usize>> {
    std::iter::once(0..text.len()).collect()
}
