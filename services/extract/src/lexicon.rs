//! The typed reader of the extractor's data files (`data/*.tsv`): every row checked against
//! its file's columns, every category and value against the names the code knows. The build
//! script includes this module and runs it over every file, so an unknown category or a
//! malformed row fails the build with its file and line; at run time the same reader turns the
//! embedded files into the rows each stage compiles.
//!
//! This module depends only on `std` and the gazetteer's row splitter, because `build.rs`
//! compiles it on its own.

use hoptac_gazetteer::data::{rows, RowError};

/// Declares a closed set of names read from a data file: the enum, its parser and the list of
/// names for error messages.
macro_rules! names {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every name, as the data files write them.
            pub const NAMES: &'static [&'static str] = &[$($text,)*];

            /// The value a data file's name stands for.
            pub fn parse(s: &str) -> Option<Self> {
                match s {
                    $($text => Some(Self::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

names! {
    /// What a phrase of `events.tsv` is to the event rules.
    Cue {
        /// A written instrument ("thỏa thuận", "biên bản ghi nhớ"); its kind is the row's value.
        Instrument = "instrument",
        /// Signing ("ký kết", "trao").
        Sign = "sign",
        /// Friendship or twinning after an instrument's name ("hữu nghị").
        Friendship = "friendship",
        /// A delegation ("đoàn đại biểu", "đoàn công tác").
        Delegation = "delegation",
        /// A verb of going to or meeting a place ("thăm", "làm việc", "sang").
        Toward = "toward",
        /// A verb of receiving a guest ("tiếp", "đón").
        Receive = "receive",
        /// Heading a delegation ("dẫn đầu", "làm trưởng đoàn").
        Lead = "lead",
        /// A plan ("sẽ", "dự kiến").
        Planned = "planned",
        /// Something done before ("trước đây", "trên cơ sở").
        Past = "past",
        /// A wish or an invitation, no plan ("mong muốn", "mời").
        Wish = "wish",
        /// Trips or signings in general ("nhiều đoàn", "hằng năm").
        Generic = "generic",
        /// An online meeting ("trực tuyến").
        Online = "online",
        /// Where something happens ("tại").
        Venue = "venue",
        /// The article's two sides named together ("hai tỉnh", "2 bên").
        Pair = "pair",
        /// Founding a friendship or twinning ("thiết lập quan hệ hữu nghị", "kết nghĩa").
        Establish = "establish",
        /// Two nations as the sides ("hai nước").
        National = "national",
        /// What an instrument says, opening a sentence ("theo đó").
        Content = "content",
        /// A national leader who receives ("Thủ tướng", "Bộ trưởng").
        NationalHost = "nationalhost",
        /// A diplomatic mission or a correspondent, seated somewhere ("Tổng Lãnh sự quán").
        Mission = "mission",
        /// A building a venue is named by ("trụ sở", "hội trường").
        Building = "building",
        /// A phrase that holds an event word but is none ("trao đổi").
        Neutral = "neutral",
        /// Tense and aspect between a subject and its verb ("đã", "sẽ", "tiếp tục").
        Aspect = "aspect",
        /// Completion before a verb: what follows is done ("đã").
        Done = "done",
        /// A verb a bare "đoàn" is the subject of ("đến", "thăm", "hội đàm").
        TripVerb = "trip_verb",
        /// A designator after a bare "đoàn" that makes it that place's delegation ("tỉnh").
        PlaceWord = "place_word",
        /// "của" after "đoàn": whose delegation follows.
        Of = "of",
        /// The first word after "tiếp" that makes it receiving someone ("đoàn", "ông").
        ReceivedOpener = "received_opener",
        /// A body after "đoàn" that makes it no delegation ("Quốc hội": a province's caucus).
        NotDelegation = "not_delegation",
        /// Where a delegation's own name ends: its leader, verb or purpose begins.
        DelegationEnd = "delegation_end",
        /// "do" before the leader of a delegation.
        LedBy = "led_by",
        /// The verb of leading at the end of a clause ("sẽ dẫn đoàn").
        LeadVerb = "lead_verb",
        /// A phrase after which the leader is named ("dẫn đầu là").
        LeaderNamed = "leader_named",
        /// A word opening a sentence that stands for the person named before ("Ông").
        Pronoun = "pronoun",
        /// One part of a joint delegation ("đại diện").
        Representative = "representative",
        /// Coming along with those just named, not trips in general ("cùng").
        Along = "along",
        /// Opening a list of what was just spoken of in general ("gồm").
        ListOpener = "list_opener",
        /// Leaving a place ("rời").
        Leave = "leave",
        /// An office of a province or city ("UBND", "Tỉnh ủy").
        LocalOffice = "local_office",
        /// Attending an event ("dự", "tham dự").
        AttendVerb = "attend_verb",
        /// An event officials attend ("lễ", "hội nghị").
        AttendedEvent = "attended_event",
        /// Meeting someone ("hội đàm", "làm việc").
        MeetingVerb = "meeting_verb",
        /// Pointing back to a place named before ("tại đây").
        Pointer = "pointer",
        /// A meeting held for a delegation at home before it leaves ("họp Đoàn đại biểu …").
        Briefing = "briefing",
        /// The meeting told before, as the subject of a signing: its two sides sign ("Buổi
        /// hội đàm đã … ký kết biên bản hội đàm").
        EventSubject = "event_subject",
        /// A draft, not an instrument signed ("dự thảo").
        Draft = "draft",
        /// Turning from an instrument to another thing ("cũng như").
        AnotherTopic = "another_topic",
        /// Where an instrument's name ends and its sides or purpose begin ("giữa", "nhằm").
        NameEnd = "name_end",
        /// Opening the sides of an instrument ("giữa").
        Between = "between",
        /// Where the clause of an instrument's sides ends ("về", "nhằm", "tại").
        ClauseEnd = "clause_end",
        /// Before an instrument, making it several ("các", "hai bản").
        PluralBefore = "plural_before",
        /// After an instrument, giving one to each partner ("với từng").
        EachPartner = "each_partner",
        /// One signing after another ("lần lượt").
        OneAfterAnother = "one_after_another",
        /// One instrument of three or more sides ("ba bên").
        Multilateral = "multilateral",
        /// "với" before a partner.
        With = "with",
        /// Joining a list ("và").
        And = "and",
        /// Marking an anniversary when "N năm" follows ("kỷ niệm").
        Anniversary = "anniversary",
        /// What an anniversary counts from when it is not the event after it ("quan hệ").
        AnniversaryOther = "anniversary_other",
        /// An instrument word that says nothing of the kind ("biên bản", "văn bản").
        BareInstrument = "bare_instrument",
        /// An instrument's name that says nothing of its kind, whatever follows.
        GeneralInstrument = "general_instrument",
        /// Putting a sentence at the time of the one before ("nhân dịp này").
        SameOccasion = "same_occasion",
        /// A word between an instrument's name and the year it is named for ("hợp tác").
        CoveredYearJoiner = "covered_year_joiner",
        /// Today's province of a merged one, or a credit, opening an aside ("nay thuộc").
        AsideNow = "aside_now",
        /// A credit in brackets ("(ảnh:", "(nguồn:").
        AsideCredit = "aside_credit",
        /// A photo caption's opening ("Ảnh:").
        Caption = "caption",
        /// Fields of cooperation spoken of ("lĩnh vực").
        FieldWord = "field_word",
        /// Visiting, as a second event after a signing ("thăm").
        VisitVerb = "visit_verb",
        /// The unit "year" ("15 năm", "năm 2026").
        YearWord = "year_word",
        /// "ngày" before a day or an event's day.
        DayWord = "day_word",
        /// With whom an official travels: the person before it leads them ("cùng đoàn").
        AccompaniedBy = "accompanied_by",
        /// "qua" after "N năm": the years up to now.
        UpToNow = "up_to_now",
        /// Setting a year ahead of the article ("đến năm 2030").
        Until = "until",
        /// A word between an instrument's name and the friendship it establishes ("hợp tác").
        FriendshipJoiner = "friendship_joiner",
        /// Between a receiving verb and a person: the person receives ("tiếp đoàn có ông …").
        ReceiversFollow = "receivers_follow",
        /// A body organizing an event, held at its place ("UBND tỉnh tổ chức Lễ ký kết").
        Organizes = "organizes",
        /// A delegation named by its bare word as a sentence's subject ("Đoàn đã …").
        BareDelegation = "bare_delegation",
        /// A trip named as a thing ("chuyến thăm", "chuyến công tác").
        TripNoun = "trip_noun",
        /// Thanking ("cảm ơn"): with a welcome, the guest's words.
        Thanks = "thanks",
        /// A welcome a guest thanks for ("đón tiếp").
        Welcome = "welcome",

    }
}

names! {
    /// What a phrase of `persons.tsv` is to the persons stage.
    PersonCue {
        /// Where a title written after a name stops: the predicate begins ("làm trưởng đoàn").
        TitleEnd = "title_end",
        /// A part of an office or a body, never part of a name ("Ủy viên", "Tỉnh ủy").
        Body = "body",
        /// An honorific glued to the name by a typesetting slip ("ôngNguyễn").
        GluedHonorific = "glued_honorific",
    }
}

names! {
    /// The kind of an instrument, as `events.tsv` names it.
    InstrumentKind {
        /// Thỏa thuận hợp tác.
        Agreement = "AGREEMENT",
        /// Biên bản ghi nhớ.
        Memorandum = "MEMORANDUM",
        /// Friendship or twinning.
        Friendship = "FRIENDSHIP",
        /// Other biên bản.
        Minutes = "MINUTES",
        /// Ý định thư.
        LetterOfIntent = "LETTER_OF_INTENT",
        /// A plan, an appendix, a joint statement.
        Other = "OTHER",
    }
}

names! {
    /// A field of cooperation, as `fields.tsv` names it.
    FieldName {
        /// Y tế.
        Health = "HEALTH",
        /// Giáo dục.
        Education = "EDUCATION",
        /// Văn hóa.
        Culture = "CULTURE",
        /// Du lịch.
        Tourism = "TOURISM",
        /// Kinh tế.
        Economy = "ECONOMY",
        /// Thương mại.
        Trade = "TRADE",
        /// Đầu tư.
        Investment = "INVESTMENT",
        /// Nông nghiệp.
        Agriculture = "AGRICULTURE",
        /// Môi trường.
        Environment = "ENVIRONMENT",
        /// Đô thị.
        Urban = "URBAN",
        /// Giao thông.
        Transport = "TRANSPORT",
        /// Khoa học, công nghệ.
        ScienceTechnology = "SCIENCE_TECHNOLOGY",
        /// Lao động.
        Labour = "LABOUR",
        /// Giao lưu nhân dân.
        PeopleExchange = "PEOPLE_EXCHANGE",
        /// Công nghiệp.
        Industry = "INDUSTRY",
        /// Anything else.
        Other = "OTHER",
    }
}

names! {
    /// Whose officials carry a title, as `titles.tsv` names it.
    TitleSide {
        /// Only Viet Nam's.
        Vietnamese = "vn",
        /// Only other countries'.
        Foreign = "foreign",
        /// Either.
        Any = "any",
        /// A nation's officials: never a side of a local record.
        National = "national",
    }
}

names! {
    /// What sort of body an organization word names, as `orgs.tsv` writes it.
    OrgKind {
        /// The place itself.
        Locality = "Locality",
        /// A government.
        Government = "Government",
        /// A council or assembly.
        Council = "Council",
        /// A Party committee.
        PartyCommittee = "PartyCommittee",
        /// A department or agency.
        Agency = "Agency",
        /// A university or school.
        Education = "Education",
        /// An association.
        Association = "Association",
        /// A business.
        Company = "Company",
        /// Anything else.
        Other = "Other",
    }
}

names! {
    /// How far an organization word may stand from its place, as `orgs.tsv` writes it.
    OrgReach {
        /// Right before it (a designator may sit between).
        Adjacent = "adjacent",
        /// With a name between.
        Phrase = "phrase",
    }
}

/// A row of `events.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueRow<'a> {
    /// What the phrase is.
    pub cue: Cue,
    /// The phrase, matched case-insensitively.
    pub phrase: &'a str,
    /// The instrument's kind, for [`Cue::Instrument`].
    pub kind: Option<InstrumentKind>,
}

/// A row of `titles.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleRow<'a> {
    /// The title as written.
    pub title: &'a str,
    /// Its seniority: a higher one leads a delegation.
    pub rank: u32,
    /// Whose officials carry it.
    pub side: TitleSide,
}

/// A row of `orgs.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgRow<'a> {
    /// The organization word.
    pub pattern: &'a str,
    /// What sort of body it names.
    pub kind: OrgKind,
    /// How far from its place it may stand.
    pub reach: OrgReach,
}

fn error(file: &str, line: usize, reason: impl Into<String>) -> RowError {
    RowError {
        file: file.to_string(),
        line,
        reason: reason.into(),
    }
}

fn parse_name<T>(
    file: &str,
    line: usize,
    what: &str,
    value: &str,
    names: &[&str],
    parse: fn(&str) -> Option<T>,
) -> Result<T, RowError> {
    parse(value).ok_or_else(|| {
        error(
            file,
            line,
            format!("unknown {what} {value:?} (one of: {})", names.join(", ")),
        )
    })
}

/// The rows of `events.tsv`: `category phrase [kind]`, the kind given exactly for instruments.
pub fn cues<'a>(file: &str, data: &'a str) -> Result<Vec<CueRow<'a>>, RowError> {
    rows(data)
        .map(|(line, r)| {
            let (category, phrase, kind) = match r.as_slice() {
                [c, p] => (*c, *p, None),
                [c, p, k] => (*c, *p, Some(*k).filter(|k| !k.is_empty())),
                _ => return Err(error(file, line, "expected category, phrase [, kind]")),
            };
            let cue = parse_name(file, line, "category", category, Cue::NAMES, Cue::parse)?;
            if phrase.is_empty() {
                return Err(error(file, line, "empty phrase"));
            }
            let kind = match (cue, kind) {
                (Cue::Instrument, Some(k)) => Some(parse_name(
                    file,
                    line,
                    "instrument kind",
                    k,
                    InstrumentKind::NAMES,
                    InstrumentKind::parse,
                )?),
                (Cue::Instrument, None) => {
                    return Err(error(file, line, "an instrument needs its kind"))
                }
                (_, Some(k)) => {
                    return Err(error(
                        file,
                        line,
                        format!("only an instrument has a kind, not {k:?}"),
                    ))
                }
                (_, None) => None,
            };
            Ok(CueRow { cue, phrase, kind })
        })
        .collect()
}

/// The rows of `fields.tsv`: `keyword field`.
pub fn fields<'a>(file: &str, data: &'a str) -> Result<Vec<(&'a str, FieldName)>, RowError> {
    rows(data)
        .map(|(line, r)| match r.as_slice() {
            [keyword, field] if !keyword.is_empty() => Ok((
                *keyword,
                parse_name(
                    file,
                    line,
                    "field",
                    field,
                    FieldName::NAMES,
                    FieldName::parse,
                )?,
            )),
            _ => Err(error(file, line, "expected keyword, field")),
        })
        .collect()
}

/// The rows of `titles.tsv`: `title rank side`.
pub fn titles<'a>(file: &str, data: &'a str) -> Result<Vec<TitleRow<'a>>, RowError> {
    rows(data)
        .map(|(line, r)| match r.as_slice() {
            [title, rank, side] if !title.is_empty() => Ok(TitleRow {
                title,
                rank: rank
                    .parse()
                    .map_err(|_| error(file, line, format!("rank {rank:?} is not a number")))?,
                side: parse_name(file, line, "side", side, TitleSide::NAMES, TitleSide::parse)?,
            }),
            _ => Err(error(file, line, "expected title, rank, side")),
        })
        .collect()
}

/// The rows of `orgs.tsv`: `pattern kind reach`.
pub fn orgs<'a>(file: &str, data: &'a str) -> Result<Vec<OrgRow<'a>>, RowError> {
    rows(data)
        .map(|(line, r)| match r.as_slice() {
            [pattern, kind, reach] if !pattern.is_empty() => Ok(OrgRow {
                pattern,
                kind: parse_name(file, line, "kind", kind, OrgKind::NAMES, OrgKind::parse)?,
                reach: parse_name(file, line, "reach", reach, OrgReach::NAMES, OrgReach::parse)?,
            }),
            _ => Err(error(file, line, "expected pattern, kind, reach")),
        })
        .collect()
}

/// The words of a one-column file (surnames, honorifics, noise headings …).
pub fn words<'a>(file: &str, data: &'a str) -> Result<Vec<&'a str>, RowError> {
    rows(data)
        .map(|(line, r)| match r.as_slice() {
            [word] if !word.is_empty() => Ok(*word),
            _ => Err(error(file, line, "expected one column")),
        })
        .collect()
}

/// The rows of `persons.tsv`: `category phrase`.
pub fn person_cues<'a>(file: &str, data: &'a str) -> Result<Vec<(PersonCue, &'a str)>, RowError> {
    categorized(file, data, PersonCue::NAMES, PersonCue::parse)
}

/// The rows of a file of `category phrase` rows, the category one of `names`.
fn categorized<'a, T>(
    file: &str,
    data: &'a str,
    names: &[&str],
    parse: fn(&str) -> Option<T>,
) -> Result<Vec<(T, &'a str)>, RowError> {
    rows(data)
        .map(|(line, r)| match r.as_slice() {
            [category, phrase] if !phrase.is_empty() => Ok((
                parse_name(file, line, "category", category, names, parse)?,
                *phrase,
            )),
            _ => Err(error(file, line, "expected category, phrase")),
        })
        .collect()
}

names! {
    /// What a word of `dates.tsv` is to the date patterns.
    DateWord {
        /// "ngày".
        Day = "day",
        /// A part of a day ("sáng", "chiều", "hôm").
        PartOfDay = "part_of_day",
        /// Opening a span ("từ").
        From = "from",
        /// Joining the ends of a span of days ("đến", "tới").
        Until = "until",
        /// Joining two days of one span ("và").
        And = "and",
        /// "tháng".
        Month = "month",
        /// "năm".
        Year = "year",
        /// "quý".
        Quarter = "quarter",
        /// "tuần".
        Week = "week",
        /// The day before the publication, after a part of a day ("qua").
        Yesterday = "yesterday",
        /// The publication's day, after a part of a day ("nay").
        Today = "today",
        /// The week, month or year before the publication's ("qua", "ngoái").
        Past = "past",
        /// The publication's own week, month or year ("nay", "này").
        Present = "present",
        /// The week, month or year after the publication's ("sau", "tới").
        Future = "future",
        /// A word counting several weeks, months or years ("các", "hai").
        Several = "several",
        /// Marking a date as still to come, after it ("sắp tới").
        Coming = "coming",
        /// The edge of a period ("cuối", "đầu").
        Edge = "edge",
        /// A word before a year that puts it before or after the event ("từ", "vào").
        NotCurrent = "not_current",
        /// An anniversary ("kỷ niệm").
        Anniversary = "anniversary",
        /// A period of years ("giai đoạn").
        Period = "period",
    }
}

/// The rows of `dates.tsv`: `category word`.
pub fn date_words<'a>(file: &str, data: &'a str) -> Result<Vec<(DateWord, &'a str)>, RowError> {
    categorized(file, data, DateWord::NAMES, DateWord::parse)
}

names! {
    /// What a word of `page_hints.tsv` says of an HTML element whose class or id holds it.
    PageHint {
        /// Menus, related news, comments, footers and the like.
        Boilerplate = "boilerplate",
        /// The article's own container.
        Content = "content",
    }
}

/// The rows of `page_hints.tsv`: `kind word`.
pub fn page_hints<'a>(file: &str, data: &'a str) -> Result<Vec<(PageHint, &'a str)>, RowError> {
    categorized(file, data, PageHint::NAMES, PageHint::parse)
}

/// Every data file of the extractor, by name, with the reader that checks it.
pub const FILES: &[(&str, Reader)] = &[
    ("events.tsv", Reader::Cues),
    ("dates.tsv", Reader::DateWords),
    ("persons.tsv", Reader::PersonCues),
    ("fields.tsv", Reader::Fields),
    ("titles.tsv", Reader::Titles),
    ("orgs.tsv", Reader::Orgs),
    ("abbreviations.tsv", Reader::Words),
    ("areas.tsv", Reader::Words),
    ("captions.tsv", Reader::Words),
    ("credits.tsv", Reader::Words),
    ("honorifics.tsv", Reader::Words),
    ("name_particles.tsv", Reader::Words),
    ("noise.tsv", Reader::Words),
    ("not_names.tsv", Reader::Words),
    ("place_blockers.tsv", Reader::Words),
    ("qualifier_words.tsv", Reader::Words),
    ("list_joiners.tsv", Reader::Words),
    ("org_breaks.tsv", Reader::Words),
    ("surnames.tsv", Reader::Words),
    ("page_hints.tsv", Reader::PageHints),
];

/// Which reader a data file is read with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// [`cues`].
    Cues,
    /// [`person_cues`].
    PersonCues,
    /// [`date_words`].
    DateWords,
    /// [`fields`].
    Fields,
    /// [`titles`].
    Titles,
    /// [`orgs`].
    Orgs,
    /// [`words`].
    Words,
    /// [`page_hints`].
    PageHints,
}

/// Reads a data file with its reader, only to check it.
pub fn check(file: &str, reader: Reader, data: &str) -> Result<(), RowError> {
    match reader {
        Reader::Cues => cues(file, data).map(drop),
        Reader::PersonCues => person_cues(file, data).map(drop),
        Reader::DateWords => date_words(file, data).map(drop),
        Reader::Fields => fields(file, data).map(drop),
        Reader::Titles => titles(file, data).map(drop),
        Reader::Orgs => orgs(file, data).map(drop),
        Reader::Words => words(file, data).map(drop),
        Reader::PageHints => page_hints(file, data).map(drop),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_category_or_a_misplaced_kind_is_named_with_its_line() {
        let e = cues("events.tsv", "sign\tký\nsinging\tký kết\n").err();
        assert!(e.is_some_and(|e| e
            .to_string()
            .starts_with("events.tsv:2: unknown category \"singing\"")));
        assert!(cues("e.tsv", "instrument\tthỏa thuận\n").is_err());
        assert!(cues("e.tsv", "sign\tký\tAGREEMENT\n").is_err());
        assert!(cues("e.tsv", "instrument\tbản ghi nhớ\tMOU\n").is_err());
        let ok = cues("e.tsv", "# c\ninstrument\tbản ghi nhớ\tMEMORANDUM\n").unwrap_or_default();
        assert_eq!(ok[0].kind, Some(InstrumentKind::Memorandum));
    }

    #[test]
    fn titles_fields_and_orgs_are_typed() {
        assert!(titles("t.tsv", "Thống đốc\t95\tforeign\n").is_ok());
        assert!(titles("t.tsv", "Thống đốc\tninety\tforeign\n").is_err());
        assert!(titles("t.tsv", "Thống đốc\t95\tabroad\n").is_err());
        assert!(fields("f.tsv", "y tế\tHEALTH\n").is_ok());
        assert!(fields("f.tsv", "y tế\tMEDICINE\n").is_err());
        assert!(orgs("o.tsv", "HĐND\tCouncil\tadjacent\n").is_ok());
        assert!(orgs("o.tsv", "HĐND\tCouncil\n").is_err());
    }
}
