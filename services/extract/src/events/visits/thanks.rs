//! A guest thanking for the welcome: "Tỉnh trưởng Chungcheongnam Kim Tae Heum cảm ơn sự đón
//! tiếp trọng thị của lãnh đạo TP. Huế", "Bí thư Tỉnh ủy Hà Tĩnh Nguyễn Duy Lâm trân trọng cảm
//! ơn lãnh đạo tỉnh Khăm Muồn đã dành cho đoàn … sự đón tiếp". Who thanks for being welcomed
//! travelled; they lead their side there when no head is named.
use super::{Sentence, Trip};
use crate::events::document::Doc;
use crate::lexicon::Cue;

/// How many characters may stand between the thanks and the welcome they are for.
const WELCOME_REACH: usize = 90;

/// The trips of the officials a sentence has thank for their welcome.
pub(super) fn guests<'a>(doc: &Doc<'a>, s: &Sentence<'a>) -> Vec<Trip<'a>> {
    let c = doc.c;
    let cues = c.cues;
    let mut out: Vec<Trip<'a>> = Vec::new();
    for p in doc.persons_in(&s.range) {
        let Some(place) = doc.place_of(p).filter(|pl| !pl.region.is_empty()) else {
            continue;
        };
        let rest = doc.lower[p.titled_end..s.range.end].trim_start_matches([',', ' ']);
        let Some(thanks) = cues.opening(rest, Cue::Thanks) else {
            continue;
        };
        let after = rest[thanks.len()..].trim_start();
        let reach = crate::text::after_chars(after, 0, WELCOME_REACH);
        if !cues.contains(&after[..reach], Cue::Welcome) {
            continue;
        }
        let mention = s
            .places
            .iter()
            .find(|m| m.code() == place.code())
            .or_else(|| doc.places.iter().find(|m| m.code() == place.code()));
        let Some(mention) = mention else { continue };
        if out.iter().any(|t| t.guest.code() == mention.code()) {
            continue;
        }
        let mut trip = Trip::new(mention, p.span.start, s.range.end);
        trip.leader = Some(p);
        trip.leader_rank = 2;
        trip.thanked_from = Some(p.titled_end);
        out.push(trip);
    }
    out
}
