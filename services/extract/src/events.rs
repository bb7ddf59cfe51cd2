//! Stage 7: agreements and visits with their roles, following the annotation guidelines; one
//! record per instrument or trip, merged from all its mentions in the article.
use std::{collections::HashMap, ops::Range, sync::OnceLock};

use hoptac_gazetteer::Gazetteer;

use crate::{
    dates::{DateKind, DateMention},
    model::{
        Agreement, AgreementKind, AgreementStatus, Evidence, Field, PartialDate, Party, PartyKind,
        Person, Place, PlaceLevel, Term, Visit, VisitStatus,
    },
    persons::PersonMention,
    places::PlaceMention,
    text::{char_offset, floor_boundary, rows, Hit, Lexicon},
};

const EVENTS: &str = include_str!("../data/events.tsv");
const FIELDS: &str = include_str!("../data/fields.tsv");

/// How far after a verb of movement the host place may be named ("thăm và làm việc tại …").
const HOST_REACH: usize = 48;
/// A signing dated more than this many months before publication is told as background: PAST.
const PAST_MONTHS: i32 = 3;
/// The word before an instrument that makes it a draft.
const DRAFT: &str = "dự thảo ";
/// The verb of leaving a place, before it.
const LEAVE: &str = "rời ";
/// Words after an instrument that turn to another thing ("… cũng như các văn bản hợp tác
/// giữa tỉnh Tây Ninh với các tỉnh bạn"): its parties are named before them.
const ANOTHER_TOPIC: &str = " cũng như ";
/// Bytes between a bare "đoàn" and its verb: a word or two ("đoàn đã đến", "đoàn tiếp tục
/// làm việc tại").
const BARE_SUBJECT_GAP: usize = 16;
/// How far past the stating sentence an agreement's fields are looked for (the rest of its
/// paragraph, up to this many bytes: a few sentences).
const FIELD_REACH: usize = 1500;
/// The most bytes between a signing verb and the instrument it governs ("ký kết thỏa thuận").
const SIGN_GAP: usize = 2;
/// How far before a delegation word a cue makes its trip a plan ("sẽ dẫn đoàn").
const PLANNED_LEAD: usize = 24;
/// How far after "tiếp" / "đón" the guest's place may be named ("tiếp Phó Chủ tịch Vùng …").
const RECEIVE_REACH: usize = 40;
/// How far a delegation's own place may stand from the word "đoàn".
const DELEGATION_REACH: usize = 170;
/// How many sentences back a date may be taken from when the stating sentence has none.
const DATE_LOOKBACK: usize = 3;
/// How far "dẫn đầu" / "làm trưởng đoàn" may stand after "do" for the words between them to
/// be the leader's titles and name.
const MAX_LEADER_PHRASE: usize = 260;
/// How far after "do" the leader's name starts ("do đồng chí Nguyễn Thị Tuyến").
const LEADER_REACH: usize = 24;
/// Sentences shorter than this (datelines, captions) do not give the article's event date.
const MIN_EVENT_SENTENCE_CHARS: usize = 40;
/// How far after "thiết lập quan hệ hữu nghị" its year may be written.
const ESTABLISH_REACH: usize = 90;
/// Words after an instrument name within which "hữu nghị" / "kết nghĩa" make it a friendship.
const FRIENDSHIP_REACH: usize = 90;

/// What an event's date is wanted for: a signing happens on a day, a trip may span several.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Want {
    Day,
    Trip,
}

/// An event's date and how directly the text ties it to the stating sentence (higher is
/// closer).
#[derive(Clone, Copy, Debug, Default)]
struct Dated {
    start: Option<PartialDate>,
    end: Option<PartialDate>,
    rank: u8,
}

impl Dated {
    fn new(start: PartialDate, end: Option<PartialDate>, rank: u8) -> Self {
        Self {
            start: Some(start),
            end,
            rank,
        }
    }
}

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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cat {
    Instrument(AgreementKind),
    Sign,
    Friendship,
    Delegation,
    Toward,
    Receive,
    Lead,
    Planned,
    Past,
    Wish,
    Generic,
    Online,
    Venue,
    Pair,
    Establish,
    National,
    Content,
    NationalHost,
    Mission,
    Building,
    /// A phrase that holds an event word but is none ("trao đổi" is an exchange, not "trao").
    Neutral,
}

struct Rules {
    words: Lexicon<Cat>,
    fields: Lexicon<Field>,
}

fn agreement_kind(s: &str) -> AgreementKind {
    match s {
        "MEMORANDUM" => AgreementKind::Memorandum,
        "FRIENDSHIP" => AgreementKind::Friendship,
        "MINUTES" => AgreementKind::Minutes,
        "LETTER_OF_INTENT" => AgreementKind::LetterOfIntent,
        "OTHER" => AgreementKind::Other,
        _ => AgreementKind::Agreement,
    }
}

fn field(s: &str) -> Option<Field> {
    Some(match s {
        "HEALTH" => Field::Health,
        "EDUCATION" => Field::Education,
        "CULTURE" => Field::Culture,
        "TOURISM" => Field::Tourism,
        "ECONOMY" => Field::Economy,
        "TRADE" => Field::Trade,
        "INVESTMENT" => Field::Investment,
        "AGRICULTURE" => Field::Agriculture,
        "ENVIRONMENT" => Field::Environment,
        "URBAN" => Field::Urban,
        "TRANSPORT" => Field::Transport,
        "SCIENCE_TECHNOLOGY" => Field::ScienceTechnology,
        "LABOUR" => Field::Labour,
        "PEOPLE_EXCHANGE" => Field::PeopleExchange,
        "INDUSTRY" => Field::Industry,
        "OTHER" => Field::Other,
        _ => return None,
    })
}

fn rules() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| {
        let words = rows(EVENTS).filter_map(|r| {
            let cat = match *r.first()? {
                "instrument" => {
                    Cat::Instrument(agreement_kind(r.get(2).copied().unwrap_or_default()))
                }
                "sign" => Cat::Sign,
                "friendship" => Cat::Friendship,
                "delegation" => Cat::Delegation,
                "toward" => Cat::Toward,
                "receive" => Cat::Receive,
                "lead" => Cat::Lead,
                "planned" => Cat::Planned,
                "past" => Cat::Past,
                "wish" => Cat::Wish,
                "generic" => Cat::Generic,
                "online" => Cat::Online,
                "venue" => Cat::Venue,
                "pair" => Cat::Pair,
                "establish" => Cat::Establish,
                "national" => Cat::National,
                "content" => Cat::Content,
                "nationalhost" => Cat::NationalHost,
                "mission" => Cat::Mission,
                "building" => Cat::Building,
                "neutral" => Cat::Neutral,
                _ => return None,
            };
            Some((r.get(1)?.to_string(), cat))
        });
        let fields = rows(FIELDS).filter_map(|r| Some((r.first()?.to_string(), field(r.get(1)?)?)));
        Rules {
            words: Lexicon::new(words.collect::<Vec<_>>()),
            fields: Lexicon::new(fields.collect::<Vec<_>>()),
        }
    })
}

/// The article as the event rules see it.
struct Doc<'a> {
    c: &'a Context<'a>,
    lower: &'a str,
    hits: Vec<Hit<Cat>>,
    places: Vec<&'a PlaceMention>,
    home: Option<Place>,
    partner: Option<Place>,
    event_date: Option<PartialDate>,
    /// The first single day in the article's sentences (not the start of a span).
    event_day: Option<PartialDate>,
    reference_year: Option<i32>,
    people: Vec<Person>,
    ranks: Vec<u32>,
}

impl<'a> Doc<'a> {
    fn new(c: &'a Context<'a>) -> Self {
        let lower = c.lower;
        let all_hits = rules().words.find(lower);
        let missions: Vec<&Hit<Cat>> = all_hits.iter().filter(|h| h.tag == Cat::Mission).collect();
        let (seats, hits): (Vec<Hit<Cat>>, Vec<Hit<Cat>>) = all_hits
            .iter()
            .filter(|h| h.tag != Cat::Delegation || is_delegation(c.text, h))
            .filter(|h| h.tag != Cat::Receive || is_receiving(c.text, h))
            .partition(|h| h.tag == Cat::Venue && seats_a_mission(c.text, &missions, h));
        // The seat of a mission ("Tổng Lãnh sự quán Ấn Độ tại TP Hồ Chí Minh") is neither a
        // side nor a venue of anything told.
        let seat = |p: &PlaceMention| {
            seats
                .iter()
                .any(|h| p.full.start >= h.end && p.full.start <= h.end + 2)
        };
        let places: Vec<&PlaceMention> = c
            .places
            .iter()
            .filter(|p| {
                !c.persons
                    .iter()
                    .any(|m| m.span.start < p.span.end && p.span.start < m.span.end)
            })
            .filter(|p| !is_aside(c.lower, p.full.start))
            .filter(|p| !seat(p))
            .collect();
        let main = |vn: bool| -> Option<Place> {
            let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
            for (i, p) in places.iter().enumerate() {
                if p.qualifier || p.place.region.is_empty() || (p.place.country == "VN") != vn {
                    continue;
                }
                let e = counts.entry(p.place.region.clone()).or_insert((0, i));
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
                .find(|p| p.place.country != "VN" && !p.qualifier)
                .map(|p| p.place.clone())
        });
        let in_event_sentence = |d: &&DateMention| {
            c.sentences
                .iter()
                .find(|s| s.start <= d.span.start && d.span.start < s.end)
                .is_some_and(|s| c.text[s.clone()].chars().count() >= MIN_EVENT_SENTENCE_CHARS)
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
        for m in c.persons {
            match people.iter().position(|p| p.name == m.person.name) {
                Some(i) => {
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
            hits,
            places,
            home,
            partner,
            event_date,
            event_day,
            people,
            ranks,
        }
    }

    /// The hits inside `r`; hits are sorted by start, so only that stretch is looked at.
    fn hits_within(&self, r: &Range<usize>) -> &[Hit<Cat>] {
        let from = self.hits.partition_point(|h| h.start < r.start);
        let to = self.hits.partition_point(|h| h.start < r.end).max(from);
        &self.hits[from..to]
    }

    fn hits_in(&self, r: &Range<usize>, cat: fn(Cat) -> bool) -> Vec<Hit<Cat>> {
        self.hits_within(r)
            .iter()
            .filter(|h| h.end <= r.end && cat(h.tag))
            .copied()
            .collect()
    }

    fn has(&self, r: &Range<usize>, want: Cat) -> bool {
        self.hits_within(r)
            .iter()
            .any(|h| h.end <= r.end && h.tag == want)
    }

    fn places_in(&self, r: &Range<usize>) -> Vec<&'a PlaceMention> {
        let from = self.places.partition_point(|p| p.span.start < r.start);
        self.places[from..]
            .iter()
            .take_while(|p| p.span.start < r.end)
            .filter(|p| !p.qualifier && p.span.end <= r.end)
            .copied()
            .collect()
    }

    fn sentence_index(&self, pos: usize) -> Option<usize> {
        self.c
            .sentences
            .iter()
            .position(|s| s.start <= pos && pos < s.end)
    }

    /// A day (or span) stated in the sentence, else its own month, else a day in one of the
    /// few sentences before it, else a year stated in the sentence ("Năm 2019, đoàn … đã
    /// thăm"), else the article's first event date; ranked by how directly the text ties it to
    /// the sentence, so that merging keeps the best-tied date of an event.
    fn date_near(&self, idx: usize, want: Want) -> Dated {
        let lo = idx.saturating_sub(DATE_LOOKBACK);
        let own = &self.c.sentences[idx];
        let day_in = |s: &Range<usize>| {
            let days = || {
                self.c.dates.iter().filter(|d| {
                    d.span.start >= s.start
                        && d.span.end <= s.end
                        && d.date.day > 0
                        && matches!(d.kind, DateKind::Point | DateKind::Span)
                })
            };
            // A signing is one day: "từ ngày 4 đến 6/9, sáng 5-9, … ký": the 5th.
            let preferred = match want {
                Want::Day => days().find(|d| d.kind == DateKind::Point),
                Want::Trip => None,
            };
            preferred.or_else(|| days().next())
        };
        if let Some(d) = day_in(own) {
            return Dated::new(d.date, d.end, 3);
        }
        // A sentence that states its own month ("Tháng 6 năm 2024, đoàn … đã sang thăm") is
        // about that time, whatever day the sentences before it give.
        let own_month = self.c.dates.iter().find(|d| {
            d.span.start >= own.start
                && d.span.end <= own.end
                && d.date.month > 0
                && d.date.year > 0
                && !d.date.year_inferred
                && d.kind == DateKind::Point
        });
        if let Some(d) = own_month {
            return Dated::new(d.date, None, 2);
        }
        for i in (lo..idx).rev() {
            if let Some(d) = day_in(&self.c.sentences[i]) {
                return Dated::new(d.date, d.end, 2);
            }
        }
        let coarse = self.c.dates.iter().find(|d| {
            d.span.start >= own.start
                && d.span.end <= own.end
                && d.date.year > 0
                && d.kind == DateKind::Point
        });
        // The article's event day: for a signing, the first single day of the event rather
        // than the start of the trip around it ("từ ngày 4 đến 6/9, sáng 5-9, …").
        let event = match want {
            Want::Day => self.event_day.or(self.event_date),
            Want::Trip => self.event_date,
        };
        if let Some(d) = coarse {
            // "Biên bản hội đàm năm 2023" signed at the article's event of that year: its day.
            let same_year = event.filter(|e| e.year == d.date.year);
            return Dated::new(same_year.unwrap_or(d.date), None, 1);
        }
        Dated {
            start: event,
            end: None,
            rank: 0,
        }
    }

    fn fields(&self, r: Range<usize>, exclude: &[Range<usize>]) -> Vec<Field> {
        let mut out: Vec<Field> = Vec::new();
        for h in rules().fields.find(&self.lower[r.clone()]) {
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

    fn evidence(&self, idx: usize) -> Evidence {
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
    fn instrument_content_end(&self, idx: usize) -> usize {
        let sentences = self.c.sentences;
        let stating = &sentences[idx];
        let reach = stating.end + FIELD_REACH;
        let mut end = stating.end;
        for next in sentences[idx + 1..].iter() {
            let same_paragraph = !self.c.text[end..next.start].contains('\n');
            let opening = next.start..floor_boundary(self.c.text, (next.start + 40).min(next.end));
            let opens_with_pair = self
                .hits_in(&opening, |t| t == Cat::Pair)
                .first()
                .is_some_and(|h| h.start == next.start);
            let about_it = self.has_any(next, is_instrument)
                || self.has(&opening, Cat::Content)
                || opens_with_pair
                || self.lower[next.clone()].contains("lĩnh vực");
            if !same_paragraph || !about_it || next.end > reach {
                break;
            }
            end = next.end;
        }
        end
    }

    /// Whether sentence `s` speaks of trips in general ("nhiều đoàn đã sang thăm"), not of
    /// ones it goes on to list ("đón các đoàn đại biểu nước ngoài gồm: đoàn thành phố Ulsan …").
    fn is_generic(&self, s: &Range<usize>) -> bool {
        self.hits_in(s, |t| t == Cat::Generic).iter().any(|h| {
            let rest = floor_boundary(self.c.text, (h.end + LIST_REACH).min(s.end));
            let rest = &self.lower[h.end..rest.max(h.end)];
            // "… cùng các đoàn đại biểu đi cùng": the delegations that came along with those
            // just named, not trips in general.
            let along = self.lower[s.start..h.start].trim_end().ends_with(" cùng");
            !rest.contains(" gồm") && !rest.contains(':') && !along
        })
    }

    /// Whether sentence `i` is a photo caption ("Ảnh: …").
    fn is_caption(&self, i: usize) -> bool {
        self.c.sentences.get(i).is_some_and(|s| {
            let t = self.c.text[s.clone()].trim_start();
            t.starts_with("Ảnh:") || t.starts_with("Ảnh :")
        })
    }

    /// Whether the sentence quoted by `evidence` states a day.
    fn states_a_day(&self, evidence: &Evidence) -> bool {
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
    fn is_venue(&self, s: &Range<usize>, m: &PlaceMention) -> bool {
        self.hits_in(s, |t| t == Cat::Venue)
            .iter()
            .any(|v| self.names_venue(v, m))
    }

    /// Whether `p` is the place that "tại" at `v` names: right after it, or after a building
    /// of that place ("tại trụ sở Văn phòng Tỉnh Luông Pha Băng").
    fn names_venue(&self, v: &Hit<Cat>, p: &PlaceMention) -> bool {
        if p.full.start < v.end || p.full.start > v.end + VENUE_GAP {
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

    fn has_any(&self, r: &Range<usize>, cat: fn(Cat) -> bool) -> bool {
        self.hits_within(r)
            .iter()
            .any(|h| h.end <= r.end && cat(h.tag))
    }

    /// The named officials of the parties in the sentence that states a signing.
    fn signatories(&self, idx: usize, parties: &[Party]) -> Vec<Person> {
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

    /// The article's main region in a country named only as a country ("tại Đức"): a city of
    /// it rolls up to its region even where the text names only the country.
    fn main_region_of(&self, country: &str) -> Option<Place> {
        [&self.home, &self.partner]
            .into_iter()
            .flatten()
            .find(|p| p.country == country && !p.region.is_empty())
            .cloned()
    }

    /// The places of the regional officials named in a sentence, one per code, in order.
    fn places_of_people_in(&self, s: &Range<usize>) -> Vec<Place> {
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

    /// The most senior named official of a side, the first named among equals.
    fn senior_of(&self, side: &Place) -> Option<Person> {
        let mut best: Option<(u32, usize)> = None;
        for (i, p) in self.people.iter().enumerate() {
            let Some(place) = &p.place else { continue };
            let same = if side.region.is_empty() {
                place.country == side.country
            } else {
                place.region == side.region
            };
            if same && best.is_none_or(|(r, _)| self.ranks[i] > r) {
                best = Some((self.ranks[i], i));
            }
        }
        best.map(|(_, i)| self.people[i].clone())
    }
}

/// How far back an aside's opening words are looked for.
const ASIDE_REACH: usize = 48;

/// Whether a place named at `start` of the lowercase view is an aside, not a side of anything: today's province of a
/// merged one ("Bà Rịa - Vũng Tàu (nay thuộc TP.HCM)") or a photographer in a credit
/// ("(Ảnh: Anh Tuấn)").
fn is_aside(lower: &str, start: usize) -> bool {
    let from = floor_boundary(lower, start.saturating_sub(ASIDE_REACH));
    let before = lower[from..start].trim_end();
    if before.ends_with("nay thuộc") || before.ends_with("nay là") {
        return true;
    }
    let open = before.rfind('(');
    open.is_some_and(|i| {
        let inside = &before[i + 1..];
        !inside.contains(')') && (inside.starts_with("ảnh") || inside.starts_with("nguồn"))
    })
}

/// "đoàn" alone is a delegation only before a name, a place or "của" ("đoàn Chính quyền tỉnh
/// …", "đoàn tỉnh Hải Dương") or as the subject of a trip ("đoàn đã đến Busan"); otherwise it is "đoàn kết", "đoàn viên" … Nor
/// is a province's National Assembly caucus.
fn is_delegation(text: &str, h: &Hit<Cat>) -> bool {
    let word = &text[h.start..h.end];
    let after = text[h.end..].trim_start_matches(' ');
    if after.starts_with("Quốc hội") || after.starts_with("quốc hội") {
        // "Đoàn đại biểu Quốc hội tỉnh X" is the province's caucus in the National Assembly.
        return false;
    }
    if word.contains(' ') || crate::text::lower_view(word) != "đoàn" {
        return true;
    }
    let rest = text[h.end..].trim_start_matches(' ');
    let mut verb = rest;
    while let Some(r) = ASPECT_WORDS.iter().find_map(|w| verb.strip_prefix(w)) {
        verb = r;
    }
    rest.starts_with("của")
        || rest.chars().next().is_some_and(char::is_uppercase)
        || TRIP_VERBS.iter().any(|w| verb.starts_with(w))
        || PLACE_WORDS.iter().any(|w| rest.starts_with(w))
}

/// Words between a subject and its verb: tense and aspect ("đoàn đã đến", "đoàn tiếp tục làm
/// việc").
const ASPECT_WORDS: &[&str] = &["đã ", "sẽ ", "cũng ", "tiếp tục ", "lại "];
/// Words that open a place's name after a bare "đoàn" and make it that place's delegation
/// ("đoàn tỉnh Hải Dương do ông … làm trưởng đoàn").
const PLACE_WORDS: &[&str] = &["tỉnh ", "thành phố ", "vùng ", "bang ", "quận ", "huyện "];
/// Verbs of a delegation on its trip, that make a bare "đoàn" their subject.
const TRIP_VERBS: &[&str] = &[
    "đến ",
    "tới ",
    "sang ",
    "thăm ",
    "làm việc ",
    "đi ",
    "hội đàm ",
    "hội kiến ",
    "chào ",
    "gặp ",
    "tham dự ",
    "dự ",
];

/// How far after a word of trips in general the list of them may open ("các đoàn đại biểu
/// nước ngoài gồm: …").
const LIST_REACH: usize = 48;

/// How far after "tại" the place of the building it names may start.
const VENUE_GAP: usize = 64;

/// How far after the name of a diplomatic mission or a correspondent its seat may be named.
const MISSION_REACH: usize = 48;

/// Whether "tại" names where a mission or a correspondent sits ("Tổng Lãnh sự quán Ấn Độ tại TP
/// Hồ Chí Minh", "phóng viên thường trú tại Tokyo"), not where something happened.
fn seats_a_mission(text: &str, missions: &[&Hit<Cat>], venue: &Hit<Cat>) -> bool {
    let after = missions.partition_point(|m| m.end <= venue.start);
    missions[..after].last().is_some_and(|m| {
        venue.start - m.end <= MISSION_REACH && !text[m.end..venue.start].contains([',', ';', '.'])
    })
}

/// "tiếp" receives someone only when a name, a delegation or an honorific follows; otherwise
/// it is "tiếp theo", "tiếp tục" …
fn is_receiving(text: &str, h: &Hit<Cat>) -> bool {
    let rest = text[h.end..].trim_start_matches(' ');
    let next: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    next.chars().next().is_some_and(char::is_uppercase)
        || ["đoàn", "ông", "bà", "ngài", "đồng", "xã", "các", "lãnh"].contains(&next.as_str())
}

fn is_instrument(c: Cat) -> bool {
    matches!(c, Cat::Instrument(_))
}

/// The places of [`distinct_codes`].
fn distinct_places(mentions: &[&PlaceMention]) -> Vec<Place> {
    distinct_codes(mentions)
        .iter()
        .map(|m| m.place.clone())
        .collect()
}

fn distinct_codes<'p>(mentions: &[&'p PlaceMention]) -> Vec<&'p PlaceMention> {
    let mut out: Vec<&PlaceMention> = Vec::new();
    for m in mentions {
        if let Some(i) = out.iter().position(|o| o.code() == m.code()) {
            if out[i].kind == PartyKind::Locality && m.kind != PartyKind::Locality {
                out[i] = m;
            }
            continue;
        }
        out.push(m);
    }
    let has_region = |country: &str, out: &[&PlaceMention]| {
        out.iter()
            .any(|o| o.place.country == country && !o.place.region.is_empty())
    };
    let snapshot = out.clone();
    out.retain(|m| !(m.place.region.is_empty() && has_region(&m.place.country, &snapshot)));
    out
}

fn cross_border(places: &[Place]) -> bool {
    let vn = places.iter().any(|p| p.country == "VN");
    let foreign = places.iter().any(|p| p.country != "VN");
    let sub = places
        .iter()
        .any(|p| !p.region.is_empty() || p.level == PlaceLevel::Local);
    vn && foreign && sub
}

/// The place as the map stood on `date` (see [`Gazetteer::at`]); as it is when no date is known.
fn at_date(g: &Gazetteer, place: &Place, date: Option<PartialDate>) -> Place {
    date.map_or_else(|| place.clone(), |d| g.at(place, d.year, d.month))
}

fn party(m: &PlaceMention, place: Place) -> Party {
    Party {
        organization: m.organization.clone(),
        kind: m.kind,
        place,
    }
}

fn locality(place: Place) -> Party {
    Party {
        organization: place.name.clone(),
        kind: PartyKind::Locality,
        place,
    }
}

/// One statement of an agreement, before merging.
struct AgreementMention {
    sentence: usize,
    kind: AgreementKind,
    status: AgreementStatus,
    title: String,
    parties: Vec<Party>,
    institutions: Option<bool>,
    date: Option<PartialDate>,
    /// How directly the text ties `date` to the mention (see `Dated`).
    date_rank: u8,
    term: Option<Term>,
    fields: Vec<Field>,
}

/// The years written in a stretch of text: "năm 2008" and the bare years of a list ("các năm
/// 2010, 2013, 2018"), each a separate past instrument.
fn years_in(doc: &Doc<'_>, r: &Range<usize>) -> Vec<i32> {
    let text = doc.c.text;
    let mut years = Vec::new();
    for d in doc.c.dates {
        if d.span.start < r.start
            || d.span.end > r.end
            || d.kind != DateKind::Point
            || d.date.month != 0
        {
            continue;
        }
        if !years.contains(&d.date.year) {
            years.push(d.date.year);
        }
    }
    let chunk = &text[r.clone()];
    let mut rest = chunk;
    let mut base = r.start;
    while let Some(i) = rest.find(|c: char| c.is_ascii_digit()) {
        let digits: String = rest[i..].chars().take_while(char::is_ascii_digit).collect();
        let at = base + i;
        let inside = doc
            .c
            .dates
            .iter()
            .any(|d| d.span.start <= at && at < d.span.end);
        if digits.len() == 4 && !inside {
            if let Ok(y) = digits.parse::<i32>() {
                if (1950..=2100).contains(&y) && !years.contains(&y) {
                    years.push(y);
                }
            }
        }
        let step = i + digits.len();
        base += step;
        rest = &rest[step..];
    }
    years
}

/// Every statement of an instrument: one per instrument word of a sentence (a sentence may
/// list several), with the status its verbs, cues and years give it.
fn agreement_mentions(doc: &Doc<'_>) -> Vec<AgreementMention> {
    let c = doc.c;
    let mut out = Vec::new();
    for (si, s) in c.sentences.iter().enumerate() {
        // A draft ("trao đổi dự thảo văn kiện hợp tác") is not an instrument signed.
        let instruments: Vec<Hit<Cat>> = doc
            .hits_in(s, is_instrument)
            .into_iter()
            .filter(|h| !doc.lower[..h.start].ends_with(DRAFT))
            .collect();
        if instruments.is_empty() {
            out.extend(established(doc, si));
            continue;
        }
        let signs = doc.hits_in(s, |t| t == Cat::Sign);
        let planned = doc.hits_in(s, |t| t == Cat::Planned);
        let wish = doc.hits_in(s, |t| t == Cat::Wish);
        let past_cues = doc.hits_in(s, |t| t == Cat::Past);
        // "Biên bản ghi nhớ sẽ được ký kết vào tháng 3/2025 tại thành phố Vladivostok": a
        // signing that names only where it happens is between the article's two sides.
        let only_venues = {
            let in_s = doc.places_in(s);
            !in_s.is_empty() && in_s.iter().all(|m| doc.is_venue(s, m))
        };
        let pair_named = doc.has(s, Cat::Pair) || only_venues;
        for (k, ins) in instruments.iter().enumerate() {
            // An instrument's clause ends at a semicolon: "A và B đã ký Biên bản ghi nhớ năm
            // 2018; C và B đã ký Biên bản thỏa thuận năm 2019". It opens after a colon, where
            // what someone said starts ("Từ Paris, phóng viên … cho biết: sáng 10/6, … đã ký").
            let clause_start = doc.lower[s.start..ins.start]
                .rfind([';', ':'])
                .map_or(s.start, |i| s.start + i + 1);
            let clause_end = doc.lower[ins.end..s.end]
                .find(';')
                .map_or(s.end, |i| ins.end + i);
            let seg_start = if k == 0 { s.start } else { ins.start }.max(clause_start);
            let seg_end = instruments
                .get(k + 1)
                .map_or(s.end, |n| n.start)
                .min(clause_end);
            // "… giữa A và B cũng như các văn bản giữa C với …": what follows is about
            // something else.
            let seg_end = doc.lower[ins.end..seg_end]
                .find(ANOTHER_TOPIC)
                .map_or(seg_end, |i| ins.end + i);
            // "… đã ký kết thỏa thuận hợp tác với thành phố Delft (Hà Lan) và làm việc với
            // chính quyền thành phố Bruges (Bỉ)": a second verb starts another event.
            let seg_end = doc
                .hits_in(&(ins.end..seg_end), |t| {
                    matches!(t, Cat::Toward | Cat::Receive)
                })
                .iter()
                .filter(|h| {
                    let verb = &doc.lower[h.start..h.end];
                    h.tag == Cat::Receive || verb == "thăm" || MEETING_VERBS.contains(&verb)
                })
                .find_map(|h| {
                    let before = doc.lower[ins.end..h.start].trim_end();
                    let before = before.strip_suffix(" đã").unwrap_or(before);
                    before.strip_suffix(" và").map(|b| ins.end + b.len())
                })
                .unwrap_or(seg_end);
            let seg = seg_start..seg_end;
            let after = ins.start..seg_end;
            // A signing verb right before another instrument is that one's ("Trên cơ sở ý định
            // thư này, hai bên tiến tới ký kết thỏa thuận hợp tác").
            let governs_other = |sg: &Hit<Cat>| {
                instruments.iter().any(|o| {
                    o.start != ins.start && o.start >= sg.end && o.start - sg.end <= SIGN_GAP
                })
            };
            let sign = signs
                .iter()
                .rfind(|h| {
                    (h.end <= ins.start || (h.start >= ins.start && h.end <= seg_end))
                        && !governs_other(h)
                })
                .copied();
            // Else the sentence's first signing verb.
            let sign = sign.or_else(|| signs.first().copied().filter(|sg| !governs_other(sg)));
            let Cat::Instrument(mut kind) = ins.tag else {
                continue;
            };
            let friendship_window = ins.end..(ins.end + FRIENDSHIP_REACH).min(seg_end);
            let window_text =
                &doc.lower[crate::text::floor_boundary(c.text, friendship_window.start)
                    ..crate::text::floor_boundary(c.text, friendship_window.end)];
            let window_end = [" giữa ", " nhằm ", " để ", " với ", ", "]
                .iter()
                .filter_map(|w| window_text.find(w))
                .min()
                .unwrap_or(window_text.len());
            let window = friendship_window.start..friendship_window.start + window_end;
            if doc.has(&window, Cat::Friendship) || doc.has(&window, Cat::Establish) {
                kind = AgreementKind::Friendship;
            }
            let years: Vec<i32> = years_in(doc, &seg);
            let reference_year = doc.reference_year;
            let dated_day = c
                .dates
                .iter()
                .any(|d| d.span.start >= s.start && d.span.end <= s.end && d.date.day > 0);
            // A plan: a cue before the verb ("sẽ ký"), or a signing set for a time after the
            // article ("để ký kết … vào tháng 9/2025").
            // "đã ký" is done, whatever year the sentence goes on to name ("hai bên đã ký Biên
            // bản hội đàm, thống nhất các nội dung hợp tác năm 2026").
            // "Biên bản thỏa thuận hợp tác năm 2026": the year the instrument is for, its term,
            // not when it is signed.
            let covered = covered_year(doc, ins);
            let is_planned = sign.is_some_and(|sg| {
                !doc.lower[..sg.start].ends_with("đã ")
                    && (planned.iter().any(|p| p.end <= sg.start)
                        || own_stated_time(c, s).is_some_and(|d| {
                            lies_ahead(c, d) && !covered.is_some_and(|y| y.span == d.span)
                        }))
            });
            let is_wish = sign.is_some_and(|sg| wish.iter().any(|w| w.end <= sg.start));
            let anchor = sign.map_or(ins.start, |sg| sg.start.min(ins.start));
            let past_cue = past_cues.iter().any(|p| p.end <= anchor);
            let mut statuses: Vec<(AgreementStatus, Option<PartialDate>, u8)> = Vec::new();
            let anniversary = anniversary(doc, s, anchor);
            if is_wish || matches!(anniversary, Anniversary::Unknown) {
                continue;
            } else if let Anniversary::Founded(year) = anniversary {
                let founded = PartialDate {
                    year,
                    ..Default::default()
                };
                statuses.push((AgreementStatus::Past, Some(founded), 3));
            } else if is_planned {
                match stated_time(c, si) {
                    Some(d) => statuses.push((AgreementStatus::Planned, Some(d.date), 3)),
                    None => continue,
                }
            } else if !years.is_empty()
                && (!dated_day || past_cue)
                && years.iter().all(|&y| reference_year.is_none_or(|r| y < r))
            {
                for y in years {
                    statuses.push((
                        AgreementStatus::Past,
                        Some(PartialDate {
                            year: y,
                            ..Default::default()
                        }),
                        3,
                    ));
                }
            } else if sign.is_some() && !past_cue {
                let dated = doc.date_near(si, Want::Day);
                // "đã ký biên bản ghi nhớ vào tháng 9-2019" in a 2023 article: signed long before.
                let long_before = dated.rank >= 2
                    && dated
                        .start
                        .is_some_and(|d| months_before_publication(c, &d) > PAST_MONTHS);
                let status = if long_before {
                    AgreementStatus::Past
                } else {
                    AgreementStatus::Signed
                };
                statuses.push((status, dated.start, dated.rank));
            } else {
                let period = c.dates.iter().find(|d| {
                    d.kind == DateKind::Period
                        && d.span.start >= after.start
                        && d.span.end <= after.end
                });
                // "Thỏa thuận hợp tác giai đoạn 2019 - 2022 đã giúp …" in a 2024 article: an
                // instrument whose term is over was signed before.
                let ended = period
                    .is_some_and(|d| d.end.zip(reference_year).is_some_and(|(e, r)| e.year < r));
                if (past_cue || ended) && period.is_some() && sign.is_none() {
                    statuses.push((AgreementStatus::Past, None, 0));
                } else {
                    continue;
                }
            }
            let between = party_clause(c.text, &seg);
            let named = distinct_codes(&doc.places_in(&between));
            let nations = named.len() >= 2 && named.iter().all(|m| m.place.region.is_empty());
            if nations || doc.has(&between, Cat::National) {
                // "giữa Bộ … Việt Nam và Bộ … Campuchia", "giữa hai nước": national, out of scope.
                continue;
            }
            let mut mentions = doc.places_in(&between);
            if distinct_codes(&mentions).len() < 2 {
                mentions = doc.places_in(&seg);
            }
            if distinct_codes(&mentions).len() < 2 {
                mentions = doc.places_in(&(clause_start..clause_end));
            }
            // The whole sentence, unless the signers' places make up the clause's sides
            // ("… cho biết: tại Bordeaux, ông Tôn Thất Minh Hiếu và bà Claire Dumoulin … đã ký").
            let with_signers: Vec<Place> = distinct_codes(&mentions)
                .iter()
                .map(|m| m.place.clone())
                .chain(doc.places_of_people_in(s))
                .collect();
            if distinct_codes(&mentions).len() < 2 && !cross_border(&with_signers) {
                // A later clause shares the sentence's subject, not its other objects ("UBND
                // TP. Hồ Chí Minh đã ký … với thành phố Busan …; đồng thời ký Thỏa thuận hợp
                // tác với thủ đô Ulaanbaatar").
                let subject = s.start..signs.first().map_or(s.start, |h| h.start);
                let shared: Vec<&PlaceMention> = doc
                    .places_in(&subject)
                    .into_iter()
                    .chain(mentions.iter().copied())
                    .collect();
                mentions = if clause_start > s.start && cross_border(&distinct_places(&shared)) {
                    shared
                } else {
                    doc.places_in(s)
                };
            }
            // Where the signing took place ("tại Seoul, …") is not a side of it, when the
            // sides are named besides.
            let sides: Vec<&PlaceMention> = mentions
                .iter()
                .filter(|m| !doc.is_venue(s, m))
                .copied()
                .collect();
            if cross_border(&distinct_places(&sides)) {
                mentions = sides;
            }
            // "… đã làm việc với chính quyền bang Bayern (Đức) và ký ý định thư hợp tác với vùng
            // Nam Moravia", "Trong chuyến công tác tại Hà Lan và Bỉ, đoàn … đã ký kết thỏa thuận
            // hợp tác với thành phố Delft": when the partner is named after the signing, a
            // foreign place before it is another clause's object or the trip's, not a side.
            if let Some(sg) = sign {
                let partners_after: Vec<&str> = mentions
                    .iter()
                    .filter(|m| m.span.start >= sg.end && is_foreign_region(m))
                    .map(|m| m.code())
                    .collect();
                if !partners_after.is_empty() {
                    mentions.retain(|m| {
                        m.span.start >= sg.end
                            || m.place.country == "VN"
                            || partners_after.contains(&m.code())
                    });
                }
            }
            let distinct = distinct_codes(&mentions);
            // "Ông A và ông B ký biên bản", "ông A lần lượt ký … với tỉnh B và với tỉnh C": the
            // signers' places stand for sides not named.
            let one_side = !cross_border(&distinct_places(&mentions));
            let signers: Vec<Place> = if distinct.len() < 2 || one_side {
                doc.places_of_people_in(s)
            } else {
                Vec::new()
            };
            let institutions = (!distinct.is_empty()).then(|| {
                distinct.iter().any(|m| {
                    matches!(
                        m.kind,
                        PartyKind::Education | PartyKind::Association | PartyKind::Company
                    )
                })
            });
            let term = c
                .dates
                .iter()
                .find(|d| {
                    d.kind == DateKind::Period
                        && d.span.start >= seg.start
                        && d.span.end <= seg.end
                        && !c.text[..d.span.start].ends_with('(')
                })
                .or(covered)
                .map(|d| Term {
                    start_year: d.date.year,
                    end_year: d.end.map_or(d.date.year, |e| e.year),
                });
            let org_spans: Vec<Range<usize>> = distinct.iter().map(|m| m.full.clone()).collect();
            let fields_end = doc.instrument_content_end(si);
            let fields = doc.fields(after.start..fields_end, &org_spans);
            // A past instrument is named, not described: what the sentence says of the results
            // of cooperation under it is not its fields.
            let past_fields = doc.fields(
                ins.start..ins.start + title_len_of(c.text, ins.start, seg_end),
                &org_spans,
            );
            let title = c.text[ins.start..seg_end]
                .split([',', ';', '.'])
                .next()
                .unwrap_or_default()
                .split(" giữa ")
                .next()
                .unwrap_or_default()
                .trim()
                .to_string();
            let plural =
                is_plural_instrument(&doc.lower[seg_start..seg_end], ins.start - seg_start)
                    || with_several_partners(doc, ins.end..seg_end);
            for (status, date, date_rank) in statuses {
                let parties = fill_parties(doc, &distinct, &signers, date, pair_named);
                let Some(parties) = parties else { continue };
                let sets = if plural {
                    one_per_foreign_side(parties)
                } else {
                    vec![parties]
                };
                for parties in sets {
                    out.push(AgreementMention {
                        sentence: si,
                        kind,
                        status,
                        title: title.clone(),
                        parties,
                        institutions,
                        date,
                        date_rank,
                        term,
                        fields: if status == AgreementStatus::Past {
                            past_fields.clone()
                        } else {
                            fields.clone()
                        },
                    });
                }
            }
        }
    }
    out
}

/// Words before an instrument that make it several ("các biên bản ghi nhớ", "hai bản thỏa
/// thuận"), and words after it that give one to each partner ("… mà tỉnh đã ký với từng tỉnh").
const PLURAL_BEFORE: &[&str] = &["các ", "những ", "hai bản ", "2 bản ", "hai ", "2 "];
const EACH_PARTNER: &[&str] = &["với từng ", "với mỗi ", "riêng với ", " và với "];
/// Words before an instrument that make one signing follow another ("lần lượt ký Thỏa thuận …
/// với tỉnh A và với tỉnh B").
const ONE_AFTER_ANOTHER: &[&str] = &["lần lượt "];

/// Whether the instrument at `at` in the segment `seg` (lowercase) is several instruments.
fn is_plural_instrument(seg: &str, at: usize) -> bool {
    let at = crate::text::floor_boundary(seg, at);
    let (before, after) = seg.split_at(at);
    PLURAL_BEFORE.iter().any(|w| before.ends_with(w))
        || ONE_AFTER_ANOTHER.iter().any(|w| before.contains(w))
        || EACH_PARTNER.iter().any(|w| after.contains(w))
}

/// "ký kết biên bản ghi nhớ … với thành phố Eindhoven (Hà Lan) và thành phố Leuven (Bỉ)": one
/// side signing with several foreign regions named after "với" signs one instrument with each,
/// unless the text calls it one of three or more sides ("ba bên"). Sides that sign together
/// ("A, B và C đã ký kết …") sign one.
fn with_several_partners(doc: &Doc<'_>, after: Range<usize>) -> bool {
    let Some(at) = doc.lower[after.clone()].find(" với ") else {
        return false;
    };
    if MULTILATERAL
        .iter()
        .any(|w| doc.lower[after.clone()].contains(w))
    {
        return false;
    }
    let partners = doc.places_in(&(after.start + at..after.end));
    let foreign: Vec<&str> = partners
        .iter()
        .filter(|p| p.place.country != "VN" && !p.qualifier && !is_bare_country(&p.place))
        .map(|p| p.code())
        .collect();
    foreign.iter().any(|c| *c != foreign[0])
}

/// Whether a place is a country named as such, not a region or a place within it (an
/// institution placed only by its country, "Trường Đại học Hohenheim (CHLB Đức)", is one).
/// Whether a mention names a region or town abroad, not a country as such.
fn is_foreign_region(m: &&PlaceMention) -> bool {
    m.place.country != "VN" && !m.place.region.is_empty()
}

fn is_bare_country(p: &Place) -> bool {
    p.region.is_empty() && p.level == PlaceLevel::Country
}

/// Words that make one instrument of three or more sides.
const MULTILATERAL: &[&str] = &["ba bên", "bốn bên", "đa phương", "các bên"];

/// Several instruments signed by one side with several foreign partners at once: one each,
/// the home side with one partner. Sides that are countries as such stay as they are.
fn one_per_foreign_side(parties: Vec<Party>) -> Vec<Vec<Party>> {
    let (home, foreign): (Vec<Party>, Vec<Party>) = parties
        .iter()
        .cloned()
        .partition(|p| p.place.country == "VN");
    if home.is_empty() || foreign.len() < 2 || foreign.iter().any(|p| is_bare_country(&p.place)) {
        return vec![parties];
    }
    foreign
        .into_iter()
        .map(|f| home.iter().cloned().chain([f]).collect())
        .collect()
}

/// "thiết lập quan hệ hữu nghị … năm 2009": a friendship founded in a stated year counts as a
/// past friendship instrument even when the instrument is not named, and a planned one when a
/// plan sets it for this year or a later one; an anniversary of it ("kỷ niệm 15 năm thiết lập
/// …") does not state one.
fn established(doc: &Doc<'_>, si: usize) -> Option<AgreementMention> {
    let c = doc.c;
    let s = &c.sentences[si];
    let hit = doc.hits_in(s, |t| t == Cat::Establish).into_iter().next()?;
    if doc.has(s, Cat::Wish) {
        return None;
    }
    let year = match anniversary(doc, s, hit.start) {
        Anniversary::Founded(year) => year,
        Anniversary::Unknown => return None,
        Anniversary::None => {
            // The year after the phrase ("… hữu nghị năm 2009"), else the one that opens the
            // clause before it ("Năm 2017, hai thành phố thiết lập quan hệ hữu nghị").
            let reach = crate::text::floor_boundary(c.text, (hit.end + ESTABLISH_REACH).min(s.end));
            let back = crate::text::floor_boundary(
                c.text,
                hit.start.saturating_sub(ESTABLISH_REACH).max(s.start),
            );
            let bare_year = |d: &&DateMention| d.kind == DateKind::Point && d.date.month == 0;
            let after = c
                .dates
                .iter()
                .filter(bare_year)
                .find(|d| d.span.start >= hit.end && d.span.end <= reach);
            let before = || {
                c.dates
                    .iter()
                    .filter(bare_year)
                    .rfind(|d| d.span.start >= back && d.span.end <= hit.start)
            };
            after.or_else(before)?.date.year
        }
    };
    let distinct = distinct_codes(&doc.places_in(s));
    let founded = PartialDate {
        year,
        ..Default::default()
    };
    let parties = fill_parties(doc, &distinct, &[], Some(founded), doc.has(s, Cat::Pair))?;
    // "thống nhất … để ký kết văn bản thiết lập quan hệ hữu nghị … vào năm 2025": a friendship
    // to be founded, in a year still to come.
    let cue = doc
        .hits_in(s, |t| t == Cat::Planned)
        .iter()
        .any(|p| p.end <= hit.start);
    let planned = match c.published.filter(|p| p.year > 0) {
        Some(p) => year > p.year || (cue && year == p.year),
        None => cue,
    };
    Some(AgreementMention {
        sentence: si,
        kind: AgreementKind::Friendship,
        status: if planned {
            AgreementStatus::Planned
        } else {
            AgreementStatus::Past
        },
        title: c.text[hit.start..hit.end].to_string(),
        parties,
        institutions: None,
        date: Some(founded),
        date_rank: 3,
        term: None,
        fields: Vec::new(),
    })
}

/// Words that mark an anniversary when "N năm" follows them ("kỷ niệm 15 năm", "tròn 10 năm").
const ANNIVERSARY_CUES: &[&str] = &["kỷ niệm ", "tròn "];
/// How many bytes of party names may stand between "N năm" and the event it counts from.
const ANNIVERSARY_PARTIES_REACH: usize = 80;
/// Words that show "N năm" counts from something else than the event after it.
const ANNIVERSARY_OTHER: &[&str] = &[
    "quan hệ",
    "thành lập",
    "hợp tác",
    "giải phóng",
    "chiến thắng",
    "ngoại giao",
];

/// What "kỷ niệm N năm" just before an event word says of when it happened.
enum Anniversary {
    /// No anniversary is marked there.
    None,
    /// An anniversary of it is marked, in a year the text does not make plain.
    Unknown,
    /// It happened in this year: N years before the year the anniversary is marked.
    Founded(i32),
}

/// "kỷ niệm 15 năm thiết lập quan hệ hữu nghị", "kỷ niệm 10 năm ký kết Thỏa thuận": the event
/// at `at` is N years older than the year of the sentence (a "năm YYYY" in it) or of the
/// article.
fn anniversary(doc: &Doc<'_>, s: &Range<usize>, at: usize) -> Anniversary {
    let before = &doc.lower[s.start..at];
    let Some((i, cue)) = ANNIVERSARY_CUES
        .iter()
        .filter_map(|c| before.rfind(c).map(|i| (i, c)))
        .max_by_key(|&(i, _)| i)
    else {
        return Anniversary::None;
    };
    let rest = &before[i + cue.len()..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let tail = rest[digits.len()..].trim_start();
    let tail = tail.strip_prefix("năm").map(str::trim_start);
    // What stands between "N năm" and the event: nothing ("kỷ niệm 15 năm ngày ký …"), or
    // only its parties ("tròn 10 năm hai thành phố A và B ký …"), never a clause or another
    // relation ("kỷ niệm 50 năm quan hệ ngoại giao, hai bên đã ký …").
    let close = tail.is_some_and(|t| {
        let t = t.strip_prefix("ngày").map_or(t, str::trim_start);
        t.len() <= ANNIVERSARY_PARTIES_REACH
            && !t.contains([',', ';', ':'])
            && !ANNIVERSARY_OTHER.iter().any(|w| t.contains(w))
    });
    if !close {
        // An anniversary of something else ("Nhân dịp kỷ niệm 50 năm quan hệ ngoại giao, hai
        // bên đã ký kết …").
        return Anniversary::None;
    }
    let Ok(years) = digits.parse::<i32>() else {
        return Anniversary::Unknown;
    };
    let marked = doc
        .c
        .dates
        .iter()
        .find(|d| {
            d.span.start >= s.start
                && d.span.end <= s.end
                && d.kind == DateKind::Point
                && d.date.month == 0
                && d.date.year > 0
        })
        .map(|d| d.date.year)
        .or(doc.reference_year);
    match marked {
        Some(year) => Anniversary::Founded(year - years),
        None => Anniversary::Unknown,
    }
}

/// The parties of a mention, one per code, with a missing side taken from the article's main
/// pair ("hai tỉnh", "2 bên"); None when the result is not cross-border.
fn fill_parties(
    doc: &Doc<'_>,
    distinct: &[&PlaceMention],
    signers: &[Place],
    date: Option<PartialDate>,
    pair_named: bool,
) -> Option<Vec<Party>> {
    let g = doc.c.gazetteer;
    let mut parties: Vec<Party> = distinct
        .iter()
        .map(|m| party(m, at_date(g, &m.place, date)))
        .collect();
    // Two names of one place at that date (a province and the one it merged into) are one side.
    let mut seen: Vec<String> = Vec::new();
    parties.retain(|p| {
        let fresh = !seen.iter().any(|c| c == p.place.code());
        seen.push(p.place.code().to_string());
        fresh
    });
    // Each signer's place is a side unless it is one already, or its country stands for it
    // ("Ông A (Lào Cai), ông B (Hà Giang) và ông C (Vân Nam) ký biên bản": three sides).
    for place in signers {
        let place = at_date(g, place, date);
        let known = parties.iter().any(|p| {
            p.place.code() == place.code()
                || (p.place.country == place.country && p.place.region.is_empty())
        });
        if !known {
            parties.push(locality(place));
        }
    }
    let sub = |vn: bool| {
        parties
            .iter()
            .any(|p| (p.place.country == "VN") == vn && !p.place.region.is_empty())
    };
    let has_vn = parties.iter().any(|p| p.place.country == "VN");
    let has_foreign = parties.iter().any(|p| p.place.country != "VN");
    let may_fill = if parties.is_empty() || !(has_vn && has_foreign) {
        pair_named && (parties.is_empty() || (has_vn && sub(true)) || (has_foreign && sub(false)))
    } else {
        true
    };
    if !may_fill {
        return None;
    }
    if !has_vn {
        if let Some(h) = &doc.home {
            parties.insert(0, locality(at_date(g, h, date)));
        }
    }
    if !has_foreign {
        if let Some(p) = &doc.partner {
            parties.push(locality(p.clone()));
        }
    }
    let places: Vec<Place> = parties.iter().map(|p| p.place.clone()).collect();
    cross_border(&places).then_some(parties)
}

/// The length of an instrument's name from `start`: up to the first comma, semicolon or stop.
fn title_len_of(text: &str, start: usize, end: usize) -> usize {
    text[start..end]
        .find([',', ';', '.'])
        .unwrap_or(end - start)
}

/// The "giữa A và B" clause of a segment, up to the words that start what it is about.
fn party_clause(text: &str, seg: &Range<usize>) -> Range<usize> {
    let chunk = &text[seg.clone()];
    let Some(i) = chunk.find("giữa ") else {
        return seg.start..seg.start;
    };
    let rest = &chunk[i..];
    let end = [
        " về ",
        " nhằm ",
        ";",
        " trong ",
        " giai đoạn",
        " để ",
        " trên ",
        " đã ",
        " tại ",
    ]
    .iter()
    .filter_map(|w| rest.find(w))
    .min()
    .unwrap_or(rest.len());
    seg.start + i..seg.start + i + end
}

/// Whether two party lists name the same sides, a country standing for any of its regions
/// ("một thành phố Việt Nam" and "Hội An").
fn compatible(a: &[Party], b: &[Party]) -> bool {
    let fits = |x: &Place, y: &Place| {
        x.code() == y.code() || (x.region.is_empty() && x.country == y.country)
    };
    a.len() == b.len()
        && a.iter().all(|x| {
            b.iter()
                .any(|y| fits(&x.place, &y.place) || fits(&y.place, &x.place))
        })
        && b.iter().all(|y| {
            a.iter()
                .any(|x| fits(&x.place, &y.place) || fits(&y.place, &x.place))
        })
}

/// Whether two mentions of these kinds may name one instrument: minutes of talks and a
/// memorandum signed by the same sides are two, and so are a memorandum and a letter of
/// intent; but the press calls one instrument a memorandum here and an agreement there, and
/// any instrument may be the friendship one.
fn same_kind(a: AgreementKind, b: AgreementKind) -> bool {
    use AgreementKind::{Agreement, Friendship, Memorandum};
    a == b
        || a == Friendship
        || b == Friendship
        || matches!((a, b), (Memorandum, Agreement) | (Agreement, Memorandum))
}

/// An instrument named by its bare word ("… đã ký biên bản."), which may be any of the kinds.
fn is_bare(title: &str) -> bool {
    let t = title.trim_end_matches(['.', ' ']).to_lowercase();
    BARE_INSTRUMENTS.contains(&t.as_str()) || GENERAL_INSTRUMENTS.iter().any(|g| t.starts_with(g))
}

/// Instrument words that say nothing of the kind.
const BARE_INSTRUMENTS: &[&str] = &["biên bản", "văn bản", "văn kiện"];
/// Names of an instrument that say nothing of its kind, whatever follows them ("đây là văn
/// kiện hợp tác đầu tiên giữa thủ đô Ulaanbaatar với một địa phương của Việt Nam").
const GENERAL_INSTRUMENTS: &[&str] = &["văn bản hợp tác", "văn kiện hợp tác"];

/// One record per instrument: mentions with the same status and sides (and year, for past
/// ones) are one instrument, unless one is between institutions and the other not.
fn merge_agreements(doc: &Doc<'_>, mentions: Vec<AgreementMention>) -> Vec<Agreement> {
    let mut out: Vec<(Agreement, Option<bool>, u8)> = Vec::new();
    for m in mentions {
        let year = |d: Option<PartialDate>| d.map_or(0, |d| d.year);
        let found = out.iter_mut().find(|(a, inst, _)| {
            a.status == m.status
                && (same_kind(a.kind, m.kind) || is_bare(&a.title) || is_bare(&m.title))
                && compatible(&a.parties, &m.parties)
                && (m.status != AgreementStatus::Past || year(a.signed_on) == year(m.date))
                && (inst.is_none() || m.institutions.is_none() || *inst == m.institutions)
        });
        match found {
            Some((a, inst, rank)) => {
                if m.kind == AgreementKind::Friendship {
                    a.kind = AgreementKind::Friendship;
                }
                if a.signed_on.is_none() || (m.date.is_some() && m.date_rank > *rank) {
                    a.signed_on = m.date;
                    *rank = m.date_rank;
                }
                for p in m.parties {
                    let slot = a
                        .parties
                        .iter_mut()
                        .find(|q| q.place.country == p.place.country);
                    if let Some(q) = slot {
                        if q.place.region.is_empty() && !p.place.region.is_empty() {
                            *q = p;
                        }
                    }
                }
                if a.term.is_none() {
                    a.term = m.term;
                }
                for f in m.fields {
                    if !a.fields.contains(&f) {
                        a.fields.push(f);
                    }
                }
                a.fields.sort();
                if inst.is_none() {
                    *inst = m.institutions;
                }
                for p in doc.signatories(m.sentence, &a.parties) {
                    if !a.signatories.iter().any(|q| q.name == p.name) {
                        a.signatories.push(p);
                    }
                }
            }
            None => {
                let signatories = doc.signatories(m.sentence, &m.parties);
                out.push((
                    Agreement {
                        kind: m.kind,
                        status: m.status,
                        title: m.title,
                        parties: m.parties,
                        signed_on: m.date,
                        term: m.term,
                        fields: m.fields,
                        signatories,
                        evidence: doc.evidence(m.sentence),
                    },
                    m.institutions,
                    m.date_rank,
                ));
            }
        }
    }
    let merged: Vec<Agreement> = out.into_iter().map(|(a, _, _)| a).collect();
    drop_told_per_partner(merged)
}

/// "ký kết Biên bản ghi nhớ với tỉnh Kampot và tỉnh Kep" told again as "lần lượt ký … với tỉnh
/// Kampot và với tỉnh Kep": an instrument of one side with several foreign partners is dropped
/// when each partner has its own with that side, of the same status, which takes its term.
fn drop_told_per_partner(mut agreements: Vec<Agreement>) -> Vec<Agreement> {
    let mut i = 0;
    while i < agreements.len() {
        let a = &agreements[i];
        let per_partner = one_per_foreign_side(a.parties.clone());
        let own: Vec<usize> = per_partner
            .iter()
            .filter_map(|sides| {
                agreements
                    .iter()
                    .position(|b| b.status == a.status && compatible(&b.parties, sides))
            })
            .collect();
        if per_partner.len() > 1 && own.len() == per_partner.len() {
            let told = agreements.remove(i);
            for j in own {
                let j = if j > i { j - 1 } else { j };
                let b = &mut agreements[j];
                b.term = b.term.or(told.term);
            }
        } else {
            i += 1;
        }
    }
    agreements
}

/// One statement of a visit, before merging.
struct VisitMention {
    sentence: usize,
    status: VisitStatus,
    guest: Party,
    host: Party,
    leader: Option<Person>,
    start: Option<PartialDate>,
    end: Option<PartialDate>,
    /// How directly the text ties the dates to the mention (see `Dated`).
    date_rank: u8,
    /// The sentence names no place but the guest's country and the host (or its country).
    one_host_region: bool,
    fields: Vec<Field>,
}

/// The end of a delegation phrase: where its leader, its verb or its purpose starts.
fn delegation_phrase_end(text: &str, from: usize, limit: usize) -> usize {
    let chunk = &text[from..limit];
    [
        " do ",
        " dẫn đầu",
        " thăm",
        " làm việc",
        " tới ",
        " đến ",
        " sang ",
        " tham dự",
        " đã ",
        " đang ",
        " về ",
        " nhân ",
        ", ",
    ]
    .iter()
    .filter_map(|w| chunk.find(w))
    .min()
    .map_or(limit, |i| from + i)
}

/// Every statement of a trip: a delegation of one place, someone received ("tiếp …"), a place
/// visiting another ("sẽ sang thăm …"), or officials meeting at a stated place of the other side.
fn visit_mentions(doc: &Doc<'_>) -> Vec<VisitMention> {
    let c = doc.c;
    let mut out = Vec::new();
    for (si, s) in c.sentences.iter().enumerate() {
        if doc.is_generic(s) || doc.has(s, Cat::Online) {
            continue;
        }
        let delegations = doc.hits_in(s, |t| t == Cat::Delegation);
        let towards = doc.hits_in(s, |t| t == Cat::Toward);
        let receives = doc.hits_in(s, |t| t == Cat::Receive);
        let planned = doc.hits_in(s, |t| t == Cat::Planned);
        let places = doc.places_in(s);
        if places.is_empty() {
            continue;
        }
        let venue = doc.hits_in(s, |t| t == Cat::Venue).iter().find_map(|v| {
            places
                .iter()
                .find(|p| p.full.start >= v.end)
                .filter(|p| doc.names_venue(v, p))
                .copied()
        });
        let mut guests: Vec<(&PlaceMention, usize, usize)> = Vec::new();
        for (k, d) in delegations.iter().enumerate() {
            let limit = delegations.get(k + 1).map_or(s.end, |n| n.start).min(s.end);
            let reach = crate::text::floor_boundary(c.text, limit.min(d.end + DELEGATION_REACH));
            let phrase_end = delegation_phrase_end(c.text, d.end, reach);
            let in_phrase: Vec<&PlaceMention> = places
                .iter()
                .filter(|p| p.span.start >= d.end && p.span.end <= phrase_end.max(d.end))
                .copied()
                .collect();
            let pick = in_phrase
                .iter()
                .find(|p| !p.place.region.is_empty())
                .or_else(|| in_phrase.first())
                .copied();
            if let Some(g) = pick {
                guests.push((g, d.start, limit));
                // Several localities sending one delegation ("Đoàn công tác các tỉnh Lạng Sơn,
                // Cao Bằng và Hà Giang") make one visit each.
                let mut listed: Vec<&PlaceMention> = in_phrase.clone();
                let mut last_end = in_phrase.last().map_or(g.span.end, |p| p.span.end);
                let start_from = last_end;
                for p in places.iter().filter(|p| p.span.start >= start_from) {
                    let Some(gap) = c.text.get(last_end..p.full.start) else {
                        break;
                    };
                    let gap = gap.trim();
                    if !matches!(gap, "," | "và" | ", và") {
                        break;
                    }
                    listed.push(p);
                    last_end = p.span.end;
                }
                let others = listed.into_iter().filter(|p| {
                    p.place.country == g.place.country
                        && !p.place.region.is_empty()
                        && p.code() != g.code()
                });
                for o in others {
                    if !guests.iter().any(|(q, _, _)| q.code() == o.code()) {
                        guests.push((o, d.start, limit));
                    }
                }
            }
        }
        // "Phó Thủ tướng đã tiếp Thống đốc tỉnh …": the nation receives, not a locality.
        let national_hosts = doc.hits_in(s, |t| t == Cat::NationalHost);
        let received_by_the_nation = |r: &Hit<Cat>| {
            national_hosts
                .iter()
                .any(|n| n.end <= r.start && r.start - n.end <= NATIONAL_HOST_REACH)
        };
        if guests.is_empty() {
            for r in receives.iter().filter(|r| !received_by_the_nation(r)) {
                let object = places.iter().find(|p| {
                    !p.place.region.is_empty()
                        && p.full.start >= r.end
                        && p.full.start <= r.end + RECEIVE_REACH
                        && {
                            let gap = &c.text[r.end..p.full.start];
                            !gap.contains(',') && !gap.contains("của") && !gap.contains(" và ")
                        }
                });
                if let Some(g) = object {
                    guests.push((g, r.start, s.end));
                }
            }
        }
        let subject_visit = guests.is_empty();
        if subject_visit {
            for t in &towards {
                let word = &doc.lower[t.start..t.end];
                if word != "thăm" {
                    continue;
                }
                // The subject before the verb, not the object of an earlier one ("đoàn sẽ đi
                // thăm Khu kinh tế Đông Nam Nghệ An và thăm hỏi lưu học sinh …").
                let object_of_earlier = |p: &&PlaceMention| {
                    towards.iter().any(|e| {
                        e.end <= p.full.start
                            && p.span.end <= t.start
                            && !c.text[e.end..p.full.start].contains(',')
                    })
                };
                let before: Vec<&&PlaceMention> = places
                    .iter()
                    .filter(|p| p.span.end <= t.start && !object_of_earlier(p))
                    .collect();
                let after = places
                    .iter()
                    .find(|p| p.full.start >= t.end && p.full.start <= t.end + HOST_REACH);
                if let (Some(g), Some(h)) = (before.last(), after) {
                    if g.place.country != h.place.country
                        && !g.place.region.is_empty()
                        && !h.place.region.is_empty()
                    {
                        guests.push((g, t.start, s.end));
                    }
                }
            }
        }
        // A plan of a delegation with no place is the itinerary of the trip being told
        // ("Theo chương trình, ngày 17/5, đoàn sẽ đi thăm …"), unless it is set for a month to
        // come ("đoàn công tác của tỉnh … sẽ sang thăm vùng Lombardia vào tháng 11.2023").
        let future = || own_stated_time(c, s).is_some_and(|d| lies_ahead(c, d));
        // A guest received at a venue in its own country is the one who is visited.
        guests.retain(|(g, from, _)| {
            !venue.is_some_and(|v| v.place.country == g.place.country && v.span.start < *from)
        });
        if guests.is_empty() && (planned.is_empty() || future()) {
            guests.extend(bare_delegation(doc, &delegations, &towards, &places, s.end));
        }
        if guests.is_empty() {
            guests.extend(met_at_venue(doc, s, venue));
        }
        let attendees = if guests.is_empty() {
            officials_attending(doc, s, &towards, &places)
        } else {
            Vec::new()
        };
        guests.extend(attendees.iter().map(|(g, p)| (*g, p.span.start, s.end)));
        let wishes = doc.hits_in(s, |t| t == Cat::Wish);
        for (g, from, limit) in guests {
            if wishes.iter().any(|w| w.end <= from.max(g.span.start)) {
                // "mong muốn / mời đoàn … sang thăm": an invitation, not a trip.
                continue;
            }
            // One side is Vietnamese, the other foreign: a foreign guest's host is Vietnamese.
            let other = |p: &&PlaceMention| {
                p.place.country != g.place.country
                    && (g.place.country == "VN" || p.place.country == "VN")
            };
            let toward_host = towards
                .iter()
                .filter(|t| t.start >= from && t.start < limit)
                .find_map(|t| {
                    places.iter().find(|p| {
                        p.full.start >= t.end && p.full.start <= t.end + HOST_REACH && other(p)
                    })
                });
            let sub = |p: &&&PlaceMention| !p.place.region.is_empty();
            let host = toward_host
                .or_else(|| venue.as_ref().filter(|v| other(v)))
                .or_else(|| {
                    places
                        .iter()
                        .filter(|p| p.span.start > g.span.end && other(p))
                        .find(sub)
                })
                .or_else(|| {
                    places
                        .iter()
                        .filter(|p| p.span.end < g.span.start && other(p))
                        .find(sub)
                })
                .or_else(|| places.iter().find(|p| other(p)));
            // "đoàn sang New Zealand, làm việc với Hội đồng thành phố Auckland": the region
            // named after the country is the host.
            let host = host.map(|h| {
                places
                    .iter()
                    .find(|p| {
                        h.place.region.is_empty()
                            && p.place.country == h.place.country
                            && !p.place.region.is_empty()
                            && p.span.start > h.span.end
                    })
                    .unwrap_or(h)
            });
            let host_place = host.map(|h| (*h).clone());
            let fallback = if g.place.country == "VN" {
                doc.partner.clone()
            } else {
                doc.home.clone()
            };
            let (host_mention, host_place) = match host_place {
                Some(h) => (Some(h.clone()), h.place.clone()),
                None => match fallback {
                    Some(p) => (None, p),
                    None => continue,
                },
            };
            let cue_after_guest = planned.iter().any(|p| p.start > g.span.end);
            // "sẽ dẫn đoàn …", "sẽ ký … nhân dịp đoàn … sang thăm" (a time after publication).
            let cue_leads = planned
                .iter()
                .any(|p| p.end <= from && from - p.end <= PLANNED_LEAD);
            let future =
                !planned.is_empty() && own_stated_time(c, s).is_some_and(|d| lies_ahead(c, d));
            let (status, dated) = if cue_after_guest || cue_leads || future {
                match stated_time(c, si) {
                    Some(d) => (VisitStatus::Planned, Dated::new(d.date, d.end, 3)),
                    None => continue,
                }
            } else {
                (VisitStatus::Happened, doc.date_near(si, Want::Trip))
            };
            let places_at = [g.place.clone(), host_place.clone()];
            if !cross_border(&places_at) {
                continue;
            }
            let gz = c.gazetteer;
            let guest = party(g, at_date(gz, &g.place, dated.start));
            let host = match &host_mention {
                Some(h) => party(h, at_date(gz, &h.place, dated.start)),
                None => locality(at_date(gz, &host_place, dated.start)),
            };
            // A leader placed in another region of the guest's country leads another delegation;
            // one placed only in the country ("Ủy viên Trung ương Đảng … Lào") may lead this one.
            let of_this_delegation = |l: &Person| {
                l.place.as_ref().is_none_or(|p| {
                    p.country != g.place.country || p.region.is_empty() || p.code() == g.code()
                })
            };
            // An official attending stands for their own trip ("Dự buổi lễ có … ông Koen
            // Vandenberghe, Phó Thị trưởng thành phố Leuven").
            let attending = || {
                attendees
                    .iter()
                    .find(|(_, p)| p.span.start == from)
                    .map(|(_, p)| known_person(doc, p))
            };
            let leader = leader_after(doc, from, limit)
                .filter(of_this_delegation)
                .or_else(|| leader_before(doc, from).filter(of_this_delegation))
                .or_else(attending);
            out.push(VisitMention {
                sentence: si,
                status,
                guest,
                host,
                leader,
                start: dated.start,
                end: dated.end,
                date_rank: dated.rank,
                one_host_region: places.iter().all(|p| {
                    // "Rời Daegu, ngày 23/5 đoàn đến Busan": the stop left is not this one's.
                    doc.lower[..p.full.start].ends_with(LEAVE)
                        || p.place.country == g.place.country
                        || (p.place.country == host_place.country
                            && (p.place.region.is_empty() || p.place.region == host_place.region))
                }),
                fields: doc.fields(s.clone(), &[]),
            });
        }
    }
    out
}

/// A delegation with no place, going somewhere ("Chặng đầu tiên, đoàn đến tỉnh Irkutsk"): the
/// delegation the article is about, the article's side that is not where it goes.
fn bare_delegation<'a>(
    doc: &Doc<'a>,
    delegations: &[Hit<Cat>],
    towards: &[Hit<Cat>],
    places: &[&'a PlaceMention],
    sentence_end: usize,
) -> Option<(&'a PlaceMention, usize, usize)> {
    let c = doc.c;
    delegations.iter().find_map(|d| {
        let verb = towards.iter().find(|t| t.start >= d.end)?;
        // The verb follows the delegation, or the phrase of its leader ("đoàn công tác của
        // tỉnh do ông … dẫn đầu sẽ sang thăm").
        let lead = doc
            .hits_in(&(d.end..verb.start), |t| t == Cat::Lead)
            .last()
            .map(|l| l.end)
            .filter(|_| {
                let rest = doc.lower[d.end..].trim_start();
                rest.starts_with("do ") || rest.starts_with("của ")
            });
        let subject_end = lead.unwrap_or(d.end);
        if c.text[subject_end..verb.start].trim().len() > BARE_SUBJECT_GAP
            || places
                .iter()
                .any(|p| p.span.end <= verb.start && p.span.start >= d.start)
        {
            return None;
        }
        let named = places
            .iter()
            .find(|p| {
                p.full.start >= verb.end
                    && p.full.start <= verb.end + HOST_REACH
                    && !p.place.region.is_empty()
            })
            .map(|p| (p.place.country.as_str(), p.span.clone()));
        // Or the place of the official it meets ("đoàn đến chào xã giao và làm việc với ông
        // Viktor Karpenko, Phó Chủ tịch … thành phố Minsk").
        let met = || {
            c.persons
                .iter()
                .filter(|p| p.span.start >= verb.end && p.span.start <= verb.end + HOST_REACH)
                .find_map(|p| p.person.place.as_ref().filter(|pl| !pl.region.is_empty()))
                .map(|pl| (pl.country.as_str(), 0..0))
        };
        let (country, span) = named.or_else(met)?;
        // Where the article's delegation goes is in a country the article is about, not one
        // named only there ("Đặc khu kinh tế Manhattan tại Bavet").
        let about = c
            .places
            .iter()
            .any(|p| p.place.country == country && p.span != span);
        if !about {
            return None;
        }
        let side = if country == "VN" {
            doc.partner.as_ref()
        } else {
            doc.home.as_ref()
        }?;
        let guest = c.places.iter().find(|p| p.code() == side.code())?;
        Some((guest, d.start, sentence_end))
    })
}

/// Officials of one side meeting at a stated place of the other side ("Bí thư Tỉnh ủy Lào Cai
/// … hội đàm với … tại thành phố Côn Minh"): the official's place travelled there.
fn met_at_venue<'a>(
    doc: &Doc<'a>,
    s: &Range<usize>,
    venue: Option<&'a PlaceMention>,
) -> Option<(&'a PlaceMention, usize, usize)> {
    let venue = venue?;
    let meets = doc
        .hits_in(s, |t| matches!(t, Cat::Toward | Cat::Sign | Cat::Receive))
        .iter()
        .any(|h| {
            let w = &doc.lower[h.start..h.end];
            MEETING_VERBS.contains(&w) || matches!(h.tag, Cat::Sign | Cat::Receive)
        });
    if !meets {
        return None;
    }
    let in_sentence = |p: &&PersonMention| p.span.start >= s.start && p.span.end <= s.end;
    let placed = doc.c.persons.iter().filter(in_sentence).find_map(|p| {
        p.person
            .place
            .as_ref()
            .filter(|pl| !pl.region.is_empty() && pl.country != venue.place.country)
    });
    // "Ngày 3/9, tại thành phố Yokohama, Chủ tịch UBND thành phố Trần Quang Vĩnh đã hội kiến …":
    // a local office with no place named abroad is the article's own side.
    let home = || {
        let home = doc.home.as_ref().filter(|_| venue.place.country != "VN")?;
        doc.c
            .persons
            .iter()
            .filter(in_sentence)
            .any(|p| p.person.place.is_none() && holds_local_office(&p.person.title))
            .then_some(home)
    };
    let code = placed.or_else(home)?.code().to_string();
    let mention = doc
        .places
        .iter()
        .find(|p| p.span.start >= s.start && p.span.end <= s.end && p.code() == code)
        .or_else(|| doc.places.iter().find(|p| p.code() == code))?;
    Some((mention, s.start, s.end))
}

/// Whether a title is an office of a province or city ("Chủ tịch UBND thành phố", "Bí thư
/// Tỉnh ủy").
fn holds_local_office(title: &str) -> bool {
    let title = crate::text::lower_view(title);
    LOCAL_OFFICES.iter().any(|w| title.contains(w))
}

/// Words of the offices of a province or city.
const LOCAL_OFFICES: &[&str] = &["ubnd", "hđnd", "tỉnh ủy", "thành ủy", "tỉnh uỷ", "thành uỷ"];

/// Foreign officials named as attending an event in Viet Nam ("Dự buổi lễ có ông …, Chủ tịch
/// UBND tỉnh; ông Koen Vandenberghe, Phó Thị trưởng thành phố Leuven; bà Agnieszka Nowicka,
/// Phó Thị trưởng thành phố Wrocław"): each one's place travelled there, each a visit.
fn officials_attending<'a>(
    doc: &Doc<'a>,
    s: &Range<usize>,
    towards: &[Hit<Cat>],
    places: &[&'a PlaceMention],
) -> Vec<(&'a PlaceMention, &'a PersonMention)> {
    // Attending an event ("Dự buổi lễ có …"), not a working session, where the officials of
    // the side that receives are named too ("Tham dự buổi làm việc, về phía tỉnh … có …").
    let attend = towards.iter().find(|t| {
        ATTEND_VERBS.contains(&&doc.lower[t.start..t.end])
            && ATTENDED_EVENTS
                .iter()
                .any(|e| doc.lower[t.end..s.end].trim_start().starts_with(e))
    });
    let Some(attend) = attend else {
        return Vec::new();
    };
    let mut out: Vec<(&PlaceMention, &PersonMention)> = Vec::new();
    for p in doc
        .c
        .persons
        .iter()
        .filter(|p| p.span.start >= attend.end && p.span.end <= s.end)
    {
        let Some(place) = p
            .person
            .place
            .as_ref()
            .filter(|pl| !pl.region.is_empty() && pl.country != "VN")
        else {
            continue;
        };
        let mention = places
            .iter()
            .find(|m| m.code() == place.code() && m.span.start >= p.span.start);
        if let Some(m) = mention {
            if !out.iter().any(|(g, _)| g.code() == m.code()) {
                out.push((m, p));
            }
        }
    }
    out
}

/// Verbs of attending an event.
const ATTEND_VERBS: &[&str] = &["dự", "tham dự"];
/// Events that officials of several places attend.
const ATTENDED_EVENTS: &[&str] = &[
    "lễ",
    "buổi lễ",
    "hội nghị",
    "diễn đàn",
    "hội thảo",
    "hội chợ",
    "triển lãm",
    "lễ hội",
    "chương trình",
];

/// Verbs of a meeting between officials.
const MEETING_VERBS: &[&str] = &["hội đàm", "làm việc", "gặp", "tiếp xúc"];

/// The named head of a delegation: "do [ông] X … dẫn đầu / làm trưởng đoàn", "dẫn đầu là X".
/// How far before a receiving verb a national office may stand and be its subject
/// ("Phó Thủ tướng đã tiếp …").
const NATIONAL_HOST_REACH: usize = 12;

/// How far before its place a delegation word may stand ("đoàn đại biểu cấp cao tỉnh …").
const DELEGATION_TO_PLACE: usize = 40;

/// The place of the delegation that `m` leads when the text says so right before the name:
/// "đoàn … tỉnh X (nước Y) do [honorifics, titles] NAME".
fn delegation_led_by(
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
    let led = gap
        .trim_start()
        .strip_prefix("do ")
        .is_some_and(|rest| rest.len() <= MAX_LEADER_PHRASE && !rest.contains([';', ',', '.']));
    let delegation = hits.iter().any(|h| {
        h.tag == Cat::Delegation
            && h.end <= p.full.start
            && p.full.start - h.end <= DELEGATION_TO_PLACE
    });
    // One part of a joint delegation, told part by part: "Đoàn gồm đại diện bang Kerala do
    // ông … dẫn đầu và đại diện bang Karnataka do bà … dẫn đầu".
    let part = c.lower[..p.full.start].trim_end().ends_with("đại diện");
    (led && (delegation || part)).then(|| p.place.clone())
}

/// The person who leads the delegation at `from`, the subject of the clause that ends with
/// "dẫn" right before it ("Chủ tịch UBND tỉnh Phạm Đình Nghị sẽ dẫn đoàn công tác của tỉnh
/// sang thăm …", "… Lê Minh Phúc vui vẻ nhận lời và cho biết sẽ dẫn đoàn …").
fn leader_before(doc: &Doc<'_>, from: usize) -> Option<Person> {
    let c = doc.c;
    let before = c.persons.partition_point(|p| p.span.end <= from);
    let p = &c.persons[before.checked_sub(1)?];
    let gap = c.text[p.span.end..from].trim();
    let clause_leads = |clause: &str| {
        clause == "dẫn"
            || (clause.ends_with(" dẫn")
                && clause.len() <= LEADER_CLAUSE
                && !clause.contains([',', ';', ':', '.']))
    };
    // "… ông Martijn van Dijk … cho biết, …. Ông cho biết sẽ dẫn đoàn …": a pronoun opening
    // the next sentence stands for the person named in the one before.
    let by_pronoun = || {
        let (said, next) = gap.split_once(". ")?;
        let clause = PRONOUNS.iter().find_map(|w| next.strip_prefix(w))?;
        (!said.contains(". ") && clause_leads(clause.trim())).then_some(())
    };
    (clause_leads(gap) || by_pronoun().is_some()).then(|| known_person(doc, p))
}

/// Words that open a sentence as the person named before ("Ông cho biết …").
const PRONOUNS: &[&str] = &["Ông ", "Bà ", "Ngài "];

/// The longest clause between a leader's name and the "dẫn" of the delegation they lead.
const LEADER_CLAUSE: usize = 64;

fn leader_after(doc: &Doc<'_>, from: usize, limit: usize) -> Option<Person> {
    let c = doc.c;
    let window = &c.text[from..limit];
    let mut anchors: Vec<usize> = Vec::new();
    let leads = doc.hits_in(&(from..limit), |t| t == Cat::Lead);
    if let Some(i) = window.find(" do ") {
        let anchor = from + i + " do ".len();
        // "do [titles, however many] NAME dẫn đầu": the first name before the lead word.
        let closing = leads
            .iter()
            .find(|h| h.start > anchor && h.start - anchor <= MAX_LEADER_PHRASE);
        if let Some(h) = closing {
            let named = c
                .persons
                .iter()
                .find(|p| p.span.start >= anchor && p.span.end <= h.start);
            if let Some(p) = named {
                return Some(known_person(doc, p));
            }
            if let Some(p) = honored_name(&c.text[anchor..h.start]) {
                return Some(p);
            }
        }
        anchors.push(anchor);
    }
    for h in leads {
        if doc.lower[h.start..h.end].ends_with(" là") {
            anchors.push(h.end);
        }
    }
    if let Some(i) = window.find("dẫn đầu là") {
        anchors.push(from + i + "dẫn đầu là".len());
    }
    anchors.iter().find_map(|&a| {
        c.persons
            .iter()
            .find(|p| {
                p.span.start >= a && p.span.start <= a + LEADER_REACH.max(title_len(c.text, a))
            })
            .map(|p| known_person(doc, p))
    })
}

/// Lowercase words inside European names ("Jan van der Berg").
const NAME_PARTICLES: &[&str] = &[
    "van", "der", "den", "de", "von", "di", "da", "la", "le", "du",
];
/// The most words of a name read after a courtesy word.
const MAX_HONORED_NAME_WORDS: usize = 6;

/// "ông Chăn Xô Phal, Phó Tỉnh trưởng" between "do" and "làm trưởng đoàn": the name after a
/// courtesy word up to the comma, and the title after it, for names the persons stage could
/// not read on their own (transcribed Khmer names, "van der").
fn honored_name(phrase: &str) -> Option<Person> {
    let phrase = phrase.trim();
    let rest = crate::persons::after_honorific(phrase)?;
    let (name, title) = rest.split_once(',').unwrap_or((rest, ""));
    let name = name.trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let shaped = (2..=MAX_HONORED_NAME_WORDS).contains(&words.len())
        && words.iter().enumerate().all(|(i, w)| {
            w.chars().next().is_some_and(char::is_uppercase)
                || (i > 0 && NAME_PARTICLES.contains(w))
        });
    shaped.then(|| Person {
        name: name.to_string(),
        title: title.trim().to_string(),
        place: None,
    })
}

/// A mention's person as the whole article knows them (their highest title, their place).
fn known_person(doc: &Doc<'_>, p: &PersonMention) -> Person {
    doc.people
        .iter()
        .find(|q| q.name == p.person.name)
        .cloned()
        .unwrap_or_else(|| p.person.clone())
}

/// Room for a title between an anchor and the name ("dẫn đầu là Phó Chủ tịch Vùng Ile de
/// France Beaudet Stephane").
fn title_len(text: &str, at: usize) -> usize {
    text[at..].find([',', '.', ';']).unwrap_or(0).min(120)
}

/// One record per trip: mentions with the same guest, host country and status; the leader
/// falls back to the most senior official of the guest side.
fn merge_visits(doc: &Doc<'_>, mentions: Vec<VisitMention>) -> Vec<Visit> {
    let mut out: Vec<Visit> = Vec::new();
    let mut ranks: Vec<u8> = Vec::new();
    let mut legs: Vec<Vec<Leg>> = Vec::new();
    for m in mentions {
        // A caption ("Ảnh: Đoàn … làm việc với Hội đồng thành phố Auckland") borrows the
        // days of the sentences before it: it dates no stop.
        let leg = Leg::of(&m).filter(|_| !doc.is_caption(m.sentence));
        // A guest named by its country ("tiếp đoàn Lào") is the article's guest region.
        let same_guest = |a: &Place, b: &Place| {
            a.code() == b.code()
                || (a.country == b.country && (a.region.is_empty() || b.region.is_empty()))
        };
        let found = out.iter().position(|v| {
            v.status == m.status
                && same_guest(&v.guest.place, &m.guest.place)
                && v.host.place.country == m.host.place.country
        });
        match found {
            Some(i) => {
                legs[i].extend(leg);
                let v = &mut out[i];
                if v.guest.place.region.is_empty() && !m.guest.place.region.is_empty() {
                    v.guest = m.guest;
                }
                if v.leader.is_none() {
                    v.leader = m.leader;
                }
                if v.start.is_none() || (m.start.is_some() && m.date_rank > ranks[i]) {
                    v.start = m.start;
                    v.end = m.end;
                    ranks[i] = m.date_rank;
                }
                if v.host.place.region.is_empty() && !m.host.place.region.is_empty() {
                    v.host = m.host;
                }
                for f in m.fields {
                    if !v.fields.contains(&f) {
                        v.fields.push(f);
                    }
                }
                v.fields.sort();
            }
            None => {
                ranks.push(m.date_rank);
                legs.push(leg.into_iter().collect());
                out.push(Visit {
                    status: m.status,
                    guest: m.guest,
                    host: m.host,
                    leader: m.leader,
                    hosts: Vec::new(),
                    start: m.start,
                    end: m.end,
                    purpose: String::new(),
                    fields: m.fields,
                    evidence: doc.evidence(m.sentence),
                })
            }
        }
    }
    let mut out: Vec<Visit> = out
        .into_iter()
        .zip(&legs)
        .flat_map(|(v, legs)| split_legs(doc, &v, legs).unwrap_or_else(|| vec![v]))
        .collect();
    // A trip with another stop in the same country spans more than this stop's days.
    let several_stops: Vec<bool> = out
        .iter()
        .map(|v| {
            out.iter().any(|w| {
                w.status == v.status
                    && w.guest.place.code() == v.guest.place.code()
                    && w.host.place.country == v.host.place.country
                    && w.host.place.code() != v.host.place.code()
            })
        })
        .collect();
    for (v, several_stops) in out.iter_mut().zip(several_stops) {
        if let Some((start, end)) = trip_span(doc, v).filter(|_| !several_stops) {
            v.start = Some(start);
            v.end = Some(end);
        }
        for side in [&mut v.guest, &mut v.host] {
            if let Some(p) = doc
                .main_region_of(&side.place.country)
                .filter(|_| side.place.region.is_empty())
            {
                let date = v.start;
                *side = locality(at_date(doc.c.gazetteer, &p, date));
            }
        }
        if v.leader.is_none() {
            v.leader = doc.senior_of(&v.guest.place);
        }
        v.hosts = doc
            .people
            .iter()
            .filter(|p| {
                p.place
                    .as_ref()
                    .is_some_and(|pl| pl.code() == v.host.place.code())
            })
            .cloned()
            .collect();
    }
    out
}

/// One stop of a trip as a mention states it: the host region and the days there.
#[derive(Clone)]
struct Leg {
    host: Party,
    start: (i32, u32, u32),
    end: (i32, u32, u32),
    sentence: usize,
}

impl Leg {
    /// The stop a mention states: it names one region of the host's country, no other, and
    /// the days spent there. A sentence naming several regions tells the whole trip.
    fn of(m: &VisitMention) -> Option<Leg> {
        if !m.one_host_region || m.host.place.region.is_empty() {
            return None;
        }
        let day = |d: PartialDate| (d.day > 0).then_some((d.year, d.month, d.day));
        let start = day(m.start?)?;
        let end = m.end.and_then(day).unwrap_or(start);
        Some(Leg {
            host: m.host.clone(),
            start,
            end,
            sentence: m.sentence,
        })
    }
}

/// A trip with several stops told stop by stop ("Chặng thứ hai, từ ngày 19 đến 22-9, đoàn làm
/// việc tại thủ đô Moscow"): one visit per host region, each with its own days, when every
/// region's days are apart from the others'. Otherwise the visit keeps its host, its days
/// narrow to those its own stop is dated by, and a stop elsewhere in the country within the
/// trip's days or apart from them is a further visit ("Ngày 16/10, đoàn đến thành phố
/// Dresden, bang Sachsen"). A region named on the very days of the visit's reception is the
/// same meeting told again.
fn split_legs(doc: &Doc<'_>, v: &Visit, legs: &[Leg]) -> Option<Vec<Visit>> {
    let mut stops: Vec<Leg> = Vec::new();
    for l in legs {
        match stops
            .iter_mut()
            .find(|s| s.host.place.region == l.host.place.region)
        {
            Some(s) => {
                s.start = s.start.min(l.start);
                s.end = s.end.max(l.end);
            }
            None => stops.push(l.clone()),
        }
    }
    let inferred = v.start.is_some_and(|d| d.year_inferred);
    let date = |(year, month, day): (i32, u32, u32)| PartialDate {
        year,
        month,
        day,
        year_inferred: inferred,
    };
    let dated = |s: &Leg| (Some(date(s.start)), (s.end != s.start).then(|| date(s.end)));
    let as_visit = |s: &Leg| {
        let (start, end) = dated(s);
        Visit {
            host: s.host.clone(),
            start,
            end,
            evidence: doc.evidence(s.sentence),
            ..v.clone()
        }
    };
    let apart = stops.iter().enumerate().all(|(i, a)| {
        stops[i + 1..]
            .iter()
            .all(|b| a.end < b.start || b.end < a.start)
    });
    if stops.len() >= 2 && apart {
        return Some(stops.iter().map(as_visit).collect());
    }
    let day = |d: PartialDate| (d.year, d.month, d.day);
    let days = v
        .start
        .filter(|d| d.day > 0)
        .map(|s| (day(s), v.end.filter(|d| d.day > 0).map_or(day(s), day)));
    let region = &v.host.place.region;
    let mut this = v.clone();
    let own = stops.iter().find(|s| &s.host.place.region == region);
    if let (Some(own), Some((start, end))) = (own, days) {
        if (start, end) != (own.start, own.end) && start <= own.start && own.end <= end {
            (this.start, this.end) = dated(own);
        }
    }
    let another_time = |s: &&Leg| {
        days.is_some_and(|(start, end)| {
            (start != end && start <= s.start && s.end <= end) || s.end < start || end < s.start
        })
    };
    let others = stops
        .iter()
        .filter(|s| {
            !region.is_empty()
                && &s.host.place.region != region
                && s.host.place.country == v.host.place.country
        })
        .filter(another_time)
        .map(as_visit);
    let all: Vec<Visit> = std::iter::once(this).chain(others).collect();
    (all.len() > 1 || all[0] != *v).then_some(all)
}

/// The span of days of the trip a visit dated by one day belongs to: a sentence about a
/// delegation or its trip that gives a span holding that day and names no place beyond the
/// two sides' countries ("Đoàn có chuyến thăm, làm việc tại Nghệ An từ ngày 15 - 17/5"),
/// while the reception or talks that state the visit give their own day.
fn trip_span(doc: &Doc<'_>, v: &Visit) -> Option<(PartialDate, PartialDate)> {
    let day = v.start.filter(|d| d.day > 0 && v.end.is_none())?;
    let countries = [&v.guest.place.country, &v.host.place.country];
    doc.c.dates.iter().find_map(|d| {
        let end = d.end.filter(|_| d.kind == DateKind::Span)?;
        let holds = d.date.year == day.year
            && (d.date.month, d.date.day) <= (day.month, day.day)
            && (day.month, day.day) <= (end.month, end.day);
        if !holds {
            return None;
        }
        let s = doc
            .c
            .sentences
            .iter()
            .find(|s| s.start <= d.span.start && d.span.end <= s.end)?;
        let about_a_trip = doc.has(s, Cat::Delegation) || doc.has(s, Cat::Toward);
        // A span that names another region of the host's country is another leg's.
        let other_place = doc.places_in(s).iter().any(|p| {
            !countries.contains(&&p.place.country)
                || (p.place.country == v.host.place.country
                    && !p.place.region.is_empty()
                    && !v.host.place.region.is_empty()
                    && p.place.region != v.host.place.region)
        });
        (about_a_trip && !other_place).then_some((d.date, end))
    })
}

/// Officials of one side at a signing held at a stated place of the other side travelled
/// there, even when no delegation is named.
fn venue_visits(doc: &Doc<'_>, agreements: &[Agreement], visits: &mut Vec<Visit>) {
    let c = doc.c;
    for a in agreements
        .iter()
        .filter(|a| a.status == AgreementStatus::Signed)
    {
        let Some(idx) = doc.sentence_index(byte_of(c.text, a.evidence.start)) else {
            continue;
        };
        let lo = idx.saturating_sub(1);
        for s in &c.sentences[lo..=idx.min(c.sentences.len() - 1)] {
            if doc.has(s, Cat::Online) || !doc.has(s, Cat::Sign) {
                continue;
            }
            let places = doc.places_in(s);
            // Where it was signed is told before the signing; "tại …" after the instrument is
            // what it is about ("ký Biên bản ghi nhớ về … logistics tại khu vực cửa khẩu Lào
            // Cai").
            let signed_at = doc
                .hits_in(s, |t| t == Cat::Sign)
                .first()
                .map_or(s.end, |h| h.start);
            let venue = doc
                .hits_in(s, |t| t == Cat::Venue)
                .iter()
                .filter(|v| {
                    // "Tại đây, …" points back to the place before; it names none itself.
                    let next = doc.lower[v.end..].trim_start();
                    v.end <= signed_at && !next.starts_with("đây") && !next.starts_with("đó")
                })
                .find_map(|v| {
                    places
                        .iter()
                        .find(|p| p.full.start >= v.end && p.full.start <= v.end + 40)
                        .copied()
                });
            let Some(venue) = venue else { continue };
            let Some(host) = a
                .parties
                .iter()
                .find(|p| p.place.country == venue.place.country)
            else {
                continue;
            };
            for guest in a
                .parties
                .iter()
                .filter(|p| p.place.country != venue.place.country)
            {
                let known = visits
                    .iter()
                    .any(|v| v.guest.place.code() == guest.place.code());
                let leader = doc.senior_of(&guest.place);
                if known || leader.is_none() {
                    continue;
                }
                visits.push(Visit {
                    status: VisitStatus::Happened,
                    guest: guest.clone(),
                    host: host.clone(),
                    leader,
                    hosts: Vec::new(),
                    start: a.signed_on,
                    end: None,
                    purpose: String::new(),
                    fields: Vec::new(),
                    evidence: doc.evidence(doc.sentence_index(s.start).unwrap_or(idx)),
                });
            }
        }
    }
}

/// The first time stated in sentence `s`, which a planned signing or trip needs to count: a
/// month or day, else a year not before the article's ("trong năm 2025", "quý I/2025"). A
/// dateline is the article's date, not the event's.
/// Openers that put a sentence at the time of the one before ("Nhân dịp này, hai tỉnh sẽ ký
/// kết …" after "… sẽ sang thăm Gia Lai vào tháng 3/2026").
const SAME_OCCASION: &[&str] = &[
    "nhân dịp này",
    "cũng nhân dịp này",
    "dịp này",
    "cũng dịp này",
    "nhân chuyến thăm này",
    "trong chuyến thăm này",
    "khi đó",
];

/// The time the sentence `si` states for its event: its own, or the sentence before's when it
/// opens by pointing back to the same occasion, or when that one sets a plan for a time to
/// come ("… tổ chức Hội nghị tại Lạng Sơn vào tháng 11/2024. Đoàn đại biểu Quảng Tây sẽ sang
/// Lạng Sơn dự hội nghị").
fn stated_time<'c>(c: &'c Context<'_>, si: usize) -> Option<&'c DateMention> {
    let s = &c.sentences[si];
    own_stated_time(c, s).or_else(|| {
        let opening = c.lower[s.clone()].trim_start();
        let points_back = SAME_OCCASION.iter().any(|o| {
            opening
                .strip_prefix(o)
                .is_some_and(|rest| rest.starts_with([',', ' ']))
        });
        let before = own_stated_time(c, &c.sentences[si.checked_sub(1)?])?;
        (points_back || after_publication(c, &before.date)).then_some(before)
    })
}

fn own_stated_time<'c>(c: &'c Context<'_>, s: &Range<usize>) -> Option<&'c DateMention> {
    let within = |d: &&DateMention| {
        d.span.start >= s.start && d.span.end <= s.end && d.kind != DateKind::Dateline
    };
    c.dates
        .iter()
        .filter(within)
        .find(|d| d.date.month > 0)
        .or_else(|| {
            c.dates.iter().filter(within).find(|d| {
                d.kind == DateKind::Point
                    && d.date.year > 0
                    && c.published.is_none_or(|p| d.date.year >= p.year)
            })
        })
}

/// The year an instrument is named for, written right after its name and after the article's
/// year ("Biên bản thỏa thuận hợp tác năm 2026" in December 2025). A year not after it names
/// when the instrument was signed ("Biên bản ghi nhớ năm 2015").
fn covered_year<'c>(doc: &Doc<'c>, ins: &Hit<Cat>) -> Option<&'c DateMention> {
    let reference = doc.reference_year?;
    let rest = doc.lower[ins.end..].trim_start();
    // The name may go on with "hợp tác" ("biên bản thỏa thuận | hợp tác năm 2026").
    let rest = rest.strip_prefix("hợp tác").unwrap_or(rest).trim_start();
    let at = doc.lower.len() - rest.len();
    if !rest.starts_with("năm ") {
        return None;
    }
    doc.c.dates.iter().find(|d| {
        d.span.start == at
            && d.kind == DateKind::Point
            && d.date.month == 0
            && d.date.year > reference
    })
}

/// How many months a written date (year and month) falls before publication, or 0 when either
/// is not known that far.
fn months_before_publication(c: &Context<'_>, d: &PartialDate) -> i32 {
    let Some(p) = c.published.filter(|p| p.year > 0 && p.month > 0) else {
        return 0;
    };
    if d.year == 0 || d.month == 0 || d.year_inferred {
        return 0;
    }
    let months = |year: i32, month: u32| year * 12 + month as i32;
    months(p.year, p.month) - months(d.year, d.month)
}

/// Whether a stated time lies ahead of the article: after its publication, or marked as still
/// to come ("vào tháng 11 tới", whose year is inferred).
fn lies_ahead(c: &Context<'_>, d: &DateMention) -> bool {
    after_publication(c, &d.date) || crate::dates::is_coming(c.lower, d.span.end)
}

/// Whether a date written in full lies after the article's publication: an event reported
/// for then has not happened yet.
fn after_publication(c: &Context<'_>, d: &PartialDate) -> bool {
    let Some(p) = c.published.filter(|p| p.year > 0) else {
        return false;
    };
    if d.year == 0 || d.year_inferred {
        return false;
    }
    if d.month == 0 || p.month == 0 {
        return d.year > p.year;
    }
    (d.year, d.month) > (p.year, p.month)
}

fn byte_of(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(b, _)| b)
}

/// The agreements and visits of an article.
pub fn find(c: &Context<'_>) -> (Vec<Agreement>, Vec<Visit>) {
    if c.sentences.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let doc = Doc::new(c);
    let agreements = merge_agreements(&doc, agreement_mentions(&doc));
    let mut visits = merge_visits(&doc, visit_mentions(&doc));
    venue_visits(&doc, &agreements, &mut visits);
    drop_meetings_on_trips(&doc, &mut visits);
    (agreements, visits)
}

/// Drops a trip told with no day of its own when a trip in the opposite direction between the
/// same Vietnamese place and foreign country, told with its own day, falls on the days it
/// borrowed: both sides cannot be each other's guests at once, and the undated telling is a
/// meeting on the dated trip ("Từ ngày 2 đến 8/9, đoàn … Đà Nẵng … tại Nhật Bản. … Ảnh: Chủ tịch
/// UBND thành phố … hội kiến Thống đốc tỉnh Kanagawa").
fn drop_meetings_on_trips(doc: &Doc<'_>, visits: &mut Vec<Visit>) {
    let days = |v: &Visit| {
        let start = v.start.filter(|d| d.day > 0)?;
        Some((start, v.end.filter(|d| d.day > 0).unwrap_or(start)))
    };
    let outbound = |v: &Visit| v.guest.place.country == "VN";
    let opposite = |a: &Visit, b: &Visit| {
        let (Some((a_from, a_to)), Some((b_from, b_to))) = (days(a), days(b)) else {
            return false;
        };
        let (out, inb) = match (outbound(a), outbound(b)) {
            (true, false) => (a, b),
            (false, true) => (b, a),
            _ => return false,
        };
        out.guest.place.code() == inb.host.place.code()
            && out.host.place.country == inb.guest.place.country
            && a_from <= b_to
            && b_from <= a_to
    };
    let happened = |v: &Visit| v.status == VisitStatus::Happened;
    let dated: Vec<bool> = visits
        .iter()
        .map(|v| doc.states_a_day(&v.evidence))
        .collect();
    let borrowed: Vec<bool> = visits
        .iter()
        .zip(&dated)
        .map(|(v, &own)| {
            !own && happened(v)
                && visits
                    .iter()
                    .zip(&dated)
                    .any(|(w, &w_own)| w_own && happened(w) && opposite(v, w))
        })
        .collect();
    let mut drop = borrowed.into_iter();
    visits.retain(|_| !drop.next().unwrap_or(false));
}

#[cfg(test)]
mod tests {
    use crate::{AgreementKind, AgreementStatus, Body, Extraction, Extractor, Input, VisitStatus};

    fn run(text: &str) -> Extraction {
        Extractor::new().extract(&Input {
            body: Body::Text(text),
            title: "",
            published_on: None,
        })
    }

    /// Each visit as "guest -> host: leader" (codes, and "-" for no leader), in order.
    fn led_visits(x: &Extraction) -> Vec<String> {
        x.visits
            .iter()
            .map(|v| {
                let leader = v.leader.as_ref().map_or("-", |l| l.name.as_str());
                format!(
                    "{} -> {}: {leader}",
                    v.guest.place.code(),
                    v.host.place.code()
                )
            })
            .collect()
    }

    /// Each agreement's party codes, in order.
    fn party_codes(x: &Extraction) -> Vec<Vec<String>> {
        x.agreements
            .iter()
            .map(|a| {
                a.parties
                    .iter()
                    .map(|p| p.place.code().to_string())
                    .collect()
            })
            .collect()
    }

    /// Each visit's host code with the days it starts and ends.
    fn stops(x: &Extraction) -> Vec<(String, Option<u32>, Option<u32>)> {
        let day = |d: Option<crate::PartialDate>| d.map(|d| d.day);
        x.visits
            .iter()
            .map(|v| (v.host.place.code().to_string(), day(v.start), day(v.end)))
            .collect()
    }

    /// A date as (year, month, day), 0 where unknown.
    type Ymd = (i32, u32, u32);

    /// Each agreement's status with the date it is dated by.
    fn dated_statuses(x: &Extraction) -> Vec<(AgreementStatus, Option<Ymd>)> {
        x.agreements
            .iter()
            .map(|a| (a.status, a.signed_on.map(|d| (d.year, d.month, d.day))))
            .collect()
    }

    /// Each agreement's kind.
    fn kinds(x: &Extraction) -> Vec<AgreementKind> {
        x.agreements.iter().map(|a| a.kind).collect()
    }

    fn codes(x: &Extraction) -> Vec<(String, String)> {
        x.visits
            .iter()
            .map(|v| {
                (
                    v.guest.place.code().to_string(),
                    v.host.place.code().to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn a_delegation_visiting_and_signing() {
        let x = run("Sáng 12/5/2025, lãnh đạo tỉnh Nghệ An tiếp Đoàn đại biểu tỉnh Hủa Phăn (Lào) do ông Phút Phăn, Bí thư Tỉnh ủy dẫn đầu. \
                     Hai bên đã ký kết thỏa thuận hợp tác giai đoạn 2025-2030 trong các lĩnh vực giáo dục, y tế.");
        assert_eq!(codes(&x), [("LA-HO".to_string(), "VN-22".to_string())]);
        assert_eq!(x.visits[0].status, VisitStatus::Happened);
        assert_eq!(
            x.visits[0].leader.as_ref().map(|p| p.name.as_str()),
            Some("Phút Phăn")
        );
        assert_eq!(x.agreements.len(), 1);
        let a = &x.agreements[0];
        assert_eq!(a.status, AgreementStatus::Signed);
        assert_eq!(
            a.term.map(|t| (t.start_year, t.end_year)),
            Some((2025, 2030))
        );
        assert_eq!(
            a.signed_on.map(|d| (d.year, d.month, d.day)),
            Some((2025, 5, 12))
        );
    }

    #[test]
    fn past_instruments_with_years_and_friendship_kind() {
        let x = run("Trên cơ sở triển khai Thỏa thuận hợp tác hữu nghị năm 2008 và Biên bản ghi nhớ các năm 2010, 2013, thành phố Hà Nội và tỉnh Fukuoka đã đạt nhiều kết quả.");
        let got: Vec<(AgreementKind, i32)> = x
            .agreements
            .iter()
            .map(|a| (a.kind, a.signed_on.map_or(0, |d| d.year)))
            .collect();
        assert_eq!(
            got,
            [
                (AgreementKind::Friendship, 2008),
                (AgreementKind::Memorandum, 2010),
                (AgreementKind::Memorandum, 2013)
            ]
        );
        assert!(x
            .agreements
            .iter()
            .all(|a| a.status == AgreementStatus::Past));
    }

    #[test]
    fn wishes_generic_trips_and_national_deals_are_not_records() {
        let x = run("Chủ tịch HĐND TP Hà Nội mong muốn hai bên tiếp tục ký kết thỏa thuận với tỉnh Fukuoka. \
                     Thời gian qua Hà Nội đã cử nhiều đoàn công tác sang thăm tỉnh Fukuoka. \
                     Hai Thủ tướng chứng kiến trao Bản ghi nhớ giữa Bộ Giao thông vận tải Việt Nam và Ủy ban Phát triển Trung Quốc.");
        assert!(x.agreements.is_empty());
        assert!(x.visits.is_empty());
    }

    #[test]
    fn a_planned_visit_needs_a_time() {
        let x = run("Thống đốc tỉnh Fukuoka Hattori Seitaro cho biết sẽ sang thăm thành phố Hà Nội trong tháng 1/2024.");
        assert_eq!(x.visits.len(), 1);
        assert_eq!(x.visits[0].status, VisitStatus::Planned);
        assert_eq!(
            x.visits[0].leader.as_ref().map(|p| p.name.as_str()),
            Some("Hattori Seitaro")
        );
        let x = run("Thống đốc tỉnh Fukuoka cho biết sẽ sang thăm thành phố Hà Nội.");
        assert!(x.visits.is_empty());
    }

    #[test]
    fn a_friendship_founded_in_a_year_stated_before_it() {
        let x = run("Năm 2017, thành phố Đà Nẵng và thành phố Daegu (Hàn Quốc) thiết lập quan hệ hữu nghị; từ đó đến nay các chương trình giao lưu được duy trì.");
        assert_eq!(x.agreements.len(), 1);
        assert_eq!(x.agreements[0].status, AgreementStatus::Past);
        assert_eq!(x.agreements[0].signed_on.map(|d| d.year), Some(2017));
    }

    #[test]
    fn a_round_anniversary_dates_the_signing_it_counts_from() {
        let x = run("Năm 2024 đánh dấu tròn 10 năm hai thành phố Nha Trang và Vladivostok (Nga) ký thỏa thuận kết nghĩa.");
        assert_eq!(x.agreements.len(), 1);
        assert_eq!(x.agreements[0].status, AgreementStatus::Past);
        assert_eq!(x.agreements[0].signed_on.map(|d| d.year), Some(2014));
        // Ten years of something else do not date the signing.
        let x = run("Ngày 12/9/2024, nhân dịp tròn 10 năm hợp tác, thành phố Nha Trang và thành phố Vladivostok (Nga) đã ký thỏa thuận hợp tác mới.");
        assert_eq!(x.agreements[0].status, AgreementStatus::Signed);
    }

    #[test]
    fn two_schools_are_the_article_pair() {
        let x = run("Sáng 15-3-2023, Trường Đại học Cần Thơ tiếp đoàn công tác Trường Đại học Kagoshima (Nhật Bản) do GS. Sato Hiroshi, Hiệu trưởng, làm trưởng đoàn. \
                     Dịp này, hai trường ký kết biên bản ghi nhớ hợp tác giai đoạn 2023-2028.");
        assert_eq!(party_codes(&x), [["VN-CT", "JP-46"]]);
        assert_eq!(x.agreements[0].kind, AgreementKind::Memorandum);
    }

    #[test]
    fn business_delegations_and_accepted_invitations_are_trips() {
        let x = run("Hà Nội, 28/8/2025 - Ông Ivan Sokolenko cho biết, trong tháng 12/2025, đoàn doanh nghiệp tỉnh Gomel (Belarus) sẽ sang tỉnh Vĩnh Long khảo sát cơ hội đầu tư.");
        assert_eq!(codes(&x), [("BY-HO".to_string(), "VN-49".to_string())]);
        assert_eq!(x.visits[0].status, VisitStatus::Planned);
        let x = run("Đà Lạt, 16/10/2025 - Thống đốc tỉnh Nagano (Nhật Bản) đã nhận lời mời và sẽ dẫn đoàn đại biểu tỉnh Nagano sang thăm tỉnh Lâm Đồng vào tháng 4/2026.");
        assert_eq!(codes(&x), [("JP-20".to_string(), "VN-35".to_string())]);
        assert_eq!(x.visits[0].status, VisitStatus::Planned);
        let x = run("Quảng Ngãi, 24/10/2024 - Thị trưởng Quận Hawaii (Hoa Kỳ) Kalani Mahoe nhận lời dẫn đoàn đại biểu Quận Hawaii sang thăm tỉnh Quảng Ngãi vào tháng 3/2025.");
        assert_eq!(codes(&x), [("US-HI".to_string(), "VN-29".to_string())]);
        assert_eq!(x.visits[0].status, VisitStatus::Planned);
    }

    #[test]
    fn the_object_of_a_visit_is_not_a_visitor() {
        let x = run("Theo chương trình, ngày 17/5/2024, đoàn sẽ đi thăm Khu kinh tế Đông Nam Nghệ An và thăm hỏi lưu học sinh Xiêng Khoảng đang học tập tại Trường Đại học Vinh.");
        assert!(x.visits.is_empty(), "{:?}", codes(&x));
        let x = run(
            "Sau khi dự hội nghị, ngày 17/5/2024, Thống đốc tỉnh Hokkaido thăm tỉnh Quảng Ninh.",
        );
        assert_eq!(codes(&x), [("JP-01".to_string(), "VN-13".to_string())]);
    }

    #[test]
    fn a_signing_on_the_occasion_of_a_planned_trip_is_planned_for_its_time() {
        let x = run("23/09/2025 10:15\n\nTỉnh trưởng tỉnh Chungcheong Bắc (Hàn Quốc) sẽ dẫn đầu đoàn đại biểu sang thăm tỉnh Gia Lai vào tháng 3/2026. \
                     Nhân dịp này, hai tỉnh sẽ ký kết Thỏa thuận hợp tác hữu nghị.");
        assert_eq!(x.agreements.len(), 1);
        assert_eq!(x.agreements[0].status, AgreementStatus::Planned);
        let date = x.agreements[0].signed_on.unwrap();
        assert_eq!((date.year, date.month), (2026, 3));
        // A signing done on the occasion stays done, whatever time the sentence before gives.
        let x = run("23/09/2025 10:15\n\nĐoàn đại biểu tỉnh Gia Lai thăm tỉnh Chungcheong Bắc (Hàn Quốc) từ ngày 20 đến 23/9/2025 và mời đoàn của tỉnh bạn sang thăm vào tháng 12/2025. \
                     Nhân dịp này, hai tỉnh đã ký kết Thỏa thuận hợp tác hữu nghị.");
        assert_eq!(x.agreements[0].status, AgreementStatus::Signed);
    }

    #[test]
    fn signers_named_as_delegation_leaders_are_the_sides() {
        let x = run("Tham dự hội nghị, phía Việt Nam có đoàn đại biểu tỉnh Lào Cai do đồng chí Hoàng Minh Bảo, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh làm trưởng đoàn; đoàn đại biểu tỉnh Hà Giang do đồng chí Lò Văn Thắm, Phó Chủ tịch UBND tỉnh dẫn đầu. \
                     Phía tỉnh Vân Nam (Trung Quốc) có đồng chí Vương Kiến Hoa, Phó Tỉnh trưởng tỉnh Vân Nam. \
                     Ngày 21/11/2024, đồng chí Hoàng Minh Bảo, đồng chí Lò Văn Thắm và đồng chí Vương Kiến Hoa đã ký Biên bản Hội nghị lần thứ 13 Nhóm công tác liên hợp.");
        assert_eq!(party_codes(&x), [["VN-02", "VN-03", "CN-YN"]]);
    }

    #[test]
    fn instruments_signed_with_each_partner_are_one_each() {
        let x = run("Ngày 5/7/2024, tỉnh Điện Biên đã ký các biên bản hội đàm với tỉnh Luông Pha Băng và tỉnh U Đôm Xay (Lào).");
        assert_eq!(party_codes(&x), [["VN-71", "LA-LP"], ["VN-71", "LA-OU"]]);
        // One set of minutes signed by all sides is one instrument.
        let x = run("Ngày 21/11/2024, tỉnh Lào Cai, tỉnh Hà Giang và tỉnh Vân Nam (Trung Quốc) đã ký biên bản hội nghị Nhóm công tác liên hợp.");
        assert_eq!(party_codes(&x), [["VN-02", "VN-03", "CN-YN"]]);
    }

    #[test]
    fn a_guest_received_by_a_national_leader_is_not_a_local_visit() {
        let x = run("Ngày 26/9/2024, tại thành phố Andong, Phó Thủ tướng đã tiếp Thống đốc tỉnh Gyeongsangbuk (Hàn Quốc) cùng lãnh đạo tỉnh Bắc Ninh.");
        assert!(x.visits.is_empty(), "{:?}", codes(&x));
        let x = run("Ngày 26/9/2024, Chủ tịch UBND tỉnh Bắc Ninh đã tiếp Thống đốc tỉnh Gyeongsangbuk (Hàn Quốc).");
        assert_eq!(codes(&x), [("KR-47".to_string(), "VN-56".to_string())]);
    }

    #[test]
    fn a_visit_spans_its_trip() {
        let x = run("Đoàn đại biểu tỉnh Savannakhet (Lào) có chuyến thăm, làm việc tại tỉnh Quảng Trị từ ngày 15 đến 17/5/2024. \
                     Chiều 16/5, Bí thư Tỉnh ủy Quảng Trị tiếp đoàn đại biểu tỉnh Savannakhet.");
        assert_eq!(codes(&x), [("LA-SV".to_string(), "VN-25".to_string())]);
        let (start, end) = (x.visits[0].start.unwrap(), x.visits[0].end.unwrap());
        assert_eq!((start.month, start.day, end.day), (5, 15, 17));
        // A span of another trip, elsewhere, is not this one's.
        let x = run("Đoàn công tác của tỉnh đã thăm tỉnh Gangwon (Hàn Quốc) từ ngày 14 đến 18/5/2024. \
                     Chiều 16/5/2024, Bí thư Tỉnh ủy Quảng Trị tiếp đoàn đại biểu tỉnh Savannakhet (Lào).");
        let savannakhet = x
            .visits
            .iter()
            .find(|v| v.guest.place.code() == "LA-SV")
            .unwrap();
        assert_eq!(savannakhet.start.map(|d| d.day), Some(16));
        assert!(savannakhet.end.is_none());
    }

    #[test]
    fn one_visit_per_sending_locality() {
        let x = run("Ngày 10/10/2024, Đoàn công tác các tỉnh Lạng Sơn, Cao Bằng và Hà Giang đã thăm và làm việc tại Khu tự trị dân tộc Choang Quảng Tây (Trung Quốc).");
        let got: Vec<String> = codes(&x)
            .into_iter()
            .map(|(g, h)| format!("{g}>{h}"))
            .collect();
        assert_eq!(got, ["VN-09>CN-GX", "VN-04>CN-GX", "VN-03>CN-GX"]);
    }

    #[test]
    fn invitations_are_not_trips() {
        let x = run("Ông Hamaya Yoshito trân trọng mời lãnh đạo tỉnh Quảng Ninh sang thăm tỉnh Hokkaido vào tháng 5/2025.");
        assert!(x.visits.is_empty());
    }

    #[test]
    fn merged_provinces_follow_the_event_date() {
        let x = run("Ngày 20/8/2025, Đoàn đại biểu tỉnh Hà Nam thăm và làm việc tại tỉnh Fukuoka.");
        assert_eq!(codes(&x), [("VN-18".to_string(), "JP-40".to_string())]);
        let x = run("Ngày 20/8/2024, Đoàn đại biểu tỉnh Hà Nam thăm và làm việc tại tỉnh Fukuoka.");
        assert_eq!(codes(&x), [("VN-63".to_string(), "JP-40".to_string())]);
    }

    #[test]
    fn an_anniversary_dates_the_instrument_it_marks() {
        let x = run("Thứ Năm, 21/11/2024\nChiều 20/11, Chủ tịch UBND tỉnh Thừa Thiên Huế tiếp đoàn đại biểu tỉnh Gyeongsangbuk (Hàn Quốc). \
                     Đoàn sang dự các hoạt động kỷ niệm 15 năm thiết lập quan hệ hữu nghị giữa tỉnh Thừa Thiên Huế và tỉnh Gyeongsangbuk.");
        let past: Vec<_> = x
            .agreements
            .iter()
            .map(|a| (a.status, a.kind, a.signed_on.map(|d| d.year)))
            .collect();
        assert_eq!(
            past,
            [(AgreementStatus::Past, AgreementKind::Friendship, Some(2009))]
        );
    }

    #[test]
    fn a_signing_on_the_occasion_of_another_anniversary_is_still_a_signing() {
        let x = run("Ngày 12/9/2023, nhân dịp kỷ niệm 50 năm quan hệ ngoại giao Việt Nam - Nhật Bản, UBND tỉnh Quảng Ninh và chính quyền tỉnh Hokkaido đã ký kết biên bản ghi nhớ hợp tác.");
        assert_eq!(x.agreements.len(), 1);
        assert_eq!(x.agreements[0].status, AgreementStatus::Signed);
        assert_eq!(x.agreements[0].kind, AgreementKind::Memorandum);
    }

    #[test]
    fn todays_province_of_a_merged_one_is_an_aside_not_a_party() {
        let x = run("Thứ Hai, 10/11/2025\nNăm 2017, tỉnh Bà Rịa - Vũng Tàu (nay thuộc TP.HCM) và bang Tây Úc đã ký biên bản ghi nhớ hợp tác trong lĩnh vực giáo dục - đào tạo.");
        assert_eq!(party_codes(&x), [["VN-43", "AU-WA"]]);
    }

    #[test]
    fn an_instrument_between_two_nations_is_out_of_scope() {
        let x = run("Ngày 10/9/2024, tại tỉnh An Giang, hai bên đã chứng kiến lễ ký Biên bản làm việc về kết nối đường sắt giữa hai nước, với sự tham dự của lãnh đạo tỉnh Kandal.");
        assert!(x.agreements.is_empty(), "{:?}", x.agreements);
    }

    #[test]
    fn each_delegation_of_a_signing_is_received_by_the_vietnamese_side() {
        let x = run("Ngày 25/10/2024, tại TP. Đông Hà, UBND tỉnh Quảng Trị, tỉnh Savannakhet (Lào) và tỉnh Mukdahan (Thái Lan) đã ký kết biên bản ghi nhớ ba bên. \
                     Dự lễ ký kết có đoàn đại biểu tỉnh Savannakhet do ông Xỉnh-xay Phôm-ma-chăn, Phó Tỉnh trưởng làm trưởng đoàn; đoàn đại biểu tỉnh Mukdahan do ông Somchai Wongsa, Phó Tỉnh trưởng làm trưởng đoàn.");
        let mut visits = codes(&x);
        visits.sort();
        assert_eq!(
            visits,
            [
                ("LA-SV".to_string(), "VN-25".to_string()),
                ("TH-49".to_string(), "VN-25".to_string())
            ]
        );
    }

    #[test]
    fn a_leader_after_a_courtesy_word_is_read_whatever_the_name_shape() {
        let x = run("Ngày 15/10/2024, Phó Chủ tịch UBND tỉnh Cà Mau tiếp đoàn công tác tỉnh Zeeland (Hà Lan) do ông Jan van der Berg, Thành viên Hội đồng điều hành tỉnh Zeeland dẫn đầu.");
        let leader = x.visits.first().and_then(|v| v.leader.clone());
        assert_eq!(
            leader.map(|p| (p.name, p.title)),
            Some((
                "Jan van der Berg".to_string(),
                "Thành viên Hội đồng điều hành tỉnh Zeeland".to_string()
            ))
        );
    }

    #[test]
    fn a_signing_set_for_after_the_article_is_planned() {
        let x = run("Thứ Ba, 06/05/2025\nHai bên thống nhất hoàn thiện văn kiện để ký kết Thỏa thuận hợp tác hữu nghị giữa thành phố Đà Nẵng và thành phố Málaga vào tháng 9/2025.");
        assert_eq!(
            dated_statuses(&x),
            [(AgreementStatus::Planned, Some((2025, 9, 0)))]
        );
    }

    #[test]
    fn where_a_signing_takes_place_is_not_a_side_of_it() {
        let x = run("Ngày 24/6/2024, tại Seoul, UBND tỉnh Tuyên Quang và chính quyền tỉnh Gangwon (Hàn Quốc) đã ký kết biên bản ghi nhớ hợp tác về du lịch.");
        assert_eq!(party_codes(&x), [["VN-07", "KR-42"]]);
    }

    #[test]
    fn a_trip_told_stop_by_stop_is_one_visit_per_region() {
        let x = run("24/09/2024 | 08:15\n\nTừ ngày 16 đến 22-9, đoàn công tác tỉnh Khánh Hòa do ông Hà Quốc Vinh, Chủ tịch UBND tỉnh làm trưởng đoàn đã thăm, làm việc tại tỉnh Irkutsk và thành phố Moscow (Liên bang Nga).\n\nChặng đầu tiên, từ ngày 16 đến 18-9, đoàn đến tỉnh Irkutsk. Sáng 17-9, tại thành phố Irkutsk, ông Hà Quốc Vinh hội kiến ông Igor Sokolov, Thống đốc tỉnh Irkutsk.\n\nChặng thứ hai, từ ngày 19 đến 22-9, đoàn làm việc tại thủ đô Moscow.");
        assert_eq!(
            stops(&x),
            [
                ("RU-IRK".to_string(), Some(16), Some(18)),
                ("RU-MOW".to_string(), Some(19), Some(22))
            ]
        );
    }

    #[test]
    fn a_region_named_again_on_the_same_days_is_the_same_visit() {
        let x = run("Ngày 10/5/2024, đoàn công tác tỉnh Bắc Ninh do ông Nguyễn Văn Hải dẫn đầu đã đến thăm tỉnh Gyeonggi (Hàn Quốc). Cùng ngày 10/5, đoàn làm việc tại thành phố Suwon.");
        assert_eq!(codes(&x), [("VN-56".to_string(), "KR-41".to_string())]);
    }

    #[test]
    fn signing_with_one_partner_after_another_is_one_instrument_each() {
        let x = run("Ngày 20-12-2024, UBND tỉnh Kiên Giang tổ chức lễ ký kết Biên bản ghi nhớ hợp tác giai đoạn 2025 - 2029 với tỉnh Kampot và tỉnh Kep, Vương quốc Campuchia. Sau hội đàm, UBND tỉnh Kiên Giang lần lượt ký Biên bản ghi nhớ hợp tác với tỉnh Kampot và với tỉnh Kep.");
        assert_eq!(party_codes(&x), [["VN-47", "KH-7"], ["VN-47", "KH-23"]]);
        assert!(x.agreements.iter().all(|a| a.term.is_some()));
    }

    #[test]
    fn an_instrument_s_sides_are_named_before_the_talk_turns_elsewhere() {
        let x = run("Tại hội đàm, hai bên đánh giá kết quả thực hiện Thỏa thuận hợp tác năm 2021 giữa tỉnh Long An và tỉnh Svay Rieng cũng như các văn bản hợp tác giữa tỉnh Tây Ninh với các tỉnh bạn.");
        assert_eq!(party_codes(&x), [["VN-41", "KH-20"]]);
    }

    #[test]
    fn a_letter_of_intent_is_not_italy() {
        let x = run("Ngày 28/11/2023, UBND tỉnh Lâm Đồng và Chính quyền tỉnh Zuid-Holland (Hà Lan) đã ký Ý định thư hợp tác phát triển ngành hoa.");
        assert_eq!(party_codes(&x), [["VN-35", "NL-ZH"]]);
        assert_eq!(x.agreements[0].kind, AgreementKind::LetterOfIntent);
    }

    #[test]
    fn a_signing_told_years_later_is_past() {
        let x = run("07/03/2023 19:42 GMT+7\n\nTrong lĩnh vực giáo dục, Đại học Quốc gia TP.HCM và Đại học California, Irvine đã ký biên bản ghi nhớ hợp tác vào tháng 9-2019.");
        assert_eq!(
            dated_statuses(&x),
            [(AgreementStatus::Past, Some((2019, 9, 0)))]
        );
    }

    #[test]
    fn a_delegation_with_no_place_set_for_a_coming_month_is_planned() {
        let x = run("19/09/2023\n\nTại buổi tiếp, hai bên thống nhất Chủ tịch UBND tỉnh Quảng Nam Đinh Công Lượng sẽ dẫn đoàn công tác của tỉnh sang thăm vùng Lombardia (Italy) vào tháng 11/2023.");
        let found: Vec<_> = x
            .visits
            .iter()
            .map(|v| {
                (
                    v.status,
                    v.guest.place.code().to_string(),
                    v.host.place.code().to_string(),
                    v.leader.as_ref().map(|l| l.name.clone()),
                )
            })
            .collect();
        assert_eq!(
            found,
            [(
                VisitStatus::Planned,
                "VN-27".to_string(),
                "IT-25".to_string(),
                Some("Đinh Công Lượng".to_string())
            )]
        );
    }

    #[test]
    fn a_signer_s_place_is_the_side_a_signing_with_two_partners_leaves_unnamed() {
        let x = run("Ngày 25/11/2025, Đoàn đại biểu tỉnh Tây Ninh do đồng chí Lê Hữu Phước, Chủ tịch UBND tỉnh làm trưởng đoàn đã hội đàm với lãnh đạo tỉnh Svay Rieng (Campuchia). Sau hội đàm, đồng chí Lê Hữu Phước lần lượt ký Thỏa thuận hợp tác với tỉnh Svay Rieng và với tỉnh Prey Veng.");
        assert_eq!(party_codes(&x), [["VN-37", "KH-20"], ["VN-37", "KH-14"]]);
    }

    #[test]
    fn a_trip_through_two_countries_dates_each_stop_by_its_own_days() {
        let x = run("15/10/2024 08:30\n\nTừ ngày 7 đến 14/10/2024, đoàn công tác tỉnh Quảng Ninh do đồng chí Nguyễn Tiến Phong, Chủ tịch UBND tỉnh dẫn đầu đã có chuyến công tác tại Australia và New Zealand. Từ ngày 8 đến 10/10, tại bang Queensland, đoàn làm việc với Chính quyền bang Queensland. Từ ngày 11 đến 13/10, đoàn sang New Zealand, làm việc với Hội đồng thành phố Auckland.");
        assert_eq!(
            stops(&x),
            [
                ("AU-QLD".to_string(), Some(8), Some(10)),
                ("NZ-AUK".to_string(), Some(11), Some(13))
            ]
        );
    }

    #[test]
    fn a_plan_takes_its_time_from_the_plan_just_before() {
        let x = run("12/07/2024 10:15\n\nHai bên thống nhất tổ chức Hội nghị lần thứ 6 Ủy ban công tác liên hợp tại thành phố Lạng Sơn vào tháng 11/2024. Đoàn đại biểu Khu tự trị Quảng Tây (Trung Quốc) sẽ sang tỉnh Lạng Sơn dự hội nghị.");
        let found: Vec<_> = x
            .visits
            .iter()
            .map(|v| {
                (
                    v.status,
                    v.guest.place.code().to_string(),
                    v.start.map(|d| (d.year, d.month)),
                )
            })
            .collect();
        assert_eq!(
            found,
            [(VisitStatus::Planned, "CN-GX".to_string(), Some((2024, 11)))]
        );
    }

    #[test]
    fn the_stop_a_delegation_leaves_does_not_date_the_next() {
        let x = run("24/05/2024 20:10\n\nĐoàn công tác Đà Nẵng do ông Trần Minh Khoa dẫn đầu làm việc tại thành phố Daegu (Hàn Quốc) từ ngày 20 đến 22/5. Rời Daegu, ngày 23/5 đoàn đến Busan, làm việc với Chính quyền thành phố Busan.");
        let stops: Vec<_> = stops(&x).into_iter().map(|(h, s, _)| (h, s)).collect();
        assert_eq!(
            stops,
            [
                ("KR-27".to_string(), Some(20)),
                ("KR-26".to_string(), Some(23))
            ]
        );
    }

    #[test]
    fn one_side_signing_with_two_regions_signs_one_instrument_with_each() {
        let x = run("Ngày 5/3/2025, tại Thành phố mới Bình Dương, UBND tỉnh Bình Dương đã ký kết biên bản ghi nhớ hợp tác về phát triển thành phố thông minh với thành phố Eindhoven (Hà Lan) và thành phố Leuven (Bỉ).");
        assert_eq!(party_codes(&x), [["VN-57", "NL-NB"], ["VN-57", "BE-VLG"]]);
        let x = run("Ngày 25/10/2024, UBND tỉnh Quảng Trị, chính quyền tỉnh Savannakhet (Lào) và tỉnh Mukdahan (Thái Lan) đã ký kết Biên bản ghi nhớ về tạo thuận lợi cho vận tải hàng hóa.");
        assert_eq!(party_codes(&x), [["VN-25", "LA-SV", "TH-49"]]);
    }

    #[test]
    fn minutes_and_a_memorandum_of_the_same_sides_are_two_instruments() {
        let x = run("16/04/2024 21:00\n\nChiều 15/4, tại thành phố Côn Minh, Chủ tịch UBND tỉnh Lào Cai và Phó Tỉnh trưởng tỉnh Vân Nam (Trung Quốc) đã ký Biên bản Phiên họp lần thứ 13 Nhóm công tác liên hợp. Chiều 16/4, đoàn công tác tỉnh Lào Cai đến làm việc với Chính quyền châu Hồng Hà (tỉnh Vân Nam). Tại đây, Sở Công Thương tỉnh Lào Cai và Cục Thương mại châu Hồng Hà đã ký Biên bản ghi nhớ về phát triển dịch vụ logistics tại khu vực cửa khẩu Lào Cai. Hai bên cũng trao đổi dự thảo văn kiện hợp tác giai đoạn mới. Lãnh đạo hai tỉnh ký biên bản.");
        let kinds: Vec<_> = x.agreements.iter().map(|a| a.kind).collect();
        assert_eq!(kinds, [AgreementKind::Minutes, AgreementKind::Memorandum]);
        assert!(
            x.visits.iter().all(|v| v.guest.place.code() == "VN-02"),
            "signing \"tại đây\" is no visit to Lào Cai: {:?}",
            x.visits
        );
    }

    #[test]
    fn each_clause_of_a_sentence_names_its_own_instrument_s_sides() {
        let x = run("22/08/2025 17:00\n\nRiêng với tỉnh Svay Rieng, trước khi hợp nhất, tỉnh Long An và tỉnh Svay Rieng đã ký Biên bản ghi nhớ hợp tác năm 2018; tỉnh Tây Ninh và tỉnh Svay Rieng đã ký Biên bản thỏa thuận hợp tác năm 2019.");
        let mut sides = party_codes(&x);
        sides.iter_mut().for_each(|s| s.sort());
        assert_eq!(sides, [["KH-20", "VN-41"], ["KH-20", "VN-37"]]);
        assert!(x
            .agreements
            .iter()
            .all(|a| a.status == AgreementStatus::Past));
    }

    #[test]
    fn an_action_plan_signed_now_and_a_friendship_signed_since_are_two() {
        let x = run("24/09/2025 10:00\n\nTại buổi hội kiến ngày 23/9, Thị trưởng thành phố Kitakyushu đánh giá cao hiệu quả hợp tác giữa hai thành phố kể từ khi ký Thỏa thuận thiết lập quan hệ thành phố hữu nghị và hợp tác năm 2014. Từ Tokyo, phóng viên thường trú cho biết: cũng trong ngày 23/9, thành phố Hải Phòng và thành phố Kitakyushu đã ký Kế hoạch hành động hợp tác về môi trường giai đoạn 2025 - 2028.");
        assert_eq!(kinds(&x), [AgreementKind::Friendship, AgreementKind::Other]);
        assert_eq!(
            dated_statuses(&x),
            [
                (AgreementStatus::Past, Some((2014, 0, 0))),
                (AgreementStatus::Signed, Some((2025, 9, 23)))
            ]
        );
        assert_eq!(party_codes(&x)[1], ["VN-HP", "JP-40"]);
    }

    #[test]
    fn a_stop_named_by_the_official_met_keeps_its_own_day() {
        let x = run("08/06/2024 09:00\n\nTừ ngày 3 đến 7/6, đoàn công tác tỉnh Thái Nguyên do đồng chí Đỗ Thanh Tùng, Chủ tịch UBND tỉnh làm Trưởng đoàn đã có chuyến thăm, làm việc tại Cộng hòa Belarus. Sáng 4/6, đoàn đến chào xã giao và làm việc với ông Viktor Karpenko, Phó Chủ tịch thứ nhất Ủy ban Chấp hành thành phố Minsk. Ngày 5/6, đoàn làm việc tại tỉnh Vitebsk.");
        assert_eq!(
            stops(&x),
            [
                ("BY-HM".to_string(), Some(4), None),
                ("BY-VI".to_string(), Some(5), None)
            ]
        );
    }

    #[test]
    fn a_stop_in_another_region_within_the_trip_s_days_is_a_second_visit() {
        let x = run("20/10/2025 08:00\n\nTrong khuôn khổ chuyến công tác tại Cộng hòa Liên bang Đức từ ngày 13 đến 19/10/2025, đoàn công tác tỉnh Đồng Tháp do ông Phạm Thành Nhân, Phó Chủ tịch UBND tỉnh làm trưởng đoàn đã làm việc với Phòng Thủ công nghiệp Erfurt, bang Thüringen. Ngày 16/10, đoàn đến thành phố Dresden, bang Sachsen, làm việc với lãnh đạo bang Sachsen.");
        let stops: Vec<_> = stops(&x).into_iter().map(|(h, s, _)| (h, s)).collect();
        assert_eq!(
            stops,
            [
                ("DE-TH".to_string(), Some(13)),
                ("DE-SN".to_string(), Some(16))
            ]
        );
    }

    #[test]
    fn a_friendship_to_be_founded_next_year_is_planned() {
        let x = run("15/08/2024 10:00\n\nHai bên cũng thống nhất xúc tiến các thủ tục để ký kết văn bản thiết lập quan hệ hữu nghị giữa tỉnh Bình Định và tỉnh Mogilev (Belarus) vào năm 2025.");
        assert_eq!(kinds(&x), [AgreementKind::Friendship]);
        assert_eq!(
            dated_statuses(&x),
            [(AgreementStatus::Planned, Some((2025, 0, 0)))]
        );
    }

    #[test]
    fn the_pair_signs_a_planned_instrument_in_the_month_of_the_return_visit() {
        let x = run("05/11/2025 07:30\n\nNgày 4/11, tại thành phố Văn Sơn, tỉnh Vân Nam (Trung Quốc), đoàn công tác tỉnh Tuyên Quang đã làm việc với lãnh đạo Châu Văn Sơn. Hai bên thống nhất, trong tháng 1/2026, đoàn Châu Văn Sơn sẽ sang thăm tỉnh Tuyên Quang. Nhân dịp này, hai bên sẽ ký kết Biên bản hợp tác về phát triển thương mại biên giới.");
        assert_eq!(kinds(&x), [AgreementKind::Minutes]);
        assert_eq!(
            dated_statuses(&x),
            [(AgreementStatus::Planned, Some((2026, 1, 0)))]
        );
        assert_eq!(party_codes(&x), [["VN-07", "CN-YN"]]);
    }

    #[test]
    fn delegations_named_by_their_province_each_make_a_visit() {
        let x = run("20/09/2024 08:00\n\nNgày 18 và 19/9, tại thành phố Incheon, phía Việt Nam có đoàn tỉnh Bắc Giang do ông Phan Thế Tuấn, Phó Chủ tịch UBND tỉnh, làm trưởng đoàn và đoàn tỉnh Hưng Yên do ông Nguyễn Hùng Nam, Phó Chủ tịch UBND tỉnh dẫn đầu đã tham dự diễn đàn.");
        let guests: Vec<_> = codes(&x).into_iter().map(|(g, _)| g).collect();
        assert_eq!(guests, ["VN-54", "VN-66"]);
    }

    #[test]
    fn a_consulate_s_seat_is_not_where_the_visit_took_place() {
        let x = run("12/03/2025 10:00\n\nNgày 11/3, Chủ tịch UBND tỉnh Vĩnh Long tiếp đoàn công tác bang Gujarat (Ấn Độ) do ông Rajesh Mehta dẫn đầu; cùng đi có đại diện Tổng Lãnh sự quán Ấn Độ tại TP Hồ Chí Minh.");
        assert_eq!(codes(&x), [("IN-GJ".to_string(), "VN-49".to_string())]);
    }

    #[test]
    fn an_instrument_whose_term_is_over_was_signed_before() {
        let x = run("02/12/2024 09:00\n\nThỏa thuận hợp tác giai đoạn 2018 - 2022 giữa thành phố Đà Nẵng và thành phố Toulouse đã giúp hai bên triển khai nhiều dự án về quản lý nước.");
        let found: Vec<_> = x
            .agreements
            .iter()
            .map(|a| {
                (
                    a.status,
                    a.signed_on,
                    a.term.map(|t| (t.start_year, t.end_year)),
                )
            })
            .collect();
        assert_eq!(found, [(AgreementStatus::Past, None, Some((2018, 2022)))]);
    }

    #[test]
    fn a_meeting_abroad_is_a_stop_of_the_trip_not_a_visit_to_viet_nam() {
        let x = run("15/10/2024 08:00\n\nTừ ngày 7 đến 12/10, đoàn công tác tỉnh Quảng Ninh do ông Cao Tường Huy, Chủ tịch UBND tỉnh làm trưởng đoàn đã thăm và làm việc tại Hàn Quốc. Ngày 8/10, tại thành phố Suwon, Chủ tịch UBND tỉnh Cao Tường Huy đã hội kiến ông Kim Dong-yeon, Tỉnh trưởng tỉnh Gyeonggi. Ảnh: Chủ tịch UBND tỉnh Cao Tường Huy hội kiến Tỉnh trưởng tỉnh Gyeonggi Kim Dong-yeon. Ngày 10/10, đoàn đến thành phố Busan, làm việc với Chính quyền thành phố Busan.");
        assert_eq!(
            codes(&x),
            [
                ("VN-13".to_string(), "KR-41".to_string()),
                ("VN-13".to_string(), "KR-26".to_string())
            ]
        );
        assert_eq!(
            stops(&x),
            [
                ("KR-41".to_string(), Some(8), None),
                ("KR-26".to_string(), Some(10), None)
            ]
        );
    }

    #[test]
    fn the_place_of_the_building_named_after_tai_is_the_venue() {
        let x = run("05/12/2025 08:00\n\nTừ ngày 2 đến 6/12, đoàn đại biểu tỉnh Lai Châu do đồng chí Lê Văn Lương dẫn đầu đã thăm và làm việc tại tỉnh Luông Nậm Thà (Lào). Sáng 3/12, tại trụ sở Văn phòng tỉnh Luông Nậm Thà, đoàn đã hội đàm với Đoàn đại biểu tỉnh Luông Nậm Thà do đồng chí Phon-sa-vẳn, Phó Bí thư Tỉnh ủy, dẫn đầu.");
        assert_eq!(codes(&x), [("VN-01".to_string(), "LA-LM".to_string())]);
    }

    #[test]
    fn delegations_listed_after_a_general_word_are_visits() {
        let x = run("10/04/2025 08:00\n\nNgày 9/4, tại thành phố Vũng Tàu, hội nghị đón các đoàn đại biểu nước ngoài gồm: đoàn thành phố Okayama do ông Sato Kenji dẫn đầu; đoàn tỉnh Gangwon do ông Park Min-soo dẫn đầu. Thời gian qua, nhiều đoàn đã sang thăm tỉnh Bà Rịa - Vũng Tàu.");
        let guests: Vec<_> = codes(&x).into_iter().map(|(g, _)| g).collect();
        assert_eq!(guests, ["JP-33", "KR-42"]);
    }

    #[test]
    fn a_leader_named_in_the_sentence_before_and_a_visit_in_a_month_to_come() {
        let x = run("15/06/2024 10:00\n\nTiếp đoàn công tác tỉnh Bình Dương, ông Martijn van Dijk, Ủy viên Hội đồng điều hành tỉnh Noord-Brabant (Hà Lan) cho biết, tỉnh là vùng đổi mới sáng tạo hàng đầu châu Âu. Ông cho biết sẽ dẫn đoàn doanh nghiệp của tỉnh sang thăm Bình Dương vào tháng 10 tới.");
        let planned: Vec<_> = x
            .visits
            .iter()
            .filter(|v| v.status == VisitStatus::Planned)
            .map(|v| {
                (
                    v.guest.place.code().to_string(),
                    v.leader.as_ref().map(|l| l.name.clone()),
                    v.start.map(|d| (d.year, d.month)),
                )
            })
            .collect();
        assert_eq!(
            planned,
            [(
                "NL-NB".to_string(),
                Some("Martijn van Dijk".to_string()),
                Some((2024, 10))
            )]
        );
    }

    #[test]
    fn a_trip_set_for_a_month_to_come_is_planned_wherever_the_cue_stands() {
        let x = run("04/07/2024 10:00\n\nTheo kế hoạch, hai bên sẽ ký kết Thỏa thuận hợp tác về đào tạo nghề vào tháng 11 tới, nhân chuyến thăm và làm việc của đoàn công tác tỉnh Hà Tĩnh tại bang Thüringen (Đức).");
        let visits: Vec<_> = x
            .visits
            .iter()
            .map(|v| (v.status, v.start.map(|d| d.month)))
            .collect();
        assert_eq!(visits, [(VisitStatus::Planned, Some(11))]);
    }

    #[test]
    fn a_bare_delegation_holding_talks_is_on_a_stop() {
        let x = run("12/05/2024 08:00\n\nTừ ngày 6 đến 10/5, đoàn đại biểu HĐND tỉnh Bắc Ninh do bà Nguyễn Hương Giang dẫn đầu đã thăm và làm việc tại Cộng hòa Séc. Ngày 7/5, tại Thủ đô Praha, đoàn đã hội đàm với Hội đồng Thủ đô Praha. Ngày 9/5, đoàn đến làm việc tại vùng Plzeň.");
        assert_eq!(
            stops(&x),
            [
                ("CZ-10".to_string(), Some(7), None),
                ("CZ-32".to_string(), Some(9), None)
            ]
        );
    }

    #[test]
    fn a_caption_dates_no_stop() {
        let x = run("22/11/2023 14:00\n\nTừ ngày 15 đến 21/11/2023, đoàn công tác tỉnh Đắk Lắk do ông Võ Văn Cảnh, Phó Chủ tịch UBND tỉnh làm trưởng đoàn đã thăm và làm việc tại Australia.\n\nẢnh: Đoàn công tác tỉnh Đắk Lắk làm việc với Hội đồng thành phố Perth.\n\nNgày 16/11, tại thành phố Perth, đoàn đã làm việc với Hội đồng thành phố Perth. Ngày 18/11, đoàn đến thành phố Adelaide, làm việc với chính quyền bang Nam Australia.");
        assert_eq!(
            stops(&x),
            [
                ("AU-WA".to_string(), Some(16), None),
                ("AU-SA".to_string(), Some(18), None)
            ]
        );
    }

    #[test]
    fn signed_is_done_whatever_year_follows() {
        let x = run("27/12/2025 06:45\n\nChiều 26/12, tại thành phố Svay Rieng (Campuchia), đoàn đại biểu tỉnh Tây Ninh đã hội đàm với lãnh đạo tỉnh Svay Rieng. Kết thúc hội đàm, hai bên đã ký Biên bản hội đàm, thống nhất các nội dung hợp tác năm 2026.");
        assert_eq!(
            dated_statuses(&x),
            [(AgreementStatus::Signed, Some((2025, 12, 26)))]
        );
    }

    #[test]
    fn foreign_officials_attending_a_ceremony_each_made_a_trip() {
        let x = run("05/03/2023 08:00\n\nNgày 4/3, tại thành phố Thủ Dầu Một, UBND tỉnh Bình Dương tổ chức lễ ký kết hợp tác với các địa phương châu Âu. Dự buổi lễ có ông Võ Văn Minh, Chủ tịch UBND tỉnh; ông Jan Novák, Phó Thị trưởng thành phố Brno; bà Eva Schneider, Phó Thị trưởng thành phố Dresden cùng đại diện các sở, ngành.");
        assert_eq!(
            led_visits(&x),
            ["CZ-64 -> VN-57: Jan Novák", "DE-SN -> VN-57: Eva Schneider"]
        );
    }

    #[test]
    fn one_side_signs_with_each_institution_placed_by_its_country() {
        let x = run("17/11/2022 08:00\n\nSáng 16/11, Trường Đại học Huế tổ chức lễ ký kết bản ghi nhớ hợp tác với Trường Đại học Hohenheim (CHLB Đức) và Trường Đại học Twente (Hà Lan).");
        assert_eq!(party_codes(&x), [["VN-26", "DE"], ["VN-26", "NL"]]);
    }

    #[test]
    fn each_part_of_a_joint_delegation_has_its_own_head() {
        let x = run("12/11/2025 08:00\n\nChiều 11/11, đồng chí Y Khoa Niê, Phó Chủ tịch UBND tỉnh Đắk Lắk đã tiếp đoàn công tác các bang Kerala và Karnataka (Ấn Độ). Đoàn gồm đại diện bang Kerala do ông Rajesh Menon, Bộ trưởng Nông nghiệp bang Kerala dẫn đầu và đại diện bang Karnataka do bà Lakshmi Hegde, Thư ký Sở Thương mại và Công nghiệp bang Karnataka dẫn đầu.");
        let visits = led_visits(&x);
        assert!(
            visits.contains(&"IN-KL -> VN-33: Rajesh Menon".to_string()),
            "{visits:?}"
        );
        assert!(
            visits.contains(&"IN-KA -> VN-33: Lakshmi Hegde".to_string()),
            "{visits:?}"
        );
    }

    #[test]
    fn delegations_along_with_named_officials_are_no_general_statement() {
        let x = run("18/10/2024 11:20\n\nNgày 17/10, UBND TP. Hồ Chí Minh tổ chức Diễn đàn Hợp tác các đô thị năm 2024. Dự diễn đàn có ông Lâm Quốc Thắng, Phó Chủ tịch UBND TP. Hồ Chí Minh; ông Lee Jae-won, Phó Thị trưởng thành phố Busan (Hàn Quốc); ông Batbayar Ganzorig, Phó Thị trưởng thủ đô Ulaanbaatar (Mông Cổ) cùng các đoàn đại biểu đi cùng.");
        assert_eq!(
            led_visits(&x),
            [
                "KR-26 -> VN-SG: Lee Jae-won",
                "MN-1 -> VN-SG: Batbayar Ganzorig"
            ]
        );
    }

    #[test]
    fn a_later_clause_shares_the_subject_not_the_other_partner() {
        let x = run("18/10/2024 11:20\n\nNgày 17/10, UBND TP. Hồ Chí Minh đã ký kết Biên bản ghi nhớ hợp tác với thành phố Busan về chuyển đổi số; đồng thời ký Thỏa thuận hợp tác với thủ đô Ulaanbaatar trong các lĩnh vực du lịch, thương mại và giáo dục.");
        assert_eq!(party_codes(&x), [["VN-SG", "KR-26"], ["VN-SG", "MN-1"]]);
    }

    #[test]
    fn a_cooperation_document_told_again_is_the_same_instrument() {
        let x = run("18/10/2024 11:20\n\nNgày 17/10, UBND TP. Hồ Chí Minh đã ký Thỏa thuận hợp tác với thủ đô Ulaanbaatar trong các lĩnh vực du lịch, thương mại và giáo dục. Phát biểu tại lễ ký, Phó Thị trưởng Batbayar Ganzorig cho biết, đây là văn kiện hợp tác đầu tiên giữa thủ đô Ulaanbaatar với một địa phương của Việt Nam.");
        assert_eq!(party_codes(&x), [["VN-SG", "MN-1"]]);
    }

    #[test]
    fn the_year_an_instrument_is_for_is_its_term_not_a_plan() {
        let x = run("Hà Tĩnh ký kết biên bản thỏa thuận hợp tác năm 2026 với tỉnh Khăm Muộn (Lào)\n\nThứ Bảy, 20/12/2025 - 07:00\n\nChiều 19/12, UBND tỉnh Hà Tĩnh tổ chức hội nghị tổng kết hợp tác năm 2025 và ký kết biên bản thỏa thuận hợp tác năm 2026 với tỉnh Khăm Muộn (Lào).");
        assert_eq!(
            dated_statuses(&x),
            [(AgreementStatus::Signed, Some((2025, 12, 19)))]
        );
        let terms: Vec<_> = x
            .agreements
            .iter()
            .map(|a| a.term.map(|t| (t.start_year, t.end_year)))
            .collect();
        assert_eq!(terms, [Some((2026, 2026))]);
    }

    #[test]
    fn a_place_another_verb_governs_is_no_side_of_the_signing() {
        let x = run("15/06/2024 20:41\n\nNgày 13/6, đoàn đại biểu tỉnh Đồng Nai đã làm việc với chính quyền bang Bayern (Đức) và ký ý định thư hợp tác với vùng Nam Moravia (Cộng hòa Séc).");
        assert_eq!(party_codes(&x), [["VN-39", "CZ-64"]]);
    }

    #[test]
    fn a_second_verb_after_the_signing_starts_another_event() {
        let x = run("12/9/2022 08:00\n\nNgày 5/9, trong chuyến công tác tại Hà Lan và Bỉ, đoàn công tác TP.Hội An do ông Nguyễn Văn Lành, Chủ tịch UBND thành phố dẫn đầu đã ký kết thỏa thuận hợp tác với thành phố Delft (Hà Lan) và làm việc với chính quyền thành phố Bruges (Bỉ).");
        assert_eq!(party_codes(&x), [["VN-27", "NL-ZH"]]);
    }

    #[test]
    fn a_signing_that_names_only_its_venue_is_between_the_articles_sides() {
        let x = run("25/9/2024 10:00\n\nChiều 24/9, Chủ tịch UBND tỉnh Khánh Hòa Lê Quang Vinh đã tiếp đoàn công tác vùng Primorsky (Liên bang Nga). Hai bên thống nhất xây dựng dự thảo văn kiện hợp tác giai đoạn mới. Biên bản ghi nhớ sẽ được ký kết vào tháng 3/2025 tại thành phố Vladivostok.");
        assert_eq!(party_codes(&x), [["VN-34", "RU-PRI"]]);
        assert_eq!(
            dated_statuses(&x),
            [(AgreementStatus::Planned, Some((2025, 3, 0)))]
        );
    }
}
