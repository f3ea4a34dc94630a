//! Browser tests (wasm-bindgen-test in headless Chromium): the domain behaves the same compiled
//! to wasm, and the app's browser-facing helpers work in a real browser.
#![cfg(target_arch = "wasm32")]

use loften_core::{DataFiles, Dataset, Query};
use medborgarloften::catalog::{today, Catalog};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn small_dataset() -> Dataset {
    let files = DataFiles {
        kommuner_csv: include_str!("../data/kommuner.csv").into(),
        lan_csv: include_str!("../data/lan.csv").into(),
        topics_json: include_str!("../data/topics.json").into(),
        areas_json: include_str!("../data/areas.json").into(),
        agreements: vec![
            ("jonkoping-2020.json".into(), include_str!("../data/agreements/jonkoping-2020.json").into()),
            ("eslov-2016.json".into(), include_str!("../data/agreements/eslov-2016.json").into()),
        ],
        sources: vec![
            ("001_a31d958f5b0b3e22.txt".into(), include_str!("../data/sources/001_a31d958f5b0b3e22.txt").into()),
            ("003_9d60ccaea8afeb8d.txt".into(), include_str!("../data/sources/003_9d60ccaea8afeb8d.txt").into()),
        ],
    };
    Dataset::from_files(&files).expect("valid")
}

#[wasm_bindgen_test]
fn validation_and_swedish_search_work_in_wasm() {
    let catalog = Catalog::new(small_dataset());
    let search = |url: &str| {
        let (query, _) = Query::from_pairs(loften_core::url::parse_query(url), &catalog.data);
        catalog.index.search(&query)
    };
    let folded = search("q=oxnehaga");
    assert_eq!(folded.groups.len(), 1);
    assert_eq!(catalog.data.agreements[folded.groups[0].agreement].id, "jonkoping-2020");
    assert_eq!(folded, search("q=%C3%96XNEHAGA"));
    assert_eq!(search("kommun=eslov").groups.len(), 1);
    // Swedish collation: Å, Ä, Ö come after Z in the kommun list.
    let names: Vec<&str> = catalog.data.kommuner.iter().map(|k| k.short_name.as_str()).collect();
    let last: Vec<&str> = names[names.len() - 3..].to_vec();
    assert!(last.iter().all(|n| n.starts_with('Ö')), "{last:?}");
    let are = names.iter().position(|n| *n == "Åre").unwrap();
    let last_y = names.iter().rposition(|n| n.starts_with('Y')).unwrap();
    assert!(are > last_y, "Åre sorts after every Y");
}

#[wasm_bindgen_test]
fn today_is_an_iso_date_from_the_browser_clock() {
    let day = today();
    assert_eq!(day.len(), 10);
    assert!(loften_core::dataset::is_iso_date(&day), "{day}");
}
