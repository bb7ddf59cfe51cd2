//! Word lists: names in the shapes of the partner countries, titles, instruments, fields of
//! cooperation, and the page furniture of Vietnamese news sites.

/// Vietnamese family names.
pub const VN_SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Lương", "Mai", "Tạ", "Đoàn", "Lâm", "Cao",
];
/// Vietnamese middle names of men.
pub const VN_MIDDLE_MEN: &[&str] = &[
    "Văn", "Đức", "Minh", "Quang", "Xuân", "Hồng", "Thanh", "Ngọc", "Mạnh", "Hữu", "Công", "Tiến",
    "Quốc", "Duy",
];
/// Vietnamese middle names of women.
pub const VN_MIDDLE_WOMEN: &[&str] = &["Thị", "Thị", "Thu", "Ngọc", "Thanh", "Thúy", "Kim", "Minh"];
/// Vietnamese given names of men.
pub const VN_GIVEN_MEN: &[&str] = &[
    "Tuấn", "Hải", "Hùng", "Sơn", "Dũng", "Thắng", "Tiến", "Long", "Phong", "Trung", "Khánh",
    "Cường", "Hiếu", "Lợi", "Thành", "Tâm", "Quân", "Vinh", "Toàn", "Hưng", "Đạt", "Huy", "Kiên",
    "Nghĩa", "Khoa",
];
/// Vietnamese given names of women.
pub const VN_GIVEN_WOMEN: &[&str] = &[
    "Lan",
    "Hương",
    "Hoa",
    "Mai",
    "Hằng",
    "Thảo",
    "Linh",
    "Tuyến",
    "Yến",
    "Trang",
    "Phượng",
    "Dung",
    "Vân",
    "Hạnh",
    "Liên",
];

/// How people of a country are named: family names, given names (men), given names (women),
/// and whether the family name is written first.
pub struct NameShape {
    /// Family names.
    pub family: &'static [&'static str],
    /// Given names of men.
    pub men: &'static [&'static str],
    /// Given names of women.
    pub women: &'static [&'static str],
    /// Family name first, as the Vietnamese press writes Japanese, Korean and Chinese names.
    pub family_first: bool,
}

const JAPANESE: NameShape = NameShape {
    family: &[
        "Suzuki",
        "Tanaka",
        "Yamamoto",
        "Watanabe",
        "Sato",
        "Takahashi",
        "Ito",
        "Nakamura",
        "Kobayashi",
        "Kato",
        "Yoshida",
        "Matsumoto",
        "Inoue",
        "Kimura",
        "Hayashi",
        "Shimizu",
        "Mori",
        "Ikeda",
        "Hashimoto",
        "Ishikawa",
        "Ogawa",
        "Okada",
        "Hattori",
        "Nishimura",
    ],
    men: &[
        "Hiroshi",
        "Takeshi",
        "Kenji",
        "Naomichi",
        "Seitaro",
        "Katsuji",
        "Akira",
        "Makoto",
        "Yoshihiko",
        "Tsutomu",
        "Haruki",
        "Kazuo",
        "Shinji",
        "Masahiro",
        "Ryota",
        "Daisuke",
    ],
    women: &[
        "Yuko", "Keiko", "Naoko", "Akiko", "Sachiko", "Yumi", "Mariko", "Hiromi",
    ],
    family_first: true,
};
const KOREAN: NameShape = NameShape {
    family: &[
        "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh",
        "Seo", "Shin", "Kwon", "Hwang",
    ],
    men: &[
        "Young-rok",
        "Jin-ho",
        "Sang-min",
        "Min-su",
        "Dong-hyun",
        "Jae-won",
        "Kyung-soo",
        "Seung-woo",
        "Hyun-woo",
        "Tae-hoon",
        "Sung-ho",
        "Byung-chul",
    ],
    women: &[
        "Hye-jin", "Ji-young", "Eun-ji", "Soo-jin", "Mi-kyung", "Yeon-hee",
    ],
    family_first: true,
};
const CHINESE: NameShape = NameShape {
    family: &[
        "Vương", "Lưu", "Trương", "Lý", "Triệu", "Chu", "Tôn", "Mã", "Quách", "Hà", "Cao", "Tạ",
    ],
    men: &[
        "Ninh",
        "Cương",
        "Kiến Quốc",
        "Hải Đào",
        "Vĩnh Khang",
        "Chí Cường",
        "Văn Bân",
        "Hồng Ba",
        "Quốc Bình",
        "Hiểu Phong",
    ],
    women: &["Tiểu Minh", "Lệ Hoa", "Mỹ Linh", "Tú Anh", "Hiểu Yến"],
    family_first: true,
};
const LAO: NameShape = NameShape {
    family: &[
        "Phommavong",
        "Sisouk",
        "Sinxayvoravong",
        "Keovongsay",
        "Vongsavath",
        "Inthavong",
        "Chanthavong",
        "Xayavong",
        "Phôm Ma Vông",
        "Xi Xúc",
        "Kẹo Vông Xay",
        "Ín Tha Vông",
    ],
    men: &[
        "Khamphanh",
        "Bounthong",
        "Phonesavanh",
        "Khamsay",
        "Somphone",
        "Bounleua",
        "Vanxay",
        "Khăm Phăn",
        "Bun Thoong",
        "Xổm Phon",
        "Phút Phăn",
    ],
    women: &[
        "Sengdeuane",
        "Souksavanh",
        "Chanthaboun",
        "Vi Lay",
        "Bua Khăm",
    ],
    family_first: false,
};
const KHMER: NameShape = NameShape {
    family: &[
        "Sok", "Chea", "Keo", "Chhim", "Men", "Pen", "Ouk", "Sar", "Mam", "Ly",
    ],
    men: &[
        "Sokha",
        "Vanna",
        "Sothea",
        "Bunthoeun",
        "Sophal",
        "Vuthy",
        "Dara",
    ],
    women: &["Chenda", "Sreymom", "Chanthou", "Sokunthea"],
    family_first: true,
};
const THAI: NameShape = NameShape {
    family: &[
        "Wongsawat",
        "Chaiyaporn",
        "Srisuk",
        "Boonmee",
        "Thongchai",
        "Saengthong",
        "Rattanakorn",
        "Phromma",
        "Kittisak",
    ],
    men: &[
        "Somchai", "Somsak", "Prasert", "Surachai", "Niran", "Wichai", "Chatchai", "Anan",
    ],
    women: &["Pornthip", "Kanya", "Suda", "Malee"],
    family_first: false,
};
const FRENCH: NameShape = NameShape {
    family: &[
        "Martin",
        "Dubois",
        "Lefèvre",
        "Moreau",
        "Girard",
        "Bernard",
        "Rousseau",
        "Fontaine",
        "Mercier",
        "Bonnet",
        "Lambert",
        "Faure",
        "Chevalier",
    ],
    men: &[
        "Jean-Pierre",
        "Philippe",
        "François",
        "Nicolas",
        "Laurent",
        "Stéphane",
        "Pierre",
        "Olivier",
    ],
    women: &[
        "Marie",
        "Isabelle",
        "Catherine",
        "Sophie",
        "Christine",
        "Anne",
        "Valérie",
    ],
    family_first: false,
};
const GERMAN: NameShape = NameShape {
    family: &[
        "Schmidt",
        "Müller",
        "Schneider",
        "Fischer",
        "Weber",
        "Wagner",
        "Becker",
        "Hoffmann",
        "Schulz",
        "Koch",
        "Richter",
        "Klein",
    ],
    men: &[
        "Andreas", "Thomas", "Stefan", "Markus", "Jürgen", "Wolfgang", "Ralf", "Uwe",
    ],
    women: &["Petra", "Sabine", "Claudia", "Katrin", "Ursula"],
    family_first: false,
};
const ENGLISH: NameShape = NameShape {
    family: &[
        "Brown", "Johnson", "Smith", "Miller", "Wilson", "Taylor", "Anderson", "Moore", "Clark",
        "Lewis", "Walker", "Hall",
    ],
    men: &[
        "Michael", "David", "James", "Robert", "John", "Mark", "Andrew", "Daniel",
    ],
    women: &["Sarah", "Jennifer", "Emily", "Susan", "Karen", "Rebecca"],
    family_first: false,
};
const RUSSIAN: NameShape = NameShape {
    family: &[
        "Ivanov",
        "Petrov",
        "Smirnov",
        "Kuznetsov",
        "Popov",
        "Sokolov",
        "Lebedev",
        "Kozlov",
        "Novikov",
        "Morozov",
        "Volkov",
    ],
    men: &[
        "Alexander",
        "Sergei",
        "Dmitry",
        "Vladimir",
        "Andrei",
        "Igor",
        "Nikolai",
        "Mikhail",
    ],
    women: &["Olga", "Tatiana", "Elena", "Natalia"],
    family_first: false,
};
const LATIN: NameShape = NameShape {
    family: &[
        "García",
        "Rodríguez",
        "Fernández",
        "López",
        "Rossi",
        "Bianchi",
        "Romano",
        "Ricci",
        "Martínez",
        "Colombo",
    ],
    men: &[
        "Carlos", "José", "Antonio", "Marco", "Giuseppe", "Luca", "Javier",
    ],
    women: &["María", "Francesca", "Elena", "Lucía"],
    family_first: false,
};
const INDIAN: NameShape = NameShape {
    family: &[
        "Sharma", "Patel", "Singh", "Kumar", "Gupta", "Reddy", "Nair", "Rao",
    ],
    men: &["Rajesh", "Anil", "Suresh", "Vikram", "Arjun", "Deepak"],
    women: &["Priya", "Sunita", "Lakshmi", "Anjali"],
    family_first: false,
};
const MALAY: NameShape = NameShape {
    family: &[
        "Santoso", "Wijaya", "Hidayat", "Abdullah", "Ibrahim", "Santos", "Reyes", "Cruz",
    ],
    men: &["Budi", "Ahmad", "Agus", "Mohamad", "Juan", "Ramon"],
    women: &["Siti", "Dewi", "Nurul", "Maria"],
    family_first: false,
};

/// The name shape for people of a country (ISO 3166-1 code).
pub fn name_shape(country: &str) -> &'static NameShape {
    match country {
        "JP" => &JAPANESE,
        "KR" => &KOREAN,
        "CN" | "TW" => &CHINESE,
        "LA" => &LAO,
        "KH" => &KHMER,
        "TH" => &THAI,
        "FR" | "BE" => &FRENCH,
        "DE" | "CZ" | "PL" | "HU" | "NL" => &GERMAN,
        "RU" | "BY" | "MN" => &RUSSIAN,
        "ES" | "IT" | "CU" => &LATIN,
        "IN" => &INDIAN,
        "ID" | "MY" | "PH" | "MM" => &MALAY,
        _ => &ENGLISH,
    }
}

/// Titles of Vietnamese provincial leaders: (full title with `{d}` for the designated place and
/// `{party}` for its Party committee, short title).
pub const VN_TITLES: &[(&str, &str)] = &[
    ("Chủ tịch UBND {d}", "Chủ tịch UBND"),
    ("Phó Chủ tịch UBND {d}", "Phó Chủ tịch UBND"),
    (
        "Phó Chủ tịch Thường trực UBND {d}",
        "Phó Chủ tịch Thường trực UBND",
    ),
    ("Chủ tịch HĐND {d}", "Chủ tịch HĐND"),
    ("Phó Chủ tịch HĐND {d}", "Phó Chủ tịch HĐND"),
    ("Bí thư {party}", "Bí thư"),
    ("Phó Bí thư Thường trực {party}", "Phó Bí thư Thường trực"),
    ("Giám đốc Sở Ngoại vụ {d}", "Giám đốc Sở Ngoại vụ"),
    ("Ủy viên Trung ương Đảng, Bí thư {party}", "Bí thư"),
    (
        "Ủy viên Ban Thường vụ {party}, Phó Chủ tịch UBND {d}",
        "Phó Chủ tịch UBND",
    ),
    ("Chủ tịch Ủy ban nhân dân {d}", "Chủ tịch"),
];

/// Titles of foreign regional leaders, by the kind of region: (full title with `{d}`, short).
pub fn foreign_titles(country: &str) -> &'static [(&'static str, &'static str)] {
    match country {
        "JP" => &[
            ("Thống đốc {d}", "Thống đốc"),
            ("Phó Thống đốc {d}", "Phó Thống đốc"),
            ("Chủ tịch Hội đồng {d}", "Chủ tịch Hội đồng"),
            ("Phó Chủ tịch Hội đồng {d}", "Phó Chủ tịch Hội đồng"),
        ],
        "KR" | "TH" | "KH" => &[
            ("Tỉnh trưởng {d}", "Tỉnh trưởng"),
            ("Phó Tỉnh trưởng {d}", "Phó Tỉnh trưởng"),
            ("Chủ tịch Hội đồng {d}", "Chủ tịch Hội đồng"),
        ],
        "CN" | "LA" => &[
            ("Bí thư Tỉnh ủy, Tỉnh trưởng {d}", "Tỉnh trưởng"),
            ("Phó Tỉnh trưởng {d}", "Phó Tỉnh trưởng"),
            ("Phó Bí thư Tỉnh ủy {d}", "Phó Bí thư"),
            ("Chủ tịch Chính hiệp {d}", "Chủ tịch"),
        ],
        "FR" | "BE" | "IT" | "ES" | "CZ" => &[
            ("Chủ tịch Hội đồng {d}", "Chủ tịch"),
            ("Phó Chủ tịch {d}", "Phó Chủ tịch"),
            ("Ủy viên Hội đồng {d}", "Ủy viên"),
        ],
        _ => &[
            ("Thống đốc {d}", "Thống đốc"),
            ("Phó Thống đốc {d}", "Phó Thống đốc"),
            ("Chủ tịch Nghị viện {d}", "Chủ tịch Nghị viện"),
            ("Bộ trưởng Phát triển kinh tế {d}", "Bộ trưởng"),
        ],
    }
}

/// Written instruments of cooperation, lowercase.
pub const INSTRUMENTS: &[&str] = &[
    "biên bản ghi nhớ hợp tác",
    "biên bản ghi nhớ (MOU) về hợp tác",
    "bản ghi nhớ về việc thiết lập quan hệ hợp tác",
    "thỏa thuận hợp tác",
    "thỏa thuận hợp tác hữu nghị",
    "thỏa thuận thiết lập quan hệ hữu nghị và hợp tác",
    "thỏa thuận hữu nghị",
    "thỏa thuận tăng cường quan hệ hợp tác",
    "biên bản thỏa thuận hợp tác",
    "biên bản hội đàm",
    "ý định thư hợp tác",
    "thư ý định (LOI) về hợp tác",
    "hiệp ước kết nghĩa",
    "chương trình hợp tác",
];

/// Fields of cooperation as the press names them.
pub const FIELDS: &[&str] = &[
    "giáo dục",
    "giáo dục - đào tạo",
    "y tế",
    "du lịch",
    "nông nghiệp",
    "văn hóa",
    "thương mại",
    "đầu tư",
    "môi trường",
    "khoa học - công nghệ",
    "đào tạo nguồn nhân lực",
    "giao lưu nhân dân",
    "lao động",
    "công nghiệp hỗ trợ",
    "giao thông",
    "quy hoạch đô thị",
    "chuyển đổi số",
    "năng lượng tái tạo",
    "thủy sản",
    "logistics",
    "chăm sóc sức khỏe",
    "thể thao",
    "phòng chống thiên tai",
];

/// Events a delegation comes for.
pub const FESTIVALS: &[&str] = &[
    "Lễ hội Hoa Phượng Đỏ",
    "Lễ hội Áo dài",
    "Festival Biển",
    "Lễ hội Hoa anh đào",
    "Hội chợ Thương mại quốc tế",
    "Diễn đàn Hợp tác địa phương",
    "Tuần lễ Văn hóa và Ẩm thực",
];

/// News sites and agencies, as they sign datelines and credits.
pub const SOURCES: &[&str] = &[
    "Chinhphu.vn",
    "Baoquocte",
    "TTXVN",
    "VOV.VN",
    "Kinhtedothi",
    "HNM",
    "QNO",
    "LSO",
    "PLVN",
    "Dân trí",
    "VietnamPlus",
    "Nhân Dân",
    "Báo Đầu tư",
    "CTTĐT",
];

/// Photo credits.
pub const CREDITS: &[&str] = &[
    "Ảnh: TTXVN",
    "Ảnh: VGP/Nhật Bắc",
    "Ảnh: Minh Anh",
    "ảnh: hanoimoi.com.vn",
    "Ảnh: Thu Hà",
    "Ảnh: Cổng TTĐT tỉnh",
    "Ảnh: BTC",
    "Nguồn: Sở Ngoại vụ",
];

/// Bylines.
pub const REPORTERS: &[&str] = &[
    "Minh Anh",
    "Thu Hà",
    "Hồng Nhung",
    "Quang Vinh",
    "Ngọc Lan",
    "PV",
    "Nhóm PV",
    "Hoàng Nam (TTXVN)",
    "Mai Phương",
    "Trần Hưng",
    "KT (T/h)",
];

/// Site navigation and widgets printed above an article.
pub const NAVIGATION: &[&str] = &[
    "Trang chủ | Thời sự | Chính trị | Kinh tế | Xã hội | Quốc tế | Văn hóa",
    "Đăng ký ấn phẩm|Đăng nhập",
    "Logo",
    "Trang chủ » Đối ngoại » Hợp tác quốc tế",
    "Chính trị - Đối ngoại",
    "Xem với cỡ chữ",
    "aa",
    "Việt Nam vươn mình trong kỷ nguyên mới",
    "Tìm kiếm",
    "English | Tiếng Việt | 中文",
    "Nghe đọc bài viết",
    "Facebook Twitter Zalo Email In bài",
];

/// Headings of related-news blocks (the cleaner cuts the page there).
pub const RELATED: &[&str] = &[
    "Tin liên quan",
    "Có thể bạn quan tâm",
    "Tin cùng chuyên mục",
    "Đọc nhiều",
    "Bài liên quan",
    "Tin mới",
    "Đừng bỏ lỡ",
    "Xem thêm",
    "Tin khác",
    "Dòng sự kiện:",
];

/// Lines printed below an article.
pub const FOOTER: &[&str] = &[
    "(0) Bình luận",
    "Gửi bình luận",
    "CẢM NHẬN CỦA BẠN VỀ BÀI VIẾT NÀY",
    "HỎI ĐÁP THÔNG MINH",
    "Ghi rõ nguồn khi phát hành lại thông tin từ website này.",
    "Chia sẻ",
    "Lên đầu trang",
];

/// Tags that sites attach to cooperation news.
pub const TAGS: &[&str] = &[
    "hợp tác quốc tế",
    "đối ngoại địa phương",
    "ngoại giao",
    "xúc tiến đầu tư",
    "hữu nghị",
    "kinh tế",
];

/// Vietnamese weekday names from Sunday.
pub const WEEKDAYS: &[&str] = &[
    "Chủ Nhật",
    "Thứ Hai",
    "Thứ Ba",
    "Thứ Tư",
    "Thứ Năm",
    "Thứ Sáu",
    "Thứ Bảy",
];
