//! Which pages the build renders ahead of time, where it writes them, and which a service
//! worker keeps from the first visit.

mod common;

use loften_core::kiosk::KioskConfig;
use loften_core::route::{kept_offline, prerendered, KeptOffline, Route};

#[test]
fn each_prerendered_page_has_its_own_file_under_its_path() {
    let data = common::real_data();
    let routes = prerendered(&data);
    // Each kommun's page, and its page for a medborgardialog where it has agreements.
    let with_agreements = data.agreement_counts().len();
    assert_eq!(
        routes.len(),
        4 + data.kommuner.len() + with_agreements + data.agreements.len() + data.areas.len()
    );
    assert!(routes.contains(&Route::HowItWent {
        slug: "jonkoping".into()
    }));
    assert!(!routes.contains(&Route::HowItWent {
        slug: "stockholm".into()
    }));
    let mut files = std::collections::BTreeSet::new();
    for route in &routes {
        let file = route
            .page_file()
            .unwrap_or_else(|| panic!("no file for {route:?}"));
        let path = route.href();
        let folder = file.trim_end_matches("index.html");
        assert_eq!(
            format!("/{folder}").trim_end_matches('/'),
            path.trim_end_matches('/'),
            "{route:?}"
        );
        assert!(files.insert(file), "two pages in one file: {route:?}");
    }
}

#[test]
fn searches_fragments_and_device_pages_have_no_file() {
    let search = Route::search_in_kommun("eslov");
    assert_eq!(search.page_file(), None);
    let record = Route::Record {
        agreement: "a".into(),
        record: "b".into(),
    };
    assert_eq!(record.page_file(), None);
    assert_eq!(Route::Saved { share: None }.page_file(), None);
    assert_eq!(Route::Kiosk(KioskConfig::default()).page_file(), None);
    let odd = Route::Agreement {
        id: "../etc".into(),
    };
    assert_eq!(
        odd.page_file(),
        None,
        "a segment that is not a slug never names a file"
    );
}

#[test]
fn a_first_visit_keeps_the_start_and_while_the_data_is_whole_the_lists() {
    let data = common::real_data();
    let kept = |how: KeptOffline| -> Vec<Route> {
        prerendered(&data)
            .into_iter()
            .filter(|route| kept_offline(route) == how)
            .collect()
    };
    assert_eq!(kept(KeptOffline::Always), [Route::home(), Route::About]);
    assert_eq!(
        kept(KeptOffline::WhileDataIsWhole),
        [Route::Kommuner, Route::Areas]
    );
    assert_eq!(
        kept_offline(&Route::Agreement {
            id: "jonkoping-2020".into()
        }),
        KeptOffline::No
    );
}

#[test]
fn names_that_fold_to_one_slug_get_pages_of_their_own() {
    let data = common::real_data();
    let habo = data.kommun_by_slug("habo").expect("Habo");
    assert_eq!(habo.short_name, "Habo");
    let haabo = data.kommun_by_slug("habo-0305").expect("Håbo");
    assert_eq!(haabo.short_name, "Håbo");
    let mut slugs: Vec<&str> = data.kommuner.iter().map(|k| k.slug.as_str()).collect();
    slugs.sort_unstable();
    slugs.dedup();
    assert_eq!(
        slugs.len(),
        data.kommuner.len(),
        "every slug names one kommun"
    );
}
