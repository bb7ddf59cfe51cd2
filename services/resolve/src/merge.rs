//! An event's fields from its mentions: the most precise date, the term and the named leader
//! where any mention gives them, the union of fields, signatories and hosts; and which mention
//! gave each.

use hoptac_api::v1::{Agreement, AgreementKind, AgreementStatus, Person, Visit};

use crate::{dates, Mention, Record};

/// One event and every mention of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Its id, from its content (see [`crate::id`]).
    pub id: String,
    /// What its mentions say together; the record's id is the event's, its evidence that of the
    /// first mention.
    pub record: Record,
    /// Its mentions, as indexes into the slice given to [`crate::resolve`]: the most precise
    /// first, then in one order that does not depend on the slice's.
    pub mentions: Vec<usize>,
    /// Which mention gave each field that mentions may disagree on.
    pub provenance: Provenance,
}

/// Which mention (an index into the slice given to [`crate::resolve`]) gave a merged field;
/// `None` when no mention gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Provenance {
    /// The date: an agreement's signing, a visit's start.
    pub date: Option<usize>,
    /// A visit's end.
    pub end: Option<usize>,
    /// An agreement's term.
    pub term: Option<usize>,
    /// An agreement's kind.
    pub kind: Option<usize>,
    /// A visit's leader.
    pub leader: Option<usize>,
}

/// The event of `members` (indexes into `mentions`, most precise first), with no id yet.
pub fn event(mentions: &[Mention], members: Vec<usize>) -> Event {
    let (record, provenance) = match &mentions[members[0]].record {
        Record::Agreement(_) => {
            let (a, p) = agreement(mentions, &members);
            (Record::Agreement(Box::new(a)), p)
        }
        Record::Visit(_) => {
            let (v, p) = visit(mentions, &members);
            (Record::Visit(Box::new(v)), p)
        }
    };
    let mut record = record;
    let entries = entries(mentions, &members, &provenance);
    match &mut record {
        Record::Agreement(a) => a.mentions = entries,
        Record::Visit(v) => v.mentions = entries,
    }
    Event {
        id: String::new(),
        record,
        mentions: members,
        provenance,
    }
}

/// The event's mention entries, in `members`' order: each names its record and article and the
/// merged fields it gave.
fn entries(
    mentions: &[Mention],
    members: &[usize],
    provenance: &Provenance,
) -> Vec<hoptac_api::v1::Mention> {
    let given = [
        ("date", provenance.date),
        ("end", provenance.end),
        ("term", provenance.term),
        ("kind", provenance.kind),
        ("leader", provenance.leader),
    ];
    members
        .iter()
        .map(|&i| {
            let mention = &mentions[i];
            hoptac_api::v1::Mention {
                record_id: mention.record.id().to_string(),
                article_id: mention.article_id.clone(),
                url: mention.url.clone(),
                source: mention.source.clone(),
                published_on: mention.published_on,
                evidence: mention.record.evidence().cloned(),
                gave: given
                    .iter()
                    .filter(|(_, by)| *by == Some(i))
                    .map(|(name, _)| name.to_string())
                    .collect(),
            }
        })
        .collect()
}

fn agreements<'a>(
    mentions: &'a [Mention],
    members: &'a [usize],
) -> impl Iterator<Item = (usize, &'a Agreement)> + 'a {
    members.iter().filter_map(|&i| match &mentions[i].record {
        Record::Agreement(a) => Some((i, a.as_ref())),
        Record::Visit(_) => None,
    })
}

fn visits<'a>(
    mentions: &'a [Mention],
    members: &'a [usize],
) -> impl Iterator<Item = (usize, &'a Visit)> + 'a {
    members.iter().filter_map(|&i| match &mentions[i].record {
        Record::Visit(v) => Some((i, v.as_ref())),
        Record::Agreement(_) => None,
    })
}

fn agreement(mentions: &[Mention], members: &[usize]) -> (Agreement, Provenance) {
    let all: Vec<(usize, &Agreement)> = agreements(mentions, members).collect();
    let mut merged = all[0].1.clone();
    let mut provenance = Provenance::default();
    if let Some((i, a)) = most_precise(&all, |a| a.signed_on.as_ref()) {
        merged.signed_on = a.signed_on;
        provenance.date = Some(i);
    }
    if let Some((i, a)) = all.iter().find(|(_, a)| a.term.is_some()) {
        merged.term = a.term;
        provenance.term = Some(*i);
    }
    let specific =
        |k: AgreementKind| !matches!(k, AgreementKind::Unspecified | AgreementKind::Other);
    if let Some((i, a)) = all.iter().find(|(_, a)| specific(a.kind())) {
        merged.kind = a.kind;
        provenance.kind = Some(*i);
    }
    // A report from the day of the signing outranks a later one calling it past.
    if all
        .iter()
        .any(|(_, a)| a.status() == AgreementStatus::Signed)
    {
        merged.status = AgreementStatus::Signed as i32;
    }
    if merged.title.is_empty() {
        if let Some((_, a)) = all.iter().find(|(_, a)| !a.title.is_empty()) {
            merged.title = a.title.clone();
        }
    }
    merged.fields = union(all.iter().flat_map(|(_, a)| a.fields.iter().copied()));
    merged.signatories = people(all.iter().flat_map(|(_, a)| a.signatories.iter()));
    (merged, provenance)
}

fn visit(mentions: &[Mention], members: &[usize]) -> (Visit, Provenance) {
    let all: Vec<(usize, &Visit)> = visits(mentions, members).collect();
    let mut merged = all[0].1.clone();
    let mut provenance = Provenance::default();
    if let Some((i, v)) = most_precise(&all, |v| v.start.as_ref()) {
        merged.start = v.start;
        provenance.date = Some(i);
    }
    if let Some((i, v)) = most_precise(&all, |v| v.end.as_ref()) {
        merged.end = v.end;
        provenance.end = Some(i);
    }
    if let Some((i, v)) = all
        .iter()
        .find(|(_, v)| v.leader.as_ref().is_some_and(|l| !l.name.is_empty()))
    {
        merged.leader = v.leader.clone();
        provenance.leader = Some(*i);
    }
    if merged.purpose.is_empty() {
        if let Some((_, v)) = all.iter().find(|(_, v)| !v.purpose.is_empty()) {
            merged.purpose = v.purpose.clone();
        }
    }
    merged.fields = union(all.iter().flat_map(|(_, v)| v.fields.iter().copied()));
    merged.hosts = people(all.iter().flat_map(|(_, v)| v.hosts.iter()));
    (merged, provenance)
}

/// The first of `all` whose date is the most precise, when any gives one.
fn most_precise<'a, T>(
    all: &[(usize, &'a T)],
    date: impl Fn(&T) -> Option<&hoptac_api::v1::PartialDate>,
) -> Option<(usize, &'a T)> {
    let best = all
        .iter()
        .map(|(_, r)| dates::precision(date(r)))
        .max()
        .filter(|&p| p > 0)?;
    all.iter()
        .find(|(_, r)| dates::precision(date(r)) == best)
        .map(|(i, r)| (*i, *r))
}

fn union(values: impl Iterator<Item = i32>) -> Vec<i32> {
    let mut all: Vec<i32> = values.collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// Every person once by name (case aside), in the order first met.
fn people<'a>(all: impl Iterator<Item = &'a Person>) -> Vec<Person> {
    let mut seen: Vec<Person> = Vec::new();
    for person in all {
        let name = person.name.to_lowercase();
        if !seen.iter().any(|p| p.name.to_lowercase() == name) {
            seen.push(person.clone());
        }
    }
    seen
}
