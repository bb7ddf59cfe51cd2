//! Which reports are one event. The same signing or visit is reported by the provincial portal,
//! the party paper and a national paper; each report is a *mention* (one extracted record of one
//! article), and this crate groups mentions into *events*.
//!
//! The rule ([`rule`]): two mentions may be one event when they are of the same kind of record
//! between the same parties (by code; a visit's direction counts) in the same year (their own
//! date's, else their article's publication year), come from different articles, have
//! compatible kinds and statuses, dates that agree on every part both give (a month containing a
//! day, ranges that overlap; an undated event is bounded by its article's publication), the same
//! term when both give one, and leaders that do not conflict. The year keeps the reports one
//! new report is compared with to one year's between two places, which stores rely on
//! ([`changes`]). Grouping ([`cluster`]) is a function of the set of mentions, not of their
//! order: mentions are taken most precise first in one canonical order, and each joins the one
//! event every member of which it may be one with; a mention that could join two events joins
//! neither, so that no two distinct events are merged on a guess. An event's fields come from its
//! mentions by precision ([`merge`]), and its id from its content ([`id`]), so that ingesting the
//! same articles in any order, re-extracting them or rebuilding a replica gives the same ids.
//!
//! Pure: records in, events out; no I/O, deterministic.

pub mod changes;
pub mod cluster;
pub mod dates;
pub mod id;
pub mod merge;
pub mod rule;

use hoptac_api::v1::{Agreement, Evidence, PartialDate, Visit};

pub use changes::update;
pub use cluster::resolve;
pub use merge::{Event, Provenance};

/// An extracted record: an agreement or a visit, boxed (each is a few hundred bytes, and
/// mentions are resolved by the thousand and sorted).
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    /// A written instrument between parties.
    Agreement(Box<Agreement>),
    /// A trip of a delegation from one place to another.
    Visit(Box<Visit>),
}

impl Record {
    /// Its id: an event's, or a record's within its article.
    pub fn id(&self) -> &str {
        match self {
            Record::Agreement(a) => &a.id,
            Record::Visit(v) => &v.id,
        }
    }

    /// Its mention entries: an event's reports, or one article's record itself.
    pub fn mentions(&self) -> &[hoptac_api::v1::Mention] {
        match self {
            Record::Agreement(a) => &a.mentions,
            Record::Visit(v) => &v.mentions,
        }
    }

    /// Where in its article the record was read.
    pub fn evidence(&self) -> Option<&Evidence> {
        match self {
            Record::Agreement(a) => a.evidence.as_ref(),
            Record::Visit(v) => v.evidence.as_ref(),
        }
    }
}

impl Mention {
    /// The mention one article's record is, from the entry naming its article that the
    /// extracting service gives it (see [`Mention::entry`]); without that entry, the article
    /// named by its evidence, whose URL, source and date are then unknown.
    pub fn of(record: Record) -> Mention {
        let entry = record.mentions().first().cloned().unwrap_or_default();
        let article_id = if entry.article_id.is_empty() {
            record
                .evidence()
                .map(|e| e.article_id.clone())
                .unwrap_or_default()
        } else {
            entry.article_id
        };
        Mention {
            record,
            article_id,
            url: entry.url,
            source: entry.source,
            published_on: entry.published_on,
        }
    }

    /// The entry an extracted record carries to name its own article, from which
    /// [`Mention::of`] reads it back.
    pub fn entry(
        record_id: &str,
        article: &hoptac_api::v1::Article,
        evidence: Option<&Evidence>,
    ) -> hoptac_api::v1::Mention {
        hoptac_api::v1::Mention {
            record_id: record_id.to_string(),
            article_id: article.id.clone(),
            url: article.url.clone(),
            source: article.source.clone(),
            published_on: article.published_on,
            evidence: evidence.cloned(),
            gave: Vec::new(),
        }
    }
}

/// One article's report of an event: one of its records, with where the article came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The record as extracted from the article.
    pub record: Record,
    /// The article's id.
    pub article_id: String,
    /// The article's URL.
    pub url: String,
    /// The publication that carried it.
    pub source: String,
    /// When the article was published, which bounds when an event it gives no date for took
    /// place.
    pub published_on: Option<PartialDate>,
}
