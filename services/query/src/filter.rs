//! A request's filter, checked and resolved: places to codes (any spelling, through the
//! shared gazetteer), dates to key bounds, text to folded terms. It picks the index scope to
//! scan and tests each record read there against the rest.

use hoptac_api::v1::{Field, PartialDate, RecordFilter, SortOrder};
use hoptac_gazetteer::{spelling::fold, Gazetteer};

use crate::{
    error::Error,
    index::{self, DateKey, Scope},
    record::{Kind, Record},
};

/// What a query asks for, checked.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// Which kinds of records (none means both).
    pub kinds: Vec<Kind>,
    /// Codes of places every record must involve.
    pub places: Vec<String>,
    /// Fields, any of which a record must have.
    pub fields: Vec<Field>,
    /// Lowest date key.
    pub since: Option<DateKey>,
    /// Highest date key.
    pub until: Option<DateKey>,
    /// Folded words every record's text must contain.
    pub terms: Vec<String>,
    /// Status numbers, any of which a record must have (empty means all).
    pub statuses: Vec<i32>,
    /// Newest date first.
    pub newest_first: bool,
}

impl Query {
    /// Checks and resolves a request's filter; `kinds` are the record kinds the RPC returns.
    pub fn new(
        filter: Option<&RecordFilter>,
        kinds: &[Kind],
        gazetteer: &Gazetteer,
    ) -> Result<Query, Error> {
        let empty = RecordFilter::default();
        let filter = filter.unwrap_or(&empty);
        let places = filter
            .places
            .iter()
            .map(|p| resolve_place(p, gazetteer))
            .collect::<Result<Vec<_>, _>>()?;
        let fields = filter
            .fields
            .iter()
            .map(|f| match Field::try_from(*f) {
                Ok(field) if field != Field::Unspecified => Ok(field),
                _ => Err(Error::InvalidArgument {
                    field: "filter.fields",
                    reason: format!("{f} is not a field of cooperation"),
                }),
            })
            .collect::<Result<Vec<_>, _>>()?;
        let since = filter
            .since
            .as_ref()
            .map(|d| check_date(d, "filter.since").map(|d| index::since_key(&d)))
            .transpose()?;
        let until = filter
            .until
            .as_ref()
            .map(|d| check_date(d, "filter.until").map(|d| index::until_key(&d)))
            .transpose()?;
        let terms = fold(&filter.text)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        Ok(Query {
            kinds: kinds.to_vec(),
            places,
            fields,
            since,
            until,
            terms,
            ..Query::default()
        })
    }

    /// Keeps only records of these statuses; `valid` says which numbers the kind defines and
    /// `field` names the request field for errors.
    pub fn with_statuses(
        mut self,
        statuses: &[i32],
        valid: impl Fn(i32) -> bool,
        field: &'static str,
    ) -> Result<Query, Error> {
        if let Some(bad) = statuses.iter().find(|s| **s == 0 || !valid(**s)) {
            return Err(Error::InvalidArgument {
                field,
                reason: format!("{bad} is not a status of this kind of record"),
            });
        }
        self.statuses = statuses.to_vec();
        Ok(self)
    }

    /// Orders results as asked; a value that is no `SortOrder` is refused, not read as the
    /// default.
    pub fn with_order(mut self, order: i32) -> Result<Query, Error> {
        let order = SortOrder::try_from(order).map_err(|_| Error::InvalidArgument {
            field: "order",
            reason: format!(
                "{order} is not a sort order (0 unspecified, 1 oldest first, 2 newest first)"
            ),
        })?;
        self.newest_first = order == SortOrder::NewestFirst;
        Ok(self)
    }

    /// What a cursor of this query carries to tell it from another's: a digest of everything
    /// that decides which records the query returns and in what order.
    pub fn fingerprint(&self) -> index::Fingerprint {
        use sha2::{Digest, Sha256};
        let mut digest = Sha256::new();
        // Every list and item is length-prefixed, so no two different queries hash the same
        // bytes.
        let mut list = |items: Vec<Vec<u8>>| {
            digest.update((items.len() as u64).to_be_bytes());
            for item in items {
                digest.update((item.len() as u64).to_be_bytes());
                digest.update(item);
            }
        };
        list(self.kinds.iter().map(|k| vec![*k as u8]).collect());
        list(self.places.iter().map(|p| p.as_bytes().to_vec()).collect());
        list(
            self.fields
                .iter()
                .map(|f| (*f as i32).to_be_bytes().to_vec())
                .collect(),
        );
        list(self.since.iter().map(|d| d.to_vec()).collect());
        list(self.until.iter().map(|d| d.to_vec()).collect());
        list(self.terms.iter().map(|t| t.as_bytes().to_vec()).collect());
        list(
            self.statuses
                .iter()
                .map(|s| s.to_be_bytes().to_vec())
                .collect(),
        );
        list(vec![vec![u8::from(self.newest_first)]]);
        let hash = digest.finalize();
        let mut fingerprint = [0; 8];
        fingerprint.copy_from_slice(&hash[..8]);
        fingerprint
    }

    /// The index scopes to read, whose union holds every match: the first place's scope (the
    /// most selective), else one scope per field, else everything — all within the date range.
    pub fn scopes(&self) -> Vec<Scope> {
        if let Some(code) = self.places.first() {
            vec![Scope::Place(code.clone())]
        } else if !self.fields.is_empty() {
            self.fields.iter().map(|f| Scope::Field(*f)).collect()
        } else {
            vec![Scope::All]
        }
    }

    /// Whether a record read from a scope matches every condition.
    pub fn matches(&self, record: &Record) -> bool {
        if !self.kinds.is_empty() && !self.kinds.contains(&record.kind()) {
            return false;
        }
        if !self.statuses.is_empty() && !self.statuses.contains(&record.status()) {
            return false;
        }
        let codes = record.place_codes();
        if !self.places.iter().all(|p| codes.contains(&p.as_str())) {
            return false;
        }
        if !self.fields.is_empty()
            && !self
                .fields
                .iter()
                .any(|f| record.fields().contains(&(*f as i32)))
        {
            return false;
        }
        let date = index::date_key(record.date());
        if self.since.is_some_and(|s| date < s) || self.until.is_some_and(|u| date > u) {
            return false;
        }
        if !self.terms.is_empty() {
            let text = fold(&record.searchable_text());
            if !self.terms.iter().all(|t| text.contains(t.as_str())) {
                return false;
            }
        }
        true
    }
}

/// The code a query place stands for: an ISO code or any spelling of a name.
pub fn resolve_place(place: &str, gazetteer: &Gazetteer) -> Result<String, Error> {
    let found = gazetteer.resolve(place).ok_or_else(|| Error::InvalidArgument {
        field: "filter.places",
        reason: format!(
            "unknown place {}: give an ISO 3166 code (VN-HN, JP-40, JP) or a place name (Hà Nội, Fukuoka, Nhật Bản)",
            hoptac_runtime::limits::excerpt(place)
        ),
    })?;
    Ok(found.code().to_string())
}

fn check_date(date: &PartialDate, field: &'static str) -> Result<PartialDate, Error> {
    let valid = (1..=9999).contains(&date.year)
        && (0..=12).contains(&date.month)
        && (0..=31).contains(&date.day)
        && (date.day == 0 || date.month != 0);
    if valid {
        Ok(*date)
    } else {
        Err(Error::InvalidArgument {
            field,
            reason: format!(
                "{}-{}-{} is not a date: year 1-9999, month 0-12, day 0-31 (0 = any), no day without a month",
                date.year, date.month, date.day
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use hoptac_api::v1::{Agreement, Evidence, Party, Place};

    use super::*;

    fn gazetteer() -> &'static Gazetteer {
        static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        G.get_or_init(Gazetteer::builtin)
    }

    fn query(filter: RecordFilter) -> Result<Query, Error> {
        Query::new(Some(&filter), &[Kind::Agreement], gazetteer())
    }

    fn hanoi_fukuoka() -> Record {
        let party = |org: &str, country: &str, region: &str| Party {
            organization: org.into(),
            place: Some(Place {
                country: country.into(),
                region: region.into(),
                ..Default::default()
            }),
            ..Default::default()
        };
        Record::Agreement(Agreement {
            id: "x-a1".into(),
            parties: vec![
                party("HĐND TP Hà Nội", "VN", "VN-HN"),
                party("Hội đồng tỉnh Fukuoka", "JP", "JP-40"),
            ],
            signed_on: Some(PartialDate {
                year: 2025,
                month: 3,
                day: 3,
                year_inferred: false,
            }),
            fields: vec![Field::Health as i32],
            evidence: Some(Evidence {
                quote: "ký kết thỏa thuận tăng cường quan hệ hợp tác".into(),
                ..Default::default()
            }),
            ..Default::default()
        })
    }

    #[test]
    fn a_place_in_any_spelling_is_one_code() {
        for spelling in ["VN-HN", "Hà Nội", "ha noi", "Hanoi", "TP. Hà Nội"] {
            let q = query(RecordFilter {
                places: vec![spelling.into()],
                ..Default::default()
            })
            .expect(spelling);
            assert_eq!(q.places, ["VN-HN"], "{spelling}");
        }
        let q = query(RecordFilter {
            places: vec!["Nhật Bản".into(), "japan".into()],
            ..Default::default()
        })
        .expect("resolves");
        assert_eq!(q.places, ["JP", "JP"]);
    }

    #[test]
    fn an_unknown_place_is_invalid_and_says_so() {
        let err = query(RecordFilter {
            places: vec!["Atlantis".into()],
            ..Default::default()
        })
        .expect_err("refused");
        assert!(
            err.to_string().contains("unknown place \"Atlantis\""),
            "{err}"
        );
    }

    #[test]
    fn records_must_involve_every_place_and_match_the_rest() {
        let record = hanoi_fukuoka();
        let matches = |f: RecordFilter| query(f).expect("valid").matches(&record);
        assert!(matches(RecordFilter {
            places: vec!["ha noi".into(), "JP".into()],
            ..Default::default()
        }));
        assert!(!matches(RecordFilter {
            places: vec!["ha noi".into(), "Hokkaido".into()],
            ..Default::default()
        }));
        assert!(matches(RecordFilter {
            fields: vec![Field::Education as i32, Field::Health as i32],
            ..Default::default()
        }));
        assert!(!matches(RecordFilter {
            fields: vec![Field::Tourism as i32],
            ..Default::default()
        }));
        assert!(matches(RecordFilter {
            text: "hoi dong tinh FUKUOKA".into(),
            ..Default::default()
        }));
        assert!(!matches(RecordFilter {
            text: "Hokkaido".into(),
            ..Default::default()
        }));
        let year = |y| {
            Some(PartialDate {
                year: y,
                month: 0,
                day: 0,
                year_inferred: false,
            })
        };
        assert!(matches(RecordFilter {
            since: year(2025),
            until: year(2025),
            ..Default::default()
        }));
        assert!(!matches(RecordFilter {
            since: year(2026),
            ..Default::default()
        }));
    }

    #[test]
    fn the_scan_starts_from_the_most_selective_index() {
        let q = query(RecordFilter {
            places: vec!["Fukuoka".into()],
            fields: vec![Field::Health as i32],
            ..Default::default()
        })
        .expect("valid");
        assert_eq!(q.scopes(), [Scope::Place("JP-40".into())]);
        let q = query(RecordFilter {
            fields: vec![Field::Health as i32, Field::Culture as i32],
            ..Default::default()
        })
        .expect("valid");
        assert_eq!(
            q.scopes(),
            [Scope::Field(Field::Health), Scope::Field(Field::Culture)]
        );
        assert_eq!(
            query(RecordFilter::default()).expect("valid").scopes(),
            [Scope::All]
        );
    }

    #[test]
    fn impossible_dates_and_unknown_fields_are_invalid() {
        let bad_date = Some(PartialDate {
            year: 2025,
            month: 13,
            day: 0,
            year_inferred: false,
        });
        let err = query(RecordFilter {
            since: bad_date,
            ..Default::default()
        })
        .expect_err("refused");
        assert!(err.to_string().starts_with("filter.since"), "{err}");
        let err = query(RecordFilter {
            fields: vec![99],
            ..Default::default()
        })
        .expect_err("refused");
        assert!(err.to_string().starts_with("filter.fields"), "{err}");
    }
}
