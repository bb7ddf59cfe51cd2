//! One article: a cast (places, people, dates, instruments) drawn once, then a page put
//! together around it from the shapes in [`crate::templates`] and the site furniture in
//! [`crate::vocab`].

use crate::{
    gazetteer::{Country, Gazetteer, Place},
    rng::Rng,
    templates as t, vocab as v, GeneratedArticle,
};

/// The smallest article, in bytes: a short wire item.
pub const MIN_ARTICLE_BYTES: usize = 1_500;
/// The largest article, in bytes: a long feature with its page furniture.
pub const MAX_ARTICLE_BYTES: usize = 15_000;
/// The body stops growing past this; the page furniture after it is at most a few KB, which
/// keeps every article under [`MAX_ARTICLE_BYTES`].
const MAX_BODY_TARGET: usize = 9_500;
/// Partners that most Vietnamese cooperation news is about; half the articles pick among them,
/// the other half among every country of the gazetteer.
const FREQUENT_PARTNERS: &[&str] = &[
    "JP", "KR", "LA", "CN", "FR", "KH", "TH", "DE", "US", "RU", "AU",
];

/// What an article reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Signing,
    Visit,
    Trip,
    Planned,
    Anniversary,
    Economy,
}

impl Kind {
    fn draw(rng: &mut Rng) -> Kind {
        match rng.below(100) {
            0..=27 => Kind::Signing,
            28..=47 => Kind::Visit,
            48..=61 => Kind::Trip,
            62..=71 => Kind::Planned,
            72..=81 => Kind::Anniversary,
            _ => Kind::Economy,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Signing => "signing",
            Kind::Visit => "visit",
            Kind::Trip => "trip",
            Kind::Planned => "planned",
            Kind::Anniversary => "anniversary",
            Kind::Economy => "economy",
        }
    }

    fn titles(self) -> &'static [&'static str] {
        match self {
            Kind::Signing => t::TITLE_SIGNING,
            Kind::Visit => t::TITLE_VISIT,
            Kind::Trip => t::TITLE_TRIP,
            Kind::Planned => t::TITLE_PLANNED,
            Kind::Anniversary => t::TITLE_ANNIVERSARY,
            Kind::Economy => t::TITLE_ECONOMY,
        }
    }

    fn leads(self) -> &'static [&'static str] {
        match self {
            Kind::Signing => t::LEAD_SIGNING,
            Kind::Visit => t::LEAD_VISIT,
            Kind::Trip => t::LEAD_TRIP,
            Kind::Planned => t::LEAD_PLANNED,
            Kind::Anniversary => t::LEAD_ANNIVERSARY,
            Kind::Economy => t::LEAD_ECONOMY,
        }
    }

    /// The groups a body paragraph of this kind draws its sentences from.
    fn bodies(self) -> &'static [&'static [&'static str]] {
        match self {
            Kind::Signing => &[
                t::BODY_SIGNING,
                t::BODY_PAST,
                t::BODY_GENERAL,
                t::BODY_VISIT,
            ],
            Kind::Visit => &[t::BODY_VISIT, t::BODY_GENERAL, t::BODY_PAST],
            Kind::Trip => &[t::BODY_TRIP, t::BODY_GENERAL, t::BODY_SIGNING],
            Kind::Planned => &[t::BODY_PLANNED, t::BODY_GENERAL, t::BODY_VISIT],
            Kind::Anniversary => &[t::BODY_PAST, t::BODY_GENERAL, t::BODY_VISIT],
            Kind::Economy => &[t::BODY_ECONOMY],
        }
    }
}

/// The gazetteer arranged for drawing: built once per corpus.
pub struct World<'g> {
    g: &'g Gazetteer,
    /// Every foreign region and city with its country, so that filler draws each equally.
    foreign: Vec<(&'g Country, &'g Place)>,
    frequent: Vec<&'g Country>,
    /// Names of every country but Viet Nam.
    countries: Vec<&'static str>,
}

impl<'g> World<'g> {
    /// Arranges a gazetteer for drawing.
    pub fn new(g: &'g Gazetteer) -> Self {
        let foreign = g
            .partners
            .iter()
            .flat_map(|c| c.regions.iter().chain(&c.locals).map(move |p| (c, p)))
            .collect();
        let frequent = FREQUENT_PARTNERS
            .iter()
            .filter_map(|code| g.partner(code))
            .collect();
        let countries = g
            .countries
            .iter()
            .filter(|(code, _)| *code != "VN")
            .map(|(_, name)| *name)
            .collect();
        World {
            g,
            foreign,
            frequent,
            countries,
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Day {
    y: u32,
    m: u32,
    d: u32,
}

/// The day of the week, 0 for Sunday (Sakamoto's method).
fn weekday(day: Day) -> usize {
    const OFFSETS: [u32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if day.m < 3 { day.y - 1 } else { day.y };
    ((y + y / 4 - y / 100 + y / 400 + OFFSETS[(day.m - 1) as usize] + day.d) % 7) as usize
}

struct Person {
    name: String,
    title: String,
    short: &'static str,
    female: bool,
}

impl Person {
    fn honorific(&self) -> &'static str {
        if self.female {
            "bà"
        } else {
            "ông"
        }
    }
}

/// Who and what one article is about, drawn once so that its sentences agree.
struct Cast<'g> {
    published: Day,
    time: (u32, u32),
    event: Day,
    vn: &'g Place,
    vn_locals: Vec<&'g Place>,
    partner: &'g Country,
    /// The foreign place designated ("tỉnh Fukuoka"), spelled one way for the whole article.
    fx_d: String,
    fx_name: &'g str,
    fx_city: Option<String>,
    vn_leader: Person,
    vn_deputy: Person,
    fx_leader: Person,
    fx_deputy: Person,
    inst: &'static str,
    past_inst: &'static str,
    past_inst2: &'static str,
    fields: Vec<&'static str>,
    term: (u32, u32),
    past_years: (u32, u32),
}

fn is_vn_city(code: &str) -> bool {
    matches!(code, "VN-HN" | "VN-HP" | "VN-DN" | "VN-CT" | "VN-SG")
}

/// A Vietnamese province or city with its designator, as the press varies it.
fn vn_designated(p: &Place, rng: &mut Rng) -> String {
    match p.code {
        "VN-SG" => (*rng.pick(&[
            "TP.HCM",
            "TP Hồ Chí Minh",
            "Thành phố Hồ Chí Minh",
            "TP. Hồ Chí Minh",
        ]))
        .to_string(),
        code if is_vn_city(code) => format!("{} {}", rng.pick(&["TP", "thành phố", "TP."]), p.name),
        _ => format!("tỉnh {}", p.name),
    }
}

/// The name alone, as a sentence uses it after the designator was given once.
fn vn_bare(p: &Place) -> &str {
    if p.code == "VN-SG" {
        "TP.HCM"
    } else {
        p.name
    }
}

fn vn_party(p: &Place) -> String {
    let committee = if is_vn_city(p.code) {
        "Thành ủy"
    } else {
        "Tỉnh ủy"
    };
    format!("{committee} {}", vn_bare(p))
}

/// The word the Vietnamese press writes before a foreign region or city.
fn fx_designator(country: &str, code: &str, region: bool) -> &'static str {
    if !region {
        return "thành phố";
    }
    match code {
        "CN-BJ" | "CN-SH" | "CN-TJ" | "CN-CQ" | "KR-11" | "KR-26" | "KR-27" | "KR-28" | "KR-29"
        | "KR-30" | "KR-31" | "KR-50" | "RU-MOW" | "RU-SPE" | "DE-BE" | "DE-HH" | "DE-HB"
        | "HU-BU" => return "thành phố",
        "LA-VT" | "KH-12" | "TH-10" | "MN-1" | "JP-13" => return "thủ đô",
        _ => {}
    }
    match country {
        "TW" => "thành phố",
        "FR" | "BE" | "IT" | "ES" | "CZ" | "NZ" | "PH" | "ID" => "vùng",
        "DE" | "US" | "AU" | "IN" | "MY" | "MM" => "bang",
        "GB" => "",
        _ => "tỉnh",
    }
}

/// A foreign city or area is named with "thành phố" or bare, as the press varies it (a
/// département or a district is no city).
fn local_designator(rng: &mut Rng) -> &'static str {
    if rng.chance(60) {
        "thành phố"
    } else {
        ""
    }
}

/// Whether a spelling already says what sort of place it is ("Khu tự trị …", "Minsk Oblast").
fn names_its_kind(spelling: &str) -> bool {
    const FIRST: &[&str] = &[
        "Thành", "Tỉnh", "Khu", "Quần", "Vùng", "Bang", "Đảo", "Thủ", "Quận", "Huyện",
    ];
    const LAST: &[&str] = &[
        "Province",
        "Oblast",
        "County",
        "Republic",
        "City",
        "Prefecture",
        "Region",
        "Islands",
        "Krai",
        "Territory",
        "State",
    ];
    let first = spelling.split(' ').next().unwrap_or_default();
    FIRST.contains(&first) || LAST.iter().any(|w| spelling.ends_with(w))
}

fn designate(designator: &str, spelling: &str) -> String {
    if designator.is_empty() || names_its_kind(spelling) {
        spelling.to_string()
    } else {
        format!("{designator} {spelling}")
    }
}

/// One of the place's spellings: mostly its name, sometimes an alias.
fn spelling<'g>(p: &'g Place, rng: &mut Rng) -> &'g str {
    if p.aliases.is_empty() || rng.chance(70) {
        p.name
    } else {
        rng.pick::<&str>(&p.aliases)
    }
}

fn vn_person(rng: &mut Rng, place: &Place) -> Person {
    let female = rng.chance(25);
    let name = if female {
        format!(
            "{} {} {}",
            rng.pick(v::VN_SURNAMES),
            rng.pick(v::VN_MIDDLE_WOMEN),
            rng.pick(v::VN_GIVEN_WOMEN)
        )
    } else {
        format!(
            "{} {} {}",
            rng.pick(v::VN_SURNAMES),
            rng.pick(v::VN_MIDDLE_MEN),
            rng.pick(v::VN_GIVEN_MEN)
        )
    };
    let (template, short) = *rng.pick(v::VN_TITLES);
    let title = template
        .replace("{d}", &vn_designated(place, rng))
        .replace("{party}", &vn_party(place));
    Person {
        name,
        title,
        short,
        female,
    }
}

fn foreign_person(rng: &mut Rng, country: &str, designated: &str) -> Person {
    let shape = v::name_shape(country);
    let female = rng.chance(20);
    let given = rng.pick(if female { shape.women } else { shape.men });
    let family = rng.pick(shape.family);
    let name = if shape.family_first {
        format!("{family} {given}")
    } else {
        format!("{given} {family}")
    };
    let (template, short) = *rng.pick(v::foreign_titles(country));
    Person {
        name,
        title: template.replace("{d}", designated),
        short,
        female,
    }
}

impl<'g> Cast<'g> {
    fn draw(world: &World<'g>, rng: &mut Rng) -> Self {
        let g = world.g;
        let published = Day {
            y: rng.range(2012, 2025),
            m: rng.range(1, 12),
            d: rng.range(3, 28),
        };
        let event = Day {
            d: published.d - rng.range(0, 2),
            ..published
        };
        let vn = rng.pick(&g.vn_regions);
        let vn_locals = g.vn_locals.iter().filter(|p| p.code == vn.code).collect();
        let partner = if rng.chance(50) && !world.frequent.is_empty() {
            *rng.pick(&world.frequent)
        } else {
            rng.pick(&g.partners)
        };
        let region = !partner.regions.is_empty() && (partner.locals.is_empty() || rng.chance(75));
        let fx = rng.pick(if region {
            &partner.regions
        } else {
            &partner.locals
        });
        let fx_name = spelling(fx, rng);
        let fx_d = designate(fx_designator(partner.code, fx.code, region), fx_name);
        let cities: Vec<&Place> = partner
            .locals
            .iter()
            .filter(|p| p.code == fx.code && !std::ptr::eq(*p, fx))
            .collect();
        let fx_city = match (cities.is_empty(), partner.locals.is_empty()) {
            (false, _) => Some(*rng.pick(&cities)),
            (true, false) => Some(rng.pick(&partner.locals)),
            (true, true) => None,
        }
        .map(|p| designate(local_designator(rng), spelling(p, rng)));
        let mut fields: Vec<&'static str> = Vec::new();
        for _ in 0..rng.range(2, 4) {
            let f = rng.pick(v::FIELDS);
            if !fields.contains(f) {
                fields.push(f);
            }
        }
        let start = published.y + rng.range(0, 1);
        let first = rng.range(published.y - 30, published.y - 5);
        Cast {
            published,
            time: (rng.range(6, 22), rng.range(0, 59)),
            event,
            vn,
            vn_locals,
            partner,
            vn_leader: vn_person(rng, vn),
            vn_deputy: vn_person(rng, vn),
            fx_leader: foreign_person(rng, partner.code, &fx_d),
            fx_deputy: foreign_person(rng, partner.code, &fx_d),
            fx_d,
            fx_name,
            fx_city,
            inst: rng.pick::<&str>(v::INSTRUMENTS),
            past_inst: rng.pick::<&str>(v::INSTRUMENTS),
            past_inst2: rng.pick::<&str>(v::INSTRUMENTS),
            fields,
            term: (start, start + rng.range(2, 5)),
            past_years: (first, rng.range(first + 1, published.y - 1)),
        }
    }
}

/// The page being written: the cast, the randomness, and the text so far.
struct Page<'w, 'g> {
    world: &'w World<'g>,
    cast: Cast<'g>,
    rng: &'w mut Rng,
    out: String,
    separator: &'static str,
    /// Event sentences already in the article.
    used: Vec<&'static str>,
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(f) => f.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn thousands(n: u32) -> String {
    if n >= 1000 {
        format!("{}.{:03}", n / 1000, n % 1000)
    } else {
        n.to_string()
    }
}

impl Page<'_, '_> {
    /// Fills a template's placeholders; an unknown one is left as written (tests catch it).
    fn render(&mut self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 96);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                break;
            };
            let key = &after[..close];
            let lower = key.to_lowercase();
            match self.value(&lower) {
                Some(v) if lower != key => out.push_str(&capitalize(&v)),
                Some(v) => out.push_str(&v),
                None => out.push_str(&rest[open..open + close + 2]),
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }

    fn pick_render(&mut self, group: &'static [&'static str]) -> String {
        let template = *self.rng.pick(group);
        self.render(template)
    }

    fn leader(&mut self, foreign: bool, deputy: bool) -> String {
        let vn_style = !foreign && self.rng.chance(40);
        let p = match (foreign, deputy) {
            (false, false) => &self.cast.vn_leader,
            (false, true) => &self.cast.vn_deputy,
            (true, false) => &self.cast.fx_leader,
            (true, true) => &self.cast.fx_deputy,
        };
        match self.rng.below(4) {
            0 if vn_style => format!("đồng chí {}, {}", p.name, p.title),
            0 => format!("{} {}, {}", p.honorific(), p.name, p.title),
            _ => format!("{} {}", p.title, p.name),
        }
    }

    fn reference(&mut self, foreign: bool) -> String {
        let p = if foreign {
            &self.cast.fx_leader
        } else {
            &self.cast.vn_leader
        };
        match self.rng.below(3) {
            0 => format!("{} {}", p.honorific(), p.name),
            _ => format!("{} {}", p.short, p.name),
        }
    }

    fn qualifier(&mut self) -> String {
        let country = self.cast.partner.name;
        match self.rng.below(10) {
            0..=4 => format!(" ({country})"),
            5 => format!(", {country}"),
            6 => format!(" của {country}"),
            7 => format!(" - {country}"),
            _ => String::new(),
        }
    }

    fn vn_org(&mut self) -> String {
        let vn = self.cast.vn;
        match self.rng.below(7) {
            0 => format!("UBND {}", vn_designated(vn, self.rng)),
            1 => format!("Ủy ban nhân dân {}", vn_designated(vn, self.rng)),
            2 => format!("HĐND {}", vn_designated(vn, self.rng)),
            3 => vn_party(vn),
            4 => format!("Ban Thường vụ {}", vn_party(vn)),
            5 => format!("Sở Ngoại vụ {}", vn_designated(vn, self.rng)),
            _ => format!(
                "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch {}",
                vn_designated(vn, self.rng)
            ),
        }
    }

    fn fx_org(&mut self) -> String {
        let d = &self.cast.fx_d;
        match (self.cast.partner.code, self.rng.below(3)) {
            ("LA" | "CN", 0) => format!("Ủy ban nhân dân {d}"),
            ("LA" | "CN", 1) => format!("Tỉnh ủy {}", self.cast.fx_name),
            ("FR" | "BE" | "IT" | "ES", 0 | 1) => format!("Hội đồng {d}"),
            (_, 0) => format!("Hội đồng {d}"),
            _ => format!("Chính quyền {d}"),
        }
    }

    fn when(&mut self) -> String {
        let Day { y, m, d } = self.cast.event;
        let part = *self.rng.pick(&["sáng ", "chiều ", "tối ", "trưa ", ""]);
        let date = match self.rng.below(5) {
            0 => format!("{d}-{m}"),
            1 => format!("{d}/{m}"),
            2 => format!("ngày {d}/{m}"),
            3 => format!("ngày {d:02}/{m:02}/{y}"),
            _ => format!("ngày {d}-{m}-{y}"),
        };
        if part.is_empty() && !date.starts_with("ngày") {
            format!("ngày {date}")
        } else {
            format!("{part}{date}")
        }
    }

    fn span(&mut self) -> String {
        let Day { y, m, d } = self.cast.event;
        let s = d.min(23);
        let e = s + self.rng.range(2, 5);
        match self.rng.below(4) {
            0 => format!("từ ngày {s} đến {e}/{m}"),
            1 => format!("trong các ngày {s}-{e}/{m}"),
            2 => format!("từ ngày {s}/{m} đến ngày {e}/{m}/{y}"),
            _ => format!("từ {s} - {e}/{m}/{y}"),
        }
    }

    fn later(&mut self) -> String {
        let Day { y, m, .. } = self.cast.published;
        let ahead = m + self.rng.range(1, 4);
        let (ny, nm) = if ahead > 12 {
            (y + 1, ahead - 12)
        } else {
            (y, ahead)
        };
        match self.rng.below(4) {
            0 => format!("tháng {nm}/{ny}"),
            1 if m < 10 => format!("cuối năm {y}"),
            1 => format!("đầu năm {}", y + 1),
            2 => format!(
                "quý {}/{ny}",
                ["I", "II", "III", "IV"][((nm - 1) / 3) as usize]
            ),
            _ => format!("ngày {}/{nm}/{ny}", self.rng.range(1, 28)),
        }
    }

    fn fields(&mut self) -> String {
        match self.cast.fields.as_slice() {
            [] => String::new(),
            [one] => one.to_string(),
            [init @ .., last] => format!("{} và {last}", init.join(", ")),
        }
    }

    fn value(&mut self, key: &str) -> Option<String> {
        let c = &self.cast;
        let w = self.world;
        Some(match key {
            "vn" => vn_designated(c.vn, self.rng),
            "vn_name" => vn_bare(c.vn).to_string(),
            "vn_org" => self.vn_org(),
            "vn_local" => match c.vn_locals.as_slice() {
                [] => vn_bare(c.vn).to_string(),
                locals => self.rng.pick(locals).name.to_string(),
            },
            "vn_leader" => self.leader(false, false),
            "vn_deputy" => self.leader(false, true),
            "vn_leader_ref" => self.reference(false),
            "vn_leader_title" => c.vn_leader.title.clone(),
            "fx" => {
                let qualifier = self.qualifier();
                format!("{}{qualifier}", self.cast.fx_d)
            }
            "fx_d" => c.fx_d.clone(),
            "fx_name" => c.fx_name.to_string(),
            "fx_org" => self.fx_org(),
            "fx_city" => c.fx_city.clone().unwrap_or_else(|| c.fx_d.clone()),
            "fx_leader" => self.leader(true, false),
            "fx_deputy" => self.leader(true, true),
            "fx_leader_ref" => self.reference(true),
            "qual" => self.qualifier(),
            "country" => c.partner.name.to_string(),
            "any_vn" => vn_designated(self.rng.pick(&w.g.vn_regions), self.rng),
            "any_vn_name" => vn_bare(self.rng.pick(&w.g.vn_regions)).to_string(),
            "any_vn_local" => {
                let local = self.rng.pick(&w.g.vn_locals);
                match w.g.vn_regions.iter().find(|p| p.code == local.code) {
                    Some(province) => {
                        format!("{}, {}", local.name, vn_designated(province, self.rng))
                    }
                    None => local.name.to_string(),
                }
            }
            "any_fx" => {
                let (country, place) = *self.rng.pick(&w.foreign);
                let region = country.regions.iter().any(|r| std::ptr::eq(r, place));
                let name = spelling(place, self.rng);
                let designator = if region {
                    fx_designator(country.code, place.code, true)
                } else {
                    local_designator(self.rng)
                };
                let d = designate(designator, name);
                format!("{d} ({})", country.name)
            }
            "any_country" => self.rng.pick(&w.countries).to_string(),
            "when" => self.when(),
            "day_l" => format!("ngày {}/{}", c.event.d + 1, c.event.m),
            "span" => self.span(),
            "later" => self.later(),
            "year" => c.published.y.to_string(),
            "prev_year" => (c.published.y - 1).to_string(),
            "past_year" => c.past_years.0.to_string(),
            "past_year2" => c.past_years.1.to_string(),
            "anniv" => self.rng.range(30, 55).to_string(),
            "anniv_local" => (c.published.y - c.past_years.0).to_string(),
            "term" => {
                let (a, b) = c.term;
                match self.rng.below(3) {
                    0 => format!("giai đoạn {a}-{b}"),
                    1 => format!("giai đoạn {a} - {b}"),
                    _ => format!("giai đoạn {a}–{b}"),
                }
            }
            "inst" => c.inst.to_string(),
            "past_inst" => c.past_inst.to_string(),
            "past_inst2" => c.past_inst2.to_string(),
            "fields" => self.fields(),
            "field" => self.rng.pick(&c.fields).to_string(),
            "festival" => self.rng.pick(v::FESTIVALS).to_string(),
            "months" => self.rng.range(3, 11).to_string(),
            "n" => self.rng.range(2, 60).to_string(),
            "small" => self.rng.range(2, 5).to_string(),
            "pct" => match self.rng.below(3) {
                0 => format!("{}%", self.rng.range(1, 19)),
                _ => format!("{},{}%", self.rng.range(1, 19), self.rng.range(0, 9)),
            },
            "bn" => match self.rng.below(2) {
                0 => format!("{},{} tỷ USD", self.rng.range(1, 30), self.rng.range(1, 9)),
                _ => format!("{} triệu USD", self.rng.range(50, 950)),
            },
            "big" => thousands(self.rng.range(1_200, 950_000)),
            "vnd" => format!("{} tỷ đồng", thousands(self.rng.range(1_000, 90_000))),
            _ => return None,
        })
    }
}

/// Room kept for a line of page furniture: it is only added while the article stays under
/// [`MAX_ARTICLE_BYTES`] with this much to spare.
const FURNITURE_LINE_BYTES: usize = 800;

/// Image hosts for markdown picture lines.
const IMAGE_HOSTS: &[&str] = &[
    "baoquocte.vn",
    "hanoimoi.vn",
    "vietnamplus.vn",
    "dangcongsan.vn",
    "baotintuc.vn",
];

impl Page<'_, '_> {
    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn paragraph(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push_str(self.separator);
    }

    fn room(&self) -> bool {
        self.out.len() + FURNITURE_LINE_BYTES < MAX_ARTICLE_BYTES
    }

    fn hex(&mut self, digits: usize) -> String {
        (0..digits)
            .map(|_| char::from(b"0123456789abcdef"[self.rng.below(16)]))
            .collect()
    }

    /// Navigation, the title (sometimes printed twice), the dateline and the lead.
    fn header(&mut self, kind: Kind) {
        if self.rng.chance(35) {
            for _ in 0..self.rng.range(1, 3) {
                let nav = *self.rng.pick(v::NAVIGATION);
                self.line(nav);
            }
        }
        let title = self.pick_render(kind.titles());
        self.paragraph(&title);
        match self.rng.below(100) {
            0..=19 => self.paragraph(&title),
            20..=27 => self.paragraph(&title.to_uppercase()),
            _ => {}
        }
        if self.rng.chance(75) {
            let dateline = self.dateline();
            self.paragraph(&dateline);
        }
        let prefix = self.lead_prefix(kind);
        let lead = self.pick_render(kind.leads());
        self.paragraph(&format!("{prefix}{lead}"));
    }

    fn dateline(&mut self) -> String {
        let Day { y, m, d } = self.cast.published;
        let (hh, mm) = self.cast.time;
        let wd = v::WEEKDAYS[weekday(self.cast.published)];
        match self.rng.below(7) {
            0 => format!("{wd}, {d:02}/{m:02}/{y} - {hh:02}:{mm:02}"),
            1 => format!("{d:02}/{m:02}/{y} {hh:02}:{mm:02}"),
            2 => format!("{hh:02}:{mm:02} | {d:02}/{m:02}/{y} GMT+7"),
            3 => format!("{},  {d:02}/{m:02}/{y}", capitalize(&wd.to_lowercase())),
            4 => format!("Cập nhật: {hh:02}:{mm:02} ngày {d:02}/{m:02}/{y}"),
            5 => format!("Ngày đăng: {d:02}/{m:02}/{y}"),
            _ => format!("{wd}, ngày {d:02}/{m:02}/{y}"),
        }
    }

    /// The agency or site that signs the lead ("(Chinhphu.vn) - ", "Hà Nội, ngày 5/9 (TTXVN) - ").
    fn lead_prefix(&mut self, kind: Kind) -> String {
        let Day { m, d, .. } = self.cast.published;
        match self.rng.below(8) {
            0 => "(Chinhphu.vn) - ".to_string(),
            1 => format!("({}) - ", self.rng.pick(v::SOURCES)),
            2 => {
                let city = if kind == Kind::Trip {
                    self.cast.fx_name
                } else {
                    vn_bare(self.cast.vn)
                };
                format!("{city}, ngày {d}/{m} (TTXVN) - ")
            }
            3 => format!("{} - ", self.rng.pick(v::SOURCES)),
            _ => String::new(),
        }
    }

    /// An event paragraph, a paragraph of economic filler, or a photo with its caption.
    fn body_block(&mut self, kind: Kind) {
        let roll = self.rng.below(100);
        if roll < 55 && kind != Kind::Economy {
            let sentences = self.rng.range(1, 4);
            let text = self.sentences(kind.bodies(), sentences);
            self.paragraph(&text);
        } else if roll < 85 {
            let sentences = self.rng.range(2, 6);
            let text = self.sentences(&[t::BODY_ECONOMY], sentences);
            self.paragraph(&text);
        } else {
            self.caption_block();
        }
    }

    /// Sentences from the groups; an event sentence is used once per article, as a reporter
    /// would not repeat one, and when the draws keep hitting used ones the paragraph takes
    /// economic filler instead.
    fn sentences(&mut self, groups: &[&'static [&'static str]], count: u32) -> String {
        const TRIES: usize = 4;
        let mut text = String::new();
        for _ in 0..count {
            let fresh = (0..TRIES).find_map(|_| {
                let group = *self.rng.pick(groups);
                let template = *self.rng.pick(group);
                // Filler names fresh places each time, so it may repeat.
                let repeatable = t::BODY_ECONOMY.contains(&template);
                (repeatable || !self.used.contains(&template)).then_some(template)
            });
            let template = match fresh {
                Some(template) => {
                    self.used.push(template);
                    template
                }
                None => *self.rng.pick(t::BODY_ECONOMY),
            };
            let sentence = self.render(template);
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&sentence);
        }
        text
    }

    /// A caption as sites print it: after an image line or a file name, with or without its
    /// credit, often twice (once as alt text).
    fn caption_block(&mut self) {
        let caption = self.pick_render(t::CAPTION);
        let mut lines = Vec::new();
        if self.rng.chance(15) {
            let host = *self.rng.pick(IMAGE_HOSTS);
            lines.push(format!(
                "![{caption}](https://{host}/uploads/{}.jpg)",
                self.hex(20)
            ));
        } else if self.rng.chance(10) {
            lines.push(format!("{}.jpg", self.hex(20)));
        }
        let credit = *self.rng.pick(v::CREDITS);
        let shown = if self.rng.chance(35) {
            format!("{caption} ({credit})")
        } else {
            caption
        };
        if self.rng.chance(40) {
            lines.push(shown.clone());
        }
        lines.push(shown);
        if self.rng.chance(25) {
            lines.push(credit.to_string());
        }
        self.paragraph(&lines.join("\n"));
    }

    /// Byline, tags, a related-news block and the footer.
    fn tail(&mut self) {
        match self.rng.below(4) {
            0 => {
                let reporter = *self.rng.pick(v::REPORTERS);
                self.paragraph(reporter);
            }
            1 => {
                let source = *self.rng.pick(v::SOURCES);
                self.paragraph(&format!("Theo {source}"));
            }
            _ => {}
        }
        if self.rng.chance(40) {
            let tag = *self.rng.pick(v::TAGS);
            let line = match self.rng.below(2) {
                0 => format!(
                    "Tags: {tag}, {}, {}",
                    vn_bare(self.cast.vn),
                    self.cast.partner.name
                ),
                _ => format!("Từ khóa: #{} #{tag}", vn_bare(self.cast.vn)),
            };
            self.paragraph(&line);
        }
        if self.rng.chance(65) {
            self.related();
        }
        if self.rng.chance(40) {
            for _ in 0..self.rng.range(1, 4) {
                let footer = *self.rng.pick(v::FOOTER);
                if self.room() {
                    self.line(footer);
                }
            }
        }
    }

    /// A related-news heading and headlines of other articles, some printed twice on one line
    /// as link widgets do, some with their lead.
    fn related(&mut self) {
        let heading = *self.rng.pick(v::RELATED);
        self.line(heading);
        for _ in 0..self.rng.range(3, 6) {
            if !self.room() {
                break;
            }
            let kind = Kind::draw(self.rng);
            let other = Cast::draw(self.world, self.rng);
            let own = std::mem::replace(&mut self.cast, other);
            let headline = self.pick_render(kind.titles());
            let summary = if self.rng.chance(25) {
                Some(self.pick_render(kind.leads()))
            } else {
                None
            };
            self.cast = own;
            let bullet = if self.rng.chance(20) { "  • " } else { "" };
            if self.rng.chance(25) {
                self.line(&format!("{bullet}{headline} {headline}"));
            } else {
                self.line(&format!("{bullet}{headline}"));
            }
            if let Some(summary) = summary {
                self.line(&format!(
                    "{}{summary}",
                    if bullet.is_empty() { "" } else { "    " }
                ));
            }
        }
    }
}

/// Writes article number `index` of a corpus, all its randomness from `rng`.
pub fn write(world: &World<'_>, index: usize, rng: &mut Rng) -> GeneratedArticle {
    let kind = Kind::draw(rng);
    let cast = Cast::draw(world, rng);
    let separator = if rng.chance(50) { "\n\n" } else { "\n" };
    // Sizes skew small, as news does: most articles a few KB, a few near the maximum.
    let u = rng.below(1000);
    let target = MIN_ARTICLE_BYTES + (MAX_BODY_TARGET - MIN_ARTICLE_BYTES) * u * u / 1_000_000;
    let mut page = Page {
        world,
        cast,
        rng,
        out: String::with_capacity(target + 4096),
        separator,
        used: Vec::new(),
    };
    page.header(kind);
    while page.out.len() < target {
        page.body_block(kind);
    }
    page.tail();
    GeneratedArticle {
        name: format!("{index:06}-{}", kind.name()),
        text: page.out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_are_right() {
        // 12 May 2025 was a Monday, 1 January 2000 a Saturday, 29 February 2024 a Thursday.
        assert_eq!(
            weekday(Day {
                y: 2025,
                m: 5,
                d: 12
            }),
            1
        );
        assert_eq!(
            weekday(Day {
                y: 2000,
                m: 1,
                d: 1
            }),
            6
        );
        assert_eq!(
            weekday(Day {
                y: 2024,
                m: 2,
                d: 29
            }),
            4
        );
    }

    #[test]
    fn places_get_the_designator_the_press_uses() {
        assert_eq!(
            designate(fx_designator("JP", "JP-40", true), "Fukuoka"),
            "tỉnh Fukuoka"
        );
        assert_eq!(
            designate(fx_designator("US", "US-NE", true), "Nebraska"),
            "bang Nebraska"
        );
        assert_eq!(
            designate(fx_designator("LA", "LA-VT", true), "Viêng Chăn"),
            "thủ đô Viêng Chăn"
        );
        assert_eq!(
            designate(fx_designator("BY", "BY-MI", true), "Minsk Oblast"),
            "Minsk Oblast"
        );
        assert_eq!(
            designate(fx_designator("JP", "JP-01", false), "Sapporo"),
            "thành phố Sapporo"
        );
        assert_eq!(
            designate(fx_designator("GB", "GB-SCT", true), "Scotland"),
            "Scotland"
        );
    }

    #[test]
    fn every_placeholder_of_every_template_is_filled() {
        let g = Gazetteer::builtin();
        let world = World::new(&g);
        let mut rng = Rng::new(3);
        let cast = Cast::draw(&world, &mut rng);
        let mut page = Page {
            world: &world,
            cast,
            rng: &mut rng,
            out: String::new(),
            separator: "\n",
            used: Vec::new(),
        };
        for group in t::ALL {
            for template in *group {
                for _ in 0..20 {
                    let text = page.render(template);
                    assert!(!text.contains(['{', '}']), "{template} -> {text}");
                    assert!(!text.contains("  "), "{template} -> {text}");
                }
            }
        }
    }

    #[test]
    fn sizes_stay_within_bounds() {
        let g = Gazetteer::builtin();
        let world = World::new(&g);
        let mut seeds = Rng::new(11);
        for i in 0..2_000 {
            let mut rng = Rng::new(seeds.next_u64());
            let a = write(&world, i, &mut rng);
            let n = a.text.len();
            assert!(
                (MIN_ARTICLE_BYTES..=MAX_ARTICLE_BYTES).contains(&n),
                "{} has {n} bytes",
                a.name
            );
        }
    }
}
