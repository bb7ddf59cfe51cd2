//! An official travelling: an official placed by their title is the subject of a trip verb
//! or leads the delegation that makes the trip ("ông Em Pheap, Phó Tỉnh trưởng tỉnh Preah
//! Sihanouk dẫn đầu đoàn công tác đã đến thăm …", "ông Sung Jang Hyun - Quận trưởng quận
//! Yongsan (Hàn Quốc) cùng các thành viên trong đoàn công tác của Quận đã đến chào xã giao
//! …"). The official's place travels, led by them.
use super::{Sentence, Trip};
use crate::events::cues::Cat;
use crate::events::document::Doc;
use crate::lexicon::Cue;
use crate::text::within_chars;

/// How many bytes the clause from the official to the trip verb may take.
const CLAUSE_REACH: usize = 90;

/// The trips of the officials a sentence makes travel.
pub(super) fn travelling<'a>(doc: &Doc<'a>, s: &Sentence<'a>) -> Vec<Trip<'a>> {
    let c = doc.c;
    let cues = c.cues;
    let mut out: Vec<Trip<'a>> = Vec::new();
    for p in doc.persons_in(&s.range) {
        let Some(place) = doc.place_of(p).filter(|pl| !pl.region.is_empty()) else {
            continue;
        };
        let clause = after_brackets(&doc.lower[p.titled_end..s.range.end]);
        let at = s.range.end - clause.len();
        let leads = doc
            .hits_in(&(at..s.range.end), |t| t == Cat::Lead)
            .first()
            .is_some_and(|h| h.start == at);
        // With a delegation: "cùng các thành viên trong đoàn công tác", not "cùng lãnh đạo các
        // sở, ngành" (who receive with them).
        let accompanied = cues.starts_with(clause, Cue::AccompaniedBy)
            && doc
                .hits_in(&(at..s.range.end), |t| t == Cat::Delegation)
                .first()
                .is_some_and(|d| within_chars(doc.lower, at, d.start, CLAUSE_REACH / 2));
        let mut verb = clause;
        while let Some(rest) = cues.strip_opening(verb, Cue::Aspect) {
            verb = rest;
        }
        if !(leads || accompanied || cues.starts_with(verb, Cue::TripVerb)) {
            continue;
        }
        // A verb of going or meeting closes the clause; one who receives first is the host
        // ("… cùng lãnh đạo các sở, ngành đã có buổi tiếp và làm việc với bà …").
        let verb = doc
            .hits_in(&(at..s.range.end), |t| {
                matches!(t, Cat::Toward | Cat::Receive)
            })
            .into_iter()
            .next()
            .filter(|t| within_chars(doc.lower, at, t.start, CLAUSE_REACH));
        if verb.is_none_or(|v| v.tag == Cat::Receive) {
            continue;
        }
        let mention = s
            .places
            .iter()
            .find(|m| m.code() == place.code() && m.span.start >= p.span.start)
            .or_else(|| doc.places.iter().find(|m| m.code() == place.code()));
        let Some(mention) = mention else { continue };
        if out.iter().any(|t| t.guest.code() == mention.code()) {
            continue;
        }
        let mut trip = Trip::new(mention, p.span.start, s.range.end);
        trip.leader = Some(p);
        trip.leader_rank = if leads { 3 } else { 2 };
        out.push(trip);
    }
    out
}

/// `text` past the commas, dashes and bracketed asides that open it ("(Hàn Quốc) cùng …").
fn after_brackets(text: &str) -> &str {
    let mut rest = text.trim_start_matches([' ', ',', '-', '–']);
    while let Some(inside) = rest.strip_prefix('(') {
        match inside.find(')') {
            Some(close) => rest = inside[close + 1..].trim_start_matches([' ', ',', '-', '–']),
            None => break,
        }
    }
    rest
}
