//! The golden cases: short Vietnamese texts in `tests/cases/`, each with every record the
//! extractor must give for it, the shape of news it comes from and the rule it holds to.
//!
//! A case file is a few header lines, a blank line, the text, and one `=>` line per expected
//! record (`=> none` for a text that must give none):
//!
//! ```text
//! from: real-north r101 — an online joint-committee meeting, reworded
//! rule: an online meeting is not a trip
//! published: 2022-02-20
//!
//! Ngày 16/2/2022, …
//!
//! => agreement SIGNED OTHER VN-HN FR-IDF 2022-02-16 term 2022-2025
//! => visit HAPPENED VN-61 -> CN-SD 2022-09-07 leader -
//! ```
//!
//! `published` is optional. Dates are written as the scorer writes them (`XXXX` for a year the
//! text does not give); a visit's end follows its start after `..`. Every rule drawn from real
//! news (`from: real-…`) has a case that fires it and a near-miss (`near-miss:` in the header)
//! that must not give what it gives. The invented one-sentence cases (`from: invented …`) came
//! from the first rules' unit tests; the later texts of one such rule are its contrasts.
use hoptac_extract::{Agreement, Body, Extractor, Input, PartialDate, Visit};
use std::fs;
use std::path::Path;

/// One case file, parsed.
struct Case {
    name: String,
    published: Option<PartialDate>,
    text: String,
    expected: Vec<String>,
}

fn parse(name: &str, content: &str) -> Case {
    let (header, rest) = content
        .split_once("\n\n")
        .unwrap_or_else(|| panic!("{name}: no blank line after the header"));
    let field = |key: &str| {
        header
            .lines()
            .find_map(|l| l.strip_prefix(key).map(str::trim))
    };
    assert!(field("from:").is_some(), "{name}: no `from:` line");
    assert!(field("rule:").is_some(), "{name}: no `rule:` line");
    let published = field("published:").map(|d| {
        let parts: Vec<&str> = d.split('-').collect();
        let num = |i: usize| parts.get(i).and_then(|p| p.parse().ok()).unwrap_or(0);
        PartialDate {
            year: num(0) as i32,
            month: num(1),
            day: num(2),
            year_inferred: false,
        }
    });
    let mut text = Vec::new();
    let mut expected = Vec::new();
    for line in rest.lines() {
        match line.strip_prefix("=>") {
            Some(record) if record.trim() == "none" => {}
            Some(record) => expected.push(record.trim().to_string()),
            None => text.push(line),
        }
    }
    expected.sort();
    Case {
        name: name.to_string(),
        published,
        text: text.join("\n").trim().to_string(),
        expected,
    }
}

/// `SCREAMING_SNAKE` of an enum value's name ("LetterOfIntent" → "LETTER_OF_INTENT").
fn screaming(value: impl std::fmt::Debug) -> String {
    let mut out = String::new();
    for (i, c) in format!("{value:?}").chars().enumerate() {
        if i > 0 && c.is_uppercase() {
            out.push('_');
        }
        out.extend(c.to_uppercase());
    }
    out
}

fn date(d: Option<PartialDate>) -> String {
    let Some(d) = d.filter(|d| d.year != 0 || d.month != 0 || d.day != 0) else {
        return "-".into();
    };
    let mut out = if d.year > 0 {
        format!("{:04}", d.year)
    } else {
        "XXXX".into()
    };
    if d.month > 0 {
        out += &format!("-{:02}", d.month);
        if d.day > 0 {
            out += &format!("-{:02}", d.day);
        }
    }
    out
}

fn agreement(a: &Agreement) -> String {
    let parties: Vec<&str> = a.parties.iter().map(|p| p.place.code()).collect();
    let term = a
        .term
        .map(|t| format!(" term {}-{}", t.start_year, t.end_year))
        .unwrap_or_default();
    format!(
        "agreement {} {} {} {}{term}",
        screaming(a.status),
        screaming(a.kind),
        parties.join(" "),
        date(a.signed_on)
    )
}

fn visit(v: &Visit) -> String {
    let end = v
        .end
        .map(|e| format!("..{}", date(Some(e))))
        .unwrap_or_default();
    let leader = v.leader.as_ref().map_or("-", |l| l.name.as_str());
    format!(
        "visit {} {} -> {} {}{end} leader {leader}",
        screaming(v.status),
        v.guest.place.code(),
        v.host.place.code(),
        date(v.start)
    )
}

/// Every case file's name and content, by name.
fn case_files() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".case"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let content = fs::read_to_string(dir.join(&n)).unwrap_or_else(|e| panic!("{n}: {e}"));
            (n, content)
        })
        .collect()
}

#[test]
fn every_golden_case_gives_exactly_its_records() {
    let files = case_files();
    assert!(files.len() >= 10, "the golden cases are missing");
    let extractor = Extractor::new();
    let mut failures = Vec::new();
    for (name, content) in &files {
        let case = parse(name, content);
        let x = extractor.extract(&Input {
            body: Body::Text(&case.text),
            title: "",
            published_on: case.published,
        });
        let mut got: Vec<String> = x
            .agreements
            .iter()
            .map(agreement)
            .chain(x.visits.iter().map(visit))
            .collect();
        got.sort();
        if got != case.expected {
            failures.push(format!(
                "{}\n  expected: {:#?}\n  got:      {:#?}",
                case.name, case.expected, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} golden cases differ:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

#[test]
fn every_rule_from_real_news_has_a_near_miss() {
    let mut rules: std::collections::BTreeMap<String, (bool, bool)> = Default::default();
    for (_, content) in case_files() {
        let rule = content
            .lines()
            .find_map(|l| l.strip_prefix("rule:"))
            .map(|r| r.trim().to_string())
            .unwrap_or_default();
        if !content.starts_with("from: real-") {
            continue;
        }
        let near_miss = content.lines().any(|l| l.starts_with("near-miss:"));
        let slot = rules.entry(rule).or_default();
        if near_miss {
            slot.1 = true;
        } else {
            slot.0 = true;
        }
    }
    let lacking: Vec<&String> = rules
        .iter()
        .filter(|(_, (positive, near_miss))| !(*positive && *near_miss))
        .map(|(r, _)| r)
        .collect();
    assert!(
        lacking.is_empty(),
        "rules without both a positive case and a near-miss: {lacking:?}"
    );
}
