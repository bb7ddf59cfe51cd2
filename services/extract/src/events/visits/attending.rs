//! Officials named as attending an event held in another country than theirs ("Dự buổi lễ
//! có ông …, Chủ tịch UBND tỉnh; ông Koen Vandenberghe, Phó Thị trưởng thành phố Leuven"):
//! each one's place travelled to where the event is held, each a visit, led by the official.
//! Where the event is held must be known ([`Doc::venue_of`]).
use super::{Sentence, Trip};
use crate::events::document::Doc;
use crate::lexicon::Cue;

/// The trips of the officials from abroad a sentence names at an event.
pub(super) fn officials<'a>(doc: &Doc<'a>, s: &Sentence<'a>) -> Vec<Trip<'a>> {
    let cues = doc.c.cues;
    // Attending an event ("Dự buổi lễ có …"), not a working session, where the officials of
    // the side that receives are named too ("Tham dự buổi làm việc, về phía tỉnh … có …").
    let attends = doc
        .cues_in(&s.range, Cue::AttendVerb)
        .any(|r| cues.starts_with(&doc.lower[r.end..s.range.end], Cue::AttendedEvent));
    // Officials named before the verb ("A và B đồng chủ trì hội nghị") or after it ("Dự lễ
    // có …").
    if !attends {
        return Vec::new();
    }
    // Only where the event is held is known can one tell who travelled to it.
    let Some(venue) = doc.venue_of(s.index) else {
        return Vec::new();
    };
    let mut out: Vec<Trip<'a>> = Vec::new();
    for p in doc.persons_in(&s.range) {
        let Some(place) = doc
            .place_of(p)
            .filter(|pl| !pl.region.is_empty() && pl.country != venue.country)
        else {
            continue;
        };
        let mention = s
            .places
            .iter()
            .find(|m| m.code() == place.code() && m.span.start >= p.span.start)
            .or_else(|| doc.places.iter().find(|m| m.code() == place.code()));
        if let Some(m) = mention {
            if !out.iter().any(|t| t.guest.code() == m.code()) {
                let mut trip = Trip::new(m, p.span.start, s.range.end);
                trip.leader = Some(p);
                trip.leader_rank = 2;
                trip.host = Some(venue.clone());
                out.push(trip);
            }
        }
    }
    out
}
