//! Browser tests (wasm-bindgen-test in headless Chromium): the domain behaves the same compiled
//! to wasm, and the app's browser-facing helpers work in a real browser.
#![cfg(target_arch = "wasm32")]

use chrono::Datelike;
use loften_core::{DataFiles, Dataset, Query};
use medborgarloften::catalog::kept_copy::{dataset_copy, keep_dataset_copy};
use medborgarloften::catalog::{catalog_from, load_catalog, Catalog};
use medborgarloften::device::clock_date;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn small_dataset() -> Dataset {
    let files = DataFiles {
        kommuner_csv: include_str!("../data/kommuner.csv").into(),
        lan_csv: include_str!("../data/lan.csv").into(),
        topics_json: include_str!("../data/topics.json").into(),
        areas_json: include_str!("../data/areas.json").into(),
        agreements: vec![
            (
                "jonkoping-2020.json".into(),
                include_str!("../data/agreements/jonkoping-2020.json").into(),
            ),
            (
                "eslov-2016.json".into(),
                include_str!("../data/agreements/eslov-2016.json").into(),
            ),
        ],
        sources: vec![
            (
                "001_a31d958f5b0b3e22.txt".into(),
                include_str!("../data/sources/001_a31d958f5b0b3e22.txt").into(),
            ),
            (
                "003_9d60ccaea8afeb8d.txt".into(),
                include_str!("../data/sources/003_9d60ccaea8afeb8d.txt").into(),
            ),
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
    assert_eq!(
        catalog.data.agreements[folded.groups[0].agreement].id,
        "jonkoping-2020"
    );
    assert_eq!(folded, search("q=%C3%96XNEHAGA"));
    assert_eq!(search("kommun=eslov").groups.len(), 1);
    // Swedish collation: Å, Ä, Ö come after Z in the kommun list.
    let names: Vec<&str> = catalog
        .data
        .kommuner
        .iter()
        .map(|k| k.short_name.as_str())
        .collect();
    let last: Vec<&str> = names[names.len() - 3..].to_vec();
    assert!(last.iter().all(|n| n.starts_with('Ö')), "{last:?}");
    let are = names.iter().position(|n| *n == "Åre").unwrap();
    let last_y = names.iter().rposition(|n| n.starts_with('Y')).unwrap();
    assert!(are > last_y, "Åre sorts after every Y");
}

#[wasm_bindgen_test]
fn today_is_the_browser_clock_s_date() {
    let now = js_sys::Date::new_0();
    let day = clock_date();
    assert_eq!(
        (day.year(), day.month(), day.day()),
        (
            now.get_full_year() as i32,
            now.get_month() + 1,
            now.get_date()
        )
    );
}

#[wasm_bindgen_test]
fn the_binary_bundle_reads_in_wasm_and_a_damaged_one_is_an_error() {
    let data = small_dataset();
    let bytes = loften_core::bundle::encode(&data);
    let catalog = catalog_from(bytes.clone()).expect("a good bundle reads");
    assert_eq!(*catalog.data, data);
    for damaged in [
        &bytes[..bytes.len() - 1],
        &bytes[..3],
        b"<!DOCTYPE html>".as_slice(),
        b"{\"kommuner\":[]}".as_slice(),
    ] {
        let error = catalog_from(damaged.to_vec())
            .err()
            .expect("a damaged bundle is an error");
        assert!(error.starts_with("the data file is damaged: "), "{error}");
    }
}

/// The copy kept for when the network fails: what goes in comes out, and anything else in
/// its place is removed, not used.
#[wasm_bindgen_test]
fn the_dataset_copy_round_trips_through_local_storage() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let bytes: Vec<u8> = (0..=255u8).chain([0, 0, 255]).collect();
    keep_dataset_copy(&bytes);
    assert_eq!(dataset_copy(), Some(bytes));
    storage
        .set_item("medborgarloften.data", "{\"kommuner\":[]}")
        .unwrap();
    assert_eq!(dataset_copy(), None);
    assert_eq!(
        storage.get_item("medborgarloften.data").unwrap(),
        None,
        "a copy that does not read is removed"
    );
}

/// A dataset too large for the copy's share of storage is not kept, and the copy already
/// there stays.
#[wasm_bindgen_test]
fn a_dataset_too_large_to_keep_leaves_the_previous_copy() {
    let small: Vec<u8> = vec![7; 300];
    keep_dataset_copy(&small);
    let large = vec![1u8; medborgarloften::catalog::kept_copy::DATASET_COPY_MAX_CHARS / 4 * 3 + 3];
    keep_dataset_copy(&large);
    assert_eq!(dataset_copy(), Some(small));
}

/// With no bundle to fetch (the test server has none), the kept copy is used; a copy that
/// is base64 but not a bundle is dropped, and the network's error is what is left.
#[wasm_bindgen_test]
async fn when_the_network_fails_the_kept_copy_is_used_unless_it_is_damaged() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let data = small_dataset();
    keep_dataset_copy(&loften_core::bundle::encode(&data));
    let catalog = load_catalog()
        .await
        .unwrap_or_else(|e| panic!("the copy is used: {e}"));
    assert!(catalog.from_copy);
    assert_eq!(*catalog.data, data);

    keep_dataset_copy(b"LOFT\x01 not a bundle");
    let error = load_catalog()
        .await
        .err()
        .expect("no data at all is an error");
    assert!(
        error.contains("data/bundle.bin"),
        "the network's error is shown: {error}"
    );
    assert_eq!(
        storage.get_item("medborgarloften.data").unwrap(),
        None,
        "the damaged copy is removed"
    );
}
