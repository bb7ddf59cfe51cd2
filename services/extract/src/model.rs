//! The extractor's domain: what an article says about agreements and visits, free of any wire
//! format. The services translate these types to and from protobuf.

pub use hoptac_gazetteer::{Place, PlaceLevel};

/// What sort of body a party is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartyKind {
    /// The place itself.
    Locality,
    /// People's Committee, prefectural or regional government, city hall.
    Government,
    /// People's Council, prefectural assembly, regional council.
    Council,
    /// Provincial or city Party committee.
    PartyCommittee,
    /// A department or agency of a local government.
    Agency,
    /// University, school, academy.
    Education,
    /// Association, chamber, federation.
    Association,
    /// A business.
    Company,
    /// Anything else.
    Other,
}

/// One side of an agreement or a visit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    /// The organization as written.
    pub organization: String,
    /// What sort of body it is.
    pub kind: PartyKind,
    /// Where it belongs.
    pub place: Place,
}

/// A named person with the title the article gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The name as written.
    pub name: String,
    /// The title as written; empty if none.
    pub title: String,
    /// The place the person serves, when known.
    pub place: Option<Place>,
}

/// A date as precise as the text allows; 0 marks an unknown part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct PartialDate {
    /// Year, or 0.
    pub year: i32,
    /// Month 1-12, or 0.
    pub month: u32,
    /// Day 1-31, or 0.
    pub day: u32,
    /// The year was not written next to the date but taken from context.
    pub year_inferred: bool,
}

/// The period an agreement covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    /// First year.
    pub start_year: i32,
    /// Last year.
    pub end_year: i32,
}

/// The sentence that states a record, as offsets into the cleaned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The sentence, exactly `text[start..end]` counted in chars.
    pub quote: String,
    /// Offset of the first char, in Unicode code points.
    pub start: usize,
    /// Offset just past the last char, in Unicode code points.
    pub end: usize,
}

/// The form of a written instrument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AgreementKind {
    /// Thỏa thuận hợp tác.
    Agreement,
    /// Biên bản ghi nhớ, MOU.
    Memorandum,
    /// Friendship or twinning.
    Friendship,
    /// Other biên bản.
    Minutes,
    /// Ý định thư.
    LetterOfIntent,
    /// A plan, an appendix, a joint statement.
    Other,
}

/// When an agreement was signed relative to the reported event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AgreementStatus {
    /// Signed at the reported event.
    Signed,
    /// Signed earlier.
    Past,
    /// Announced for a stated time.
    Planned,
}

/// Whether a visit took place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VisitStatus {
    /// Reported as taking place.
    Happened,
    /// Announced for a stated time.
    Planned,
}

/// A field of cooperation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// Y tế.
    Health,
    /// Giáo dục, đào tạo.
    Education,
    /// Văn hóa.
    Culture,
    /// Du lịch.
    Tourism,
    /// Kinh tế.
    Economy,
    /// Thương mại.
    Trade,
    /// Đầu tư.
    Investment,
    /// Nông nghiệp.
    Agriculture,
    /// Môi trường.
    Environment,
    /// Đô thị.
    Urban,
    /// Giao thông, vận tải.
    Transport,
    /// Khoa học, công nghệ.
    ScienceTechnology,
    /// Lao động.
    Labour,
    /// Giao lưu nhân dân.
    PeopleExchange,
    /// Công nghiệp.
    Industry,
    /// Anything else.
    Other,
}

/// A written instrument between two or more parties.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreement {
    /// Its form.
    pub kind: AgreementKind,
    /// Signed now, in the past, or planned.
    pub status: AgreementStatus,
    /// Its name as written.
    pub title: String,
    /// One party per distinct place.
    pub parties: Vec<Party>,
    /// The signing date, when the text gives one.
    pub signed_on: Option<PartialDate>,
    /// The period it covers, when stated.
    pub term: Option<Term>,
    /// Fields the text ties to it.
    pub fields: Vec<Field>,
    /// People who signed it.
    pub signatories: Vec<Person>,
    /// The sentence that states it.
    pub evidence: Evidence,
}

/// A trip of a delegation or official from one place to another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visit {
    /// Happened or planned.
    pub status: VisitStatus,
    /// The side that travels.
    pub guest: Party,
    /// The side that receives.
    pub host: Party,
    /// Head of the delegation or its most senior named official.
    pub leader: Option<Person>,
    /// Officials who received it.
    pub hosts: Vec<Person>,
    /// First day, or the one day reported.
    pub start: Option<PartialDate>,
    /// Last day, when a span is given.
    pub end: Option<PartialDate>,
    /// The purpose as written.
    pub purpose: String,
    /// Fields discussed.
    pub fields: Vec<Field>,
    /// The sentence that states it.
    pub evidence: Evidence,
}

/// An article body as submitted.
#[derive(Debug, Clone, Copy)]
pub enum Body<'a> {
    /// Plain text.
    Text(&'a str),
    /// HTML, reduced to text by `normalize`.
    Html(&'a str),
}

/// What the extractor is given.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The body.
    pub body: Body<'a>,
    /// The headline, if the caller has one (else the text's first line is used).
    pub title: &'a str,
    /// The publication date, if known.
    pub published_on: Option<PartialDate>,
}

/// What the extractor finds in one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extraction {
    /// Content hash of the normalized text (hex): the article's identity.
    pub article_id: String,
    /// The page's canonical URL, when an HTML page declares one.
    pub url: Option<String>,
    /// The headline: the caller's, else the page's, else the text's first line.
    pub title: String,
    /// The cleaned body that evidence offsets point into.
    pub text: String,
    /// The publication date: the caller's, else the page's metadata's, else one read from the
    /// text.
    pub published_on: Option<PartialDate>,
    /// Agreements the article reports.
    pub agreements: Vec<Agreement>,
    /// Visits the article reports.
    pub visits: Vec<Visit>,
}
