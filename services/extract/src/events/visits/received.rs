//! Someone received: "Chủ tịch UBND tỉnh đã tiếp đoàn thành phố Ulsan", "tại buổi tiếp ông
//! William Mark Peduto, Thị trưởng thành phố Pittsburgh". The guest is the place of what is
//! received: a place named right after the verb, or the place of the official received. A
//! guest the nation receives ("Phó Thủ tướng đã tiếp Thống đốc tỉnh …") is no local visit.
use super::{Sentence, Trip};
use crate::events::cues::Cat;
use crate::events::document::Doc;
use crate::lexicon::Cue;
use crate::text::{within_chars, Hit};

/// How far after "tiếp" / "đón" the guest's place may be named ("tiếp Phó Chủ tịch Vùng …").
const RECEIVE_REACH: usize = 30;

/// How far after "tiếp" / "đón" the official received may be named ("tiếp ông …").
const RECEIVED_OFFICIAL_REACH: usize = 18;

/// How far before a receiving verb a national office may stand and be its subject
/// ("Phó Thủ tướng đã tiếp …").
const NATIONAL_HOST_REACH: usize = 9;

/// The guests a sentence tells of being received.
pub(super) fn guests<'a>(doc: &Doc<'a>, s: &Sentence<'a>) -> Vec<Trip<'a>> {
    let c = doc.c;
    let national_hosts = doc.hits_in(&s.range, |t| t == Cat::NationalHost);
    let by_the_nation = |r: &Hit<Cat>| {
        national_hosts
            .iter()
            .any(|n| within_chars(c.text, n.end, r.start, NATIONAL_HOST_REACH))
    };
    let mut out: Vec<Trip<'a>> = Vec::new();
    for r in s.receives.iter().filter(|r| !by_the_nation(r)) {
        let object = s.places.iter().find(|p| {
            !p.place.region.is_empty()
                && within_chars(c.text, r.end, p.full.start, RECEIVE_REACH)
                && {
                    let gap = &doc.lower[r.end..p.full.start];
                    !gap.contains(',')
                        && !c.cues.contains(gap, Cue::Of)
                        && !c.cues.contains(gap, Cue::And)
                }
        });
        if let Some(g) = object {
            out.push(Trip::new(g, r.start, s.range.end));
            continue;
        }
        // The official received, placed by their title: "tiếp ông X, Thị trưởng thành phố
        // Pittsburgh".
        // Right after the verb: "Tiếp đoàn, bà Karen Ellison, Phó Thống đốc …" names who
        // received the delegation, not whom.
        let official = c.persons.iter().find(|p| {
            within_chars(c.text, r.end, p.span.start, RECEIVED_OFFICIAL_REACH)
                && p.span.end <= s.range.end
                && !doc.lower[r.end..p.span.start].contains(',')
                && !c
                    .cues
                    .contains(&doc.lower[r.end..p.span.start], Cue::ReceiversFollow)
        });
        let placed = official.and_then(|p| {
            let place = doc.place_of(p)?;
            let mention = s
                .places
                .iter()
                .find(|m| m.code() == place.code() && m.span.start >= p.span.start)?;
            Some((p, *mention))
        });
        if let Some((p, m)) = placed.filter(|(_, m)| !m.place.region.is_empty()) {
            let mut trip = Trip::new(m, r.start, s.range.end);
            trip.leader = Some(p);
            trip.leader_rank = 2;
            out.push(trip);
        }
    }
    out
}
