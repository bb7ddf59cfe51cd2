//! Partial dates as the days they may stand for, so that "11/2023" and "16/11/2023" agree and
//! a visit of 15–17/11 overlaps one reported on the 16th.

use hoptac_api::v1::PartialDate;

/// The first and last day a date may stand for, as days since 1970-01-01; `None` when it
/// gives no year, which says nothing to compare.
pub fn span(date: &PartialDate) -> Option<(i64, i64)> {
    if date.year <= 0 {
        return None;
    }
    let year = i64::from(date.year);
    Some(match (date.month, date.day) {
        (month @ 1..=12, day @ 1..=31) => {
            let at = days(
                year,
                i64::from(month),
                i64::from(day).min(month_length(year, month)),
            );
            (at, at)
        }
        (month @ 1..=12, _) => (
            days(year, i64::from(month), 1),
            days(year, i64::from(month), month_length(year, month)),
        ),
        _ => (days(year, 1, 1), days(year, 12, 31)),
    })
}

fn month_length(year: i64, month: i32) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a day of the proleptic Gregorian calendar (Howard Hinnant's
/// `days_from_civil`).
fn days(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// How many parts a date gives: 3 with its day, 2 with its month, 1 a year alone, 0 none.
pub fn precision(date: Option<&PartialDate>) -> u8 {
    match date {
        Some(d) if d.year > 0 && (1..=12).contains(&d.month) && (1..=31).contains(&d.day) => 3,
        Some(d) if d.year > 0 && (1..=12).contains(&d.month) => 2,
        Some(d) if d.year > 0 => 1,
        _ => 0,
    }
}

/// The days from a start to an end (the start's own when there is no end); `None` without a
/// dated start or end.
pub fn range(start: Option<&PartialDate>, end: Option<&PartialDate>) -> Option<(i64, i64)> {
    match (start.and_then(span), end.and_then(span)) {
        (Some((first, last)), Some((_, end_last))) => Some((first, last.max(end_last))),
        (Some(span), None) | (None, Some(span)) => Some(span),
        (None, None) => None,
    }
}

/// Whether two spans share a day, or are two days next to each other; an unknown span shares
/// every day. Next days count because papers date one event a day apart (a signing in the
/// evening and the instrument handed over the next morning; a trip by the day each one reports
/// on); a month or year next to another does not.
pub fn overlap(a: Option<(i64, i64)>, b: Option<(i64, i64)>) -> bool {
    match (a, b) {
        (Some((a_first, a_last)), Some((b_first, b_last))) => {
            let slack = i64::from(a_first == a_last && b_first == b_last);
            a_first <= b_last.saturating_add(slack) && b_first <= a_last.saturating_add(slack)
        }
        _ => true,
    }
}

/// How an article tells of an event, which bounds when an undated one took place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// As happening at the reported event (a signing, a trip): in the month up to publication.
    Reported,
    /// As done at some earlier time: any time up to publication.
    Past,
    /// As planned: from publication on.
    Planned,
}

/// The days an event the article tells of in `tense` may have been on, from the article's
/// publication date; `None` without one.
pub fn window(published: Option<&PartialDate>, tense: Tense) -> Option<(i64, i64)> {
    let (first, last) = published.and_then(span)?;
    Some(match tense {
        Tense::Reported => (first - 31, last),
        Tense::Past => (i64::MIN, last),
        Tense::Planned => (first, i64::MAX),
    })
}

/// A date as text, as precise as it is: `2023-11-16`, `2023-11`, `2023`, or empty.
pub fn label(date: Option<&PartialDate>) -> String {
    match (precision(date), date) {
        (3, Some(d)) => format!("{:04}-{:02}-{:02}", d.year, d.month, d.day),
        (2, Some(d)) => format!("{:04}-{:02}", d.year, d.month),
        (1, Some(d)) => format!("{:04}", d.year),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: i32, day: i32) -> PartialDate {
        PartialDate {
            year,
            month,
            day,
            year_inferred: false,
        }
    }

    fn agree(a: Option<&PartialDate>, b: Option<&PartialDate>) -> bool {
        overlap(a.and_then(span), b.and_then(span))
    }

    #[test]
    fn days_are_counted_on_the_calendar() {
        assert_eq!(span(&date(1970, 1, 1)), Some((0, 0)));
        assert_eq!(
            span(&date(2024, 3, 1)).map(|s| s.0 - 1),
            span(&date(2024, 2, 29)).map(|s| s.0)
        );
        assert_eq!(span(&date(2023, 2, 0)).map(|(a, b)| b - a), Some(27));
        let (nov30, dec1) = (date(2025, 11, 30), date(2025, 12, 1));
        assert!(agree(Some(&nov30), Some(&dec1)), "next days");
        assert!(!agree(Some(&nov30), Some(&date(2025, 12, 2))));
        assert!(!agree(Some(&date(2008, 0, 0)), Some(&date(2009, 0, 0))));
        assert!(!agree(Some(&date(2025, 11, 0)), Some(&date(2025, 12, 0))));
    }

    #[test]
    fn a_month_contains_its_days_and_a_year_its_months() {
        let (nov, nov16, nov20) = (date(2023, 11, 0), date(2023, 11, 16), date(2023, 11, 20));
        assert!(agree(Some(&nov), Some(&nov16)));
        assert!(agree(Some(&date(2023, 0, 0)), Some(&nov16)));
        assert!(!agree(Some(&nov16), Some(&nov20)));
        assert!(!agree(Some(&date(2023, 10, 30)), Some(&nov)));
        assert!(!agree(Some(&date(2018, 11, 16)), Some(&nov16)));
        assert!(!agree(Some(&date(2023, 12, 0)), Some(&nov16)));
        assert!(
            agree(None, Some(&nov16)),
            "no date says nothing against one"
        );
    }

    #[test]
    fn a_trip_of_several_days_overlaps_a_report_of_one_of_them() {
        let trip = range(Some(&date(2023, 11, 15)), Some(&date(2023, 11, 17)));
        assert!(overlap(trip, range(Some(&date(2023, 11, 16)), None)));
        assert!(!overlap(trip, range(Some(&date(2023, 11, 19)), None)));
        assert!(overlap(trip, range(Some(&date(2023, 11, 0)), None)));
    }

    #[test]
    fn an_undated_event_is_bounded_by_its_article_s_publication() {
        let published = date(2023, 11, 17);
        let reported = window(Some(&published), Tense::Reported);
        assert!(overlap(reported, span(&date(2023, 11, 16))));
        assert!(overlap(reported, span(&date(2023, 10, 20))));
        assert!(!overlap(reported, span(&date(2025, 10, 2))));
        assert!(!overlap(reported, span(&date(2023, 9, 1))));
        let planned = window(Some(&published), Tense::Planned);
        assert!(overlap(planned, span(&date(2024, 6, 0))));
        assert!(!overlap(planned, span(&date(2022, 6, 0))));
        assert!(overlap(
            window(Some(&published), Tense::Past),
            span(&date(2008, 0, 0))
        ));
        assert_eq!(window(None, Tense::Past), None);
    }

    #[test]
    fn precision_counts_the_parts_given() {
        assert_eq!(precision(Some(&date(2024, 3, 12))), 3);
        assert_eq!(precision(Some(&date(2024, 3, 0))), 2);
        assert_eq!(precision(Some(&date(2024, 0, 0))), 1);
        assert_eq!(precision(Some(&date(0, 3, 12))), 0);
        assert_eq!(precision(None), 0);
        assert_eq!(label(Some(&date(2024, 3, 0))), "2024-03");
    }
}
