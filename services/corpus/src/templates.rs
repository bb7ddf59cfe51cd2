//! Sentence shapes of Vietnamese news about subnational cooperation, with `{placeholders}` that
//! [`crate::article`] fills from the article's cast. A placeholder written with a capital
//! (`{Vn}`) is filled and then capitalised.
//!
//! The shapes follow the seed and dev articles: signing ceremonies, receptions, delegations
//! abroad, plans, anniversaries, and the ordinary economic news that fills real pages and names
//! places without any event.

/// Headlines of a signing report.
pub const TITLE_SIGNING: &[&str] = &[
    "{Vn_name} và {fx_name} ký kết {inst}",
    "{Vn_name} - {fx_name}: Ký kết {inst} {term}",
    "Tăng cường hợp tác giữa {vn_name} và {fx_d} ({country})",
    "Lễ ký kết {inst} giữa {vn} và {fx}",
    "{Vn} và {fx_d} ({country}) hội đàm và ký kết {inst}",
    "{Vn_org} ký {inst} với {fx_org}",
];

/// Headlines of a delegation received in Viet Nam.
pub const TITLE_VISIT: &[&str] = &[
    "Lãnh đạo {vn} tiếp đoàn đại biểu {fx}",
    "{Vn_leader_title} tiếp Đoàn công tác {fx}",
    "Thúc đẩy hợp tác giữa {vn_name} và {fx_name}",
    "Đoàn đại biểu {fx} thăm và làm việc tại {vn}",
    "{Vn_name} mong muốn mở rộng hợp tác với {fx_d} ({country})",
];

/// Headlines of a Vietnamese delegation abroad.
pub const TITLE_TRIP: &[&str] = &[
    "Đoàn công tác {vn} thăm và làm việc tại {fx}",
    "{Vn_name} tăng cường hợp tác với các địa phương của {country}",
    "Lãnh đạo {vn} làm việc với {fx_org}",
    "Xúc tiến đầu tư, thương mại {vn_name} tại {fx_city}",
];

/// Headlines announcing a signing or a visit to come.
pub const TITLE_PLANNED: &[&str] = &[
    "{Vn_name} và {fx_name} sẽ ký kết {inst} trong năm {year}",
    "Chuẩn bị cho chuyến thăm của đoàn {fx} tới {vn}",
    "Hướng tới thiết lập quan hệ hữu nghị giữa {vn} và {fx}",
];

/// Headlines of an anniversary of a partnership.
pub const TITLE_ANNIVERSARY: &[&str] = &[
    "Kỷ niệm {anniv_local} năm thiết lập quan hệ hữu nghị {vn_name} - {fx_name}",
    "{Vn_name} - {fx_name}: {anniv_local} năm một chặng đường hợp tác",
    "Dấu mốc {anniv_local} năm quan hệ hợp tác giữa {vn} và {fx}",
];

/// Headlines of ordinary economic news.
pub const TITLE_ECONOMY: &[&str] = &[
    "{Vn_name}: Tăng trưởng GRDP {months} tháng đầu năm ước đạt {pct}",
    "Xuất khẩu nông sản của {vn} sang {any_country} tăng mạnh",
    "{Vn_name} thu hút thêm {n} dự án FDI",
    "Du lịch {vn_name} đón hơn {big} lượt khách quốc tế",
    "Giá lúa gạo tại {vn_name} tiếp tục tăng",
    "{Vn_name} đẩy nhanh tiến độ giải ngân vốn đầu tư công",
];

/// Leads of a signing report.
pub const LEAD_SIGNING: &[&str] = &[
    "{When}, tại {vn}, {vn_org} và {fx_org}{qual} đã tổ chức lễ ký kết {inst} {term}.",
    "{When}, {vn_leader} và {fx_leader} đã ký {inst} giữa hai địa phương, mở ra giai đoạn hợp tác mới trong các lĩnh vực {fields}.",
    "Trong khuôn khổ chuyến thăm và làm việc tại {fx}, {when}, Đoàn đại biểu {vn} do {vn_leader} dẫn đầu đã ký kết {inst} với {fx_org}.",
    "Với {inst} vừa được ký kết, {vn} và {fx_d} sẽ xúc tiến hợp tác đầu tư phát triển trên các lĩnh vực {fields}...",
    "{When}, {vn_org} và {fx_org}{qual} tổ chức lễ ký kết trực tuyến {inst} giữa hai địa phương {term}.",
];

/// Leads of a delegation received in Viet Nam.
pub const LEAD_VISIT: &[&str] = &[
    "{When}, {vn_leader} đã tiếp và làm việc với Đoàn đại biểu {fx} do {fx_leader} dẫn đầu.",
    "{When}, tại trụ sở {vn_org}, {vn_leader} tiếp xã giao đoàn {fx_org}{qual} do {fx_leader} làm trưởng đoàn, nhân dịp đoàn sang dự {festival} tại {vn_name}.",
    "Nhân chuyến thăm và làm việc tại {vn} {span}, Đoàn công tác {fx} do {fx_leader} dẫn đầu đã có buổi hội đàm với lãnh đạo {vn_org}.",
    "{When}, {vn_leader} chủ trì buổi tiếp {fx_leader} cùng đoàn công tác đang có chuyến thăm {vn}.",
];

/// Leads of a Vietnamese delegation abroad.
pub const LEAD_TRIP: &[&str] = &[
    "Trong khuôn khổ chuyến thăm làm việc tại {country}, {span}, Đoàn đại biểu {vn} do {vn_leader} làm trưởng đoàn đã đến thăm và làm việc với {fx_org}.",
    "{When}, tại {fx_city}, Đoàn công tác {vn} do {vn_leader} dẫn đầu đã hội đàm với {fx_leader}.",
    "Thực hiện chương trình đối ngoại năm {year}, {span}, đoàn công tác của {vn} do {vn_leader} làm trưởng đoàn đã thăm và làm việc tại {fx}.",
];

/// Leads announcing a signing or a visit to come.
pub const LEAD_PLANNED: &[&str] = &[
    "Hai bên thống nhất sẽ ký kết {inst} trong chuyến thăm của lãnh đạo {vn} tới {fx} vào {later}.",
    "{When}, {vn_leader} đã có buổi làm việc với {fx_deputy} về việc chuẩn bị cho chuyến thăm chính thức {vn} của Đoàn đại biểu cấp cao {fx} dự kiến diễn ra vào {later}.",
    "Theo kế hoạch, {later}, {vn} và {fx} sẽ tiến hành ký kết {inst}, hướng tới thiết lập quan hệ hợp tác hữu nghị.",
];

/// Leads of an anniversary of a partnership.
pub const LEAD_ANNIVERSARY: &[&str] = &[
    "{When}, tại {vn}, {vn_org} tổ chức lễ kỷ niệm {anniv_local} năm thiết lập quan hệ hữu nghị và hợp tác giữa {vn} và {fx}.",
    "Nhân dịp kỷ niệm {anniv_local} năm ngày ký {past_inst} giữa {vn_name} và {fx_name}, {vn_leader} đã gửi thư chúc mừng tới {fx_leader}.",
];

/// Leads of ordinary economic news.
pub const LEAD_ECONOMY: &[&str] = &[
    "{When}, {vn_org} tổ chức hội nghị đánh giá tình hình kinh tế - xã hội {months} tháng đầu năm {year} và triển khai nhiệm vụ những tháng cuối năm.",
    "Theo số liệu của Cục Thống kê {vn}, trong {months} tháng đầu năm {year}, tổng sản phẩm trên địa bàn (GRDP) ước tăng {pct} so với cùng kỳ năm trước.",
    "{When}, {vn_leader} đã chủ trì cuộc họp về tình hình giải ngân vốn đầu tư công trên địa bàn.",
];

/// What a signing report says about the instrument signed.
pub const BODY_SIGNING: &[&str] = &[
    "Theo {inst}, hai bên thống nhất tăng cường hợp tác trong các lĩnh vực {fields}, trên cơ sở bình đẳng và cùng có lợi.",
    "Phát biểu tại lễ ký kết, {vn_leader_ref} nhấn mạnh, {inst} là dấu mốc quan trọng, tạo khuôn khổ pháp lý để hai địa phương triển khai các chương trình hợp tác cụ thể.",
    "{Fx_leader_ref} cho biết, {fx_name} đánh giá cao tiềm năng của {vn_name} và mong muốn mở rộng hợp tác trong lĩnh vực {field}.",
    "Để ghi nhận kết quả hội đàm, {vn_org} và {fx_org} đã thống nhất ký kết {inst} {term}, trong đó tập trung vào {fields}.",
    "Hai bên cũng thống nhất giao cho Sở Ngoại vụ {vn} và cơ quan đầu mối của {fx_d} xây dựng kế hoạch triển khai {inst} hằng năm.",
    "Nhân dịp này, {vn} và {fx_d} đã tiến hành ký kết {inst}, thể hiện quyết tâm đưa quan hệ hai địa phương lên tầm cao mới.",
];

/// Earlier instruments recalled with their years.
pub const BODY_PAST: &[&str] = &[
    "Trên cơ sở triển khai {Past_inst} năm {past_year} và {past_inst2} năm {past_year2}, {vn} và {fx_d} đã đạt được những kết quả hợp tác hiệu quả, tiêu biểu trong các lĩnh vực {fields}.",
    "Từ năm {past_year}, khi hai địa phương ký {past_inst}, nhiều chương trình trao đổi đoàn, đào tạo cán bộ và giao lưu văn hóa đã được tổ chức.",
    "Năm {past_year}, {vn_name} và {fx_name} chính thức thiết lập quan hệ hữu nghị; đến năm {past_year2}, hai bên tiếp tục ký {past_inst} nhằm cụ thể hóa các nội dung hợp tác.",
    "Hòa chung không khí kỷ niệm {anniv} năm thiết lập quan hệ ngoại giao Việt Nam - {country} và {anniv_local} năm thiết lập quan hệ hữu nghị hai địa phương {vn_name} - {fx_name}, nhiều hoạt động giao lưu đã được tổ chức.",
];

/// What a report of a received delegation says.
pub const BODY_VISIT: &[&str] = &[
    "Tại buổi tiếp, {vn_leader_ref} thông tin tới đoàn về tình hình phát triển kinh tế - xã hội của {vn_name} năm {prev_year}, trong đó tăng trưởng GRDP đạt {pct}.",
    "Tham gia đoàn có {fx_deputy}, đại diện các sở, ngành và doanh nghiệp của {fx_d}.",
    "{Fx_leader_ref} bày tỏ vui mừng khi có dịp trở lại {vn_name} và đánh giá cao sự đón tiếp trọng thị, chu đáo của lãnh đạo và nhân dân địa phương.",
    "Nhân dịp này, {vn_leader_ref} đề nghị hai bên tăng cường trao đổi đoàn các cấp, thúc đẩy hợp tác trong lĩnh vực {fields}.",
    "Trong thời gian ở {vn_name}, đoàn đã đi thăm {vn_local}, làm việc với {vn_org} và khảo sát một số dự án trọng điểm.",
    "Cùng dự buổi tiếp có {vn_deputy} cùng lãnh đạo các sở, ngành liên quan.",
    "{Vn_leader_ref} mời {fx_leader_ref} sớm sang thăm {vn_name} để hai bên cụ thể hóa các nội dung hợp tác.",
];

/// What a report of a delegation abroad says.
pub const BODY_TRIP: &[&str] = &[
    "Tiếp đón Đoàn đại biểu {vn}, {fx_leader} bày tỏ vui mừng và đánh giá cao chuyến thăm, coi đây là sự khởi đầu mới trong quan hệ giữa hai địa phương.",
    "Cũng trong khuôn khổ chuyến công tác, {day_l}, đoàn đã phối hợp với Tổng Lãnh sự quán Việt Nam tại {fx_name} tổ chức Hội nghị xúc tiến đầu tư, thương mại, du lịch {vn_name} - {fx_name} {year}.",
    "Kết thúc hội nghị, đã diễn ra lễ ký kết biên bản ghi nhớ hợp tác giữa Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch {vn} và Phòng Thương mại và Công nghiệp {fx_d} về thúc đẩy kết nối doanh nghiệp.",
    "Nhân dịp này, đoàn cũng đã có cuộc gặp mặt đại diện Hội người Việt Nam tại {fx_name} và đến thăm Đại sứ quán Việt Nam tại {country}.",
    "{Fx_leader_ref} cho biết sẽ sang thăm {vn} vào {later} để tiến tới cụ thể hóa các nội dung trao đổi.",
];

/// What an announcement of a signing or a visit to come says.
pub const BODY_PLANNED: &[&str] = &[
    "Dự kiến, {inst} sẽ được ký kết nhân dịp {fx_leader_ref} dẫn đầu đoàn sang thăm {vn_name} vào {later}.",
    "Hai bên đã thống nhất dự thảo {inst} {term}, tập trung vào các lĩnh vực {fields}.",
    "{Vn_leader_ref} đề nghị các sở, ngành khẩn trương chuẩn bị nội dung, chương trình đón tiếp đoàn {fx_d} chu đáo, hiệu quả.",
];

/// What any cooperation report says around its events.
pub const BODY_GENERAL: &[&str] = &[
    "Ôn lại truyền thống hợp tác giữa Việt Nam - {country}, {vn_leader_ref} cho biết, mối quan hệ giữa hai bên không ngừng phát triển và đạt được nhiều thành tựu nổi bật trên nhiều lĩnh vực.",
    "Hiện nay, {country} là một trong những đối tác đầu tư hàng đầu của {vn_name} với {n} dự án, tổng vốn đăng ký hơn {bn}.",
    "Về thương mại, {country} là thị trường xuất khẩu lớn thứ {small} của doanh nghiệp {vn}.",
    "Lãnh đạo hai bên thống nhất cần duy trì các hoạt động giao lưu, trao đổi đoàn các cấp; mở rộng hợp tác trên các lĩnh vực như {fields}.",
    "Bày tỏ vui mừng đón tiếp đoàn, {vn_leader_ref} nhấn mạnh {vn_name} luôn coi trọng và mong muốn phát triển quan hệ hợp tác với các địa phương của {country}.",
    "Thay mặt lãnh đạo {fx_d}, {fx_leader_ref} khẳng định dư địa hợp tác giữa hai bên còn rất lớn, nhất là trong lĩnh vực {field}.",
];

/// Ordinary economic news: names places, reports no agreement and no visit.
pub const BODY_ECONOMY: &[&str] = &[
    "Trong {months} tháng đầu năm {year}, tổng sản phẩm trên địa bàn (GRDP) của {any_vn} ước tăng {pct} so với cùng kỳ, cao hơn mức bình quân chung của cả nước.",
    "Kim ngạch xuất khẩu của {any_vn} sang thị trường {any_country} đạt {bn}, tăng {pct}; các mặt hàng chủ lực gồm thủy sản, dệt may, điện tử và nông sản chế biến.",
    "Lũy kế đến nay, {any_vn} có {n}0 dự án đầu tư trực tiếp nước ngoài còn hiệu lực với tổng vốn đăng ký {bn}, trong đó các nhà đầu tư đến từ {any_country}, {any_country} và {any_country} chiếm tỷ trọng lớn.",
    "Ngành du lịch {any_vn_name} đón hơn {big} lượt khách quốc tế, chủ yếu đến từ {any_fx}, {any_fx} và {any_fx}.",
    "Theo Sở Tài chính {any_vn}, tổng thu ngân sách nhà nước trên địa bàn ước đạt {vnd}, bằng {pct} dự toán năm.",
    "Giá lúa tại các tỉnh {any_vn_name}, {any_vn_name} và {any_vn_name} tăng nhẹ {small}00 đồng/kg, trong khi giá gạo xuất khẩu giữ ổn định ở mức {n}0 USD/tấn.",
    "Tại {any_vn}, tỷ lệ giải ngân vốn đầu tư công mới đạt {pct} kế hoạch; nhiều dự án giao thông trọng điểm như cao tốc {any_vn_name} - {any_vn_name} đang được đẩy nhanh tiến độ.",
    "Các khu công nghiệp của {any_vn} hiện thu hút khoảng {big} lao động, tỷ lệ lấp đầy bình quân đạt {pct}.",
    "Chỉ số giá tiêu dùng (CPI) bình quân {months} tháng tăng {pct} so với cùng kỳ, chủ yếu do giá xăng dầu, điện sinh hoạt và dịch vụ y tế điều chỉnh.",
    "Các doanh nghiệp logistics tại {any_vn_name} cho biết chi phí vận tải container đi {any_fx} đã giảm {pct} so với đầu năm.",
    "Theo dự báo, nhu cầu nhập khẩu thủy sản của {any_country} và {any_country} sẽ tiếp tục phục hồi trong những tháng cuối năm, mở ra cơ hội cho doanh nghiệp {any_vn_name}.",
    "Hội nghị xúc tiến đầu tư vào {any_vn} năm {year} thu hút đại diện của hơn {n} doanh nghiệp đến từ {any_fx} và {any_fx}, nhưng chưa có văn kiện nào được ký kết tại sự kiện.",
    "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng trên địa bàn {any_vn} ước đạt {vnd}, tăng {pct}.",
    "Ngân hàng Nhà nước chi nhánh khu vực cho biết dư nợ tín dụng tại {any_vn_name} tăng {pct}, tập trung vào nông nghiệp công nghệ cao và công nghiệp chế biến.",
    "Thời tiết thuận lợi giúp vụ đông xuân tại {any_vn_local} đạt năng suất bình quân {n} tạ/ha.",
    "Một số chuỗi cung ứng linh kiện điện tử đang dịch chuyển từ {any_fx} về các khu công nghiệp ở {any_vn_name}, kéo theo nhu cầu lớn về nhà ở cho công nhân.",
];

/// Photo captions, printed under a picture and often again as its alt text.
pub const CAPTION: &[&str] = &[
    "Quang cảnh buổi hội đàm và ký kết {inst} giữa {vn} và {fx}.",
    "{Vn_leader} phát biểu tại buổi tiếp.",
    "{Fx_leader} phát biểu tại buổi hội đàm.",
    "Lãnh đạo hai bên ký kết {inst}.",
    "Quang cảnh lễ ký kết.",
    "Các đại biểu chụp ảnh lưu niệm.",
    "{Vn_leader_ref} trao quà lưu niệm tới {fx_leader_ref}.",
    "Đoàn đại biểu {vn} làm việc với {fx_org}.",
    "Toàn cảnh khu công nghiệp {any_vn_local}.",
];

/// Every group of shapes, for tests that look for each of them in a corpus.
#[cfg(test)]
pub const ALL: &[&[&str]] = &[
    TITLE_SIGNING,
    TITLE_VISIT,
    TITLE_TRIP,
    TITLE_PLANNED,
    TITLE_ANNIVERSARY,
    TITLE_ECONOMY,
    LEAD_SIGNING,
    LEAD_VISIT,
    LEAD_TRIP,
    LEAD_PLANNED,
    LEAD_ANNIVERSARY,
    LEAD_ECONOMY,
    BODY_SIGNING,
    BODY_PAST,
    BODY_VISIT,
    BODY_TRIP,
    BODY_PLANNED,
    BODY_GENERAL,
    BODY_ECONOMY,
    CAPTION,
];
