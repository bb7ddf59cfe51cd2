//! Stage 6: dates ("Chiều 3-3", "từ ngày 10-12/11", "tháng 1/2024", "13/04/2023 09:39",
//! "năm 2008", "giai đoạn 2025-2028") with their precision, years resolved from context.
use std::{
    collections::{BTreeMap, HashMap},
    ops::Range,
};

use regex::{Captures, Regex};

use crate::lexicon::{self, DateWord};
use crate::model::PartialDate;

/// The words of date expressions, by category.
const WORDS: &str = include_str!("../data/dates.tsv");

/// How many lines from the top a dateline may sit.
const DATELINE_HEAD_LINES: usize = 10;
/// How many lines from the bottom a printed date may sit ("Báo Hải Phòng 15/5/2018").
const DATELINE_TAIL_LINES: usize = 3;
/// A dateline is a short line; a long one with a date is a sentence of the article.
const MAX_DATELINE_CHARS: usize = 80;
/// Characters looked at before a date for the word that qualifies it.
const WORDS_BEFORE: usize = 18;
/// Words beside the date on a dateline ("Thứ bảy, ngày", "Báo Hải Phòng", "GMT+7").
const MAX_DATELINE_WORDS: usize = 6;

/// What a date expression names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    /// A day, a month or a year ("ngày 16/11", "tháng 1/2024", "năm 2008").
    Point,
    /// A span of days ("10-12/11"); `end` holds the last day.
    Span,
    /// A period of years ("giai đoạn 2025-2028", "(2008-2023)"); `end` holds the last year.
    Period,
    /// The page's publication date, printed on a line of its own ("10:43, 26/11/2018").
    Dateline,
}

/// A date expression in the text.
#[derive(Debug, Clone)]
pub struct DateMention {
    /// Where, in bytes.
    pub span: Range<usize>,
    /// When (the first day of a span, the first year of a period).
    pub date: PartialDate,
    /// The last day of a span or the last year of a period.
    pub end: Option<PartialDate>,
    /// What the expression names.
    pub kind: DateKind,
}

/// The date shapes. Their words are lowercase and matched without `(?i)` in the lowercase
/// view (`find`'s `lower`, whose byte offsets are the text's): case-insensitive Unicode
/// alternations search several times slower. The shapes of digits and punctuation alone
/// match the text and its lowercase view alike.
struct Patterns {
    dmy: Regex,
    dmy_short: Regex,
    iso: Regex,
    span: Regex,
    span_months: Regex,
    span_words: Regex,
    dm_prefixed: Regex,
    dm_bare: Regex,
    month_year: Regex,
    dm_words: Regex,
    relative: Regex,
    relative_period: Regex,
    year: Regex,
    month: Regex,
    period: Regex,
    bare_year: Regex,
}

/// The date patterns and words, compiled from `data/dates.tsv` (which the build script has
/// checked); built once by the [`crate::Extractor`].
pub struct Rules {
    patterns: Patterns,
    /// Per category (indexed by `DateWord as usize`), its words, lowercase.
    words: Vec<Vec<String>>,
}

impl Rules {
    /// Compiles the embedded `dates.tsv`.
    pub fn builtin() -> Self {
        let rows = lexicon::date_words("dates.tsv", WORDS)
            .unwrap_or_else(|e| panic!("embedded date words are malformed: {e}"));
        let mut words: Vec<Vec<String>> = vec![Vec::new(); DateWord::NAMES.len()];
        for (category, word) in rows {
            words[category as usize].push(word.to_lowercase());
        }
        let patterns = Patterns::new(&|categories: &[DateWord]| {
            categories
                .iter()
                .flat_map(|c| &words[*c as usize])
                .map(|w| regex::escape(w))
                .collect::<Vec<_>>()
                .join("|")
        });
        Rules { patterns, words }
    }

    /// The words of a category, lowercase.
    fn words(&self, category: DateWord) -> &[String] {
        &self.words[category as usize]
    }

    /// Whether `word` (any case) is one of the category's.
    fn is(&self, word: &str, category: DateWord) -> bool {
        self.words(category).contains(&word.to_lowercase())
    }

    /// Whether `lower` ends with one of the category's words.
    fn ends_with(&self, lower: &str, category: DateWord) -> bool {
        self.words(category)
            .iter()
            .any(|w| lower.ends_with(w.as_str()))
    }
}

impl Patterns {
    /// The patterns, with `words` giving the alternation of a set of categories' words.
    fn new(words: &dyn Fn(&[DateWord]) -> String) -> Self {
        use DateWord::*;
        let re = |s: &str| Regex::new(s).unwrap_or_else(|e| panic!("date pattern {s}: {e}"));
        let day = words(&[Day]);
        let opener = words(&[Day, PartOfDay]);
        let month = words(&[Month]);
        let year = words(&[Year]);
        Patterns {
            dmy: re(
                r"(?-u:\b)([0-9]{1,2})[ ]?[/.-][ ]?([0-9]{1,2})[ ]?[/.-][ ]?((?:19|20)[0-9]{2})(?-u:\b)",
            ),
            // "12/9/23": a year of this century written with two digits.
            dmy_short: re(r"(?-u:\b)([0-9]{1,2})/([0-9]{1,2})/([0-9]{2})(?-u:\b)"),
            iso: re(r"(?-u:\b)((?:19|20)[0-9]{2})-([0-9]{2})(?:-([0-9]{2}))?(?-u:\b)"),
            span_words: re(&format!(
                r"(?-u:\b)([0-9]{{1,2}})[ ]+(?:{})[ ]+(?:(?:{day})[ ]+)?([0-9]{{1,2}})(?:[ ]?[/.][ ]?|-)([0-9]{{1,2}})(?:[ ]?/[ ]?((?:19|20)[0-9]{{2}}))?(?-u:\b)",
                words(&[Until, And]),
            )),
            span: re(
                r"(?-u:\b)([0-9]{1,2})[ ]?[-–][ ]?([0-9]{1,2})[ ]?/[ ]?([0-9]{1,2})(?:[ ]?/[ ]?((?:19|20)[0-9]{2}))?(?-u:\b)",
            ),
            span_months: re(&format!(
                r"(?-u:\b)([0-9]{{1,2}})/([0-9]{{1,2}})(?:[ ]+(?:{})[ ]+(?:(?:{day})[ ]+)?|[ ]?[-–][ ]?)([0-9]{{1,2}})/([0-9]{{1,2}})(?:/((?:19|20)[0-9]{{2}}))?(?-u:\b)",
                words(&[Until]),
            )),
            dm_prefixed: re(&format!(
                r"(?-u:\b)(?:{})[ ]+(?:(?:{day})[ ]+)?([0-9]{{1,2}})[ ]?[-/.][ ]?([0-9]{{1,2}})(?-u:\b)",
                words(&[Day, PartOfDay, From]),
            )),
            dm_bare: re(r"(?-u:\b)([0-9]{1,2})/([0-9]{1,2})(?-u:\b)"),
            month_year: re(&format!(
                r"(?-u:\b)(?:{month})[ ]+([0-9]{{1,2}})[ ]?(?:/|-|\.|(?:{year})[ ]+)[ ]?((?:19|20)[0-9]{{2}})(?-u:\b)"
            )),
            dm_words: re(&format!(
                r"(?-u:\b)(?:{opener})[ ]+(?:(?:{day})[ ]+)?([0-9]{{1,2}})[ ]+(?:{month})[ ]+([0-9]{{1,2}})(?:[ ]*,?[ ]*(?:{year})[ ]+((?:19|20)[0-9]{{2}}))?(?-u:\b)"
            )),
            relative: re(&format!(
                r"(?-u:\b)(?:{})[ ]+({})(?-u:\b)",
                words(&[PartOfDay]),
                words(&[Yesterday, Today]),
            )),
            relative_period: re(&format!(
                r"(?-u:\b)({})[ ]+({})(?-u:\b)",
                words(&[Week, Month, Year]),
                words(&[Past, Present, Future]),
            )),
            // "năm 2025", and a quarter, which is as precise as its year: "quý I/2025".
            year: re(&format!(
                r"(?-u:\b)(?:(?:{year})[ ]+|(?:{})[ ]+(?:iv|i{{1,3}}|[1-4])[ ]?(?:/|-|{year})[ ]?)((?:19|20)[0-9]{{2}})(?-u:\b)",
                words(&[Quarter]),
            )),
            month: re(&format!(r"(?-u:\b)(?:{month})[ ]+([0-9]{{1,2}})(?-u:\b)")),
            period: re(r"(?-u:\b)((?:19|20)[0-9]{2})[ ]?[-–][ ]?((?:19|20)[0-9]{2})(?-u:\b)"),
            bare_year: re(r"(?-u:\b)((?:19|20)[0-9]{2})(?-u:\b)"),
        }
    }
}

fn num(c: &Captures<'_>, i: usize) -> u32 {
    c.get(i).and_then(|m| m.as_str().parse().ok()).unwrap_or(0)
}

fn valid(day: u32, month: u32) -> bool {
    (1..=12).contains(&month) && day <= 31
}

fn date(year: i32, month: u32, day: u32) -> PartialDate {
    PartialDate {
        year,
        month,
        day,
        year_inferred: false,
    }
}

/// The span of days a match states, from the (month, day) `first` to `last`, when both are
/// real days in that order and the match is neither the tail of a date before it nor the head
/// of one after it.
fn day_span(
    text: &str,
    c: &Captures<'_>,
    year: i32,
    first: (u32, u32),
    last: (u32, u32),
) -> Option<DateMention> {
    let whole = c.get(0).map_or(0..0, |m| m.range());
    let real = |(m, d): (u32, u32)| d > 0 && valid(d, m);
    (real(first)
        && real(last)
        && first < last
        && !continues(text, whole.end)
        && !ends_a_date(text, whole.start))
    .then(|| DateMention {
        span: whole,
        date: date(year, first.0, first.1),
        end: Some(date(year, last.0, last.1)),
        kind: DateKind::Span,
    })
}

/// Whether the number starting at `start` is the last part of a date ("23/2 đến 27/2": the
/// "2" after the slash does not start a span).
fn ends_a_date(text: &str, start: usize) -> bool {
    let mut before = text[..start].chars().rev();
    matches!(
        (before.next(), before.next()),
        (Some('/' | '.' | '-'), Some(d)) if d.is_ascii_digit()
    )
}

/// Whether a match is followed by more date digits ("3/4/20" is not "3/4").
fn continues(text: &str, end: usize) -> bool {
    let mut rest = text[end..].chars();
    matches!(
        (rest.next(), rest.next()),
        (Some('/' | '.' | '-'), Some(d)) if d.is_ascii_digit()
    )
}

/// The publication date printed in a dateline near the top (or a printed date at the bottom).
pub fn dateline(rules: &Rules, text: &str) -> Option<PartialDate> {
    let p = &rules.patterns;
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let head = lines.iter().take(DATELINE_HEAD_LINES);
    let tail = lines.iter().rev().take(DATELINE_TAIL_LINES);
    for line in head.chain(tail) {
        let short = line.chars().count() <= MAX_DATELINE_CHARS;
        if let Some(c) = p.dmy.captures(line).filter(|_| short) {
            let (d, m, y) = (num(&c, 1), num(&c, 2), num(&c, 3) as i32);
            if valid(d, m) && d > 0 {
                return Some(date(y, m, d));
            }
        }
        let iso_line = line.trim_start().starts_with("date ") || short;
        if let Some(c) = p.iso.captures(line).filter(|_| iso_line) {
            let (y, m, d) = (num(&c, 1) as i32, num(&c, 2), num(&c, 3));
            if valid(d, m) {
                return Some(date(y, m, d));
            }
        }
    }
    None
}

/// Every date expression in the text, in order, years resolved where the text allows; `lower`
/// is its [`crate::text::lower_view`].
pub fn find(
    rules: &Rules,
    text: &str,
    lower: &str,
    sentences: &[Range<usize>],
    published: Option<PartialDate>,
) -> Vec<DateMention> {
    let p = &rules.patterns;
    let mut found: Vec<DateMention> = Vec::new();
    // Spans taken so far, start → end. They never overlap, so a new span overlaps one of them
    // exactly when it overlaps the last one starting before its end: one lookup, not a scan.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut add = |m: DateMention, found: &mut Vec<DateMention>| {
        let overlaps = taken
            .range(..m.span.end)
            .next_back()
            .is_some_and(|(_, &end)| end > m.span.start);
        if !overlaps {
            taken.insert(m.span.start, m.span.end);
            found.push(m);
        }
    };
    // "10-12/11", "13 và 14/6", and across months "từ ngày 28/2 đến 3/3/2024".
    for c in p.span_months.captures_iter(lower) {
        let (first, last) = ((num(&c, 2), num(&c, 1)), (num(&c, 4), num(&c, 3)));
        if let Some(m) = day_span(text, &c, num(&c, 5) as i32, first, last) {
            add(m, &mut found);
        }
    }
    for c in p
        .span
        .captures_iter(lower)
        .chain(p.span_words.captures_iter(lower))
    {
        let month = num(&c, 3);
        let (first, last) = ((month, num(&c, 1)), (month, num(&c, 2)));
        if let Some(m) = day_span(text, &c, num(&c, 4) as i32, first, last) {
            add(m, &mut found);
        }
    }
    for c in p.dmy.captures_iter(lower) {
        let (d, m, y) = (num(&c, 1), num(&c, 2), num(&c, 3) as i32);
        if valid(d, m) && d > 0 {
            add(point(&c, date(y, m, d)), &mut found);
        }
    }
    for c in p.dmy_short.captures_iter(lower) {
        let (d, m, y) = (num(&c, 1), num(&c, 2), 2000 + num(&c, 3) as i32);
        let end = c.get(0).map_or(0, |m| m.end());
        if valid(d, m) && d > 0 && !continues(text, end) {
            add(point(&c, date(y, m, d)), &mut found);
        }
    }
    for c in p.dm_words.captures_iter(lower) {
        let (d, m, y) = (num(&c, 1), num(&c, 2), num(&c, 3) as i32);
        if valid(d, m) && d > 0 {
            add(point(&c, date(y, m, d)), &mut found);
        }
    }
    // "chiều qua", "sáng nay": days counted from the publication date, when it has a day.
    if let Some(published) = published.filter(|p| p.year > 0 && p.day > 0) {
        for c in p.relative.captures_iter(lower) {
            let yesterday = c
                .get(1)
                .is_some_and(|w| rules.is(w.as_str(), DateWord::Yesterday));
            let day = if yesterday {
                day_before(published)
            } else {
                published
            };
            add(point(&c, date(day.year, day.month, day.day)), &mut found);
        }
    }
    // "cuối tuần qua", "trong tháng tới", "đầu năm sau": a week, month or year counted from the
    // publication date, as precise as the word ("năm nay" is a year, "tuần qua" a month).
    if let Some(published) = published.filter(|p| p.year > 0) {
        for c in p.relative_period.captures_iter(lower) {
            let start = c.get(0).map_or(0, |m| m.start());
            if counts_several(rules, &lower[..start]) {
                continue;
            }
            let word = |i: usize| c.get(i).map_or("", |m| m.as_str());
            let step: i32 = if rules.is(word(2), DateWord::Past) {
                -1
            } else if rules.is(word(2), DateWord::Present) {
                0
            } else {
                1
            };
            let unit = [DateWord::Week, DateWord::Month, DateWord::Year]
                .into_iter()
                .find(|u| rules.is(word(1), *u));
            let (year, month) = (published.year, published.month);
            let day = match unit {
                Some(DateWord::Week) if published.day > 0 => {
                    let shifted = i64::from(published.day) + 7 * i64::from(step);
                    let into = if shifted < 1 {
                        -1
                    } else if shifted > i64::from(days_in(year, month)) {
                        1
                    } else {
                        0
                    };
                    let (y, m) = add_months(year, month, into);
                    date(y, m, 0)
                }
                Some(DateWord::Month) if month > 0 => {
                    let (y, m) = add_months(year, month, step);
                    date(y, m, 0)
                }
                Some(DateWord::Year) => date(year + step, 0, 0),
                _ => continue,
            };
            add(point(&c, day), &mut found);
        }
    }
    for c in p.month_year.captures_iter(lower) {
        let (m, y) = (num(&c, 1), num(&c, 2) as i32);
        if valid(0, m) {
            add(point(&c, date(y, m, 0)), &mut found);
        }
    }
    for c in p.iso.captures_iter(lower) {
        let (y, m, d) = (num(&c, 1) as i32, num(&c, 2), num(&c, 3));
        if valid(d, m) {
            add(point(&c, date(y, m, d)), &mut found);
        }
    }
    for c in p.period.captures_iter(lower) {
        let (a, b) = (num(&c, 1) as i32, num(&c, 2) as i32);
        if a < b {
            add(
                DateMention {
                    span: c.get(0).map_or(0..0, |m| m.range()),
                    date: date(a, 0, 0),
                    end: Some(date(b, 0, 0)),
                    kind: DateKind::Period,
                },
                &mut found,
            );
        }
    }
    for re in [&p.dm_prefixed, &p.dm_bare] {
        for c in re.captures_iter(lower) {
            let (d, m) = (num(&c, 1), num(&c, 2));
            let end = c.get(0).map_or(0, |m| m.end());
            if valid(d, m) && d > 0 && !continues(text, end) {
                let start = c.get(1).map_or(0, |m| m.start());
                add(
                    DateMention {
                        span: start..end,
                        date: date(0, m, d),
                        end: None,
                        kind: DateKind::Point,
                    },
                    &mut found,
                );
            }
        }
    }
    for c in p.month.captures_iter(lower) {
        let end = c.get(0).map_or(0, |m| m.end());
        if valid(0, num(&c, 1)) && !continues(text, end) {
            add(point(&c, date(0, num(&c, 1), 0)), &mut found);
        }
    }
    for c in p.year.captures_iter(lower) {
        add(point(&c, date(num(&c, 1) as i32, 0, 0)), &mut found);
    }
    found.sort_by_key(|m| m.span.start);
    for m in found.iter_mut() {
        if m.date.year != 0 && is_dateline_line(text, m.span.clone()) {
            m.kind = DateKind::Dateline;
        }
    }
    let article_year = context_year(rules, text, lower, 0..text.len(), &found, false);
    // A sentence's context year does not depend on which of its dates asks: work it out once.
    let mut sentence_years: HashMap<(usize, bool), Option<i32>> = HashMap::new();
    for i in 0..found.len() {
        if found[i].date.year != 0 {
            continue;
        }
        let at = found[i].span.start;
        let sentence = sentences
            .get(sentences.partition_point(|s| s.end <= at))
            .filter(|s| s.start <= at)
            .cloned()
            .unwrap_or(0..0);
        let mut year_of = |periods: bool| {
            *sentence_years
                .entry((sentence.start, periods))
                .or_insert_with(|| {
                    context_year(rules, text, lower, sentence.clone(), &found, periods)
                })
        };
        let coming = is_coming(rules, lower, found[i].span.end);
        let year = year_of(false)
            .or_else(|| {
                published.filter(|p| p.year > 0).map(|p| match coming {
                    true => year_ahead(p, found[i].date),
                    false => year_near(p, found[i].date),
                })
            })
            .or_else(|| year_of(true))
            .or(article_year);
        if let Some(y) = year {
            found[i].date.year = y;
            found[i].date.year_inferred = true;
            if let Some(e) = found[i].end.as_mut() {
                e.year = y;
                e.year_inferred = true;
            }
        }
    }
    // A day still without its year takes the year of the nearest day the article writes in
    // full ("Chiều 15/6, đoàn … về nước." … "Từ ngày 11/6 đến 15/6/2024, …").
    let full: Vec<(usize, i32)> = found
        .iter()
        .filter(|m| {
            m.date.year > 0
                && !m.date.year_inferred
                && m.date.month > 0
                && matches!(m.kind, DateKind::Point | DateKind::Span)
        })
        .map(|m| (m.span.start, m.date.year))
        .collect();
    for m in found
        .iter_mut()
        .filter(|m| m.date.year == 0 && m.date.month > 0)
    {
        let at = m.span.start;
        let nearest = full.iter().min_by_key(|(pos, _)| pos.abs_diff(at));
        if let Some(&(_, y)) = nearest {
            m.date.year = y;
            m.date.year_inferred = true;
            if let Some(e) = m.end.as_mut() {
                e.year = y;
                e.year_inferred = true;
            }
        }
    }
    found
}

/// The few words just before `at`, lowercase: enough to see "từ năm", "giai đoạn". Read off
/// `lower`, which has `text`'s byte offsets: it differs from `to_lowercase` only where a char
/// lowercases to another length, and of those only "İ" (to "i" and a combining dot) gives a
/// letter of the words looked for, and never as a whole word's last letter.
fn word_before<'l>(text: &str, lower: &'l str, at: usize) -> &'l str {
    let head = text[..at].trim_end();
    let from = crate::text::before_chars(head, head.len(), WORDS_BEFORE);
    &lower[from..head.len()]
}

/// Whether a date sits on a line of its own (a dateline or a printed page date) rather than in
/// a sentence of the article.
fn is_dateline_line(text: &str, span: Range<usize>) -> bool {
    // Only a short line can be a dateline, so look no further than that for its ends: on one
    // endless line this stays constant work per date.
    let reach = MAX_DATELINE_CHARS * 4;
    let from = crate::text::floor_boundary(text, span.start.saturating_sub(reach));
    let to = crate::text::floor_boundary(text, span.end.saturating_add(reach).min(text.len()));
    let start = match text[from..span.start].rfind('\n') {
        Some(i) => from + i + 1,
        None if from == 0 => 0,
        None => return false,
    };
    // A page's date marker ("date 2023-10 Thực hiện kế hoạch …") dates the page, however long
    // its line; the other dates of its line are the article's.
    if text[start..span.start].trim() == "date" {
        return true;
    }
    let end = match text[span.end..to].find('\n') {
        Some(i) => span.end + i,
        None if to == text.len() => to,
        None => return false,
    };
    let line = text[start..end].trim();
    let words = text[start..span.start].split_whitespace().count()
        + text[span.end..end].split_whitespace().count();
    line.chars().count() <= MAX_DATELINE_CHARS && words <= MAX_DATELINE_WORDS
}

/// The day before a full date.
/// Whether the words before a relative period count several of them ("6 tháng qua", "những
/// năm tới", "các tuần trước"): a stretch of time, not one week, month or year.
fn counts_several(rules: &Rules, lower_before: &str) -> bool {
    let last = lower_before
        .trim_end()
        .rsplit(' ')
        .next()
        .unwrap_or_default();
    last.chars().next().is_some_and(|c| c.is_ascii_digit())
        || rules.words(DateWord::Several).iter().any(|w| w == last)
}

/// The month `k` months after (or before, when negative) `month` of `year`.
fn add_months(year: i32, month: u32, k: i32) -> (i32, u32) {
    let index = year * 12 + month as i32 - 1 + k;
    (index.div_euclid(12), (index.rem_euclid(12) + 1) as u32)
}

/// The number of days of a month.
fn days_in(year: i32, month: u32) -> u32 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn day_before(d: PartialDate) -> PartialDate {
    if d.day > 1 {
        return PartialDate {
            day: d.day - 1,
            ..d
        };
    }
    let (year, month) = if d.month > 1 {
        (d.year, d.month - 1)
    } else {
        (d.year - 1, 12)
    };
    PartialDate {
        year,
        month,
        day: days_in(year, month),
        ..d
    }
}

fn point(c: &Captures<'_>, d: PartialDate) -> DateMention {
    DateMention {
        span: c.get(0).map_or(0..0, |m| m.range()),
        date: d,
        end: None,
        kind: DateKind::Point,
    }
}

/// The year of a day-month date reported in an article published on `published`: the same
/// year, unless the month lies well after publication (a December event reported in January).
/// Whether the date ending at `end` is marked as still to come ("tháng 9 tới", "tháng 12
/// sắp tới"), not "tới" opening the end of a range ("tháng 3 tới tháng 5").
pub(crate) fn is_coming(rules: &Rules, lower: &str, end: usize) -> bool {
    let Some(rest) = lower[end..].strip_prefix(' ') else {
        return false;
    };
    let Some(after) = rules
        .words(DateWord::Coming)
        .iter()
        .find_map(|w| rest.strip_prefix(w.as_str()))
    else {
        return false;
    };
    use DateWord::{Day, Edge, Month, Year};
    let range_end = after.strip_prefix(' ').is_some_and(|a| {
        [Month, Day, Year, Edge]
            .iter()
            .flat_map(|c| rules.words(*c))
            .any(|w| a.starts_with(w.as_str()))
    }) || after
        .strip_prefix(' ')
        .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit()));
    !range_end
}

/// The year of a date still to come, seen from the publication date: this year when its
/// month is not yet past, else the next.
fn year_ahead(published: PartialDate, d: PartialDate) -> i32 {
    if published.month > 0 && d.month > 0 && d.month < published.month {
        published.year + 1
    } else {
        published.year
    }
}

fn year_near(published: PartialDate, d: PartialDate) -> i32 {
    if published.month > 0 && d.month > published.month + 1 {
        published.year - 1
    } else {
        published.year
    }
}

/// U+212A, whose lowercase is "k" (one byte for three): the one char for which the lower view
/// and `to_lowercase` can disagree on the anniversary words.
const KELVIN_SIGN: char = '\u{212A}';

/// The year an article (or one sentence of it) is about when it does not write it next to a
/// date: the end of an anniversary period "(2008-2023)", a "năm 2023" that is not "từ năm" /
/// "vào năm", a bare year ("Lễ hội … 2018"), the start of a period ("giai đoạn 2025-2028").
fn context_year(
    rules: &Rules,
    text: &str,
    lower: &str,
    range: Range<usize>,
    found: &[DateMention],
    periods: bool,
) -> Option<i32> {
    let p = &rules.patterns;
    // `found` is sorted by start.
    let first = found.partition_point(|m| m.span.start < range.start);
    let last = found.partition_point(|m| m.span.start < range.end);
    let inside: Vec<&DateMention> = found[first..last]
        .iter()
        .filter(|m| m.span.end <= range.end)
        .collect();
    let chunk = &text[range.clone()];
    // The lower view differs from `to_lowercase` here only for the Kelvin sign (lowercase
    // "k", which NFC text never holds): a chunk with one takes the exact, slower way.
    let anniversary = if chunk.contains(KELVIN_SIGN) {
        let lowered = chunk.to_lowercase();
        let words = rules.words(DateWord::Anniversary);
        words.iter().any(|w| lowered.contains(w.as_str()))
    } else {
        let words = rules.words(DateWord::Anniversary);
        words
            .iter()
            .any(|w| lower[range.clone()].contains(w.as_str()))
    };
    if anniversary {
        let end = inside.iter().find_map(|m| {
            let bracketed = text[..m.span.start].ends_with('(');
            (m.kind == DateKind::Period && bracketed).then(|| m.end.map_or(0, |e| e.year))
        });
        if let Some(y) = end.filter(|&y| y > 0) {
            return Some(y);
        }
    }
    // Each year's count and where it first appears: the most frequent wins, the first on ties.
    let mut counts: HashMap<i32, (usize, usize)> = HashMap::new();
    let mut count = |y: i32| {
        let seen = counts.len();
        counts.entry(y).or_insert((0, seen)).0 += 1;
    };
    for m in &inside {
        if m.kind != DateKind::Point || m.date.month != 0 {
            continue;
        }
        let before = word_before(text, lower, m.span.start);
        if rules.ends_with(before, DateWord::NotCurrent) {
            continue;
        }
        count(m.date.year);
    }
    for c in p.bare_year.captures_iter(chunk) {
        let Some(g) = c.get(1) else { continue };
        let at = range.start + g.start();
        let before_at = found.partition_point(|m| m.span.start <= at);
        if before_at > 0 && at < found[before_at - 1].span.end {
            continue;
        }
        let before = word_before(text, lower, at);
        if rules.ends_with(before, DateWord::NotCurrent) || rules.ends_with(before, DateWord::Year)
        {
            continue;
        }
        count(num(&c, 1) as i32);
    }
    if let Some((best, _)) = counts
        .iter()
        .max_by_key(|(_, &(n, first))| (n, std::cmp::Reverse(first)))
    {
        return Some(*best);
    }
    if !periods {
        return None;
    }
    inside.iter().find_map(|m| {
        let before = word_before(text, lower, m.span.start);
        (m.kind == DateKind::Period && rules.ends_with(before, DateWord::Period))
            .then_some(m.date.year)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences;

    #[test]
    fn days_written_in_words_and_relative_days() {
        let found = dates("Ngày 3 tháng 10 năm 2023, tỉnh Đồng Nai tiếp đoàn.", None);
        assert_eq!(ymd(found[0].date), (2023, 10, 3));
        let published = Some(date(2024, 3, 1));
        let found = dates(
            "Chiều qua, Chủ tịch UBND tỉnh tiếp đoàn Gyeongsangbuk.",
            published,
        );
        assert_eq!(
            ymd(found[0].date),
            (2024, 2, 29),
            "the day before 1 March of a leap year"
        );
        let found = dates("Trong 2 ngày 13 và 14/6/2024, hội nghị diễn ra.", None);
        assert_eq!(found[0].kind, DateKind::Span);
        assert_eq!(found[0].end.map(ymd), Some((2024, 6, 14)));
        let found = dates("Hai bên sẽ ký kết trong quý I/2025.", None);
        assert_eq!(ymd(found[0].date), (2025, 0, 0));
    }

    #[test]
    fn weeks_months_and_years_counted_from_publication() {
        let published = Some(date(2026, 6, 3));
        let found = dates(
            "Cuối tuần qua, đoàn đại biểu tỉnh Töv đã thăm tỉnh Sơn La.",
            published,
        );
        assert_eq!(
            ymd(found[0].date),
            (2026, 5, 0),
            "a week before 3 June is in May"
        );
        let found = dates("Hai tỉnh sẽ ký kết thỏa thuận vào đầu năm sau.", published);
        assert_eq!(ymd(found[0].date), (2027, 0, 0));
        let found = dates(
            "Đoàn sẽ sang thăm Lào trong tháng tới.",
            Some(date(2025, 12, 20)),
        );
        assert_eq!(ymd(found[0].date), (2026, 1, 0));
        let found = dates(
            "Trong 6 tháng qua và những năm tới, hai bên hợp tác chặt chẽ.",
            published,
        );
        assert!(found.is_empty(), "stretches of time, not dates: {found:?}");
    }

    fn rules() -> &'static Rules {
        static R: std::sync::OnceLock<Rules> = std::sync::OnceLock::new();
        R.get_or_init(Rules::builtin)
    }

    fn dateline(text: &str) -> Option<PartialDate> {
        super::dateline(rules(), text)
    }

    fn dates(text: &str, published: Option<PartialDate>) -> Vec<DateMention> {
        find(
            rules(),
            text,
            &crate::text::lower_view(text),
            &sentences::split(&sentences::Rules::builtin(), text),
            published,
        )
    }

    fn ymd(d: PartialDate) -> (i32, u32, u32) {
        (d.year, d.month, d.day)
    }

    #[test]
    fn day_month_takes_the_year_of_its_sentence_period() {
        let d = dates(
            "Chiều 3-3, hai bên ký kết thỏa thuận giai đoạn 2025-2028.",
            None,
        );
        assert_eq!(ymd(d[0].date), (2025, 3, 3));
        assert!(d[0].date.year_inferred);
        assert_eq!(d[1].kind, DateKind::Period);
    }

    #[test]
    fn spans_and_anniversaries() {
        let d = dates(
            "Từ ngày 10-12/11, đoàn dự lễ kỷ niệm 15 năm hữu nghị (2008-2023).",
            None,
        );
        assert_eq!(ymd(d[0].date), (2023, 11, 10));
        assert_eq!(d[0].end.map(ymd), Some((2023, 11, 12)));
    }

    #[test]
    fn spans_across_months_and_after_a_full_date() {
        let d = dates(
            "Từ ngày 28/2 đến ngày 3/3/2024, đoàn công tác thăm tỉnh Chiba.",
            None,
        );
        assert_eq!(ymd(d[0].date), (2024, 2, 28));
        assert_eq!(d[0].end.map(ymd), Some((2024, 3, 3)));
        // The "2" of "23/2" does not open a span "2 đến 27/2".
        let d = dates("Từ ngày 23/2 và ngày 27/2/2023, đoàn làm việc.", None);
        assert!(d.iter().all(|m| m.kind != DateKind::Span), "{d:?}");
        assert_eq!((d[0].date.month, d[0].date.day), (2, 23));
    }

    #[test]
    fn spans_with_the_month_after_a_dash() {
        let published = Some(date(2024, 9, 24));
        let d = dates(
            "Từ ngày 16 đến 22-9, đoàn công tác thăm tỉnh Irkutsk.",
            published,
        );
        assert_eq!(ymd(d[0].date), (2024, 9, 16));
        assert_eq!(d[0].end.map(ymd), Some((2024, 9, 22)));
        let d = dates(
            "Hai đoàn làm việc tại Kiên Giang trong hai ngày 19 và 20-9.",
            published,
        );
        assert_eq!(ymd(d[0].date), (2024, 9, 19));
        assert_eq!(d[0].end.map(ymd), Some((2024, 9, 20)));
    }

    #[test]
    fn a_month_and_year_written_with_a_dot() {
        let d = dates("Đoàn sẽ sang thăm vào trung tuần tháng 4.2024.", None);
        assert_eq!(ymd(d[0].date), (2024, 4, 0));
    }

    #[test]
    fn a_coming_month_is_this_year_or_the_next() {
        let published = Some(date(2024, 3, 13));
        let d = dates(
            "Tháng 9 tới, đoàn sẽ sang thăm vùng Moravia - Slezsko.",
            published,
        );
        assert_eq!(ymd(d[0].date), (2024, 9, 0));
        let d = dates("Tháng 2 tới, đoàn sẽ sang thăm tỉnh Chiba.", published);
        assert_eq!(ymd(d[0].date), (2025, 2, 0));
        // Without "tới", a month well after the publication is last year's.
        let d = dates("Tháng 9, đoàn đã sang thăm tỉnh Chiba.", published);
        assert_eq!(ymd(d[0].date), (2023, 9, 0));
        let d = dates("Từ tháng 9 tới tháng 11, đoàn đã làm việc.", published);
        assert_eq!(ymd(d[0].date), (2023, 9, 0));
    }

    #[test]
    fn publication_date_fills_the_year() {
        let published = Some(date(2023, 4, 13));
        let d = dates("Ngày 12/4, ông Lê Hồng Sơn tiếp đoàn.", published);
        assert_eq!(ymd(d[0].date), (2023, 4, 12));
        let d = dates("Chiều ngày 23.11, hai tỉnh ký kết.", Some(date(2019, 1, 5)));
        assert_eq!(ymd(d[0].date), (2018, 11, 23));
    }

    #[test]
    fn month_year_full_dates_and_unknown_years() {
        let d = dates(
            "Đoàn sẽ sang thăm trong tháng 1/2024. Ngày 11/12/2011, đoàn làm việc.",
            None,
        );
        assert_eq!(ymd(d[0].date), (2024, 1, 0));
        assert_eq!(ymd(d[1].date), (2011, 12, 11));
        let d = dates(
            "Sáng 6-11, tỉnh tiếp đoàn. Hai bên ký thỏa thuận vào năm 2004.",
            None,
        );
        assert_eq!(ymd(d[0].date), (0, 11, 6));
    }

    #[test]
    fn datelines_are_found() {
        assert_eq!(
            dateline("Tiêu đề\nKT (T/h) 13/04/2023 09:39\nNội dung").map(ymd),
            Some((2023, 4, 13))
        );
        assert_eq!(
            dateline("Tiêu đề\n date 2025-05 Thời sự").map(ymd),
            Some((2025, 5, 0))
        );
        assert_eq!(dateline("Không có ngày"), None);
    }
}
