//! A place visiting another: "Bình Định thăm tỉnh Champasak", the shape of headlines. The place
//! before "thăm" travels to a region of another country named right after it.
use super::hosts::HOST_REACH;
use super::{Sentence, Trip};
use crate::events::document::Doc;
use crate::lexicon::Cue;
use crate::places::PlaceMention;
use crate::text::within_chars;

/// The places a sentence makes the subject of "thăm".
pub(super) fn visiting<'a>(doc: &Doc<'a>, s: &Sentence<'a>) -> Vec<Trip<'a>> {
    let c = doc.c;
    let mut out = Vec::new();
    for t in &s.towards {
        if !c.cues.is(&doc.lower[t.start..t.end], Cue::VisitVerb) {
            continue;
        }
        // The subject before the verb, not the object of an earlier one ("đoàn sẽ đi thăm Khu
        // kinh tế Đông Nam Nghệ An và thăm hỏi lưu học sinh …").
        let object_of_earlier = |p: &&PlaceMention| {
            s.towards.iter().any(|e| {
                e.end <= p.full.start
                    && p.span.end <= t.start
                    && !c.text[e.end..p.full.start].contains(',')
            })
        };
        let before: Vec<&&PlaceMention> = s
            .places
            .iter()
            .filter(|p| p.span.end <= t.start && !object_of_earlier(p))
            .collect();
        let after = s
            .places
            .iter()
            .find(|p| within_chars(c.text, t.end, p.full.start, HOST_REACH));
        if let (Some(g), Some(h)) = (before.last(), after) {
            if g.place.country != h.place.country
                && !g.place.region.is_empty()
                && !h.place.region.is_empty()
            {
                out.push(Trip::new(g, t.start, s.range.end));
            }
        }
    }
    out
}
