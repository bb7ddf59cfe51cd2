//! Leaders and officials: who leads a delegation, who signs, the most senior named official
//! of a side.
use super::cues::Cat;
use super::document::{Context, Doc};
use crate::lexicon::Cue;
use crate::model::{Party, Person, Place};
use crate::persons::PersonMention;
use crate::places::PlaceMention;
use crate::text::{within_chars, Hit};
use std::ops::Range;

/// How far "dẫn đầu" / "làm trưởng đoàn" may stand after "do" for the words between them to
/// be the leader's titles and name.
const MAX_LEADER_PHRASE: usize = 190;

/// How far after "do" the leader's name starts ("do đồng chí Nguyễn Thị Tuyến").
const LEADER_REACH: usize = 18;

impl<'a> Doc<'a> {
    /// The named officials of the parties in the sentence that states a signing.
    pub(super) fn signatories(&self, idx: usize, parties: &[Party]) -> Vec<Person> {
        let s = &self.c.sentences[idx];
        let mut out: Vec<Person> = Vec::new();
        for m in self
            .c
            .persons
            .iter()
            .filter(|m| m.span.start >= s.start && m.span.end <= s.end)
        {
            let of_party = m
                .person
                .place
                .as_ref()
                .is_some_and(|pl| parties.iter().any(|p| p.place.code() == pl.code()));
            if of_party && !out.iter().any(|o| o.name == m.person.name) {
                out.push(m.person.clone());
            }
        }
        out
    }

    /// The places of the regional officials named in a sentence, one per code, in order.
    pub(super) fn places_of_people_in(&self, s: &Range<usize>) -> Vec<Place> {
        let mut out: Vec<Place> = Vec::new();
        for m in self
            .c
            .persons
            .iter()
            .filter(|m| m.span.start >= s.start && m.span.end <= s.end)
        {
            let known = self.people.iter().find(|p| p.name == m.person.name);
            let place = known
                .and_then(|p| p.place.as_ref())
                .or(m.person.place.as_ref());
            if let Some(place) = place.filter(|p| !p.region.is_empty()) {
                if !out.iter().any(|o| o.code() == place.code()) {
                    out.push(place.clone());
                }
            }
        }
        out
    }

    /// The place of a person named in the text: as the whole article knows them, else as
    /// this mention places them.
    pub(super) fn place_of(&self, p: &PersonMention) -> Option<Place> {
        self.people
            .iter()
            .find(|q| q.name == p.person.name)
            .and_then(|q| q.place.clone())
            .or_else(|| p.person.place.clone())
    }

    /// Whether a person holds a nation's office (an ambassador, a minister, a head of state).
    pub(super) fn is_national(&self, name: &str) -> bool {
        self.people
            .iter()
            .position(|p| p.name == name)
            .is_some_and(|i| self.national[i])
    }

    /// The most senior official of a side named in the given sentences (those that tell of
    /// its trip: who was there), the first named among equals; else of the whole article.
    pub(super) fn senior_present(&self, side: &Place, sentences: &[usize]) -> Option<Person> {
        let named_there = |name: &str| {
            self.c.persons.iter().any(|m| {
                m.person.name == name
                    && sentences.iter().any(|&i| {
                        let s = &self.c.sentences[i];
                        s.start <= m.span.start && m.span.end <= s.end
                    })
            })
        };
        self.most_senior(side, |p| named_there(&p.name))
            .or_else(|| self.senior_of(side))
    }

    /// The most senior named official of a side, the first named among equals.
    pub(super) fn senior_of(&self, side: &Place) -> Option<Person> {
        self.most_senior(side, |_| true)
    }

    /// The most senior official of a side that `keep` accepts, the first named among equals.
    fn most_senior(&self, side: &Place, keep: impl Fn(&Person) -> bool) -> Option<Person> {
        let mut best: Option<(u32, usize)> = None;
        for (i, p) in self.people.iter().enumerate() {
            let Some(place) = &p.place else { continue };
            let same = if side.region.is_empty() {
                place.country == side.country
            } else {
                place.region == side.region
            };
            if same && keep(p) && best.is_none_or(|(r, _)| self.ranks[i] > r) {
                best = Some((self.ranks[i], i));
            }
        }
        best.map(|(_, i)| self.people[i].clone())
    }
}

/// How far before its place a delegation word may stand ("đoàn đại biểu cấp cao tỉnh …").
const DELEGATION_TO_PLACE: usize = 30;

/// The place of the delegation that `m` leads when the text says so right before the name:
/// "đoàn … tỉnh X (nước Y) do [honorifics, titles] NAME".
pub(super) fn delegation_led_by(
    c: &Context<'_>,
    places: &[&PlaceMention],
    hits: &[Hit<Cat>],
    m: &PersonMention,
) -> Option<Place> {
    // Both lists are sorted by position: a binary search each, so that a long text full of
    // names stays linear.
    let sentence = c
        .sentences
        .get(c.sentences.partition_point(|s| s.end <= m.span.start))
        .filter(|s| s.start <= m.span.start)?;
    let before_name = places.partition_point(|p| p.span.end <= m.span.start);
    let p = places[..before_name]
        .iter()
        .rev()
        .take_while(|p| p.full.start >= sentence.start)
        .find(|p| !p.qualifier)?;
    let gap = &c.lower[p.span.end..m.span.start];
    // A qualifier after the place ("(nước CHDCND Lào)") may stand before "do".
    let gap = match gap.trim_start().strip_prefix('(') {
        Some(rest) => rest.split_once(')').map_or(gap, |(_, after)| after),
        None => gap,
    };
    let led = c.cues.strip_opening(gap, Cue::LedBy).is_some_and(|rest| {
        !rest.contains([';', ',', '.']) && rest.chars().count() <= MAX_LEADER_PHRASE
    });
    let delegation = hits.iter().any(|h| {
        h.tag == Cat::Delegation
            && h.end <= p.full.start
            && within_chars(c.lower, h.end, p.full.start, DELEGATION_TO_PLACE)
    });
    // One part of a joint delegation, told part by part: "Đoàn gồm đại diện bang Kerala do
    // ông … dẫn đầu và đại diện bang Karnataka do bà … dẫn đầu".
    let part = c
        .cues
        .ends_with(&c.lower[..p.full.start], Cue::Representative);
    (led && (delegation || part)).then(|| p.place.clone())
}

/// The person who leads the delegation at `from`, the subject of the clause that ends with
/// "dẫn" right before it ("Chủ tịch UBND tỉnh Phạm Đình Nghị sẽ dẫn đoàn công tác của tỉnh
/// sang thăm …", "… Lê Minh Phúc vui vẻ nhận lời và cho biết sẽ dẫn đoàn …").
pub(super) fn leader_before(doc: &Doc<'_>, from: usize) -> Option<Person> {
    let c = doc.c;
    let before = c.persons.partition_point(|p| p.span.end <= from);
    let p = &c.persons[before.checked_sub(1)?];
    let gap = doc.lower[p.span.end..from].trim();
    let clause_leads = |clause: &str| {
        c.cues.is(clause, Cue::LeadVerb)
            || (c.cues.ends_with(clause, Cue::LeadVerb)
                && clause.chars().count() <= LEADER_CLAUSE
                && !clause.contains([',', ';', ':', '.']))
    };
    // "… ông Martijn van Dijk … cho biết, …. Ông cho biết sẽ dẫn đoàn …": a pronoun opening
    // the next sentence stands for the person named in the one before.
    let by_pronoun = || {
        let (said, next) = gap.split_once(". ")?;
        let clause = c.cues.strip_opening(next, Cue::Pronoun)?;
        (!said.contains(". ") && clause_leads(clause.trim())).then_some(())
    };
    (clause_leads(gap) || by_pronoun().is_some()).then(|| known_person(doc, p))
}

/// The official named right before the delegation at `delegation_at` and joined to it by a
/// word of company: the head of those who travel with them ("đồng chí Đỗ Trọng Hưng, Bí thư
/// Tỉnh ủy và các thành viên Đoàn đại biểu cấp cao tỉnh Thanh Hoá đã đến thăm …").
pub(super) fn leader_accompanied(doc: &Doc<'_>, delegation_at: usize) -> Option<Person> {
    let c = doc.c;
    let rest = c
        .cues
        .strip_ending(&doc.lower[..delegation_at], Cue::AccompaniedBy)?;
    let before = c.persons.partition_point(|p| p.span.end <= rest.len());
    let p = &c.persons[before.checked_sub(1)?];
    // Only the official's titles stand between: "đồng chí …, Ủy viên Trung ương Đảng, Bí thư
    // Tỉnh ủy, Chủ tịch HĐND tỉnh và các thành viên Đoàn …".
    let titles = &doc.lower[p.span.end..rest.len()];
    (!titles.contains(['.', ';', ':']) && titles.chars().count() <= MAX_LEADER_PHRASE)
        .then(|| known_person(doc, p))
}

/// The longest clause between a leader's name and the "dẫn" of the delegation they lead.
const LEADER_CLAUSE: usize = 48;

pub(super) fn leader_after(doc: &Doc<'_>, from: usize, limit: usize) -> Option<Person> {
    let c = doc.c;
    let window = &doc.lower[from..limit];
    let mut anchors: Vec<usize> = Vec::new();
    let leads = doc.hits_in(&(from..limit), |t| t == Cat::Lead);
    if let Some(led_by) = c.cues.first(window, Cue::LedBy) {
        let anchor = from + led_by.end;
        // "do [titles, however many] NAME dẫn đầu": the first name before the lead word.
        let closing = leads
            .iter()
            .find(|h| h.start > anchor && within_chars(c.text, anchor, h.start, MAX_LEADER_PHRASE));
        if let Some(h) = closing {
            let named = c
                .persons
                .iter()
                .find(|p| p.span.start >= anchor && p.span.end <= h.start);
            if let Some(p) = named {
                return Some(known_person(doc, p));
            }
            if let Some(p) = honored_name(doc, &c.text[anchor..h.start]) {
                return Some(p);
            }
        }
        anchors.push(anchor);
    }
    for h in leads {
        if c.cues.is(&doc.lower[h.start..h.end], Cue::LeaderNamed) {
            anchors.push(h.end);
        }
    }
    if let Some(named) = c.cues.first(window, Cue::LeaderNamed) {
        anchors.push(from + named.end);
    }
    anchors.iter().find_map(|&a| {
        c.persons
            .iter()
            .find(|p| {
                within_chars(
                    c.text,
                    a,
                    p.span.start,
                    LEADER_REACH.max(title_len(c.text, a)),
                )
            })
            .map(|p| known_person(doc, p))
    })
}

/// The most words of a name read after a courtesy word.
const MAX_HONORED_NAME_WORDS: usize = 6;

/// "ông Chăn Xô Phal, Phó Tỉnh trưởng" between "do" and "làm trưởng đoàn": the name after a
/// courtesy word up to the comma, and the title after it, for names the persons stage could
/// not read on their own (transcribed Khmer names, "van der").
fn honored_name(doc: &Doc<'_>, phrase: &str) -> Option<Person> {
    let phrase = phrase.trim();
    let rest = crate::persons::after_honorific(doc.c.person_rules, phrase)?;
    let (name, title) = rest.split_once(',').unwrap_or((rest, ""));
    let name = name.trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let shaped = (2..=MAX_HONORED_NAME_WORDS).contains(&words.len())
        && words.iter().enumerate().all(|(i, w)| {
            w.chars().next().is_some_and(char::is_uppercase)
                || (i > 0 && doc.c.person_rules.is_particle(w))
        });
    shaped.then(|| Person {
        name: name.to_string(),
        title: title.trim().to_string(),
        place: None,
    })
}

/// A mention's person as the whole article knows them (their highest title, their place).
pub(super) fn known_person(doc: &Doc<'_>, p: &PersonMention) -> Person {
    doc.people
        .iter()
        .find(|q| q.name == p.person.name)
        .cloned()
        .unwrap_or_else(|| p.person.clone())
}

/// Room for a title between an anchor and the name ("dẫn đầu là Phó Chủ tịch Vùng Ile de
/// France Beaudet Stephane"), in characters: up to the next comma or stop.
fn title_len(text: &str, at: usize) -> usize {
    let end = text[at..].find([',', '.', ';']).map_or(at, |i| at + i);
    text[at..end].chars().count().min(MAX_TITLE_ROOM)
}

/// The most characters of titles between an anchor and the name it introduces.
const MAX_TITLE_ROOM: usize = 90;

#[cfg(test)]
mod tests {
    use crate::{Body, Extractor, Input};

    #[test]
    fn a_leader_after_a_courtesy_word_is_read_whatever_the_name_shape() {
        let x = Extractor::new().extract(&Input {
            body: Body::Text("Ngày 15/10/2024, Phó Chủ tịch UBND tỉnh Cà Mau tiếp đoàn công tác tỉnh Zeeland (Hà Lan) do ông Jan van der Berg, Thành viên Hội đồng điều hành tỉnh Zeeland dẫn đầu."),
            title: "",
            published_on: None,
        });
        let leader = x.visits.first().and_then(|v| v.leader.clone());
        assert_eq!(
            leader.map(|p| (p.name, p.title)),
            Some((
                "Jan van der Berg".to_string(),
                "Thành viên Hội đồng điều hành tỉnh Zeeland".to_string()
            ))
        );
    }
}
