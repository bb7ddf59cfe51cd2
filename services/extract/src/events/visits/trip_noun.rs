//! A trip named as a thing and led by someone: "chuyến thăm, làm việc tại Nhật Bản vào đầu
//! tháng 11/2023 do Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Nguyễn Hải Ninh dẫn đầu". The
//! leader's place travelled.
use super::{Sentence, Trip};
use crate::events::document::Doc;
use crate::events::leaders::leader_after;
use crate::lexicon::Cue;

/// The trips a sentence names as things, each with a named head.
pub(super) fn led<'a>(doc: &Doc<'a>, s: &Sentence<'a>) -> Vec<Trip<'a>> {
    let mut out: Vec<Trip<'a>> = Vec::new();
    let mut from = s.range.start;
    for r in doc.cues_in(&s.range, Cue::TripNoun) {
        if r.start < from {
            continue;
        }
        let start = r.start;
        from = r.end;
        // The trip's clause runs to the next semicolon ("…; đoàn công tác do … đến Sydney").
        let limit = doc.lower[start..s.range.end]
            .find(';')
            .map_or(s.range.end, |i| start + i);
        let Some(leader) = leader_after(doc, start, limit) else {
            continue;
        };
        if doc.is_national(&leader.name) {
            continue;
        }
        let Some(place) = leader.place.as_ref().filter(|p| !p.region.is_empty()) else {
            continue;
        };
        let mention = doc.places.iter().find(|m| m.code() == place.code());
        let Some(mention) = mention else { continue };
        let mut trip = Trip::new(mention, start, limit);
        trip.leader_rank = 3;
        out.push(trip);
    }
    out
}
