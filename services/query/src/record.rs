//! One view over the two kinds of records, for indexing, filtering and streaming them alike.

use hoptac_api::v1::{Agreement, PartialDate, Party, Person, Visit};
use prost::Message;

use crate::error::Error;

/// The kind of record an id names: events' ids start with `agr-` or `vis-`, the records of one
/// article end in `-a{n}` for agreements and `-v{n}` for visits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An agreement.
    Agreement,
    /// A visit.
    Visit,
}

impl Kind {
    /// The kind an id names, if it is a record id.
    pub fn of(id: &str) -> Option<Kind> {
        if id.starts_with("agr-") {
            return Some(Kind::Agreement);
        }
        if id.starts_with("vis-") {
            return Some(Kind::Visit);
        }
        let (_, number) = id.rsplit_once('-')?;
        match number.as_bytes().first() {
            Some(b'a') => Some(Kind::Agreement),
            Some(b'v') => Some(Kind::Visit),
            _ => None,
        }
    }
}

/// An agreement or a visit.
// Records are read, filtered and sent one at a time, never held in bulk, so the variants'
// different sizes cost nothing that boxing (an allocation per record read) would save.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    /// An agreement.
    Agreement(Agreement),
    /// A visit.
    Visit(Visit),
}

impl Record {
    /// Decodes a stored record; its id tells the kind.
    pub fn decode(id: &str, bytes: &[u8]) -> Result<Record, Error> {
        match Kind::of(id) {
            Some(Kind::Agreement) => Ok(Record::Agreement(Agreement::decode(bytes)?)),
            Some(Kind::Visit) => Ok(Record::Visit(Visit::decode(bytes)?)),
            None => Err(Error::Corrupt(format!("{id:?} is not a record id"))),
        }
    }

    /// The encoded record.
    pub fn encode(&self) -> Vec<u8> {
        match self {
            Record::Agreement(a) => a.encode_to_vec(),
            Record::Visit(v) => v.encode_to_vec(),
        }
    }

    /// Its id.
    pub fn id(&self) -> &str {
        match self {
            Record::Agreement(a) => &a.id,
            Record::Visit(v) => &v.id,
        }
    }

    /// The same record as the resolver takes it.
    pub fn resolvable(self) -> hoptac_resolve::Record {
        match self {
            Record::Agreement(a) => hoptac_resolve::Record::Agreement(Box::new(a)),
            Record::Visit(v) => hoptac_resolve::Record::Visit(Box::new(v)),
        }
    }

    /// Its kind.
    pub fn kind(&self) -> Kind {
        match self {
            Record::Agreement(_) => Kind::Agreement,
            Record::Visit(_) => Kind::Visit,
        }
    }

    /// The date it is ordered by: an agreement's signing date, a visit's start.
    pub fn date(&self) -> Option<&PartialDate> {
        match self {
            Record::Agreement(a) => a.signed_on.as_ref(),
            Record::Visit(v) => v.start.as_ref(),
        }
    }

    /// Every region and country code it involves, each once.
    pub fn place_codes(&self) -> Vec<&str> {
        let places: Vec<_> = match self {
            Record::Agreement(a) => a.parties.iter().filter_map(|p| p.place.as_ref()).collect(),
            Record::Visit(v) => [&v.guest, &v.host]
                .into_iter()
                .flatten()
                .filter_map(|p| p.place.as_ref())
                .collect(),
        };
        let mut codes: Vec<&str> = Vec::new();
        for place in places {
            for code in [place.region.as_str(), place.country.as_str()] {
                if !code.is_empty() && !codes.contains(&code) {
                    codes.push(code);
                }
            }
        }
        codes
    }

    /// Its fields of cooperation.
    pub fn fields(&self) -> &[i32] {
        match self {
            Record::Agreement(a) => &a.fields,
            Record::Visit(v) => &v.fields,
        }
    }

    /// Its status as the enum's number.
    pub fn status(&self) -> i32 {
        match self {
            Record::Agreement(a) => a.status,
            Record::Visit(v) => v.status,
        }
    }

    /// Its status's name without the enum prefix ("SIGNED", "HAPPENED").
    pub fn status_name(&self) -> &'static str {
        match self {
            Record::Agreement(a) => a
                .status()
                .as_str_name()
                .trim_start_matches("AGREEMENT_STATUS_"),
            Record::Visit(v) => v.status().as_str_name().trim_start_matches("VISIT_STATUS_"),
        }
    }

    /// The text free-text queries look in: organizations, persons and the evidence quote.
    pub fn searchable_text(&self) -> String {
        let (parties, people, evidence): (Vec<&Party>, Vec<&Person>, _) = match self {
            Record::Agreement(a) => (
                a.parties.iter().collect(),
                a.signatories.iter().collect(),
                &a.evidence,
            ),
            Record::Visit(v) => (
                [&v.guest, &v.host].into_iter().flatten().collect(),
                v.leader.iter().chain(&v.hosts).collect(),
                &v.evidence,
            ),
        };
        let mut parts: Vec<&str> = parties.iter().map(|p| p.organization.as_str()).collect();
        for person in people {
            parts.push(&person.name);
            parts.push(&person.title);
        }
        parts.extend(evidence.as_ref().map(|e| e.quote.as_str()));
        parts.join(" \n ")
    }
}

impl From<hoptac_resolve::Record> for Record {
    fn from(record: hoptac_resolve::Record) -> Record {
        match record {
            hoptac_resolve::Record::Agreement(a) => Record::Agreement(*a),
            hoptac_resolve::Record::Visit(v) => Record::Visit(*v),
        }
    }
}

#[cfg(test)]
mod tests {
    use hoptac_api::v1::Place;

    use super::*;

    fn party(org: &str, country: &str, region: &str) -> Party {
        Party {
            organization: org.into(),
            place: Some(Place {
                country: country.into(),
                region: region.into(),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    #[test]
    fn ids_tell_the_kind() {
        assert_eq!(Kind::of("7608bd97-a1"), Some(Kind::Agreement));
        assert_eq!(Kind::of("7608bd97-v12"), Some(Kind::Visit));
        assert_eq!(Kind::of("7608bd97"), None);
        assert_eq!(Kind::of("agr-4f1c0a9e2b7d3c55"), Some(Kind::Agreement));
        assert_eq!(Kind::of("vis-0b3e9d1f2a4c6e87-2"), Some(Kind::Visit));
    }

    #[test]
    fn a_record_involves_every_region_and_its_country_once() {
        let record = Record::Agreement(Agreement {
            id: "x-a1".into(),
            parties: vec![
                party("HĐND TP Hà Nội", "VN", "VN-HN"),
                party("Hội đồng tỉnh Fukuoka", "JP", "JP-40"),
                party("Hiệp hội doanh nghiệp Việt Nam tại Kyushu", "JP", ""),
            ],
            ..Default::default()
        });
        assert_eq!(record.place_codes(), ["VN-HN", "VN", "JP-40", "JP"]);
        assert!(record.searchable_text().contains("Hội đồng tỉnh Fukuoka"));
    }
}
