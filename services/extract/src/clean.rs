//! Stage 2: the article without its site's noise.

/// The article body without noise.
pub fn clean(text: &str) -> String {
    text.to_string()
}
