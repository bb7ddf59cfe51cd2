//! When things happen: the date an event's sentence gives or borrows, the time a plan is set
//! for, and where a date falls against the article's publication.
use super::cues::Cat;
use super::document::{Context, Doc};
use crate::dates::{DateKind, DateMention};
use crate::lexicon::Cue;
use crate::model::{PartialDate, Place, Visit};
use crate::text::Hit;
use std::ops::Range;

/// A signing dated more than this many months before publication is told as background: PAST.
pub(super) const PAST_MONTHS: i32 = 3;

/// How many sentences back a date may be taken from when the stating sentence has none.
const DATE_LOOKBACK: usize = 3;

/// What an event's date is wanted for: a signing happens on a day, a trip may span several.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Want {
    Day,
    Trip,
}

/// An event's date and how directly the text ties it to the stating sentence (higher is
/// closer).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Dated {
    pub(super) start: Option<PartialDate>,
    pub(super) end: Option<PartialDate>,
    pub(super) rank: u8,
    /// The sentence before whose day this is, when the event borrows one: the event that
    /// sentence tells is the one this continues.
    pub(super) borrowed_from: Option<usize>,
}

impl Dated {
    pub(super) fn new(start: PartialDate, end: Option<PartialDate>, rank: u8) -> Self {
        Self {
            start: Some(start),
            end,
            rank,
            borrowed_from: None,
        }
    }
}

impl<'a> Doc<'a> {
    /// Whether a date's written year comes before the year the article is written in (its
    /// dated event's, its dateline's, or the one its text tells): no time a plan can be set for.
    pub(super) fn before_its_year(&self, d: &PartialDate) -> bool {
        let written_in = self
            .reference_year
            .or(self.event_date.map(|e| e.year).filter(|&y| y > 0))
            .or(self.present_year);
        d.year > 0 && written_in.is_some_and(|r| d.year < r)
    }

    /// Whether a written month comes after the month of the article's dated event: a time to
    /// come even when the article's own date is not known.
    pub(super) fn after_its_event(&self, d: &PartialDate) -> bool {
        self.event_date.is_some_and(|e| {
            e.year > 0 && d.year > 0 && d.month > 0 && (d.year, d.month) > (e.year, e.month)
        })
    }

    /// A day (or span) stated in the sentence, else its own month, else a day in one of the
    /// few sentences before it, else a year stated in the sentence ("Năm 2019, đoàn … đã
    /// thăm"), else the article's first event date; ranked by how directly the text ties it to
    /// the sentence, so that merging keeps the best-tied date of an event.
    pub(super) fn date_near(&self, idx: usize, want: Want) -> Dated {
        let lo = idx.saturating_sub(DATE_LOOKBACK);
        let own = &self.c.sentences[idx];
        let day_in = |s: &Range<usize>| {
            let days = || {
                self.c.dates.iter().filter(|d| {
                    d.span.start >= s.start
                        && d.span.end <= s.end
                        && d.date.day > 0
                        && matches!(d.kind, DateKind::Point | DateKind::Span)
                })
            };
            // A signing is one day: "từ ngày 4 đến 6/9, sáng 5-9, … ký": the 5th. A trip is
            // its whole stay: "Ngày 3/8, … tiếp đoàn … thăm làm việc tại Hà Lan, từ ngày
            // 30/7-3/8": the 30th to the 3rd.
            let preferred = match want {
                Want::Day => days().find(|d| d.kind == DateKind::Point),
                Want::Trip => days().find(|d| d.kind == DateKind::Span),
            };
            preferred.or_else(|| days().next())
        };
        if let Some(d) = day_in(own) {
            return Dated::new(d.date, d.end, 3);
        }
        // A sentence that states its own month ("Tháng 6 năm 2024, đoàn … đã sang thăm") is
        // about that time, whatever day the sentences before it give.
        let own_month = self.c.dates.iter().find(|d| {
            d.span.start >= own.start
                && d.span.end <= own.end
                && d.date.month > 0
                && d.date.year > 0
                && !d.date.year_inferred
                && d.kind == DateKind::Point
        });
        if let Some(d) = own_month {
            return Dated::new(d.date, None, 2);
        }
        // A day of a sentence before that tells of an event ("Chiều 9-2, đoàn … đến thăm …"),
        // not of a background fact.
        for i in (lo..idx).rev() {
            let s = &self.c.sentences[i];
            if !self.tells_an_event(i) {
                continue;
            }
            if let Some(d) = day_in(s) {
                return Dated {
                    borrowed_from: Some(i),
                    ..Dated::new(d.date, d.end, 2)
                };
            }
        }
        let coarse = self.c.dates.iter().find(|d| {
            d.span.start >= own.start
                && d.span.end <= own.end
                && d.date.year > 0
                && d.kind == DateKind::Point
        });
        // The article's event day: for a signing, the first single day of the event rather
        // than the start of the trip around it ("từ ngày 4 đến 6/9, sáng 5-9, …").
        let event = match want {
            Want::Day => self.event_day.or(self.event_date),
            Want::Trip => self.event_date,
        };
        if let Some(d) = coarse {
            // "Biên bản hội đàm năm 2023" signed at the article's event of that year: its day.
            let same_year = event.filter(|e| e.year == d.date.year);
            return Dated::new(same_year.unwrap_or(d.date), None, 1);
        }
        // Else the article's own date: an event it reports with no date of its own is news of
        // the days it was published.
        Dated {
            start: event.or(self.c.published.filter(|p| p.year > 0)),
            end: None,
            rank: 0,
            borrowed_from: None,
        }
    }
}

/// The years written in a stretch of text: "năm 2008" and the bare years of a list ("các năm
/// 2010, 2013, 2018"), each a separate past instrument.
pub(super) fn years_in(doc: &Doc<'_>, r: &Range<usize>) -> Vec<i32> {
    let text = doc.c.text;
    let mut years = Vec::new();
    for d in doc.c.dates {
        if d.span.start < r.start
            || d.span.end > r.end
            || d.kind != DateKind::Point
            || d.date.month != 0
        {
            continue;
        }
        if !years.contains(&d.date.year) {
            years.push(d.date.year);
        }
    }
    let chunk = &text[r.clone()];
    let mut rest = chunk;
    let mut base = r.start;
    while let Some(i) = rest.bytes().position(|b| b.is_ascii_digit()) {
        let digits = digits_at(rest, i);
        let at = base + i;
        let inside = doc
            .c
            .dates
            .iter()
            .any(|d| d.span.start <= at && at < d.span.end);
        if digits.len() == 4 && !inside {
            if let Ok(y) = digits.parse::<i32>() {
                if (1950..=2100).contains(&y) && !years.contains(&y) {
                    years.push(y);
                }
            }
        }
        let step = i + digits.len();
        base += step;
        rest = &rest[step..];
    }
    years
}

/// The run of ASCII digits of `text` from byte `at`.
fn digits_at(text: &str, at: usize) -> &str {
    let len = text.as_bytes()[at..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    &text[at..at + len]
}

/// The span of days of the trip a visit dated by one day belongs to: a sentence about a
/// delegation or its trip that gives a span holding that day and names no place beyond the
/// two sides' countries ("Đoàn có chuyến thăm, làm việc tại Nghệ An từ ngày 15 - 17/5"),
/// while the reception or talks that state the visit give their own day.
pub(super) fn trip_span(doc: &Doc<'_>, v: &Visit) -> Option<(PartialDate, PartialDate)> {
    let day = v.start.filter(|d| d.day > 0 && v.end.is_none())?;
    let countries = [&v.guest.place.country, &v.host.place.country];
    doc.c.dates.iter().find_map(|d| {
        let end = d.end.filter(|_| d.kind == DateKind::Span)?;
        let holds = d.date.year == day.year
            && (d.date.month, d.date.day) <= (day.month, day.day)
            && (day.month, day.day) <= (end.month, end.day);
        if !holds {
            return None;
        }
        let s = doc
            .c
            .sentences
            .iter()
            .find(|s| s.start <= d.span.start && d.span.end <= s.end)?;
        let about_a_trip = doc.has(s, Cat::Delegation) || doc.has(s, Cat::Toward);
        // A span that names another region of the host's country is another leg's.
        let other_place = doc.places_in(s).iter().any(|p| {
            !countries.contains(&&p.place.country)
                || (p.place.country == v.host.place.country
                    && !p.place.region.is_empty()
                    && !v.host.place.region.is_empty()
                    && p.place.region != v.host.place.region)
        });
        (about_a_trip && !other_place).then_some((d.date, end))
    })
}

/// The time the sentence `si` states for its event: its own, or the sentence before's when it
/// opens by pointing back to the same occasion ("Nhân dịp này, hai tỉnh sẽ ký kết …" after "…
/// sẽ sang thăm Gia Lai vào tháng 3/2026"), or when that one sets a plan for a time to
/// come ("… tổ chức Hội nghị tại Lạng Sơn vào tháng 11/2024. Đoàn đại biểu Quảng Tây sẽ sang
/// Lạng Sơn dự hội nghị").
pub(super) fn stated_time<'c>(c: &'c Context<'_>, si: usize) -> Option<&'c DateMention> {
    let s = &c.sentences[si];
    own_stated_time(c, s).or_else(|| {
        let opening = c.lower[s.clone()].trim_start();
        let points_back = c.cues.starts_with(opening, Cue::SameOccasion);
        let before = own_stated_time(c, &c.sentences[si.checked_sub(1)?])?;
        (points_back || after_publication(c, &before.date)).then_some(before)
    })
}

pub(super) fn own_stated_time<'c>(c: &'c Context<'_>, s: &Range<usize>) -> Option<&'c DateMention> {
    let within = |d: &&DateMention| {
        d.span.start >= s.start && d.span.end <= s.end && d.kind != DateKind::Dateline
    };
    c.dates
        .iter()
        .filter(within)
        .find(|d| d.date.month > 0)
        .or_else(|| {
            c.dates.iter().filter(within).find(|d| {
                d.kind == DateKind::Point
                    && d.date.year > 0
                    && c.published.is_none_or(|p| d.date.year >= p.year)
            })
        })
}

/// The year an instrument is named for, written right after its name and after the article's
/// year ("Biên bản thỏa thuận hợp tác năm 2026" in December 2025). A year not after it names
/// when the instrument was signed ("Biên bản ghi nhớ năm 2015").
pub(super) fn covered_year<'c>(doc: &Doc<'c>, ins: &Hit<Cat>) -> Option<&'c DateMention> {
    let reference = doc.reference_year?;
    let rest = doc.lower[ins.end..].trim_start();
    // The name may go on with "hợp tác" ("biên bản thỏa thuận | hợp tác năm 2026").
    let cues = doc.c.cues;
    let rest = cues
        .strip_opening(rest, Cue::CoveredYearJoiner)
        .unwrap_or(rest);
    let at = doc.lower.len() - rest.len();
    if !cues.starts_with(rest, Cue::YearWord) {
        return None;
    }
    doc.c.dates.iter().find(|d| {
        d.span.start == at
            && d.kind == DateKind::Point
            && d.date.month == 0
            && d.date.year > reference
    })
}

/// How many months a written date (year and month) falls before publication, or 0 when either
/// is not known that far.
pub(super) fn months_before_publication(c: &Context<'_>, d: &PartialDate) -> i32 {
    let Some(p) = c.published.filter(|p| p.year > 0 && p.month > 0) else {
        return 0;
    };
    if d.year == 0 || d.month == 0 || d.year_inferred {
        return 0;
    }
    let months = |year: i32, month: u32| year * 12 + month as i32;
    months(p.year, p.month) - months(d.year, d.month)
}

/// Whether a stated time lies ahead of the article: after its publication, or marked as still
/// to come ("vào tháng 11 tới", whose year is inferred).
pub(super) fn lies_ahead(c: &Context<'_>, d: &DateMention) -> bool {
    after_publication(c, &d.date) || crate::dates::is_coming(c.date_rules, c.lower, d.span.end)
}

/// Whether a date written in full lies after the article's publication: an event reported
/// for then has not happened yet.
fn after_publication(c: &Context<'_>, d: &PartialDate) -> bool {
    let Some(p) = c.published.filter(|p| p.year > 0) else {
        return false;
    };
    if d.year == 0 || d.year_inferred {
        return false;
    }
    if d.month == 0 || p.month == 0 {
        return d.year > p.year;
    }
    (d.year, d.month) > (p.year, p.month)
}

/// The longest a stretch of years counted from an event may be ("15 năm qua").
const MAX_ELAPSED_YEARS: i32 = 200;

/// The year the article is written in: its publication date's, else the latest year its text
/// plainly sets in the past or present: a date written with its year, or a year named plus
/// the round number of years since ("ký … ngày 21/10/2008. Trong 15 năm qua, …": 2023). Years it sets ahead
/// ("đến năm 2030") and the ends of periods are not counted.
/// `hits` are the scanned cue phrases of the whole text ([`super::cues::Cues::scan`]).
pub(super) fn present_year(c: &Context<'_>, hits: &[Hit<Cat>]) -> Option<i32> {
    if let Some(p) = c.published.filter(|p| p.year > 0) {
        return Some(p.year);
    }
    let cues = c.cues;
    let stated = c
        .dates
        .iter()
        .filter(|d| {
            matches!(d.kind, DateKind::Point | DateKind::Span)
                && d.date.year > 0
                && !d.date.year_inferred
        })
        .filter(|d| {
            let before = &c.lower[..d.span.start];
            let before = cues.strip_ending(before, Cue::YearWord).unwrap_or(before);
            !cues.ends_with(before, Cue::Until)
        })
        .map(|d| (d.span.start, d.date.year));
    let mut latest = stated.clone().map(|(_, y)| y).max();
    // "N năm qua": the years since an event named just before.
    let bytes = c.lower.as_bytes();
    for i in (0..bytes.len()).filter(|&i| bytes[i].is_ascii_digit()) {
        if i > 0 && bytes[i - 1].is_ascii_digit() {
            continue;
        }
        let digits = digits_at(c.lower, i);
        let Ok(n) = digits.parse::<i32>() else {
            continue;
        };
        if !(1..=MAX_ELAPSED_YEARS).contains(&n) {
            continue;
        }
        let after = &c.lower[i + digits.len()..];
        let Some(rest) = cues.strip_opening(after, Cue::YearWord) else {
            continue;
        };
        if !cues.starts_with(rest, Cue::UpToNow) {
            continue;
        }
        // Counted from the year of a signing or founding told in the sentence before: a year
        // of its own sentence is the one it ends in ("Năm 2024, … 10 năm qua"), and other
        // years before count other things ("… 9 tháng đầu năm 2024 …").
        let sentence = c.sentences.partition_point(|s| s.end <= i);
        let Some(before) = sentence.checked_sub(1).and_then(|k| c.sentences.get(k)) else {
            continue;
        };
        let first = hits.partition_point(|h| h.start < before.start);
        let founding = hits[first..]
            .iter()
            .take_while(|h| h.end <= before.end)
            .any(|h| matches!(h.tag, Cat::Sign | Cat::Establish));
        if !founding {
            continue;
        }
        let named = stated
            .clone()
            .rfind(|(at, _)| before.start <= *at && *at < before.end);
        if let Some((_, year)) = named {
            latest = latest.max(Some(year + n));
        }
    }
    latest
}

/// How many sentences back the place where an event is held may have been stated.
const VENUE_LOOKBACK: usize = 3;

impl<'a> Doc<'a> {
    /// Where the event told in sentence `si` is held: a place "tại" names in it or in one of
    /// the few sentences before ("Ngày 2-4, … đến thăm tỉnh Svay Rieng. … Về phía tỉnh Svay
    /// Rieng dự lễ … có …"), or the place of the body organizing it ("UBND tỉnh tổ chức Lễ ký
    /// kết …": the article's province).
    pub(super) fn venue_of(&self, si: usize) -> Option<Place> {
        let c = self.c;
        let from = si.saturating_sub(VENUE_LOOKBACK);
        (from..=si).rev().find_map(|i| {
            let s = &c.sentences[i];
            let stated = self.hits_in(s, |t| t == Cat::Venue).iter().find_map(|v| {
                self.places_in(s)
                    .into_iter()
                    .find(|p| self.names_venue(v, p))
                    .map(|p| p.place.clone())
            });
            stated.or_else(|| self.organizer_place(s))
        })
    }

    /// The place of the body that organizes the sentence's event: the place named with it,
    /// else, for a body of the article's own province named without it, that province.
    fn organizer_place(&self, s: &Range<usize>) -> Option<Place> {
        let at = self.first_cue(s, Cue::Organizes)?.start;
        let before = s.start..at;
        let named = self
            .places_in(&before)
            .into_iter()
            .rev()
            .find(|p| !p.place.region.is_empty())
            .map(|p| p.place.clone());
        let own_body = || {
            self.c
                .cues
                .contains(&self.lower[before.clone()], Cue::LocalOffice)
                .then(|| self.home.clone())
                .flatten()
        };
        named.or_else(own_body)
    }
}
