//! Secondary index keys, laid out so every query is a range scan in date order.
//!
//! One sled tree holds every index entry as `scope ‖ date ‖ record id`:
//! - scope `d\0`: every record, each entry's value the encoded record itself (a covering
//!   index): an unfiltered stream reads one range in order instead of looking every record up
//!   in the `records` tree, whose id order is random against date order;
//! - scope `p:CODE\0`: records involving a region or country code (a party's region and its
//!   country both, so a query for `JP` finds every prefecture);
//! - scope `f:FIELD\0`: records of a field.
//!
//! The date is 4 bytes (year big-endian, month, day; 0 for an unknown part), so within a scope
//! entries sort by date, then by id. A cursor is a (date, id) position, the same in every scope,
//! stamped with the fingerprint of the query that handed it out: resuming another query from it
//! would skip or repeat records without a word, so that is refused.

use std::ops::Bound;

use hoptac_api::v1::{Field, PartialDate};

use crate::{error::Error, record::Record};

/// The sort key of a date: unknown parts sort first.
pub type DateKey = [u8; 4];

/// The sort key of a record's date (all zero when it has none).
pub fn date_key(date: Option<&PartialDate>) -> DateKey {
    let Some(d) = date else { return [0; 4] };
    let year = u16::try_from(d.year.clamp(0, 9999))
        .unwrap_or(0)
        .to_be_bytes();
    let part = |v: i32| u8::try_from(v.clamp(0, 31)).unwrap_or(0);
    [year[0], year[1], part(d.month), part(d.day)]
}

/// The lowest key of a `since` bound: the parts it leaves out are the earliest.
pub fn since_key(date: &PartialDate) -> DateKey {
    date_key(Some(date))
}

/// The highest key of an `until` bound: the parts it leaves out are the latest, so "until 2024"
/// includes every date of 2024.
pub fn until_key(date: &PartialDate) -> DateKey {
    let mut key = date_key(Some(date));
    if date.month == 0 {
        key[2] = u8::MAX;
    }
    if date.day == 0 {
        key[3] = u8::MAX;
    }
    key
}

/// Which entries a scan reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every record.
    All,
    /// Records involving a region or country code.
    Place(String),
    /// Records of a field.
    Field(Field),
}

impl Scope {
    /// The key prefix of the scope's entries.
    pub fn prefix(&self) -> Vec<u8> {
        let mut prefix = match self {
            Scope::All => b"d".to_vec(),
            Scope::Place(code) => [b"p:", code.as_bytes()].concat(),
            Scope::Field(field) => [b"f:", field.as_str_name().as_bytes()].concat(),
        };
        prefix.push(0);
        prefix
    }
}

/// Every index entry of a record.
pub fn entries(record: &Record) -> Vec<Vec<u8>> {
    let position = Position::of(record);
    let mut scopes = vec![Scope::All];
    scopes.extend(
        record
            .place_codes()
            .into_iter()
            .map(|c| Scope::Place(c.to_string())),
    );
    scopes.extend(
        record
            .fields()
            .iter()
            .filter_map(|f| Field::try_from(*f).ok())
            .map(Scope::Field),
    );
    scopes.iter().map(|s| position.key(&s.prefix())).collect()
}

/// Whether an index entry is of the every-record scope, whose values carry the record; the
/// other scopes' values are empty.
pub fn is_covering(key: &[u8]) -> bool {
    key.starts_with(&Scope::All.prefix())
}

/// What a cursor carries of the query that handed it out (see `Query::fingerprint`).
pub type Fingerprint = [u8; 8];

/// Where a record sits in date order: the resume cursor of streams and pages.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// The record's date key.
    pub date: DateKey,
    /// The record's id.
    pub id: String,
}

impl Position {
    /// The position of a record.
    pub fn of(record: &Record) -> Position {
        Position {
            date: date_key(record.date()),
            id: record.id().to_string(),
        }
    }

    /// The index key of this position in the scope with `prefix`.
    pub fn key(&self, prefix: &[u8]) -> Vec<u8> {
        [prefix, &self.date, self.id.as_bytes()].concat()
    }

    /// The position an index key in the scope with `prefix` stands for.
    pub fn from_key(prefix: &[u8], key: &[u8]) -> Result<Position, Error> {
        let rest = key
            .strip_prefix(prefix)
            .filter(|r| r.len() > 4)
            .ok_or_else(|| Error::Corrupt("an index key is too short".into()))?;
        let mut date = [0; 4];
        date.copy_from_slice(&rest[..4]);
        let id = String::from_utf8(rest[4..].to_vec())
            .map_err(|_| Error::Corrupt("an index key's id is not UTF-8".into()))?;
        Ok(Position { date, id })
    }

    /// The opaque cursor handed to clients of the query with `fingerprint`.
    pub fn cursor(&self, fingerprint: &Fingerprint) -> String {
        hex::encode([&fingerprint[..], &self.date[..], self.id.as_bytes()].concat())
    }

    /// Reads a cursor back for the query with `fingerprint`; `field` names the request field for
    /// the error.
    pub fn from_cursor(
        cursor: &str,
        field: &'static str,
        fingerprint: &Fingerprint,
    ) -> Result<Position, Error> {
        let invalid = || Error::InvalidArgument {
            field,
            reason: "is not a cursor this service handed out; pass one from an earlier response"
                .into(),
        };
        let bytes = hex::decode(cursor).map_err(|_| invalid())?;
        let (stamp, rest) = bytes
            .split_first_chunk::<8>()
            .filter(|(_, rest)| rest.len() > 4)
            .ok_or_else(invalid)?;
        let (date, id) = rest.split_first_chunk::<4>().ok_or_else(invalid)?;
        let id = String::from_utf8(id.to_vec()).map_err(|_| invalid())?;
        if crate::record::Kind::of(&id).is_none() {
            return Err(invalid());
        }
        if stamp != fingerprint {
            return Err(Error::InvalidArgument {
                field,
                reason: "was handed out for another query (another filter, record kind or \
                         order); resume a stream or list only with the same request it came \
                         from, or start again without it"
                    .into(),
            });
        }
        Ok(Position { date: *date, id })
    }
}

/// The key range of a scope between optional date bounds, strictly after (or, newest first,
/// strictly before) a resume position.
pub fn range(
    prefix: &[u8],
    since: Option<DateKey>,
    until: Option<DateKey>,
    resume: Option<&Position>,
    newest_first: bool,
) -> (Bound<Vec<u8>>, Bound<Vec<u8>>) {
    let mut low = Bound::Included([prefix, &since.unwrap_or([0; 4])].concat());
    let mut high = match until {
        // Ids are ASCII, so 0xFF after the date sorts after every id of that date.
        Some(until) => Bound::Included([prefix, &until, &[u8::MAX]].concat()),
        None => {
            let mut end = prefix.to_vec();
            if let Some(last) = end.last_mut() {
                *last += 1;
            }
            Bound::Excluded(end)
        }
    };
    if let Some(position) = resume {
        let key = position.key(prefix);
        if newest_first {
            if bound_key(&high).is_none_or(|h| key < *h) {
                high = Bound::Excluded(key);
            }
        } else if bound_key(&low).is_none_or(|l| key >= *l) {
            low = Bound::Excluded(key);
        }
    }
    (low, high)
}

fn bound_key(bound: &Bound<Vec<u8>>) -> Option<&Vec<u8>> {
    match bound {
        Bound::Included(k) | Bound::Excluded(k) => Some(k),
        Bound::Unbounded => None,
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

    #[test]
    fn dates_sort_by_year_month_day_with_unknown_parts_first() {
        assert!(date_key(Some(&date(2023, 11, 16))) < date_key(Some(&date(2025, 3, 3))));
        assert!(date_key(Some(&date(2008, 0, 0))) < date_key(Some(&date(2008, 1, 1))));
        assert!(date_key(None) < date_key(Some(&date(1990, 1, 1))));
    }

    #[test]
    fn an_until_year_includes_its_last_day() {
        assert!(date_key(Some(&date(2024, 12, 31))) <= until_key(&date(2024, 0, 0)));
        assert!(date_key(Some(&date(2025, 1, 1))) > until_key(&date(2024, 0, 0)));
    }

    #[test]
    fn cursors_round_trip_and_foreign_text_is_refused() {
        let p = Position {
            date: date_key(Some(&date(2025, 3, 3))),
            id: "7608bd97-a1".into(),
        };
        let query = *b"query001";
        assert_eq!(
            Position::from_cursor(&p.cursor(&query), "after", &query).expect("reads"),
            p
        );
        let old_layout = hex::encode("\u{7}\u{e9}\u{3}\u{3}7608bd97-a1");
        for bad in [
            "",
            "zz",
            "00000000",
            &hex::encode("12345678-x1"),
            &old_layout,
        ] {
            let err = Position::from_cursor(bad, "after", &query).expect_err("refused");
            assert!(err.to_string().contains("after"), "{err}");
        }
    }

    #[test]
    fn a_cursor_of_another_query_is_refused_as_such() {
        let p = Position {
            date: date_key(Some(&date(2025, 3, 3))),
            id: "7608bd97-a1".into(),
        };
        let err = Position::from_cursor(&p.cursor(b"query001"), "page_token", b"query002")
            .expect_err("refused");
        assert!(err.to_string().contains("another query"), "{err}");
    }

    #[test]
    fn a_resume_position_never_widens_the_date_range() {
        let prefix = Scope::All.prefix();
        let early = Position {
            date: date_key(Some(&date(2001, 1, 1))),
            id: "a-a1".into(),
        };
        let since = date_key(Some(&date(2020, 1, 1)));
        let (low, _) = range(&prefix, Some(since), None, Some(&early), false);
        assert_eq!(low, Bound::Included([&prefix[..], &since].concat()));
    }
}
