//! The event rules on one-sentence texts.
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
    let x =
        run("Sau khi dự hội nghị, ngày 17/5/2024, Thống đốc tỉnh Hokkaido thăm tỉnh Quảng Ninh.");
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
