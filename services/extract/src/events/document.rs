//! The article as the event rules see it: its sentences, places, people, cue words and main
//! sides, and the questions the detectors ask of a stretch of it.
use super::cues::{is_instrument, Cat, Cues};
use super::leaders::delegation_led_by;
use super::timeline::present_year;
use crate::dates::{DateKind, DateMention};
use crate::lexicon::Cue;
use crate::model::{Evidence, Field, PartialDate, Person, Place};
use crate::persons::{PersonMention, Side};
use crate::places::PlaceMention;
use crate::text::{after_chars, before_chars, char_offset, within_chars, Found, Hit};
use hoptac_gazetteer::Gazetteer;
use std::collections::HashMap;
use std::ops::Range;

/// How far past the stating sentence an agreement's fields are looked for (the rest of its
/// paragraph, up to this many bytes: a few sentences).
const FIELD_REACH: usize = 1100;

/// Sentences shorter than this (datelines, captions) do not give the article's event date.
const MIN_EVENT_SENTENCE_CHARS: usize = 40;

/// Everything the earlier stages found.
pub struct Context<'a> {
    /// The cleaned text.
    pub text: &'a str,
    /// Its [`crate::text::lower_view`].
    pub lower: &'a str,
    /// Sentence byte ranges.
    pub sentences: &'a [Range<usize>],
    /// Place mentions.
    pub places: &'a [PlaceMention],
    /// Person mentions.
    pub persons: &'a [PersonMention],
    /// Date mentions.
    pub dates: &'a [DateMention],
    /// The publication date, the caller's or the dateline's.
    pub published: Option<PartialDate>,
    /// The gazetteer.
    pub gazetteer: &'a Gazetteer,
    /// The event words.
    pub cues: &'a Cues,
    /// The occurrences of the event words' [`Cues::phrases`] in `lower`.
    pub cue_phrases: Found<'a>,
    /// The persons stage's words (honorifics, for names it could not read on its own).
    pub person_rules: &'a crate::persons::Rules,
    /// The date words, for the rules that read a date's surroundings.
    pub date_rules: &'a crate::dates::Rules,
}

/// The article as the event rules see it.
pub(super) struct Doc<'a> {
    pub(super) c: &'a Context<'a>,
    pub(super) lower: &'a str,
    pub(super) hits: Vec<Hit<Cat>>,
    pub(super) places: Vec<&'a PlaceMention>,
    pub(super) home: Option<Place>,
    pub(super) partner: Option<Place>,
    pub(super) event_date: Option<PartialDate>,
    /// The first single day in the article's sentences (not the start of a span).
    pub(super) event_day: Option<PartialDate>,
    pub(super) reference_year: Option<i32>,
    /// The year the article is written in ([`super::timeline::present_year`]).
    pub(super) present_year: Option<i32>,
    pub(super) people: Vec<Person>,
    pub(super) ranks: Vec<u32>,
    /// Per person of `people`, whether a title given them is a nation's office.
    pub(super) national: Vec<bool>,
    /// Per sentence, whether it tells of an event ([`eventful_sentences`]).
    eventful: Vec<bool>,
    /// Per looked-up cue (by its index), where its phrases stand in the whole text
    /// ([`Cues::scan`]): a rule asking of every sentence does not scan each again.
    cue_places: Vec<Vec<Range<usize>>>,
}

impl<'a> Doc<'a> {
    pub(super) fn new(c: &'a Context<'a>) -> Self {
        let lower = c.lower;
        let (all_hits, cue_places) = c.cues.scan(&c.cue_phrases, lower);
        let missions: Vec<&Hit<Cat>> = all_hits.iter().filter(|h| h.tag == Cat::Mission).collect();
        let (seats, hits): (Vec<Hit<Cat>>, Vec<Hit<Cat>>) = all_hits
            .iter()
            .filter(|h| h.tag != Cat::Delegation || is_delegation(c.cues, lower, c.text, h))
            .filter(|h| h.tag != Cat::Receive || is_receiving(c.cues, lower, c.text, h))
            .partition(|h| h.tag == Cat::Venue && seats_a_mission(c.text, &missions, h));
        let hits: Vec<Hit<Cat>> = hits
            .into_iter()
            .filter(|h| h.tag != Cat::Venue || !follows_a_name(c.text, h))
            .collect();
        // The seat of a mission ("Tổng Lãnh sự quán Ấn Độ tại TP Hồ Chí Minh") is neither a
        // side nor a venue of anything told.
        let seat = |p: &PlaceMention| {
            seats
                .iter()
                .any(|h| p.full.start >= h.end && p.full.start <= h.end + 2)
        };
        // The nation a mission or a national office belongs to ("Đại sứ quán Australia",
        // "Chủ tịch Quốc hội nước Cộng hòa Cuba") is no side either.
        let nation_of_body = |p: &PlaceMention| {
            p.place.region.is_empty()
                && all_hits.iter().any(|h| {
                    matches!(h.tag, Cat::Mission | Cat::NationalHost)
                        && p.full.start >= h.end
                        && p.full.start <= h.end + 2
                })
        };
        let places: Vec<&PlaceMention> = c
            .places
            .iter()
            .filter(|p| {
                // Persons are in text order and do not overlap: only the last one starting
                // before the place ends can hold it.
                let before = c.persons.partition_point(|m| m.span.start < p.span.end);
                before
                    .checked_sub(1)
                    .is_none_or(|i| c.persons[i].span.end <= p.span.start)
            })
            .filter(|p| !is_aside(c.cues, c.lower, p.full.start))
            .filter(|p| !seat(p) && !nation_of_body(p))
            .collect();
        let main = |vn: bool| -> Option<Place> {
            let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
            for (i, p) in places.iter().enumerate() {
                if p.qualifier || p.place.region.is_empty() || (&*p.place.country == "VN") != vn {
                    continue;
                }
                let e = counts.entry(&p.place.region).or_insert((0, i));
                e.0 += 1;
            }
            let best = counts
                .iter()
                .max_by_key(|(_, (n, first))| (*n, std::cmp::Reverse(*first)))?;
            places.get(best.1 .1).map(|p| p.place.clone())
        };
        let home = main(true);
        let partner = main(false).or_else(|| {
            places
                .iter()
                .find(|p| &*p.place.country != "VN" && !p.qualifier)
                .map(|p| p.place.clone())
        });
        // A sentence that tells of an event: long enough to be no dateline or caption, and with
        // a word of trips, receptions, signings or where something took place ("… sau khi hợp
        // nhất với tỉnh Hà Giang từ ngày 1/7/2025" tells none).
        let eventful = eventful_sentences(c, &cue_places, &hits);
        let in_event_sentence = |d: &&DateMention| {
            let i = c.sentences.partition_point(|s| s.end <= d.span.start);
            c.sentences
                .get(i)
                .filter(|s| s.start <= d.span.start)
                .is_some_and(|s| {
                    eventful[i] && c.text[s.clone()].chars().count() >= MIN_EVENT_SENTENCE_CHARS
                })
        };
        let event_date = c
            .dates
            .iter()
            .filter(|d| d.date.day > 0 && matches!(d.kind, DateKind::Point | DateKind::Span))
            .find(in_event_sentence)
            .map(|d| d.date);
        let event_day = c
            .dates
            .iter()
            .filter(|d| d.date.day > 0 && d.kind == DateKind::Point)
            .find(in_event_sentence)
            .map(|d| d.date);
        let mut people: Vec<Person> = Vec::new();
        let mut ranks: Vec<u32> = Vec::new();
        let mut national: Vec<bool> = Vec::new();
        for m in c.persons {
            match people.iter().position(|p| p.name == m.person.name) {
                Some(i) => {
                    national[i] |= m.side == Side::National;
                    if m.rank > ranks[i] {
                        ranks[i] = m.rank;
                        people[i].title = m.person.title.clone();
                    }
                    if people[i].place.is_none() {
                        people[i].place = m.person.place.clone();
                    }
                }
                None => {
                    people.push(m.person.clone());
                    ranks.push(m.rank);
                    national.push(m.side == Side::National);
                }
            }
        }
        // A leader whose title names no place ("đoàn đại biểu tỉnh Lào Cai do đồng chí Hoàng
        // Minh Bảo, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh làm trưởng đoàn") is of the
        // delegation's place.
        for m in c.persons {
            let Some(i) = people.iter().position(|p| p.name == m.person.name) else {
                continue;
            };
            if people[i].place.is_none() {
                people[i].place = delegation_led_by(c, &places, &hits, m);
            }
        }
        // A title only one side's officials carry places a person whose title names no place
        // ("Chủ tịch UBND tỉnh Hồ Quốc Dũng" is the article's province's; "Thống đốc
        // Hanazami" its partner's), when the article names one region of that side.
        let single_region = |vn: bool| {
            let mut codes = places
                .iter()
                .filter(|p| !p.qualifier && !p.place.region.is_empty())
                .filter(|p| (&*p.place.country == "VN") == vn)
                .map(|p| p.code());
            let first = codes.next();
            first.is_some() && codes.all(|c| Some(c) == first)
        };
        let (one_home, one_partner) = (single_region(true), single_region(false));
        for m in c.persons {
            let Some(i) = people.iter().position(|p| p.name == m.person.name) else {
                continue;
            };
            if people[i].place.is_none() {
                people[i].place = match m.side {
                    Side::Vietnamese if one_home => home.clone(),
                    Side::Foreign if one_partner => partner.clone(),
                    _ => None,
                };
            }
        }
        let reference_year = event_date
            .filter(|d| d.year > 0 && !d.year_inferred)
            .or_else(|| {
                c.dates
                    .iter()
                    .find(|d| d.kind == DateKind::Dateline)
                    .map(|d| d.date)
            })
            .map(|d| d.year);
        Doc {
            c,
            lower,
            reference_year,
            present_year: present_year(c, &all_hits),
            hits,
            places,
            home,
            partner,
            event_date,
            event_day,
            people,
            ranks,
            national,
            eventful,
            cue_places,
        }
    }

    /// The phrases of a located cue ([`Cues::locates`]) that stand within `r`, in order.
    pub(super) fn cues_in<'d>(
        &'d self,
        r: &Range<usize>,
        cue: Cue,
    ) -> impl Iterator<Item = Range<usize>> + 'd {
        debug_assert!(
            Cues::locates(cue),
            "{cue:?} is not located once per article: scan for it with `Cues`"
        );
        let found = self
            .cue_places
            .get(cue as usize)
            .map_or(&[][..], Vec::as_slice);
        let from = found.partition_point(|f| f.start < r.start);
        let end = r.end;
        found[from..]
            .iter()
            .take_while(move |f| f.start < end)
            .filter(move |f| f.end <= end)
            .cloned()
    }

    /// The first phrase of a looked-up cue within `r` (the longest where several start).
    pub(super) fn first_cue(&self, r: &Range<usize>, cue: Cue) -> Option<Range<usize>> {
        self.cues_in(r, cue).next()
    }

    /// The last phrase of a looked-up cue within `r`.
    pub(super) fn last_cue(&self, r: &Range<usize>, cue: Cue) -> Option<Range<usize>> {
        self.cues_in(r, cue).max_by_key(|f| (f.start, f.end))
    }

    /// Whether the sentence of index `i` tells of an event ([`eventful_sentences`]).
    pub(super) fn tells_an_event(&self, i: usize) -> bool {
        self.eventful.get(i).copied().unwrap_or(false)
    }

    /// The hits inside `r`; hits are sorted by start, so only that stretch is looked at.
    fn hits_within(&self, r: &Range<usize>) -> &[Hit<Cat>] {
        let from = self.hits.partition_point(|h| h.start < r.start);
        let to = self.hits.partition_point(|h| h.start < r.end).max(from);
        &self.hits[from..to]
    }

    pub(super) fn hits_in(&self, r: &Range<usize>, cat: fn(Cat) -> bool) -> Vec<Hit<Cat>> {
        self.hits_within(r)
            .iter()
            .filter(|h| h.end <= r.end && cat(h.tag))
            .copied()
            .collect()
    }

    pub(super) fn has(&self, r: &Range<usize>, want: Cat) -> bool {
        self.hits_within(r)
            .iter()
            .any(|h| h.end <= r.end && h.tag == want)
    }

    pub(super) fn places_in(&self, r: &Range<usize>) -> Vec<&'a PlaceMention> {
        let from = self.places.partition_point(|p| p.span.start < r.start);
        self.places[from..]
            .iter()
            .take_while(|p| p.span.start < r.end)
            .filter(|p| !p.qualifier && p.span.end <= r.end)
            .copied()
            .collect()
    }

    pub(super) fn sentence_index(&self, pos: usize) -> Option<usize> {
        let i = self.c.sentences.partition_point(|s| s.end <= pos);
        self.c
            .sentences
            .get(i)
            .filter(|s| s.start <= pos)
            .map(|_| i)
    }

    /// The persons named within `r`, in order (persons are sorted by position).
    pub(super) fn persons_in(&self, r: &Range<usize>) -> &'a [PersonMention] {
        let persons = self.c.persons;
        let from = persons.partition_point(|p| p.span.start < r.start);
        let to = persons.partition_point(|p| p.span.start < r.end).max(from);
        let mut slice = &persons[from..to];
        while slice.last().is_some_and(|p| p.span.end > r.end) {
            slice = &slice[..slice.len() - 1];
        }
        slice
    }

    pub(super) fn fields(&self, r: Range<usize>, exclude: &[Range<usize>]) -> Vec<Field> {
        let mut out: Vec<Field> = Vec::new();
        for h in self.c.cues.fields(&self.lower[r.clone()]) {
            let at = r.start + h.start;
            if exclude.iter().any(|e| e.start <= at && at < e.end) {
                continue;
            }
            if !out.contains(&h.tag) {
                out.push(h.tag);
            }
        }
        out.sort();
        out
    }

    pub(super) fn evidence(&self, idx: usize) -> Evidence {
        let s = &self.c.sentences[idx];
        Evidence {
            quote: self.c.text[s.clone()].to_string(),
            start: char_offset(self.c.text, s.start),
            end: char_offset(self.c.text, s.end),
        }
    }

    /// Where what an instrument stated in sentence `idx` covers stops: the end of the sentence,
    /// or of the following sentences of its paragraph that go on about it ("Theo biên bản, hai
    /// bên sẽ hợp tác trong các lĩnh vực …", "Hai bên thống nhất …"), within FIELD_REACH. A sentence about something
    /// else ("Ansan là đô thị phát triển về du lịch") ends it.
    pub(super) fn instrument_content_end(&self, idx: usize) -> usize {
        let sentences = self.c.sentences;
        let stating = &sentences[idx];
        let mut end = stating.end;
        for next in sentences[idx + 1..].iter() {
            let same_paragraph = !self.c.text[end..next.start].contains('\n');
            if !same_paragraph || !within_chars(self.c.text, stating.end, next.end, FIELD_REACH) {
                break;
            }
            let opening = next.start..after_chars(self.c.text, next.start, OPENING).min(next.end);
            let opens_with_pair = self
                .hits_in(&opening, |t| t == Cat::Pair)
                .first()
                .is_some_and(|h| h.start == next.start);
            let about_it = self.has_any(next, is_instrument)
                || self.has(&opening, Cat::Content)
                || opens_with_pair
                || self
                    .c
                    .cues
                    .contains(&self.lower[next.clone()], Cue::FieldWord);
            if !about_it {
                break;
            }
            end = next.end;
        }
        end
    }

    /// Whether sentence `s` speaks of trips in general ("nhiều đoàn đã sang thăm"), not of
    /// ones it goes on to list ("đón các đoàn đại biểu nước ngoài gồm: đoàn thành phố Ulsan …").
    pub(super) fn is_generic(&self, s: &Range<usize>) -> bool {
        // A count of delegations ("đã cử 29 đoàn công tác … sang thăm") is trips in general.
        let counted = self.hits_in(s, |t| t == Cat::Delegation).iter().any(|d| {
            let before = self.lower[s.start..d.start].trim_end();
            let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            let number = &before[before.len() - digits..];
            // Not the end of a date ("ngày 23/5 đoàn đến Busan").
            let in_a_date = before[..before.len() - digits].ends_with(['/', '-', '.']);
            !in_a_date && number.parse::<u32>().is_ok_and(|n| n > 1)
        });
        counted
            || self.hits_in(s, |t| t == Cat::Generic).iter().any(|h| {
                let rest = after_chars(self.c.text, h.end, LIST_REACH).min(s.end);
                let rest = &self.lower[h.end..rest.max(h.end)];
                // "… cùng các đoàn đại biểu đi cùng": the delegations that came along with those
                // just named, not trips in general.
                let cues = self.c.cues;
                let along = cues.ends_with(&self.lower[s.start..h.start], Cue::Along);
                !cues.contains(rest, Cue::ListOpener) && !rest.contains(':') && !along
            })
    }

    /// Whether sentence `i` is a photo caption ("Ảnh: …").
    pub(super) fn is_caption(&self, i: usize) -> bool {
        self.c.sentences.get(i).is_some_and(|s| {
            let t = self.lower[s.clone()].trim_start();
            self.c
                .cues
                .opening(t, Cue::Caption)
                .is_some_and(|w| t[w.len()..].trim_start().starts_with(':'))
        })
    }

    /// Whether the sentence quoted by `evidence` states a day.
    pub(super) fn states_a_day(&self, evidence: &Evidence) -> bool {
        let text = self.c.text;
        let Some(start) = text.char_indices().nth(evidence.start).map(|(i, _)| i) else {
            return false;
        };
        self.sentence_index(start).is_some_and(|i| {
            let s = &self.c.sentences[i];
            self.c
                .dates
                .iter()
                .any(|d| d.span.start >= s.start && d.span.end <= s.end && d.date.day > 0)
        })
    }

    /// Whether a place is named as where something happened: after "tại" in `s`.
    pub(super) fn is_venue(&self, s: &Range<usize>, m: &PlaceMention) -> bool {
        self.hits_in(s, |t| t == Cat::Venue)
            .iter()
            .any(|v| self.names_venue(v, m))
    }

    /// Whether `p` is the place that "tại" at `v` names: right after it, or after a building
    /// of that place ("tại trụ sở Văn phòng Tỉnh Luông Pha Băng").
    pub(super) fn names_venue(&self, v: &Hit<Cat>, p: &PlaceMention) -> bool {
        if !within_chars(self.c.text, v.end, p.full.start, VENUE_GAP) {
            return false;
        }
        if p.full.start <= v.end + 2 {
            return true;
        }
        let gap = v.end..p.full.start;
        !self.lower[gap.clone()].contains([',', ';', '.'])
            && self
                .hits_in(&gap, |t| t == Cat::Building)
                .first()
                .is_some_and(|b| b.start <= v.end + 1)
    }

    pub(super) fn has_any(&self, r: &Range<usize>, cat: fn(Cat) -> bool) -> bool {
        self.hits_within(r)
            .iter()
            .any(|h| h.end <= r.end && cat(h.tag))
    }
}

/// Per sentence, whether it tells of an event: it has a word of trips, receptions, signings,
/// organising or where something took place ("… sau khi hợp nhất với tỉnh Hà Giang từ ngày
/// 1/7/2025" tells none). Found in one pass over the article's cue words.
fn eventful_sentences(
    c: &Context,
    cue_places: &[Vec<Range<usize>>],
    hits: &[Hit<Cat>],
) -> Vec<bool> {
    let mut eventful = vec![false; c.sentences.len()];
    let mut mark = |r: Range<usize>| {
        let i = c.sentences.partition_point(|s| s.end <= r.start);
        if let Some(s) = c.sentences.get(i) {
            if s.start <= r.start && r.end <= s.end {
                eventful[i] = true;
            }
        }
    };
    let telling = hits.iter().filter(|h| {
        matches!(
            h.tag,
            Cat::Delegation | Cat::Toward | Cat::Receive | Cat::Sign | Cat::Lead | Cat::Venue
        )
    });
    for h in telling {
        mark(h.start..h.end);
    }
    for cue in [Cue::Organizes, Cue::TripNoun] {
        for r in cue_places.get(cue as usize).into_iter().flatten() {
            mark(r.clone());
        }
    }
    eventful
}

/// How far back an aside's opening words are looked for.
const ASIDE_REACH: usize = 36;

/// Whether a place named at `start` of the lowercase view is an aside, not a side of anything: today's province of a
/// merged one ("Bà Rịa - Vũng Tàu (nay thuộc TP.HCM)") or a photographer in a credit
/// ("(Ảnh: Anh Tuấn)").
fn is_aside(cues: &Cues, lower: &str, start: usize) -> bool {
    let from = before_chars(lower, start, ASIDE_REACH);
    let before = lower[from..start].trim_end();
    if cues.ends_with(before, Cue::AsideNow) {
        return true;
    }
    let open = before.rfind('(');
    open.is_some_and(|i| {
        let inside = &before[i + 1..];
        !inside.contains(')') && cues.starts_with(inside, Cue::AsideCredit)
    })
}

/// "đoàn" alone is a delegation only before a name, a place or "của" ("đoàn Chính quyền tỉnh
/// …", "đoàn tỉnh Hải Dương") or as the subject of a trip ("đoàn đã đến Busan"); otherwise it is "đoàn kết", "đoàn viên" … Nor
/// is a province's National Assembly caucus, or a delegation briefed at home before it leaves.
fn is_delegation(cues: &Cues, lower: &str, text: &str, h: &Hit<Cat>) -> bool {
    let rest = lower[h.end..].trim_start_matches(' ');
    if cues.starts_with(rest, Cue::NotDelegation) {
        // "Đoàn đại biểu Quốc hội tỉnh X" is the province's caucus in the National Assembly.
        return false;
    }
    if cues.ends_with(&lower[..h.start], Cue::Briefing) {
        // "họp Đoàn đại biểu tỉnh Hà Giang tham dự …": briefed at home, not travelling.
        return false;
    }
    if lower[h.start..h.end].contains(' ') {
        // A phrase ("đoàn công tác") names a delegation; the bare word needs what follows.
        return true;
    }
    let mut verb = rest;
    while let Some(w) = cues.opening(verb, Cue::Aspect) {
        verb = verb.trim_start()[w.len()..].trim_start();
    }
    cues.starts_with(rest, Cue::Of)
        || text[h.end..]
            .trim_start_matches(' ')
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        || cues.starts_with(verb, Cue::TripVerb)
        || cues.starts_with(rest, Cue::PlaceWord)
}

/// How far after a word of trips in general the list of them may open ("các đoàn đại biểu
/// nước ngoài gồm: …").
const LIST_REACH: usize = 36;

/// The opening of a sentence, in characters: where "Theo đó", "Hai bên" stand.
const OPENING: usize = 30;

/// How far after "tại" the place of the building it names may start.
const VENUE_GAP: usize = 48;

/// How far after the name of a diplomatic mission or a correspondent its seat may be named.
const MISSION_REACH: usize = 36;

/// Whether "tại" names where a mission or a correspondent sits ("Tổng Lãnh sự quán Ấn Độ tại TP
/// Hồ Chí Minh", "phóng viên thường trú tại Tokyo"), not where something happened.
fn seats_a_mission(text: &str, missions: &[&Hit<Cat>], venue: &Hit<Cat>) -> bool {
    let after = missions.partition_point(|m| m.end <= venue.start);
    missions[..after].last().is_some_and(|m| {
        within_chars(text, m.end, venue.start, MISSION_REACH)
            && !text[m.end..venue.start].contains([',', ';', '.'])
    })
}

/// Whether "tại" follows a name ("Trung tâm Thương mại Quốc tế Việt Nam tại Hà Lan", "Hội
/// Hữu nghị Nhật - Việt tại TP Sakai"): it names where that body sits, not where anything
/// told happened, which "tại" names after a verb or at a clause's start.
fn follows_a_name(text: &str, venue: &Hit<Cat>) -> bool {
    let before = text[..venue.start].trim_end();
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or_default();
    let clause_start = before.is_empty() || before.ends_with([',', '.', ';', ':', '(', '\n']);
    !clause_start && word.chars().next().is_some_and(char::is_uppercase)
}

/// "tiếp" receives someone only when a name, a delegation or an honorific follows; otherwise
/// it is "tiếp theo", "tiếp tục" …
fn is_receiving(cues: &Cues, lower: &str, text: &str, h: &Hit<Cat>) -> bool {
    let rest = text[h.end..].trim_start_matches(' ');
    let capitalised = rest.chars().next().is_some_and(char::is_uppercase);
    let next: String = lower[h.end..]
        .trim_start_matches(' ')
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    capitalised || cues.is(&next, Cue::ReceivedOpener)
}

/// The byte offset of char `chars` of `text`, or its length past the last.
pub(super) fn byte_of(text: &str, chars: usize) -> usize {
    crate::text::after_chars(text, 0, chars)
}
