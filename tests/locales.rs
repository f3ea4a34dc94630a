//! The translation files in `locales/`: every one has exactly the default's keys (leptos_i18n
//! only warns about a missing key and shows Swedish in its place), every one is in build.rs's
//! list, and counts, dates and follow-up spans read right in each language.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::Path;

use chrono::NaiveDate;
use loften_core::dates::{CadenceSpan, Ends};
use loften_core::model::Cadence;
use medborgarloften::i18n::{self, td_string, Lang};

fn keys(file: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(file).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not JSON: {e}", file.display()));
    let object = value
        .as_object()
        .unwrap_or_else(|| panic!("{} is not one JSON object", file.display()));
    for (key, text) in object {
        assert!(
            text.is_string(),
            "{}: {key} is not a string; nested keys are not used here",
            file.display()
        );
    }
    object.keys().cloned().collect()
}

fn locale_files() -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_locale_file_has_exactly_the_default_keys() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let default = keys(&dir.join("sv.json"));
    let files = locale_files();
    assert!(
        files.len() >= 2,
        "expected sv.json and en.json in {}",
        dir.display()
    );
    for file in files {
        let these = keys(&file);
        let missing: Vec<_> = default.difference(&these).collect();
        let surplus: Vec<_> = these.difference(&default).collect();
        assert!(
            missing.is_empty() && surplus.is_empty(),
            "{}: missing {missing:?}, not in sv.json {surplus:?}",
            file.display()
        );
    }
}

#[test]
fn every_locale_file_is_built_and_every_built_locale_has_a_file() {
    let files: BTreeSet<String> = locale_files()
        .iter()
        .map(|f| f.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    let built: BTreeSet<String> = <Lang as leptos_i18n::Locale>::get_all()
        .iter()
        .map(|lang| i18n::code(*lang).to_string())
        .collect();
    assert_eq!(
        files, built,
        "list each file of locales/ with add_locale in build.rs"
    );
    assert_eq!(Lang::default(), Lang::sv, "Swedish is the default");
}

#[test]
fn codes_round_trip_and_the_switch_visits_every_language() {
    let all = <Lang as leptos_i18n::Locale>::get_all();
    for lang in all {
        assert_eq!(i18n::from_code(i18n::code(*lang)), Some(*lang));
    }
    assert_eq!(i18n::from_code("sv-SE"), None);
    let mut lang = Lang::default();
    let mut seen = BTreeSet::new();
    for _ in all {
        seen.insert(i18n::code(lang));
        lang = i18n::next(lang);
    }
    assert_eq!(seen.len(), all.len());
    assert_eq!(lang, Lang::default());
}

#[test]
fn counts_take_the_plural_of_each_language() {
    // (language, agreements, matching records, what the results say)
    for (lang, agreements, records, summary) in [
        (Lang::sv, 1, 0, "1 medborgarlöfte"),
        (
            Lang::sv,
            1,
            1,
            "1 medborgarlöfte, 1 träff bland löften och aktiviteter",
        ),
        (
            Lang::sv,
            5,
            12,
            "5 medborgarlöften, 12 träffar bland löften och aktiviteter",
        ),
        (Lang::sv, 0, 0, "0 medborgarlöften"),
        (Lang::en, 1, 0, "1 agreement"),
        (
            Lang::en,
            1,
            1,
            "1 agreement, 1 matching promise or activity",
        ),
        (
            Lang::en,
            7,
            30,
            "7 agreements, 30 matching promises and activities",
        ),
    ] {
        assert_eq!(i18n::result_summary(lang, agreements, records), summary);
    }
    for (lang, more, text) in [
        (Lang::sv, 1, "1 träff till i det här medborgarlöftet"),
        (Lang::sv, 4, "4 träffar till i det här medborgarlöftet"),
        (Lang::en, 1, "1 more match in this agreement"),
        (Lang::en, 4, "4 more matches in this agreement"),
    ] {
        assert_eq!(i18n::more_matches(lang, more), text);
    }
    let counts = |lang: Lang, n: usize| {
        let promises = td_string!(lang, promise_count, count = n).to_string();
        let activities = td_string!(lang, activity_count, count = n).to_string();
        format!("{promises}, {activities}")
    };
    assert_eq!(counts(Lang::sv, 1), "1 löfte, 1 aktivitet");
    assert_eq!(counts(Lang::sv, 11), "11 löften, 11 aktiviteter");
    assert_eq!(counts(Lang::en, 1), "1 promise, 1 activity");
    assert_eq!(counts(Lang::en, 2), "2 promises, 2 activities");
}

#[test]
fn dates_and_follow_up_spans_read_in_each_language() {
    let day = NaiveDate::from_ymd_opt(2016, 1, 21).unwrap();
    assert_eq!(i18n::date(Lang::sv, day), "21 januari 2016");
    assert_eq!(i18n::date(Lang::en, day), "21 January 2016");
    assert_eq!(i18n::ends_text(Lang::sv, Ends::InYear(2027)), "under 2027");
    assert_eq!(i18n::ends_text(Lang::en, Ends::InYear(2027)), "during 2027");
    let span = CadenceSpan {
        cadence: Cadence::Tertial,
        number: 3,
        year: 2026,
        last_day: NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
    };
    assert_eq!(
        i18n::span_text(Lang::sv, span),
        "tertial 3 2026, som slutar 31 december 2026"
    );
    assert_eq!(
        i18n::span_text(Lang::en, span),
        "tertial 3 2026, ending 31 December 2026"
    );
}
