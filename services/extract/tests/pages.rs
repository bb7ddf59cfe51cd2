//! Real-looking Vietnamese news pages (`tests/pages/*.html`: national papers, provincial
//! portals, party papers, one in Windows-1258), each with menus, breadcrumbs, captions, related
//! news, comments and footers that name other cooperation events: the page must yield exactly
//! the records of the article's own text (`*.txt`, the same article as plain text).

use std::path::{Path, PathBuf};

use hoptac_extract::{html, Agreement, Body, Extraction, Extractor, Input, Visit};

fn pages() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/pages")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    pages
}

/// The records without their evidence's offsets, which count from the start of each text.
fn records(found: &Extraction) -> (Vec<Agreement>, Vec<Visit>) {
    let mut agreements = found.agreements.clone();
    for a in &mut agreements {
        (a.evidence.start, a.evidence.end) = (0, 0);
    }
    let mut visits = found.visits.clone();
    for v in &mut visits {
        (v.evidence.start, v.evidence.end) = (0, 0);
    }
    (agreements, visits)
}

#[test]
fn each_page_yields_exactly_the_records_of_its_article_text() {
    let extractor = Extractor::new();
    let pages = pages();
    assert!(pages.len() >= 8, "{pages:?}");
    for page in pages {
        let source = html::decode(&std::fs::read(&page).expect("page"));
        let text = std::fs::read_to_string(page.with_extension("txt")).expect("article text");
        let from_page = extractor.extract(&Input {
            body: Body::Html(&source),
            title: "",
            published_on: None,
        });
        // The text is submitted as a caller would: with the page's publication date.
        let from_text = extractor.extract(&Input {
            body: Body::Text(&text),
            title: "",
            published_on: from_page.published_on,
        });
        let name = page.file_name().unwrap_or_default().to_string_lossy();
        let (found, expected) = (records(&from_page), records(&from_text));
        assert!(
            !expected.0.is_empty() || !expected.1.is_empty(),
            "{name}: the article reports something"
        );
        assert_eq!(
            found, expected,
            "{name}: records of the page differ from the article's\n--- page text ---\n{}",
            from_page.text
        );
        let headline = text.lines().next().unwrap_or_default().trim();
        assert_eq!(from_page.title, headline, "{name}");
        assert!(
            from_page
                .url
                .as_deref()
                .is_some_and(|u| u.starts_with("http")),
            "{name}"
        );
        assert!(
            from_page.published_on.is_some(),
            "{name}: a date in the metadata"
        );
    }
}
