//! The JSONL manifest `load` reads: one article per line, with the metadata a file cannot carry
//! (its URL, source, title, publication date) and its body as a file path (relative to the
//! manifest) or as inline text or HTML.
//!
//! ```text
//! {"url": "https://baoquangninh.vn/a.html", "source": "Báo Quảng Ninh", "published_on": "2024-05-17", "path": "pages/a.html"}
//! {"url": "https://hanoimoi.vn/b", "title": "Hà Nội - Fukuoka", "text": "Sáng 3/3, tại Hà Nội, ..."}
//! ```

use std::path::{Path, PathBuf};

use hoptac_api::v1::{article_input::Body, ArticleInput, PartialDate};
use serde::Deserialize;

/// One line of a manifest, as written. Unknown keys are refused, so a misspelt key is not
/// silently dropped.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    #[serde(default)]
    url: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    title: String,
    #[serde(default, alias = "publishedOn")]
    published_on: Option<String>,
    #[serde(default)]
    path: Option<PathBuf>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    html: Option<String>,
}

/// An article a manifest line describes.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The line's metadata, and its body when inline.
    pub article: ArticleInput,
    /// The body's file, resolved against the manifest's folder, when not inline.
    pub path: Option<PathBuf>,
}

/// Reads one manifest line; `dir` is the manifest's folder. The error says what is wrong with
/// the line.
pub fn entry(line: &str, dir: &Path) -> Result<Entry, String> {
    let line: Line = serde_json::from_str(line).map_err(|e| format!("not a manifest line: {e}"))?;
    let published_on = line
        .published_on
        .as_deref()
        .filter(|d| !d.is_empty())
        .map(partial_date)
        .transpose()?;
    let (body, path) = match (line.path, line.text, line.html) {
        (Some(path), None, None) => (None, Some(dir.join(path))),
        (None, Some(text), None) => (Some(Body::Text(text)), None),
        (None, None, Some(html)) => (Some(Body::Html(html)), None),
        _ => return Err("give exactly one of \"path\", \"text\" and \"html\"".into()),
    };
    Ok(Entry {
        article: ArticleInput {
            url: line.url,
            source: line.source,
            title: line.title,
            published_on,
            body,
        },
        path,
    })
}

/// A date written `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
fn partial_date(text: &str) -> Result<PartialDate, String> {
    let bad = || format!("published_on {text:?} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
    let parts = text
        .split('-')
        .map(|p| p.parse::<i32>().map_err(|_| bad()))
        .collect::<Result<Vec<_>, _>>()?;
    let (year, month, day) = match parts.as_slice() {
        [y] => (*y, 0, 0),
        [y, m] => (*y, *m, 0),
        [y, m, d] => (*y, *m, *d),
        _ => return Err(bad()),
    };
    Ok(PartialDate {
        year,
        month,
        day,
        year_inferred: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_with_a_path_resolves_it_against_the_manifest_folder() {
        let entry = entry(
            r#"{"url": "https://baoquangninh.vn/a.html", "source": "Báo Quảng Ninh", "published_on": "2024-05", "path": "pages/a.shtml"}"#,
            Path::new("/data/crawl"),
        )
        .expect("reads");
        assert_eq!(entry.path, Some(PathBuf::from("/data/crawl/pages/a.shtml")));
        assert_eq!(entry.article.source, "Báo Quảng Ninh");
        let date = entry.article.published_on.expect("date");
        assert_eq!((date.year, date.month, date.day), (2024, 5, 0));
        assert!(entry.article.body.is_none());
    }

    #[test]
    fn inline_text_and_html_are_bodies() {
        let text =
            entry(r#"{"text": "Hà Nội và Fukuoka ký kết."}"#, Path::new(".")).expect("reads");
        assert!(matches!(text.article.body, Some(Body::Text(_))));
        let html = entry(r#"{"html": "<p>Hà Nội</p>"}"#, Path::new(".")).expect("reads");
        assert!(matches!(html.article.body, Some(Body::Html(_))));
    }

    #[test]
    fn a_line_without_one_body_or_with_a_bad_date_or_key_says_why() {
        for (line, needle) in [
            (r#"{"url": "https://hanoimoi.vn/b"}"#, "exactly one"),
            (r#"{"text": "a", "html": "<p>a</p>"}"#, "exactly one"),
            (r#"{"text": "a", "published_on": "17/5/2024"}"#, "17/5/2024"),
            (r#"{"text": "a", "titel": "Hà Nội"}"#, "titel"),
            ("not json", "not a manifest line"),
        ] {
            let err = entry(line, Path::new(".")).expect_err(line);
            assert!(err.contains(needle), "{line}: {err}");
        }
    }
}
