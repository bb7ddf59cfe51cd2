//! Which reports are one event. The same signing or visit is reported by the provincial portal,
//! the party paper and a national paper; each report is a *mention* (one extracted record of one
//! article), and this crate groups mentions into *events*.
//!
//! The rule ([`rule`]): two mentions may be one event when they are of the same kind of record
//! between the same parties (by code; a visit's direction counts), come from different articles,
//! have compatible kinds and statuses, dates that agree on every part both give (a month
//! containing a day, ranges that overlap; an undated event is bounded by its article's
//! publication), the same term when both give one, and leaders that do not conflict. Grouping ([`cluster`]) is a function of the set of mentions, not of their
//! order: mentions are taken most precise first in one canonical order, and each joins the one
//! event every member of which it may be one with; a mention that could join two events joins
//! neither, so that no two distinct events are merged on a guess. An event's fields come from its
//! mentions by precision ([`merge`]), and its id from its content ([`id`]), so that ingesting the
//! same articles in any order, re-extracting them or rebuilding a replica gives the same ids.
//!
//! Pure: records in, events out; no I/O, deterministic.

pub mod cluster;
pub mod dates;
pub mod id;
pub mod merge;
pub mod rule;

use hoptac_api::v1::{Agreement, Evidence, PartialDate, Visit};

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
    /// Where in its article the record was read.
    pub fn evidence(&self) -> Option<&Evidence> {
        match self {
            Record::Agreement(a) => a.evidence.as_ref(),
            Record::Visit(v) => v.evidence.as_ref(),
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
