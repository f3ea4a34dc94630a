//! Browser tests (wasm-bindgen-test in headless Chromium): the domain behaves the same compiled
//! to wasm, and the app's browser-facing helpers work in a real browser.
#![cfg(target_arch = "wasm32")]

use chrono::Datelike;
use loften_core::published::{publish, Need, MANIFEST_PATH};
use loften_core::{DataFiles, Dataset, Query};
use medborgarloften::catalog::kept_copy::{dataset_copy, keep_dataset_copy};
use medborgarloften::catalog::{load_catalog, read_packed, Fetched, LoadError, Want};
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

/// The small dataset as published: its manifest and chunks, as the app fetches them.
fn published(data: &Dataset) -> Fetched {
    // Any names do: the test reads them back, it does not fetch them.
    let hash = |bytes: &[u8]| {
        format!(
            "{:016x}",
            bytes
                .iter()
                .fold(0xcbf29ce484222325u64, |h, b| (h ^ u64::from(*b))
                    .wrapping_mul(0x100000001b3))
        )
    };
    let out = publish(
        data,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 5).unwrap(),
        hash,
        None,
    );
    let chunks = out
        .manifest
        .chunks
        .iter()
        .map(|c| (c.path.clone(), out.files[&c.path].clone()))
        .collect();
    read_packed(out.files[MANIFEST_PATH].clone(), chunks).expect("the manifest reads")
}

#[wasm_bindgen_test]
fn validation_and_swedish_search_work_in_wasm() {
    let catalog = published(&small_dataset())
        .catalog()
        .expect("the published data reads");
    let search = |url: &str| {
        let (query, _) = Query::from_pairs(loften_core::url::parse_query(url), &catalog.data);
        catalog.index().search(&query)
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
fn published_chunks_read_in_wasm_and_damaged_ones_are_an_error() {
    let data = small_dataset();
    let version = published(&data);
    let catalog = version.catalog().expect("the chunks read");
    assert_eq!(*catalog.data, data);
    assert_eq!(catalog.edition.version, version.manifest.version);
    // Cut short by a byte, cut to less than its header, and something else entirely.
    for damage in [
        |b: &mut Vec<u8>| b.truncate(b.len() - 1),
        |b: &mut Vec<u8>| b.truncate(3),
        |b: &mut Vec<u8>| *b = b"<!DOCTYPE html>".to_vec(),
    ] {
        let mut damaged = published(&data);
        let (path, bytes) = &mut damaged.chunks[1];
        damage(bytes);
        let path = path.clone();
        match damaged.catalog() {
            Err(LoadError::Damaged(detail)) => assert!(detail.contains(&path), "{detail}"),
            other => panic!("a damaged chunk is an error: {:?}", other.err()),
        }
    }
    let newer = read_packed(
        br#"{"schema":99,"chunks":"another shape"}"#.to_vec(),
        Vec::new(),
    );
    assert_eq!(newer.err(), Some(LoadError::NeedsUpdate));
}

/// The copy kept for when the network fails: what goes in comes out, and anything else in
/// its place is removed, not used.
#[wasm_bindgen_test]
fn the_dataset_copy_round_trips_through_local_storage() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let version = published(&small_dataset());
    keep_dataset_copy(&version);
    let copy = dataset_copy().expect("the copy reads");
    assert_eq!(copy.text, version.text);
    assert_eq!(copy.chunks, version.chunks);
    storage
        .set_item("medborgarloften.data", "{\"kommuner\":[]}")
        .unwrap();
    assert!(dataset_copy().is_none());
    assert_eq!(
        storage.get_item("medborgarloften.data").unwrap(),
        None,
        "a copy that does not read is removed"
    );
}

/// A version too large for the copy's share of storage is not kept, and the copy already
/// there stays.
#[wasm_bindgen_test]
fn a_dataset_too_large_to_keep_leaves_the_previous_copy() {
    let small = published(&small_dataset());
    keep_dataset_copy(&small);
    let mut large = published(&small_dataset());
    large.chunks.push((
        "data/chunks/large.bin".into(),
        vec![1u8; medborgarloften::catalog::kept_copy::DATASET_COPY_MAX_CHARS / 4 * 3 + 3],
    ));
    keep_dataset_copy(&large);
    assert_eq!(dataset_copy().map(|c| c.chunks), Some(small.chunks));
}

/// With no data to fetch (the test server publishes none), the kept copy is used; a copy
/// that is base64 but not a packed version is dropped, and the network's error is what is
/// left.
#[wasm_bindgen_test]
async fn when_the_network_fails_the_kept_copy_is_used_unless_it_is_damaged() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let data = small_dataset();
    keep_dataset_copy(&published(&data));
    let all = Want::Need(Need::All);
    let catalog = load_catalog(None, &all)
        .await
        .unwrap_or_else(|e| panic!("the copy is used: {e:?}"));
    assert!(catalog.from_copy);
    assert_eq!(*catalog.data, data);

    storage
        .set_item("medborgarloften.data", "TE9GQwE=")
        .unwrap();
    let error = load_catalog(None, &all)
        .await
        .err()
        .expect("no data at all is an error");
    assert!(
        matches!(&error, LoadError::Unreachable(detail) if detail.contains(MANIFEST_PATH)),
        "the network's error is shown: {error:?}"
    );
    assert_eq!(
        storage.get_item("medborgarloften.data").unwrap(),
        None,
        "the damaged copy is removed"
    );
}

/// When the network fails, a copy kept in part (a kommun's pages were read) opens that kommun
/// and searches what it holds, and another kommun is not taken from it.
#[wasm_bindgen_test]
async fn a_copy_kept_in_part_opens_what_it_holds_and_names_what_it_lacks() {
    let data = small_dataset();
    let whole = published(&data);
    let jonkoping = Need::Kommun("jonkoping".into());
    let paths = whole
        .catalog()
        .unwrap()
        .coverage
        .paths_for(&jonkoping)
        .iter()
        .map(|p| p.to_string())
        .collect::<Vec<_>>();
    let part = Fetched {
        text: whole.text.clone(),
        manifest: whole.manifest.clone(),
        chunks: whole
            .chunks
            .iter()
            .filter(|(p, _)| paths.contains(p))
            .cloned()
            .collect(),
        kept_only: false,
    };
    keep_dataset_copy(&part);
    let kept = load_catalog(None, &Want::Need(jonkoping.clone()))
        .await
        .unwrap_or_else(|e| panic!("the copy holds Jönköping: {e:?}"));
    assert!(kept.from_copy && kept.covers(&jonkoping) && !kept.coverage.is_whole());
    let search = load_catalog(None, &Want::Need(Need::All)).await.unwrap();
    assert!(search.kept_only, "search says it covers what was kept");
    assert!(!kept.kept_only);
    assert_eq!(search.data.agreements.len(), kept.data.agreements.len());
    assert!(search.data.agreements.len() < data.agreements.len());
    // What no copy holds is the network's error here (the browser is online: "not kept" is
    // said offline, end2end/tests/kept-offline.spec.ts).
    let error = load_catalog(None, &Want::Need(Need::Kommun("eslov".into())))
        .await
        .err()
        .expect("Eslöv was never kept");
    assert!(matches!(error, LoadError::Unreachable(_)), "{error:?}");
    dataset_copy().expect("the copy stays");
}
