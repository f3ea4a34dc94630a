//! Everything that reaches the core from outside the app, fuzzed: what storage holds, share
//! links, imported bookmark files, the address's query string, the data bundle (fetched, or
//! kept on the device as base64) and the agreement files of `data/`. Whatever comes in, the
//! core must not panic, must say clearly what it could not read, and must lose nothing.
//!
//! Each property runs a modest number of inputs by default, so that this file stays quick in a
//! debug build; `PROPTEST_CASES=20000 cargo test -p loften-core --test fuzz -- --nocapture`
//! runs a longer search and prints how many inputs each property tried and for how long.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::collections::HashSet;
use std::fmt::Debug;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use loften_core::follow::Seen;
use loften_core::kiosk::{KioskConfig, MAX_IDLE_SECONDS, MIN_IDLE_SECONDS};
use loften_core::query::{highlight, highlight_ranges, ActorFilter, StatusFilter};
use loften_core::route::Route;
use loften_core::storage::{
    self, Bookmark, Followed, Notice, Preferences, TextSize, Theme, UserState, CURRENT_VERSION,
    FOLLOWED_MARK, MAX_NOTE_CHARS, VERSION_WITHOUT_FOLLOWED,
};
use loften_core::{bundle, url, DataFiles, Dataset, Index, Progress, Query};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, Index as Pick};
use proptest::test_runner::{
    contextualize_config, Config, FileFailurePersistence, TestCaseError, TestRunner,
};
use serde_json::{json, Map, Value};

// ---------------------------------------------------------------------------------------------
// The harness.

/// Run one property over `cases` inputs, and say how many it tried and for how long.
///
/// `cases` is the quick default. proptest's `contextualize_config` lays the environment over a
/// config, so `PROPTEST_CASES` (and the other `PROPTEST_*` variables) still decide when set:
/// an explicit count alone would hide them.
fn fuzz<S>(
    name: &'static str,
    cases: u32,
    strategy: S,
    property: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S: Strategy,
    S::Value: Debug,
{
    let config = contextualize_config(Config {
        cases,
        source_file: Some(file!()),
        test_name: Some(name),
        // Beside this file: an integration test has no lib.rs for proptest's default to find.
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..Config::default()
    });
    let mut runner = TestRunner::new(config);
    let tried = Cell::new(0u64);
    let start = Instant::now();
    let outcome = runner.run(&strategy, |input| {
        tried.set(tried.get() + 1);
        property(input)
    });
    eprintln!(
        "fuzz {name}: {} inputs in {:.2?}",
        tried.get(),
        start.elapsed()
    );
    if let Err(failure) = outcome {
        panic!("{name}: {failure}\n{runner}");
    }
}

/// Counts the largest single allocation on each thread: a damaged length must not be
/// allocated up front, and an allocation that large would abort the process rather than fail
/// a test.
struct Measuring;

thread_local! {
    static LARGEST: Cell<usize> = const { Cell::new(0) };
}

fn note_allocation(size: usize) {
    // try_with: an allocation can come while the thread is being torn down.
    let _ = LARGEST.try_with(|largest| largest.set(largest.get().max(size)));
}

unsafe impl GlobalAlloc for Measuring {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note_allocation(layout.size());
        System.alloc(layout)
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note_allocation(layout.size());
        System.alloc_zeroed(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note_allocation(new_size);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Measuring = Measuring;

/// The largest single allocation `run` made on this thread.
fn largest_allocation<T>(run: impl FnOnce() -> T) -> (T, usize) {
    LARGEST.with(|largest| largest.set(0));
    let value = run();
    (value, LARGEST.with(Cell::get))
}

/// serde preallocates at most 1 MiB for a length it has not seen the items of yet.
const PREALLOCATION_CAP: usize = 1 << 20;

static DATA: LazyLock<Dataset> = LazyLock::new(common::real_data);
static INDEX: LazyLock<Index> = LazyLock::new(|| Index::new(&DATA));
static FILES: LazyLock<DataFiles> = LazyLock::new(common::real_files);
static BUNDLE: LazyLock<Vec<u8>> = LazyLock::new(|| bundle::encode(&DATA));

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// ---------------------------------------------------------------------------------------------
// Generators shared by several properties.

/// Pieces that mean something to one of the readers (escapes, separators, ids, codes, the
/// keys of the query string and of the envelope), so that random text reaches past the first
/// check of each.
const TOKENS: &[&str] = &[
    "%",
    "%2",
    "%25",
    "%2C",
    "%C3%A5",
    "%C3",
    "%FF",
    "%E2%82",
    "%zz",
    "%+1",
    "%-1",
    "% 1",
    "+",
    "&",
    "=",
    "?",
    ",",
    " ",
    "\t",
    "\n",
    "\u{0}",
    "\u{feff}",
    "é",
    "Ö",
    "😀",
    "\u{130}",
    "q",
    "kommun",
    "lan",
    "tema",
    "ar",
    "aktor",
    "status",
    "idle",
    "dela",
    "jonkoping",
    "eslov",
    "06",
    "trafik",
    "2020",
    "1899",
    "2201",
    "-0",
    "polisen",
    "gemensamt",
    "jonkoping-2020-l1",
    "eslov-2016",
    "A-1",
    "a_1",
    "{",
    "}",
    "[",
    "]",
    "\"",
    ":",
    "version",
    "state",
    "bookmarks",
    "2",
    "null",
    "~",
    "~jonkoping",
    "followed",
    "seen",
    "done",
];

fn token_text() -> impl Strategy<Value = String> {
    vec(
        prop_oneof![
            4 => select(TOKENS).prop_map(String::from),
            1 => any::<char>().prop_map(String::from),
        ],
        0..16,
    )
    .prop_map(|pieces| pieces.concat())
}

/// Text of every kind: any Unicode, printable ASCII, and meaningful pieces run together.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[ -~]{0,40}", token_text(),]
}

/// Ids as the dataset writes them: lowercase ASCII, digits and dashes, up to 120 bytes.
fn valid_id() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9-]{1,24}",
        "[a-z0-9-]{100,120}",
        select(vec![
            "jonkoping-2020-l1",
            "eslov-2016",
            "eslov-2016-a2",
            "-",
            "0"
        ])
        .prop_map(String::from),
    ]
}

/// The field names and values of the storage envelope, and of agreement files, so that
/// generated JSON takes the paths a reader takes.
const FIELD_NAMES: &[&str] = &[
    "version",
    "state",
    "bookmarks",
    "preferences",
    "id",
    "saved",
    "label",
    "note",
    "lang",
    "textSize",
    "theme",
    "kind",
    "title",
    "kommuner",
    "period",
    "from",
    "to",
    "start",
    "end",
    "signed",
    "promises",
    "activities",
    "actors",
    "promise",
    "frequency",
    "followUp",
    "cadence",
    "source",
    "document",
    "followed",
    "kommun",
    "seen",
    "agreements",
    "reports",
    "statuses",
];

const FIELD_VALUES: &[&str] = &[
    "",
    "system",
    "light",
    "dark",
    "normal",
    "large",
    "larger",
    "sv",
    "en",
    "jonkoping-2020-l1",
    "eslov-2016",
    "Not An Id",
    "2026-11-21T09:30:00.000Z",
    "2016-01-21",
    "2016-02-30",
    "2016-1-1",
    "agreement",
    "announcement",
    "polisen",
    "kommunen",
    "tertial",
    "år",
    "Jönköping",
    "Atlantis",
    "trafik",
    "jonkoping/oxnehaga",
    "jonkoping",
    "done",
    "not-started",
    "klar",
];

fn json_leaf() -> BoxedStrategy<Value> {
    prop_oneof![
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => select(vec![
            0i64,
            1,
            2,
            3,
            -1,
            2016,
            2100,
            i64::from(i32::MIN),
            i64::from(i32::MAX),
            i64::from(u32::MAX),
            i64::from(u32::MAX) + 1,
        ])
        .prop_map(Value::from),
        1 => any::<i64>().prop_map(Value::from),
        1 => any::<f64>().prop_map(|f| json!(f)),
        3 => select(FIELD_VALUES).prop_map(Value::from),
        2 => text().prop_map(Value::String),
    ]
    .boxed()
}

fn json_key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(FIELD_NAMES).prop_map(String::from),
        1 => text(),
    ]
}

/// Any JSON: objects, arrays, strings, numbers, booleans and null, a few levels deep.
fn json_tree() -> BoxedStrategy<Value> {
    json_leaf()
        .prop_recursive(5, 64, 6, |inner| {
            prop_oneof![
                vec(inner.clone(), 0..6).prop_map(Value::Array),
                vec((json_key(), inner), 0..6)
                    .prop_map(|fields| Value::Object(fields.into_iter().collect())),
            ]
        })
        .boxed()
}

/// Either a value of the right kind or any JSON: most fields of a generated envelope are
/// right, so the reader's later checks are reached too.
fn right_or_any(right: impl Strategy<Value = Value> + 'static) -> BoxedStrategy<Value> {
    prop_oneof![9 => right, 1 => json_tree()].boxed()
}

/// An object of the given fields, each present or not, with sometimes a field of no meaning.
fn object_of(fields: Vec<(&'static str, BoxedStrategy<Value>)>) -> BoxedStrategy<Value> {
    let fields: Vec<_> = fields
        .into_iter()
        .map(|(name, value)| prop::option::weighted(0.95, value).prop_map(move |v| (name, v)))
        .collect();
    (
        fields,
        prop::option::weighted(0.1, (json_key(), json_tree())),
    )
        .prop_map(|(fields, extra)| {
            let mut object = Map::new();
            if let Some((key, value)) = extra {
                object.insert(key, value);
            }
            for (name, value) in fields {
                if let Some(value) = value {
                    object.insert(name.to_string(), value);
                }
            }
            Value::Object(object)
        })
        .boxed()
}

fn code_of(codes: &'static [&'static str]) -> BoxedStrategy<Value> {
    select(codes).prop_map(Value::from).boxed()
}

/// JSON in the shape of the storage envelope, right in most places and wrong in some.
fn envelope_like() -> BoxedStrategy<Value> {
    let bookmark = object_of(vec![
        (
            "id",
            right_or_any(prop_oneof![valid_id(), text()].prop_map(Value::from)),
        ),
        ("saved", right_or_any(text().prop_map(Value::from))),
        ("label", right_or_any(text().prop_map(Value::from))),
        ("note", right_or_any(text().prop_map(Value::from))),
    ]);
    let preferences = object_of(vec![
        ("lang", right_or_any(code_of(&["sv", "en", "fi"]))),
        (
            "textSize",
            right_or_any(code_of(&["normal", "large", "larger"])),
        ),
        ("theme", right_or_any(code_of(&["system", "light", "dark"]))),
    ]);
    let ids = || {
        right_or_any(
            vec(prop_oneof![valid_id(), text()].prop_map(Value::from), 0..4).prop_map(Value::Array),
        )
    };
    let progress_words: Vec<&'static str> = Progress::ALL.iter().map(|p| p.word()).collect();
    let statuses = vec(
        (valid_id(), select(progress_words).prop_map(Value::from)),
        0..4,
    )
    .prop_map(|pairs| Value::Object(pairs.into_iter().collect()));
    let seen = object_of(vec![
        ("agreements", ids()),
        ("reports", ids()),
        ("statuses", right_or_any(statuses)),
    ]);
    let followed = object_of(vec![
        (
            "kommun",
            right_or_any(prop_oneof![valid_id(), text()].prop_map(Value::from)),
        ),
        ("seen", right_or_any(seen)),
    ]);
    let state = object_of(vec![
        (
            "bookmarks",
            right_or_any(vec(bookmark, 0..5).prop_map(Value::Array)),
        ),
        (
            "followed",
            right_or_any(vec(followed, 0..4).prop_map(Value::Array)),
        ),
        ("preferences", right_or_any(preferences)),
    ]);
    let version = prop_oneof![
        4 => Just(json!(CURRENT_VERSION)),
        2 => Just(json!(VERSION_WITHOUT_FOLLOWED)),
        1 => Just(json!(1)),
        1 => Just(json!(CURRENT_VERSION + 1)),
        1 => json_leaf(),
    ];
    prop_oneof![
        8 => object_of(vec![("version", version.boxed()), ("state", right_or_any(state))]),
        // Version 1, before the envelope: a bare list of ids.
        1 => vec(right_or_any(prop_oneof![valid_id(), text()].prop_map(Value::from)), 0..5)
            .prop_map(Value::Array),
    ]
    .boxed()
}

/// JSON written out as a person or another program might: compact, indented, or spaced.
fn written(value: impl Strategy<Value = Value>) -> impl Strategy<Value = String> {
    (value, 0..3u8).prop_map(|(value, style)| match style {
        0 => value.to_string(),
        1 => serde_json::to_string_pretty(&value).expect("a Value always writes"),
        _ => format!("\n  {value}\t\n"),
    })
}

fn bookmark() -> impl Strategy<Value = Bookmark> {
    (
        valid_id(),
        text(),
        prop::option::of(text()),
        prop::option::of(prop_oneof![
            text(),
            // At the limit and just under it, in letters of more than one byte.
            (MAX_NOTE_CHARS - 2..=MAX_NOTE_CHARS).prop_map(|n| "ö".repeat(n)),
        ]),
    )
        .prop_map(|(id, saved, label, note)| Bookmark {
            id,
            saved,
            label,
            note: note.map(|n| n.chars().take(MAX_NOTE_CHARS).collect()),
        })
}

/// What a device may have seen of a kommun: ids, report keys (an id, or an agreement's id and
/// a title), statuses.
fn seen() -> impl Strategy<Value = Seen> {
    (
        vec(valid_id(), 0..4),
        vec(prop_oneof![valid_id(), text()], 0..4),
        prop::collection::btree_map(valid_id(), select(Progress::ALL.to_vec()), 0..4),
    )
        .prop_map(|(agreements, reports, statuses)| Seen {
            agreements,
            reports,
            statuses,
        })
}

/// A state the app can hold: ids and slugs valid and each once, notes within their limit.
fn user_state() -> impl Strategy<Value = UserState> {
    (
        vec(bookmark(), 0..6),
        vec((valid_id(), seen()), 0..4),
        prop::option::of(prop_oneof![
            select(vec!["sv", "en"]).prop_map(String::from),
            text()
        ]),
        select(Theme::ALL.to_vec()),
        select(TextSize::ALL.to_vec()),
        any::<bool>(),
    )
        .prop_map(
            |(mut bookmarks, followed, lang, theme, text_size, keep_all_offline)| {
                let mut ids = HashSet::new();
                bookmarks.retain(|b| ids.insert(b.id.clone()));
                let mut kommuner = HashSet::new();
                let followed = followed
                    .into_iter()
                    .filter(|(kommun, _)| kommuner.insert(kommun.clone()))
                    .map(|(kommun, seen)| Followed { kommun, seen })
                    .collect();
                UserState {
                    bookmarks,
                    followed,
                    preferences: Preferences {
                        lang,
                        text_size,
                        theme,
                        keep_all_offline,
                    },
                }
            },
        )
}

/// A change to a text, as damage or a hand edit makes it.
#[derive(Debug, Clone)]
enum Edit {
    Remove(Pick, Pick),
    Insert(Pick, String),
    Replace(Pick, String),
    Cut(Pick),
    Repeat(Pick, Pick),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let edit = prop_oneof![
        (any::<Pick>(), any::<Pick>()).prop_map(|(at, len)| Edit::Remove(at, len)),
        (any::<Pick>(), token_text()).prop_map(|(at, text)| Edit::Insert(at, text)),
        (any::<Pick>(), token_text()).prop_map(|(at, text)| Edit::Replace(at, text)),
        any::<Pick>().prop_map(Edit::Cut),
        (any::<Pick>(), any::<Pick>()).prop_map(|(at, len)| Edit::Repeat(at, len)),
    ];
    vec(edit, 1..4)
}

/// Apply edits character by character, so that the text stays a Rust string.
fn edit(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for edit in edits {
        let at = |pick: &Pick| pick.index(chars.len() + 1);
        match edit {
            Edit::Remove(from, len) => {
                let from = at(from);
                let to = from + len.index(chars.len() - from + 1).min(16);
                chars.drain(from..to);
            }
            Edit::Insert(pos, text) => {
                let pos = at(pos);
                chars.splice(pos..pos, text.chars());
            }
            Edit::Replace(pos, text) => {
                let pos = at(pos);
                let end = (pos + 1).min(chars.len());
                chars.splice(pos..end, text.chars());
            }
            Edit::Cut(pos) => chars.truncate(at(pos)),
            Edit::Repeat(from, len) => {
                let from = at(from);
                let to = from + len.index(chars.len() - from + 1).min(32);
                let copy: Vec<char> = chars[from..to].to_vec();
                chars.splice(to..to, copy);
            }
        }
    }
    chars.into_iter().collect()
}

// ---------------------------------------------------------------------------------------------
// 1. What storage holds.

/// A bookmark as the reader should keep it: the fields of an entry the app could have
/// written.
#[derive(Debug, PartialEq)]
struct Held {
    id: String,
    saved: String,
    label: Option<String>,
    note: Option<String>,
}

/// What a value held that the app could have written, found without the codec: for versions
/// 2 and 3, every bookmark with a valid id (the first of each id); for version 1, every valid
/// id. None for a value of any other kind.
fn held(raw: &str) -> Option<Vec<Held>> {
    let value: Value = serde_json::from_str(raw).ok()?;
    let mut seen = HashSet::new();
    let mut first = |id: &str| storage::is_valid_id(id) && seen.insert(id.to_string());
    if let Some(ids) = value.as_array() {
        return Some(
            ids.iter()
                .filter_map(Value::as_str)
                .filter(|id| first(id))
                .map(|id| Held {
                    id: id.to_string(),
                    saved: "1970-01-01T00:00:00.000Z".into(),
                    label: None,
                    note: None,
                })
                .collect(),
        );
    }
    if ![json!(VERSION_WITHOUT_FOLLOWED), json!(CURRENT_VERSION)].contains(value.get("version")?) {
        return None;
    }
    let text = |b: &Value, key: &str| b.get(key).and_then(Value::as_str).map(str::to_string);
    let bookmarks = match value.get("state")?.get("bookmarks") {
        Some(Value::Array(bookmarks)) => bookmarks.as_slice(),
        _ => &[],
    };
    Some(
        bookmarks
            .iter()
            .filter(|b| b.get("id").and_then(Value::as_str).is_some_and(&mut first))
            .map(|b| Held {
                id: text(b, "id").unwrap_or_default(),
                saved: text(b, "saved").unwrap_or_default(),
                label: text(b, "label"),
                note: text(b, "note").map(|n| n.chars().take(MAX_NOTE_CHARS).collect()),
            })
            .collect(),
    )
}

/// The kommuner a value of version 2 or 3 follows, found without the codec: every entry of
/// `followed` whose slug is valid (the first of each), with what was seen of it as stored.
fn held_followed(value: &Value) -> Vec<(String, Value)> {
    let mut kommuner = HashSet::new();
    let entries = match value.pointer("/state/followed") {
        Some(Value::Array(entries)) => entries.as_slice(),
        _ => &[],
    };
    entries
        .iter()
        .filter_map(|f| {
            let kommun = f.get("kommun")?.as_str()?;
            (storage::is_valid_id(kommun) && kommuner.insert(kommun)).then(|| {
                (
                    kommun.to_string(),
                    f.get("seen").cloned().unwrap_or(Value::Null),
                )
            })
        })
        .collect()
}

/// Whether a stored value of what was seen is all in `seen`: each part that holds something
/// (an id, a key, a status) is there as stored.
fn seen_holds_all_of(stored: &Value, seen: &Seen) -> bool {
    let written = serde_json::to_value(seen).expect("what was seen is plain data");
    ["agreements", "reports", "statuses"]
        .iter()
        .all(|part| match stored.get(part) {
            None | Some(Value::Null) => true,
            Some(Value::Array(items)) if items.is_empty() => true,
            Some(Value::Object(fields)) if fields.is_empty() => true,
            Some(value) => written.get(part) == Some(value),
        })
}

fn held_by(state: &UserState) -> Vec<Held> {
    state
        .bookmarks
        .iter()
        .map(|b| Held {
            id: b.id.clone(),
            saved: b.saved.clone(),
            label: b.label.clone(),
            note: b.note.clone(),
        })
        .collect()
}

/// Every bookmark in `state` is one the app could have written: a valid id, each once, a
/// note within its limit; every followed kommun a valid slug, each once.
fn check_could_be_written(state: &UserState) -> Result<(), TestCaseError> {
    let mut ids = HashSet::new();
    for b in &state.bookmarks {
        prop_assert!(storage::is_valid_id(&b.id), "{:?}", b.id);
        prop_assert!(ids.insert(&b.id), "{:?} twice", b.id);
        prop_assert!(b
            .note
            .as_ref()
            .is_none_or(|n| n.chars().count() <= MAX_NOTE_CHARS));
    }
    let mut kommuner = HashSet::new();
    for f in &state.followed {
        prop_assert!(storage::is_valid_id(&f.kommun), "{:?}", f.kommun);
        prop_assert!(kommuner.insert(&f.kommun), "{:?} twice", f.kommun);
    }
    Ok(())
}

/// Every valid id held under an "id" key at any depth, or listed bare (version 1); and every
/// valid slug under a "kommun" key.
fn ids_anywhere(value: &Value, ids: &mut Vec<String>, kommuner: &mut Vec<String>) {
    match value {
        Value::Object(fields) => {
            for (key, field) in fields {
                match field.as_str() {
                    Some(id) if key == "id" && storage::is_valid_id(id) => ids.push(id.into()),
                    Some(slug) if key == "kommun" && storage::is_valid_id(slug) => {
                        kommuner.push(slug.into())
                    }
                    _ => ids_anywhere(field, ids, kommuner),
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                match item.as_str() {
                    Some(id) if storage::is_valid_id(id) => ids.push(id.into()),
                    _ => ids_anywhere(item, ids, kommuner),
                }
            }
        }
        _ => {}
    }
}

/// What every read of stored text must give, whatever the text.
fn check_stored(raw: &str) -> Result<(), TestCaseError> {
    let decoded = storage::decode(Some(raw));
    match decoded.notice {
        Some(Notice::Unreadable | Notice::NewerVersion(_)) => {
            // The app copies this aside before it writes anything: it must be the very text.
            prop_assert_eq!(decoded.keep_aside.as_deref(), Some(raw));
            prop_assert_eq!(&decoded.state, &UserState::default());
        }
        Some(Notice::Migrated(from)) => {
            prop_assert_eq!(from, 1);
            prop_assert_eq!(&decoded.keep_aside, &None);
        }
        Some(Notice::PartlyUnreadable) => {
            // Part of it is read; the whole text goes aside before the app writes that part.
            prop_assert_eq!(decoded.keep_aside.as_deref(), Some(raw));
        }
        None => prop_assert_eq!(&decoded.keep_aside, &None),
    }
    if let Some(Notice::NewerVersion(version)) = decoded.notice {
        prop_assert!(version > CURRENT_VERSION);
    }
    if matches!(
        decoded.notice,
        Some(Notice::Unreadable | Notice::NewerVersion(_))
    ) {
        return Ok(());
    }
    // The app writes this state over the value (after keeping a partly read one aside): it
    // must hold all that the value held and could have come from the app.
    let value = serde_json::from_str::<Value>(raw).unwrap_or(Value::Null);
    if raw.trim().is_empty() {
        prop_assert_eq!(&decoded.state, &UserState::default());
    } else {
        let held_before = held(raw);
        prop_assert!(held_before.is_some(), "read without a notice: {raw:?}");
        prop_assert_eq!(held_by(&decoded.state), held_before.unwrap_or_default());
        let kommuner: Vec<&str> = decoded
            .state
            .followed
            .iter()
            .map(|f| f.kommun.as_str())
            .collect();
        let followed = held_followed(&value);
        prop_assert_eq!(
            kommuner,
            followed.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>()
        );
    }
    // Read without keeping a copy: no bookmark-like record anywhere in it (under a misspelt
    // key, say) may be missing from what the app writes over it, nor a followed kommun or
    // anything seen of one. (What was seen holds ids too, of agreements: those are not
    // bookmarks.)
    if decoded.keep_aside.is_none() {
        let mut scanned = value.clone();
        if let Some(state) = scanned.get_mut("state").and_then(Value::as_object_mut) {
            state.remove("followed");
        }
        let (mut ids, mut kommuner) = (Vec::new(), Vec::new());
        ids_anywhere(&scanned, &mut ids, &mut kommuner);
        for id in ids {
            prop_assert!(decoded.state.is_saved(&id), "{id:?} lost from {raw:?}");
        }
        prop_assert!(
            kommuner.is_empty(),
            "{kommuner:?} outside `followed` in {raw:?}"
        );
        for (kommun, stored) in held_followed(&value) {
            let seen = decoded.state.seen(&kommun);
            prop_assert!(
                seen.is_some_and(|seen| seen_holds_all_of(&stored, seen)),
                "what was seen of {kommun:?} lost from {raw:?}"
            );
        }
    }
    // What was read is what the app may hold, and writing it reads back the same.
    check_could_be_written(&decoded.state)?;
    let again = storage::decode(Some(&storage::encode(&decoded.state)));
    prop_assert_eq!(again.notice, None);
    prop_assert_eq!(again.keep_aside, None);
    prop_assert_eq!(again.state, decoded.state);
    Ok(())
}

#[test]
fn stored_text_of_any_kind_is_read_or_kept_aside() {
    fuzz("stored_any_text", 512, text(), |raw| check_stored(&raw));
}

#[test]
fn stored_json_of_any_shape_is_read_or_kept_aside() {
    fuzz("stored_any_json", 512, written(json_tree()), |raw| {
        check_stored(&raw)
    });
}

#[test]
fn stored_envelopes_right_and_wrong_are_read_or_kept_aside() {
    fuzz(
        "stored_envelope_like",
        512,
        written(envelope_like()),
        |raw| check_stored(&raw),
    );
}

#[test]
fn a_written_state_reads_back_exactly() {
    fuzz("stored_round_trip", 512, user_state(), |state| {
        let text = storage::encode(&state);
        let decoded = storage::decode(Some(&text));
        prop_assert_eq!(decoded.notice, None);
        prop_assert_eq!(decoded.keep_aside, None);
        // Writing an unchanged state gives the very text already stored.
        prop_assert_eq!(storage::encode(&decoded.state), text);
        prop_assert_eq!(decoded.state, state);
        Ok(())
    });
}

#[test]
fn damaged_stored_envelopes_are_read_or_kept_aside() {
    // Generated states, and values the app wrote to devices at an earlier commit.
    let stored = prop_oneof![
        3 => user_state().prop_map(|s| storage::encode(&s)),
        1 => select(vec![
            "storage-v2.json",
            "storage-v2-preferences.json",
            "storage-v2-empty.json",
            "storage-v1.json",
            "storage-v3.json",
            "backup-value.json",
        ])
        .prop_map(fixture),
    ];
    fuzz("stored_damaged", 512, (stored, edits()), |(text, edits)| {
        check_stored(&edit(&text, &edits))
    });
}

// ---------------------------------------------------------------------------------------------
// 2. Share links.

fn check_share(value: &str) -> Result<(), TestCaseError> {
    let ids = storage::parse_share(value);
    let pieces: Vec<&str> = value.split(',').map(str::trim).collect();
    let mut seen = HashSet::new();
    for id in &ids {
        prop_assert!(storage::is_valid_id(id), "{id:?}");
        prop_assert!(seen.insert(id), "{id:?} twice");
        prop_assert!(pieces.contains(&id.as_str()), "{id:?} is not in {value:?}");
    }
    // Every valid id of the link is taken, in the link's order.
    let mut expected: Vec<&str> = Vec::new();
    for piece in pieces {
        if storage::is_valid_id(piece) && !expected.contains(&piece) {
            expected.push(piece);
        }
    }
    prop_assert_eq!(&ids, &expected);
    // The kommuner are the pieces marked as such: each valid slug after the mark, once each,
    // in the link's order; the ids are what they always were.
    let shared = storage::parse_shared(value);
    prop_assert_eq!(&shared.ids, &ids);
    let mut kommuner: Vec<&str> = Vec::new();
    for piece in value.split(',').map(str::trim) {
        if let Some(slug) = piece.strip_prefix(FOLLOWED_MARK) {
            if storage::is_valid_id(slug) && !kommuner.contains(&slug) {
                kommuner.push(slug);
            }
        }
    }
    prop_assert_eq!(shared.kommuner, kommuner);
    Ok(())
}

#[test]
fn any_share_value_gives_only_valid_ids() {
    fuzz(
        "share_any_text",
        1024,
        prop_oneof![
            text(),
            vec(
                prop_oneof![
                    valid_id(),
                    valid_id().prop_map(|slug| format!("{FOLLOWED_MARK}{slug}")),
                    text()
                ],
                0..8
            )
            .prop_map(|ids| ids.join(",")),
            edits().prop_map(|edits| edit(&fixture("share-value.txt"), &edits)),
            edits().prop_map(|edits| edit(&fixture("share-value-v3.txt"), &edits)),
        ],
        |value| check_share(&value),
    );
}

#[test]
fn a_share_link_carries_every_saved_id() {
    fuzz("share_round_trip", 512, user_state(), |state| {
        let newest = state.newest_first();
        let value = state.share_value();
        let expected: Vec<&str> = newest.iter().map(|b| b.id.as_str()).collect();
        prop_assert_eq!(&storage::parse_share(&value), &expected);
        let shared = storage::parse_shared(&value);
        prop_assert_eq!(&shared.ids, &expected);
        let kommuner: Vec<&str> = state.followed.iter().map(|f| f.kommun.as_str()).collect();
        prop_assert_eq!(&shared.kommuner, &kommuner);
        // The ids alone are written as they always were.
        if kommuner.is_empty() {
            prop_assert_eq!(&value, &storage::share_value(&newest));
        }
        // Through the link's address, as the saved page reads it.
        let href = Route::Saved {
            share: Some(value.clone()),
        }
        .href();
        let (_, query) = href.split_once('?').unwrap_or((&href, ""));
        let dela: Vec<String> = url::parse_query(query)
            .into_iter()
            .filter(|(k, _)| k == "dela")
            .map(|(_, v)| v)
            .collect();
        prop_assert_eq!(dela, vec![value]);
        Ok(())
    });
}

// ---------------------------------------------------------------------------------------------
// 3. Imported files (src/pages/saved/share.rs): the file's text is read by `storage::decode`,
// refused when that reports it unreadable, newer or to be kept aside, and otherwise merged
// into what is saved and followed.

/// What the import does to `saved`: None when it refuses the file, else how many bookmarks
/// and how many followed kommuner were added.
fn import(saved: &mut UserState, file: &str) -> Option<(usize, usize)> {
    let decoded = storage::decode(Some(file));
    if matches!(
        decoded.notice,
        Some(Notice::Unreadable | Notice::NewerVersion(_))
    ) || decoded.keep_aside.is_some()
    {
        return None;
    }
    Some((
        saved.merge(&decoded.state.bookmarks),
        saved.merge_followed(&decoded.state.followed),
    ))
}

fn check_import(before: &UserState, file: &str) -> Result<(), TestCaseError> {
    let mut after = before.clone();
    let Some((added, followed)) = import(&mut after, file) else {
        prop_assert_eq!(&after, before);
        return Ok(());
    };
    // Nothing saved or followed is lost or changed, except a note where there was none.
    prop_assert_eq!(&after.preferences, &before.preferences);
    prop_assert_eq!(after.followed.len(), before.followed.len() + followed);
    prop_assert_eq!(
        &after.followed[..before.followed.len()],
        &before.followed[..]
    );
    if let Ok(value) = serde_json::from_str::<Value>(file) {
        for (kommun, _) in held_followed(&value) {
            prop_assert!(after.is_following(&kommun), "{kommun:?} was not imported");
        }
    }
    prop_assert_eq!(after.bookmarks.len(), before.bookmarks.len() + added);
    for (was, is) in before.bookmarks.iter().zip(&after.bookmarks) {
        prop_assert_eq!(&was.id, &is.id);
        prop_assert_eq!(&was.saved, &is.saved);
        prop_assert_eq!(&was.label, &is.label);
        if was.note.is_some() {
            prop_assert_eq!(&was.note, &is.note);
        }
    }
    // Everything the file held that the app could have written arrives.
    let incoming = held(file).unwrap_or_default();
    for h in &incoming {
        prop_assert!(after.is_saved(&h.id), "{:?} was not imported", h.id);
    }
    check_could_be_written(&after)?;
    Ok(())
}

/// Files as they arrive: another device's export (maybe edited or damaged), JSON in the
/// envelope's shape, any JSON, any text.
fn import_file() -> impl Strategy<Value = String> {
    prop_oneof![
        user_state().prop_map(|s| storage::encode(&s)),
        (user_state(), edits()).prop_map(|(s, edits)| edit(&storage::encode(&s), &edits)),
        edits().prop_map(|edits| edit(&fixture("medborgarloften-sparade.json"), &edits)),
        edits().prop_map(|edits| edit(&fixture("storage-v3.json"), &edits)),
        written(envelope_like()),
        written(json_tree()),
        text(),
    ]
}

#[test]
fn an_imported_file_adds_and_never_loses() {
    fuzz(
        "import_any_file",
        512,
        (user_state(), import_file()),
        |(saved, file)| check_import(&saved, &file),
    );
}

#[test]
fn an_export_imported_on_another_device_brings_every_bookmark() {
    fuzz(
        "import_round_trip",
        256,
        (user_state(), user_state()),
        |(mine, theirs)| {
            check_import(&mine, &storage::encode(&theirs))?;
            let mut fresh = UserState::default();
            prop_assert_eq!(
                import(&mut fresh, &storage::encode(&theirs)),
                Some((theirs.bookmarks.len(), theirs.followed.len()))
            );
            prop_assert_eq!(fresh.bookmarks, theirs.bookmarks);
            prop_assert_eq!(fresh.followed, theirs.followed);
            Ok(())
        },
    );
}

// ---------------------------------------------------------------------------------------------
// 4. The query string.

/// Percent-decoding as the specification has it: `%` and two hex digits is a byte, `+` a
/// space, anything else itself; bytes that are not UTF-8 become U+FFFD.
fn reference_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let hex = |b: u8| char::from(b).to_digit(16);
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push((high * 16 + low) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn any_component_decodes_as_the_specification_says() {
    fuzz("url_decode", 2048, text(), |text| {
        prop_assert_eq!(url::decode(&text), reference_decode(&text));
        Ok(())
    });
}

#[test]
fn any_text_survives_encoding_and_decoding() {
    fuzz("url_round_trip", 2048, text(), |text| {
        let encoded = url::encode(&text);
        prop_assert!(
            encoded
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.~+%".contains(&b)),
            "{encoded:?}"
        );
        prop_assert_eq!(url::decode(&encoded), text);
        Ok(())
    });
}

/// Query strings: any text, pieces run together, and long runs of one piece.
fn query_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => text(),
        1 => (select(TOKENS), 1000..20_000usize).prop_map(|(piece, n)| piece.repeat(n)),
    ]
}

#[test]
fn any_query_string_gives_its_pairs() {
    fuzz("url_parse_query", 1024, query_text(), |query| {
        let pairs = url::parse_query(&query);
        let pieces = query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
            .count();
        prop_assert_eq!(pairs.len(), pieces);
        Ok(())
    });
}

#[test]
fn any_pairs_survive_a_query_string() {
    fuzz(
        "url_pairs_round_trip",
        1024,
        vec((text(), text()), 0..6),
        |pairs| {
            let query = url::query_string(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            prop_assert_eq!(url::parse_query(&query), pairs);
            Ok(())
        },
    );
}

/// Pairs of the start page's and the kiosk's keys, with the dataset's values, near misses
/// and any text.
fn query_pairs() -> impl Strategy<Value = Vec<(String, String)>> {
    let data = &*DATA;
    let mut values: Vec<String> = data.kommuner.iter().map(|k| k.slug.clone()).collect();
    values.extend(data.lan.iter().map(|l| l.code.clone()));
    values.extend(data.topics.iter().map(|t| t.id.clone()));
    values.extend(ActorFilter::ALL.iter().map(|a| a.slug().to_string()));
    values.extend(StatusFilter::ALL.iter().map(|s| s.slug().to_string()));
    values.extend(
        [
            "2016",
            "2020",
            "1900",
            "2200",
            "1899",
            "2201",
            "-1",
            "+2020",
            "2020.0",
            "0",
            "15",
            "14",
            "3600",
            "3601",
            "90",
            "4294967296",
            " 120 ",
            "",
            "Jönköping",
            "JONKOPING",
        ]
        .map(String::from),
    );
    let key = prop_oneof![
        4 => select(vec!["q", "kommun", "lan", "tema", "ar", "aktor", "status", "idle", "dela"])
            .prop_map(String::from),
        1 => text(),
    ];
    let value = prop_oneof![
        3 => select(values),
        1 => text(),
    ];
    vec((key, value), 0..10)
}

/// Pairs as they come to the page: from a query string that may be damaged.
fn address_pairs() -> impl Strategy<Value = Vec<(String, String)>> {
    prop_oneof![
        3 => query_pairs(),
        1 => query_text().prop_map(|q| url::parse_query(&q)),
    ]
}

#[test]
fn any_address_gives_a_search_of_known_values_only() {
    fuzz("query_from_pairs", 512, address_pairs(), |pairs| {
        let data = &*DATA;
        let (query, ignored) = Query::from_pairs(pairs.iter().map(|(k, v)| (k, v)), data);
        let once = |list: &[String]| list.iter().collect::<HashSet<_>>().len() == list.len();
        prop_assert!(query
            .kommun
            .iter()
            .all(|s| data.kommun_by_slug(s).is_some()));
        prop_assert!(query.lan.iter().all(|c| data.lan_by_code(c).is_some()));
        prop_assert!(query.tema.iter().all(|t| data.topic(t).is_some()));
        prop_assert!(query.ar.iter().all(|y| (1900..=2200).contains(y)));
        prop_assert!(once(&query.kommun) && once(&query.lan) && once(&query.tema));
        let years: HashSet<_> = query.ar.iter().collect();
        let actors: HashSet<_> = query.aktor.iter().collect();
        let statuses: HashSet<_> = query.status.iter().collect();
        prop_assert_eq!(years.len(), query.ar.len());
        prop_assert_eq!(actors.len(), query.aktor.len());
        prop_assert_eq!(statuses.len(), query.status.len());
        // What was dropped is said, and only what was dropped.
        let ours = ["kommun", "lan", "tema", "ar", "aktor", "status"];
        for dropped in &ignored {
            prop_assert!(ours.contains(&dropped.key.as_str()));
            prop_assert!(!dropped.value.is_empty());
            let (again, _) = Query::from_pairs([(&dropped.key, &dropped.value)], data);
            prop_assert!(!again.has_filters(), "{dropped:?} was understood");
        }
        let given = pairs
            .iter()
            .filter(|(k, v)| ours.contains(&k.as_str()) && !v.trim().is_empty())
            .count();
        let taken = pairs
            .iter()
            .filter(|(k, v)| {
                ours.contains(&k.as_str()) && Query::from_pairs([(k, v)], data).0.has_filters()
            })
            .count();
        prop_assert_eq!(given, taken + ignored.len());
        // The search runs on whatever the address asked for, and lists only what exists.
        let results = INDEX.search(&query);
        let mut listed = 0;
        for group in &results.groups {
            let agreement = &data.agreements[group.agreement];
            prop_assert!(group.promises.iter().all(|&i| i < agreement.promises.len()));
            prop_assert!(group
                .activities
                .iter()
                .all(|&i| i < agreement.activities.len()));
            listed += group.promises.len() + group.activities.len();
        }
        prop_assert_eq!(listed, results.record_count);
        prop_assert_eq!(results.facets.kommun.len(), data.kommuner.len());
        prop_assert_eq!(&INDEX.search_without_facets(&query).groups, &results.groups);
        Ok(())
    });
}

/// A search someone can make on the start page: known values, each once.
fn page_query() -> impl Strategy<Value = Query> {
    let data = &*DATA;
    let kommuner: Vec<String> = data.kommuner.iter().map(|k| k.slug.clone()).collect();
    let lan: Vec<String> = data.lan.iter().map(|l| l.code.clone()).collect();
    let topics: Vec<String> = data.topics.iter().map(|t| t.id.clone()).collect();
    let years = INDEX.years().to_vec();
    let some = |all: Vec<String>| prop::sample::subsequence(all.clone(), 0..=3.min(all.len()));
    (
        prop_oneof![
            Just(String::new()),
            text().prop_filter("words", |q| !q.trim().is_empty())
        ],
        some(kommuner),
        some(lan),
        some(topics),
        prop::sample::subsequence(years.clone(), 0..=2.min(years.len())),
        prop::sample::subsequence(ActorFilter::ALL.to_vec(), 0..=2),
        prop::sample::subsequence(StatusFilter::ALL.to_vec(), 0..=2),
    )
        .prop_map(|(q, kommun, lan, tema, ar, aktor, status)| Query {
            q,
            kommun,
            lan,
            tema,
            ar,
            aktor,
            status,
        })
}

#[test]
fn a_search_survives_its_address() {
    fuzz("query_round_trip", 512, page_query(), |query| {
        let href = Route::Home(query.clone()).href();
        let (_, string) = href.split_once('?').unwrap_or((&href, ""));
        let (read, ignored) = Query::from_pairs(url::parse_query(string), &DATA);
        prop_assert_eq!(ignored, vec![]);
        prop_assert_eq!(read, query);
        Ok(())
    });
}

#[test]
fn any_search_text_highlights_within_the_text() {
    fuzz(
        "query_highlight",
        1024,
        (
            text(),
            query_text().prop_map(|q| q.chars().take(200).collect()),
        ),
        |(text, q): (String, String)| {
            let segments = highlight(&text, &q);
            let joined: String = segments.iter().map(|s| s.text).collect();
            prop_assert_eq!(&joined, &text);
            let length = text.encode_utf16().count() as u32;
            let mut end = 0;
            for (from, to) in highlight_ranges(&text, &q) {
                prop_assert!(end <= from && from < to && to <= length);
                end = to;
            }
            Ok(())
        },
    );
}

#[test]
fn any_kiosk_address_gives_safe_settings() {
    fuzz("kiosk_from_pairs", 1024, address_pairs(), |pairs| {
        let config = KioskConfig::from_pairs(pairs.iter().map(|(k, v)| (k, v)), &DATA);
        if let Some(slug) = &config.kommun {
            prop_assert!(DATA.kommun_by_slug(slug).is_some(), "{slug:?}");
        }
        prop_assert!((MIN_IDLE_SECONDS..=MAX_IDLE_SECONDS).contains(&config.idle_seconds));
        // A reset starts again from the kiosk's own address: it must give the same settings.
        let href = Route::Kiosk(config.clone()).href();
        let (_, string) = href.split_once('?').unwrap_or((&href, ""));
        prop_assert_eq!(
            KioskConfig::from_pairs(url::parse_query(string), &DATA),
            config
        );
        Ok(())
    });
}

// ---------------------------------------------------------------------------------------------
// 5. The data bundle.

/// Damage to bytes: flipped bits, a cut, bytes inserted, removed or overwritten.
#[derive(Debug, Clone)]
enum Damage {
    Flip(Pick, u8),
    Cut(Pick),
    Insert(Pick, Vec<u8>),
    Remove(Pick, u8),
    Overwrite(Pick, Vec<u8>),
}

fn damage() -> impl Strategy<Value = Vec<Damage>> {
    let one = prop_oneof![
        4 => (any::<Pick>(), 0..8u8).prop_map(|(at, bit)| Damage::Flip(at, bit)),
        1 => any::<Pick>().prop_map(Damage::Cut),
        1 => (any::<Pick>(), vec(any::<u8>(), 1..8)).prop_map(|(at, b)| Damage::Insert(at, b)),
        1 => (any::<Pick>(), 1..16u8).prop_map(|(at, n)| Damage::Remove(at, n)),
        1 => (any::<Pick>(), vec(any::<u8>(), 1..8)).prop_map(|(at, b)| Damage::Overwrite(at, b)),
    ];
    vec(one, 1..6)
}

fn damaged(bytes: &[u8], damage: &[Damage]) -> Vec<u8> {
    let mut bytes = bytes.to_vec();
    for d in damage {
        let len = bytes.len();
        match d {
            Damage::Flip(at, bit) if len > 0 => bytes[at.index(len)] ^= 1 << bit,
            Damage::Flip(..) => {}
            Damage::Cut(at) => bytes.truncate(at.index(len + 1)),
            Damage::Insert(at, new) => {
                let at = at.index(len + 1);
                bytes.splice(at..at, new.iter().copied());
            }
            Damage::Remove(at, n) => {
                let at = at.index(len + 1);
                bytes.drain(at..(at + usize::from(*n)).min(len));
            }
            Damage::Overwrite(at, new) => {
                let at = at.index(len + 1);
                let end = (at + new.len()).min(len);
                bytes.splice(at..end, new.iter().copied());
            }
        }
    }
    bytes
}

fn check_bundle(bytes: &[u8]) -> Result<(), TestCaseError> {
    let (outcome, largest) = largest_allocation(|| bundle::decode(bytes));
    prop_assert!(
        largest <= PREALLOCATION_CAP.max(64 * bytes.len()),
        "decoding {} bytes allocated {largest} at once",
        bytes.len()
    );
    match outcome {
        Err(error) => {
            prop_assert!(error.to_string().contains("data bundle"), "{error}");
        }
        // Damage that still reads is a dataset like any other: the app indexes it at once.
        Ok(data) => {
            let again = bundle::decode(&bundle::encode(&data));
            prop_assert_eq!(again.as_ref(), Ok(&data));
            let index = Index::new(&data);
            index.search(&Query::default());
            index.search(&Query {
                q: "trygg vandring".into(),
                ..Query::default()
            });
        }
    }
    Ok(())
}

#[test]
fn any_bytes_are_a_dataset_or_a_clear_error() {
    let header = [b"LOFT".as_slice(), &[bundle::VERSION]].concat();
    fuzz(
        "bundle_any_bytes",
        1024,
        prop_oneof![
            vec(any::<u8>(), 0..64),
            vec(any::<u8>(), 0..512).prop_map(move |rest| [header.as_slice(), &rest].concat()),
        ],
        |bytes| check_bundle(&bytes),
    );
}

#[test]
fn a_cut_bundle_is_refused() {
    fuzz("bundle_cut", 512, any::<Pick>(), |at| {
        let cut = &BUNDLE[..at.index(BUNDLE.len())];
        prop_assert!(bundle::decode(cut).is_err());
        check_bundle(cut)
    });
}

#[test]
fn a_damaged_bundle_is_a_dataset_or_a_clear_error() {
    // Today's bundle of data/, and the copy an earlier commit kept on devices.
    let kept = bundle::from_base64(&fixture("dataset-copy.b64")).expect("the fixture is base64");
    fuzz(
        "bundle_damaged",
        512,
        (any::<bool>(), damage()),
        |(today, damage)| {
            let bytes: &[u8] = if today { &BUNDLE } else { &kept };
            check_bundle(&damaged(bytes, &damage))
        },
    );
}

#[test]
fn a_bundle_with_any_period_can_be_indexed() {
    // What the bundle holds is not validated again in the app: whatever reads is indexed.
    // One agreement at a time keeps each case cheap; the years are what is being tried.
    let year = || prop_oneof![any::<i32>(), 1890..2210i32];
    fuzz(
        "bundle_any_period",
        128,
        (any::<Pick>(), year(), year()),
        |(which, from, to)| {
            let mut agreement = DATA.agreements[which.index(DATA.agreements.len())].clone();
            agreement.period.from = from;
            agreement.period.to = to;
            let data = Dataset {
                agreements: vec![agreement],
                ..Dataset::default()
            };
            check_bundle(&bundle::encode(&data))
        },
    );
}

#[test]
fn any_text_in_the_copy_s_place_is_base64_or_refused() {
    fuzz(
        "bundle_from_base64",
        2048,
        prop_oneof![
            text(),
            "[A-Za-z0-9+/=]{0,64}",
            vec(any::<u8>(), 0..64).prop_map(|b| bundle::to_base64(&b)),
            (vec(any::<u8>(), 1..64), edits())
                .prop_map(|(b, edits)| edit(&bundle::to_base64(&b), &edits)),
            edits().prop_map(|edits| edit(&fixture("dataset-copy.b64"), &edits)),
        ],
        |text| {
            // The decoder is strict: only what to_base64 writes is read, so a damaged copy is
            // noticed before the bundle decoder sees it.
            if let Some(bytes) = bundle::from_base64(&text) {
                prop_assert_eq!(bundle::to_base64(&bytes), text);
            }
            Ok(())
        },
    );
}

#[test]
fn any_bytes_survive_base64() {
    fuzz(
        "bundle_base64_round_trip",
        1024,
        vec(any::<u8>(), 0..256),
        |bytes| {
            let text = bundle::to_base64(&bytes);
            prop_assert_eq!(text.len(), bundle::base64_len(bytes.len()));
            prop_assert_eq!(bundle::from_base64(&text), Some(bytes));
            Ok(())
        },
    );
}

// ---------------------------------------------------------------------------------------------
// 6. The agreement files of data/.

/// Where a value is in a JSON document.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Item(usize),
}

fn paths(value: &Value, here: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(here.clone());
    match value {
        Value::Object(fields) => {
            for (key, child) in fields {
                here.push(Step::Key(key.clone()));
                paths(child, here, out);
                here.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                here.push(Step::Item(i));
                paths(child, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

fn at_path<'a>(value: &'a mut Value, path: &[Step]) -> &'a mut Value {
    path.iter().fold(value, |v, step| match step {
        Step::Key(key) => &mut v[key.as_str()],
        Step::Item(i) => &mut v[*i],
    })
}

/// A change to one value of a JSON document.
#[derive(Debug, Clone)]
enum Change {
    /// A value of the same kind: a string for a string or a null, a number for a number, the
    /// other boolean. Most mistakes are of this kind, and they reach past the JSON's shape.
    Alike(Pick, String, i64),
    Replace(Pick, Value),
    Remove(Pick),
    Add(Pick, String, Value),
}

fn change(change: &Change, document: &mut Value) {
    let mut all = Vec::new();
    paths(document, &mut Vec::new(), &mut all);
    match change {
        Change::Alike(at, text, number) => {
            let slot = at_path(document, &all[at.index(all.len())]);
            match slot {
                Value::String(_) | Value::Null => *slot = Value::from(text.as_str()),
                Value::Number(_) => *slot = Value::from(*number),
                Value::Bool(b) => *b = !*b,
                Value::Array(_) | Value::Object(_) => {}
            }
        }
        Change::Replace(at, value) => *at_path(document, &all[at.index(all.len())]) = value.clone(),
        Change::Remove(at) => {
            let path = &all[at.index(all.len())];
            if let Some((last, parent)) = path.split_last() {
                match (at_path(document, parent), last) {
                    (Value::Object(fields), Step::Key(key)) => {
                        fields.remove(key);
                    }
                    (Value::Array(items), Step::Item(i)) => {
                        items.remove(*i);
                    }
                    _ => {}
                }
            }
        }
        Change::Add(at, key, value) => {
            if let Value::Object(fields) = at_path(document, &all[at.index(all.len())]) {
                fields.insert(key.clone(), value.clone());
            }
        }
    }
}

/// Values an agreement file could hold by mistake: years out of range, dates that do not
/// exist, ids of other records, names that are no kommun, and any JSON.
fn agreement_value() -> BoxedStrategy<Value> {
    let data = &*DATA;
    let mut names: Vec<Value> = data
        .agreements
        .iter()
        .flat_map(|a| {
            std::iter::once(a.id.clone())
                .chain(a.promises.iter().map(|p| p.id.clone()))
                .chain(a.activities.iter().map(|x| x.id.clone()))
        })
        .map(Value::from)
        .collect();
    names.extend(data.topics.iter().map(|t| Value::from(t.id.clone())));
    names.extend(data.areas.iter().map(|a| Value::from(a.id.clone())));
    names.extend(["Eslöv", "Jönköping"].map(Value::from));
    prop_oneof![
        2 => select(names),
        2 => json_leaf(),
        1 => json_tree(),
    ]
    .boxed()
}

fn agreement_change() -> impl Strategy<Value = Change> {
    let text = agreement_value().prop_map(|v| match v {
        Value::String(s) => s,
        other => other.to_string(),
    });
    let number = prop_oneof![
        3 => select(vec![
            1999,
            2000,
            2016,
            2100,
            2101,
            -1,
            0,
            i64::from(i32::MIN),
            i64::from(i32::MAX),
            1 << 40,
        ]),
        1 => any::<i64>(),
    ];
    prop_oneof![
        4 => (any::<Pick>(), text, number).prop_map(|(at, t, n)| Change::Alike(at, t, n)),
        2 => (any::<Pick>(), agreement_value()).prop_map(|(at, v)| Change::Replace(at, v)),
        1 => any::<Pick>().prop_map(Change::Remove),
        1 => (any::<Pick>(), json_key(), agreement_value())
            .prop_map(|(at, key, v)| Change::Add(at, key, v)),
    ]
}

/// An agreement file edited: by value (valid JSON, wrong content) or by text (maybe not
/// JSON at all).
#[derive(Debug, Clone)]
enum FileEdit {
    Values(Vec<Change>),
    Text(Vec<Edit>),
}

fn check_agreement(which: Pick, file_edit: FileEdit) -> Result<(), TestCaseError> {
    let mut files = FILES.clone();
    let at = which.index(files.agreements.len());
    let (name, text) = files.agreements[at].clone();
    let edited = match &file_edit {
        FileEdit::Values(changes) => {
            let mut document: Value = serde_json::from_str(&text).expect("data/ is JSON");
            for c in changes {
                change(c, &mut document);
            }
            serde_json::to_string_pretty(&document).expect("a Value always writes")
        }
        FileEdit::Text(edits) => edit(&text, edits),
    };
    let file = format!("agreements/{name}");
    files.agreements[at].1 = edited.clone();
    match Dataset::from_files(&files) {
        // The edit left a valid dataset (a note changed, say); the build indexes it.
        Ok(data) => {
            Index::new(&data).search(&Query::default());
        }
        Err(problems) => {
            prop_assert!(!problems.is_empty());
            for p in &problems {
                prop_assert!(
                    !p.file.is_empty() && !p.message.is_empty() && !p.fix.is_empty(),
                    "{p:?}"
                );
                if p.file == file {
                    prop_assert!(!p.field.is_empty(), "{p:?}");
                }
            }
            // The edited file is named, unless its id is now another file's: that case is
            // `a_copied_agreement_is_reported_on_the_copy` below.
            let id = serde_json::from_str::<Value>(&edited)
                .ok()
                .and_then(|v| v.get("id").and_then(Value::as_str).map(str::to_string));
            let copied = id.is_some_and(|id| {
                FILES
                    .agreements
                    .iter()
                    .any(|(other, _)| *other != name && *other == format!("{id}.json"))
            });
            if !copied {
                prop_assert!(
                    problems
                        .iter()
                        .any(|p| p.file == file || p.message.contains(&file)),
                    "no problem names {file}: {problems:#?}"
                );
            }
        }
    }
    Ok(())
}

#[test]
fn an_edited_agreement_file_is_read_or_its_problems_named() {
    fuzz(
        "agreement_values",
        256,
        (any::<Pick>(), vec(agreement_change(), 1..4)),
        |(which, changes)| check_agreement(which, FileEdit::Values(changes)),
    );
}

#[test]
fn a_damaged_agreement_file_is_reported_by_file_and_place() {
    fuzz(
        "agreement_text",
        256,
        (any::<Pick>(), edits()),
        |(which, edits)| check_agreement(which, FileEdit::Text(edits)),
    );
}

// ---------------------------------------------------------------------------------------------
// Inputs found by fuzzing, or that it cannot be trusted to find, kept as plain tests.

#[test]
fn a_length_of_two_to_the_forty_is_refused_without_allocating_it() {
    let varint = |mut n: u64| {
        let mut out = Vec::new();
        while n >= 0x80 {
            out.push((n as u8) | 0x80);
            n >>= 7;
        }
        out.push(n as u8);
        out
    };
    let huge = varint(1 << 40);
    for body in [
        // The kommun list claims 2^40 entries.
        huge.clone(),
        // One kommun whose code claims to be 2^40 bytes long.
        [&[1u8][..], &huge].concat(),
        // 2^40 kommuner, the first of them whole.
        [&huge[..], &varint(4), b"0680", &[0, 0, 0, 0]].concat(),
        varint(u64::MAX),
        // Longer than any varint of 64 bits.
        vec![0xff; 11],
    ] {
        let bytes = [&b"LOFT"[..], &[bundle::VERSION], &body].concat();
        let start = Instant::now();
        let (outcome, largest) = largest_allocation(|| bundle::decode(&bytes));
        assert!(
            matches!(outcome, Err(bundle::BundleError::Damaged(_))),
            "{body:?}: {outcome:?}"
        );
        assert!(
            largest <= PREALLOCATION_CAP,
            "{body:?}: allocated {largest}"
        );
        assert!(start.elapsed() < Duration::from_secs(1), "{body:?}");
    }
}

#[test]
fn deeply_nested_json_is_kept_aside_not_a_stack_overflow() {
    for raw in ["[".repeat(100_000), "{\"a\":".repeat(100_000)] {
        let decoded = storage::decode(Some(&raw));
        assert_eq!(decoded.notice, Some(Notice::Unreadable));
        assert_eq!(decoded.keep_aside.as_deref(), Some(raw.as_str()));
    }
    let mut files = FILES.clone();
    files.agreements[0].1 = "[".repeat(100_000);
    let Err(problems) = Dataset::from_files(&files) else {
        panic!("a list of lists was accepted as an agreement");
    };
    assert!(problems.iter().any(|p| p.file.starts_with("agreements/")));
}

/// Found by `bundle_any_period` (and reachable from `agreement_values`): a period of
/// i32::MIN..=i32::MAX read from a bundle, or from an agreement file that the validator let
/// through, made `Index::new` ask for 16 GiB at once and abort the process.
#[test]
fn a_period_of_every_year_is_indexed_without_a_year_each() {
    let mut data = DATA.clone();
    data.agreements[0].period.from = i32::MIN;
    data.agreements[0].period.to = i32::MAX;
    let data = bundle::decode(&bundle::encode(&data)).expect("a period is any two numbers");
    let (index, largest) = largest_allocation(|| Index::new(&data));
    assert!(largest <= PREALLOCATION_CAP, "allocated {largest}");
    let years = index.search(&Query::default()).facets.ar;
    assert_eq!(years.first().map(|&(y, _)| y), Some(2200));
    assert_eq!(years.last().map(|&(y, _)| y), Some(1900));

    let mut files = FILES.clone();
    let (_, text) = &mut files.agreements[0];
    let mut document: Value = serde_json::from_str(text).expect("data/ is JSON");
    document["period"] = json!({ "from": 2016, "to": i32::MAX, "start": null, "end": null });
    *text = document.to_string();
    if let Ok(data) = Dataset::from_files(&files) {
        let (_, largest) = largest_allocation(|| Index::new(&data));
        assert!(largest <= PREALLOCATION_CAP, "allocated {largest}");
    }
}

// What fuzzing found that was not a panic: each test says what it was, and keeps it fixed.

/// Found by `url_decode`: `u8::from_str_radix` takes a sign, so "%+1" decoded to the byte 1
/// (and "%+A" to a line feed) where an invalid escape stays as written.
#[test]
fn a_percent_sign_before_a_plus_is_kept_as_written() {
    assert_eq!(url::decode("%+1"), "% 1");
    assert_eq!(url::decode("100%+A"), "100% A");
}

/// Found by the storage properties: a stored envelope whose every bookmark has an id the app
/// could not have written read as an empty state with no notice and nothing kept aside, and
/// the app then wrote the empty state over it.
#[test]
fn a_stored_value_is_not_emptied_without_a_notice() {
    let raw =
        r#"{"state":{"bookmarks":[{"id":"Not An Id","saved":"2026","note":"mine"}]},"version":2}"#;
    let decoded = storage::decode(Some(raw));
    assert_eq!(decoded.state, UserState::default());
    assert!(
        decoded.notice.is_some() || decoded.keep_aside.is_some(),
        "{decoded:?}"
    );
}

/// The case `agreement_values` sets aside: the validator found each agreement's file by its
/// id, so when two files held one id (a copy, say), the problems of both were reported on the
/// file that sorts last, and the other file was named nowhere.
#[test]
fn a_copied_agreement_is_reported_on_the_copy() {
    let mut files = FILES.clone();
    let (name, text) = files.agreements[0].clone();
    let copy = format!("{}-kopia.json", name.trim_end_matches(".json"));
    files.agreements.push((copy.clone(), text));
    files.agreements.sort();
    let Err(problems) = Dataset::from_files(&files) else {
        panic!("two agreements share an id, and the data was accepted");
    };
    let copy = format!("agreements/{copy}");
    assert!(
        problems.iter().any(|p| p.file == copy),
        "no problem names {copy}: {problems:#?}"
    );
}

/// data/agreement.schema.json gives period.from and period.to 2000..=2100; the validator
/// checked only that `to` is not before `from`, so 2500 (or i32::MAX) passed.
#[test]
fn a_period_outside_the_schema_s_years_is_a_problem() {
    let mut files = FILES.clone();
    let (name, text) = &mut files.agreements[0];
    let file = format!("agreements/{name}");
    let mut document: Value = serde_json::from_str(text).expect("data/ is JSON");
    document["period"]["to"] = json!(2500);
    *text = document.to_string();
    let Err(problems) = Dataset::from_files(&files) else {
        panic!("2500 is past the schema's 2100, and the data was accepted");
    };
    assert!(problems
        .iter()
        .any(|p| p.file == file && p.field.starts_with("period")));
}
