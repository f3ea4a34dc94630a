//! The app's formats:
//! - `views::export_json` is the agreements in the schema of `data/`, and reads back as them;
//! - `storage::encode` writes the envelope every version of the app wrote (compact, keys in
//!   alphabetical order), and `storage::decode` reads every value the same way as the reader
//!   of the first envelope version (same state, same notice), which is kept here as the
//!   reference;
//! - the bundle gives back the dataset it was made from, and any damaged bundle is an error,
//!   never a panic.

mod common;

use loften_core::model::*;
use loften_core::query::Group;
use loften_core::storage::{
    self, Bookmark, Decoded, Notice, Preferences, TextSize, Theme, UserState,
};
use loften_core::{bundle, Dataset, Results};

/// Every agreement of the dataset, as a result set (the JSON download of an empty search).
fn everything(data: &Dataset) -> Results {
    Results {
        groups: (0..data.agreements.len())
            .map(|agreement| Group {
                agreement,
                promises: vec![],
                activities: vec![],
            })
            .collect(),
        record_count: 0,
        facets: Default::default(),
    }
}

/// The agreements an export holds, read back with the model's own reader.
fn read_export(text: &str) -> Vec<Agreement> {
    serde_json::from_str(text).expect("an export reads as agreements")
}

/// Texts that test the escaping: quotes, backslashes, every control character, DEL, Swedish
/// letters, an emoji, a lone "\u2028" (JSON allows it raw).
fn awkward(n: usize) -> String {
    let controls: String = (0u8..0x20).map(char::from).collect();
    format!("\"citat\" \\ {controls}\u{7f} åäö ÅÄÖ é 😀 \u{2028} /{n}")
}

fn date(year: i32, month: u32, day: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

/// A dataset with every optional field both present and absent, and awkward texts.
fn every_field() -> Dataset {
    let mut agreements = Vec::new();
    for n in 0..4 {
        let some = n % 2 == 1;
        let opt = |s: &str| some.then(|| format!("{s} {}", awkward(n)));
        agreements.push(Agreement {
            id: format!("test-{n}"),
            kind: if some {
                AgreementKind::Announcement
            } else {
                AgreementKind::Agreement
            },
            title: awkward(n),
            kommuner: if some {
                vec!["Jönköping".into(), "Malung-Sälen".into()]
            } else {
                vec![]
            },
            lokalpolisomrade: opt("lpo"),
            period: Period {
                from: -1 - n as i32,
                to: 2026 + n as i32,
                start: some.then(|| date(-1 - n as i32, 7, 1)),
                end: some.then(|| date(2026 + n as i32, 6, 30)),
            },
            signed: some.then(|| date(2016, 1, 21)),
            signatories: vec![
                Signatory {
                    name: awkward(n),
                    role: opt("role"),
                    organisation: opt("org"),
                },
                Signatory {
                    name: String::new(),
                    role: None,
                    organisation: None,
                },
            ],
            summary: opt("summary"),
            situation: opt("situation"),
            priorities: vec![awkward(n), String::new()],
            promises: vec![Promise {
                id: format!("test-{n}-l1"),
                text: awkward(n),
                topics: vec!["narkotika".into()],
                areas: vec![],
            }],
            activities: vec![
                Activity {
                    id: format!("test-{n}-a1"),
                    text: awkward(n),
                    actors: vec![Actor::Polisen, Actor::Kommunen],
                    partners: vec!["Räddningstjänsten Syd".into()],
                    promise: opt("test-l1"),
                    topics: vec![],
                    areas: vec!["jonkoping/oxnehaga".into()],
                    frequency: Some(Frequency {
                        count: some.then_some(u32::MAX),
                        min: some,
                        per: opt("år"),
                        text: awkward(n),
                    }),
                },
                Activity {
                    id: format!("test-{n}-a2"),
                    text: String::new(),
                    actors: vec![],
                    partners: vec![],
                    promise: None,
                    topics: vec![],
                    areas: vec![],
                    frequency: None,
                },
            ],
            effect: opt("effect"),
            follow_up: match n {
                0 => None,
                1 => Some(FollowUp {
                    cadence: Some(Cadence::Ar),
                    text: opt("text"),
                    reports: vec![],
                }),
                2 => Some(FollowUp {
                    cadence: Some(Cadence::Kvartal),
                    text: None,
                    reports: vec![Report {
                        title: awkward(n),
                        ..Report::default()
                    }],
                }),
                _ => Some(FollowUp {
                    cadence: Some(Cadence::Tertial),
                    text: None,
                    reports: vec![
                        Report {
                            id: Some(format!("test-{n}-r1")),
                            title: "a".into(),
                            period: Some(ReportPeriod {
                                start: date(2026, 1, 1),
                                end: date(2026, 4, 30),
                            }),
                            published: Some(date(2026, 5, 15)),
                            url: Some("https://example.org/?a=1&b=\"2\"".into()),
                            document: Some("uppfoljning.txt".into()),
                            statuses: [
                                ActivityStatus {
                                    activity: format!("test-{n}-a1"),
                                    status: Progress::Partly,
                                    text: Some(awkward(n)),
                                    count: Some(DoneCount {
                                        done: Some(52),
                                        of: Some(u32::MAX),
                                        unit: Some(awkward(n)),
                                    }),
                                },
                                ActivityStatus {
                                    activity: format!("test-{n}-a2"),
                                    status: Progress::Unassessable,
                                    text: None,
                                    count: Some(DoneCount {
                                        done: None,
                                        of: Some(0),
                                        unit: None,
                                    }),
                                },
                            ]
                            .into_iter()
                            .chain(Progress::ALL.map(|status| ActivityStatus {
                                activity: String::new(),
                                status,
                                text: None,
                                count: None,
                            }))
                            .collect(),
                        },
                        Report {
                            title: "b".into(),
                            ..Report::default()
                        },
                    ],
                }),
            },
            source: Source {
                title: awkward(n),
                publisher: opt("Polisen"),
                document: opt("001.txt"),
                url: opt("https://polisen.se"),
            },
            notes: opt("notes"),
        });
    }
    agreements[0].follow_up = Some(FollowUp {
        cadence: None,
        text: None,
        reports: vec![],
    });
    Dataset {
        kommuner: vec![Kommun {
            code: "0680".into(),
            name: "Jönköpings kommun".into(),
            short_name: "Jönköping".into(),
            lan_code: "06".into(),
            slug: "jonkoping".into(),
        }],
        lan: vec![Lan {
            code: "06".into(),
            name: "Jönköpings län".into(),
            short_name: "Jönköping".into(),
        }],
        topics: vec![Topic {
            id: "narkotika".into(),
            sv: "Narkotika och droger".into(),
            en: "Drugs".into(),
        }],
        areas: [
            AreaKind::Stadsdel,
            AreaKind::Ort,
            AreaKind::Centrum,
            AreaKind::Plats,
        ]
        .into_iter()
        .enumerate()
        .map(|(i, kind)| Area {
            id: format!("jonkoping/a{i}"),
            name: awkward(i),
            kommun: "Jönköping".into(),
            kind,
        })
        .collect(),
        agreements,
    }
}

// ---- the JSON download -----------------------------------------------------------------------

#[test]
fn export_json_reads_back_as_the_agreements_in_result_order() {
    let data = common::real_data();
    let all = loften_core::views::export_json(&data, &everything(&data));
    assert_eq!(read_export(&all), data.agreements);
    // Pretty, two-space indents, like the files of data/.
    assert!(all.starts_with("[\n  {\n    \"id\": "), "{}", &all[..40]);
    let mut some = everything(&data);
    some.groups.reverse();
    some.groups.truncate(3);
    let expected: Vec<Agreement> = some
        .groups
        .iter()
        .map(|g| data.agreements[g.agreement].clone())
        .collect();
    assert_eq!(
        read_export(&loften_core::views::export_json(&data, &some)),
        expected
    );
}

#[test]
fn export_json_keeps_every_field_and_awkward_texts() {
    let data = every_field();
    assert_eq!(
        read_export(&loften_core::views::export_json(&data, &everything(&data))),
        data.agreements
    );
    let none = Results {
        groups: vec![],
        record_count: 0,
        facets: Default::default(),
    };
    assert_eq!(loften_core::views::export_json(&data, &none), "[]");
}

#[test]
fn every_agreement_file_is_what_the_model_writes() {
    // `loften followup import` writes an agreement back through the model: a file must come
    // out byte for byte as it went in, so that the only change is the report.
    for (name, text) in common::real_files().agreements {
        let agreement: Agreement = serde_json::from_str(&text).unwrap();
        let written = serde_json::to_string_pretty(&agreement).unwrap() + "\n";
        assert_eq!(written, text, "{name}");
    }
}

#[test]
fn a_report_leaves_out_what_it_does_not_have_and_reads_back_whole() {
    let title_only: Report = serde_json::from_str(r#"{ "title": "Tertial 1 2019" }"#).unwrap();
    assert_eq!(
        title_only,
        Report {
            title: "Tertial 1 2019".into(),
            ..Report::default()
        }
    );
    assert_eq!(
        serde_json::to_string(&title_only).unwrap(),
        r#"{"title":"Tertial 1 2019"}"#
    );

    let full = r#"{
  "id": "jonkoping-2018-2019-r2",
  "title": "Uppföljning tertial 3 2018",
  "period": {
    "start": "2018-09-01",
    "end": "2018-12-31"
  },
  "published": "2019-01-20",
  "url": "https://polisen.se/uppfoljning",
  "document": "uppfoljning.txt",
  "statuses": [
    {
      "activity": "jonkoping-2018-2019-a1",
      "status": "not-started",
      "text": "Arbetet har inte påbörjats.",
      "count": {
        "done": 52,
        "of": 100,
        "unit": "trafikkontroller"
      }
    },
    {
      "activity": "jonkoping-2018-2019-a2",
      "status": "unassessable",
      "text": null,
      "count": null
    }
  ]
}"#;
    let report: Report = serde_json::from_str(full).unwrap();
    assert_eq!(report.statuses[0].status, Progress::NotStarted);
    assert_eq!(
        report.statuses[0].count.as_ref().and_then(|c| c.done),
        Some(52)
    );
    assert_eq!(serde_json::to_string_pretty(&report).unwrap(), full);

    // A status's text and count may be left out, as null.
    let short: ActivityStatus =
        serde_json::from_str(r#"{"activity":"x-a1","status":"done"}"#).unwrap();
    assert_eq!((short.text, short.count), (None, None));
    for wrong in [
        r#"{"activity":"x-a1","status":"klar"}"#,
        r#"{"activity":"x-a1","status":"Done"}"#,
        r#"{"activity":"x-a1","status":"done","note":"?"}"#,
    ] {
        assert!(
            serde_json::from_str::<ActivityStatus>(wrong).is_err(),
            "{wrong}"
        );
    }
}

// ---- the storage envelope --------------------------------------------------------------------

/// The first envelope's version.
const FIRST_ENVELOPE: u32 = 2;

/// The envelope as the first writer wrote it: a `serde_json::Value`, whose keys are sorted.
fn former_encode(state: &UserState) -> String {
    serde_json::json!({ "version": FIRST_ENVELOPE, "state": state }).to_string()
}

/// The reader of the first envelope version: every later reader must agree with it on every
/// input.
fn former_decode(raw: Option<&str>) -> Decoded {
    #[derive(serde::Deserialize)]
    struct Envelope {
        version: u32,
        #[serde(default)]
        state: serde_json::Value,
    }
    fn migrate_v1(ids: &[serde_json::Value]) -> Option<UserState> {
        let mut state = UserState::default();
        for id in ids {
            let id = id.as_str()?;
            if storage::is_valid_id(id) && !state.bookmarks.iter().any(|b| b.id == id) {
                state.bookmarks.push(Bookmark {
                    id: id.to_string(),
                    saved: "1970-01-01T00:00:00.000Z".into(),
                    note: None,
                    label: None,
                });
            }
        }
        Some(state)
    }
    fn sanitise(mut state: UserState) -> UserState {
        let mut seen = std::collections::HashSet::new();
        state
            .bookmarks
            .retain(|b| storage::is_valid_id(&b.id) && seen.insert(b.id.clone()));
        for b in &mut state.bookmarks {
            if let Some(note) = &mut b.note {
                *note = note.chars().take(storage::MAX_NOTE_CHARS).collect();
            }
        }
        state
    }
    let Some(raw) = raw.filter(|r| !r.trim().is_empty()) else {
        return Decoded {
            state: UserState::default(),
            notice: None,
            keep_aside: None,
        };
    };
    let unreadable = || Decoded {
        state: UserState::default(),
        notice: Some(Notice::Unreadable),
        keep_aside: Some(raw.to_string()),
    };
    let Ok(value) = serde_json::from_str::<serde_json::Value>(raw) else {
        return unreadable();
    };
    if let Some(ids) = value.as_array() {
        return match migrate_v1(ids) {
            Some(state) => Decoded {
                state,
                notice: Some(Notice::Migrated(1)),
                keep_aside: None,
            },
            None => unreadable(),
        };
    }
    let Ok(envelope) = serde_json::from_value::<Envelope>(value) else {
        return unreadable();
    };
    match envelope.version {
        FIRST_ENVELOPE => match serde_json::from_value::<UserState>(envelope.state) {
            Ok(state) => Decoded {
                state: sanitise(state),
                notice: None,
                keep_aside: None,
            },
            Err(_) => unreadable(),
        },
        newer if newer > FIRST_ENVELOPE => Decoded {
            state: UserState::default(),
            notice: Some(Notice::NewerVersion(newer)),
            keep_aside: Some(raw.to_string()),
        },
        _ => unreadable(),
    }
}

fn states() -> Vec<UserState> {
    let mut full = UserState::default();
    full.toggle(
        "jonkoping-2020-l1",
        "2026-11-21T10:00:00.000Z",
        Some(awkward(1)),
    );
    full.toggle("eslov-2016", "2026-11-21T10:00:01.000Z", None);
    full.toggle(
        "eslov-2016-a2",
        "2026-11-21T10:00:02.000Z",
        Some(String::new()),
    );
    full.set_note("jonkoping-2020-l1", &awkward(2));
    full.set_note("eslov-2016", "Fråga på mötet");
    let mut states = vec![UserState::default(), full.clone()];
    for (lang, theme, text_size) in [
        (Some("en"), Theme::Dark, TextSize::Larger),
        (Some("sv"), Theme::Light, TextSize::Large),
        (None, Theme::System, TextSize::Normal),
    ] {
        let mut s = full.clone();
        s.preferences = Preferences {
            lang: lang.map(Into::into),
            theme,
            text_size,
            keep_all_offline: false,
        };
        states.push(s);
    }
    states
}

#[test]
fn storage_encode_writes_what_serde_json_wrote() {
    for state in states() {
        let ours = storage::encode(&state);
        assert_eq!(ours, former_encode(&state));
        assert_eq!(storage::decode(Some(&ours)), former_decode(Some(&ours)));
        assert_eq!(storage::decode(Some(&ours)).state, state);
    }
}

#[test]
fn storage_decode_reads_every_value_as_the_serde_reader_did() {
    let good = r#"{"id":"a-1","saved":"2026"}"#;
    let mut inputs: Vec<String> = [
        // From the storage tests, and around them.
        "", "  ", "{not json", "\"just a string\"", "42", "null", "true", "{}", "[]", "{\"version\":0}", "{\"state\":{}}",
        "{\"version\":2}", "{\"version\":2,\"state\":null}", "{\"version\":2,\"state\":{}}",
        "{\"version\":2,\"state\":{\"bookmarks\":\"oops\"}}", "{\"version\":\"2\",\"state\":{}}", "{\"version\":2.0,\"state\":{}}",
        "{\"version\":2e0,\"state\":{}}", "{\"version\":-2,\"state\":{}}", "{\"version\":1,\"state\":{}}", "{\"version\":4294967296}",
        "{\"version\":9,\"state\":{\"bookmarks\":[{\"id\":\"x\",\"saved\":\"2030\"}],\"future\":true}}", "{\"version\":3}",
        "{\"version\":3,\"state\":\"anything\"}", "{\"version\":null}", "{\"version\":2,\"version\":3,\"state\":{}}",
        "{\"version\":3,\"version\":2,\"state\":{}}", "[\"eslov-2016-l1\",\"eslov-2016-a2\",\"eslov-2016-l1\"]",
        "[\"eslov-2016-l1\",42]", "[\"Not An Id\"]", "{\"version\":2,\"state\":{}} x", "{\"version\":2,\"state\":{},}",
    ]
    .map(String::from)
    .to_vec();
    // A good envelope with one part changed at a time: each member missing, null, of each
    // wrong type, or unknown.
    let wrong = ["null", "1", "\"x\"", "true", "[]", "{}"];
    let envelope = |state: &str| format!("{{\"version\":2,\"state\":{state}}}");
    inputs.push(envelope(&format!("{{\"bookmarks\":[{good}],\"extra\":1}}")));
    inputs.push(envelope(&format!("{{\"bookmarks\":[{good},{good}]}}")));
    for w in wrong {
        inputs.push(envelope(&format!("{{\"bookmarks\":{w}}}")));
        inputs.push(envelope(&format!("{{\"bookmarks\":[{w}]}}")));
        if w != "[]" {
            inputs.push(envelope(&format!("{{\"preferences\":{w}}}")));
        }
        for key in ["id", "saved", "note", "label"] {
            inputs.push(envelope(&format!(
                "{{\"bookmarks\":[{{\"id\":\"a-1\",\"saved\":\"2026\",\"{key}\":{w}}}]}}"
            )));
        }
        for key in ["lang", "theme", "textSize"] {
            inputs.push(envelope(&format!("{{\"preferences\":{{\"{key}\":{w}}}}}")));
        }
    }
    for key in ["id", "saved"] {
        inputs.push(envelope(&format!(
            "{{\"bookmarks\":[{{\"{key}\":\"a-1\"}}]}}"
        )));
    }
    for value in [
        "\"system\"",
        "\"light\"",
        "\"dark\"",
        "\"normal\"",
        "\"large\"",
        "\"larger\"",
        "\"Dark\"",
        "\"\"",
    ] {
        inputs.push(envelope(&format!("{{\"preferences\":{{\"theme\":{value},\"textSize\":{value},\"lang\":\"en\",\"x\":[]}}}}")));
    }
    inputs.push(envelope(&format!(
        "{{\"bookmarks\":[{{\"id\":\"a-1\",\"saved\":\"2026\",\"note\":\"{}\"}}]}}",
        "ö".repeat(3000)
    )));
    inputs.push(envelope("{\"bookmarks\":[{\"id\":\"<script>\",\"saved\":\"2026\"},{\"id\":\"a-1\",\"saved\":\"2026\",\"note\":\"\\ud83d\\ude00\\n\"}]}"));
    for state in states() {
        inputs.push(former_encode(&state));
    }
    for raw in &inputs {
        let (now, then) = (storage::decode(Some(raw)), former_decode(Some(raw)));
        // A difference on purpose: version 3 is version 2 with followed kommuner, and is read
        // now where the first reader kept it aside as newer. It reads as the same value of
        // version 2 did.
        if then.notice == Some(Notice::NewerVersion(3)) {
            let mut as_version_2: serde_json::Value = serde_json::from_str(raw).unwrap();
            as_version_2["version"] = FIRST_ENVELOPE.into();
            let then = former_decode(Some(&as_version_2.to_string()));
            assert_eq!(now.state, then.state, "{raw}");
            assert_eq!(now.notice, then.notice, "{raw}");
            assert_eq!(now.keep_aside.is_some(), then.keep_aside.is_some(), "{raw}");
            continue;
        }
        // A difference on purpose: where the first reader quietly left out what the app could
        // not have written (a bad id, a repeat, an overlong note), the same state is read now
        // and the whole value is kept aside as well.
        if now.notice == Some(Notice::PartlyUnreadable) {
            assert!(
                matches!(then.notice, None | Some(Notice::Migrated(1))),
                "{raw}"
            );
            assert_eq!(now.state, then.state, "{raw}");
            assert_eq!(now.keep_aside.as_deref(), Some(raw.as_str()), "{raw}");
            continue;
        }
        assert_eq!(now, then, "{raw}");
    }
    assert_eq!(storage::decode(None), former_decode(None));

    // The one difference, on purpose: the first reader also read a struct written as an array
    // of its fields in order (`"state":[]`, `"preferences":[]`). No version of the app wrote
    // that; such a value is kept aside as unreadable, so nothing is lost.
    for as_array in [
        r#"{"version":2,"state":[]}"#,
        r#"{"version":2,"state":{"preferences":[]}}"#,
    ] {
        assert_eq!(former_decode(Some(as_array)).notice, None);
        assert_eq!(
            storage::decode(Some(as_array)).notice,
            Some(Notice::Unreadable)
        );
        assert_eq!(
            storage::decode(Some(as_array)).keep_aside.as_deref(),
            Some(as_array)
        );
    }
}

// ---- the binary bundle -----------------------------------------------------------------------

#[test]
fn the_bundle_gives_back_the_dataset_it_was_made_from() {
    for data in [common::real_data(), every_field(), Dataset::default()] {
        let bytes = bundle::encode(&data);
        assert_eq!(bundle::decode(&bytes), Ok(data));
    }
}

#[test]
fn the_bundle_is_smaller_than_the_json() {
    let data = common::real_data();
    let json = serde_json::to_string(&data).unwrap();
    let bytes = bundle::encode(&data);
    assert!(
        bytes.len() * 3 < json.len() * 2,
        "{} bytes against {} of JSON",
        bytes.len(),
        json.len()
    );
}

#[test]
fn a_damaged_bundle_is_an_error_never_a_panic() {
    let data = common::real_data();
    let bytes = bundle::encode(&data);
    // Cut anywhere: always an error (reading never runs past the end).
    let cuts = (0..bytes.len())
        .step_by(61)
        .chain(bytes.len() - 64..bytes.len());
    for cut in cuts {
        bundle::decode(&bytes[..cut]).expect_err("a cut bundle is an error");
    }
    // A byte changed here and there: an error, or (a changed letter) another dataset.
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..400 {
        let mut damaged = bytes.clone();
        let at = 5 + (next() as usize) % (damaged.len() - 5);
        damaged[at] = next() as u8;
        let _ = bundle::decode(&damaged);
    }
    // Noise after a good header.
    for len in [0, 1, 5, 100, 10_000] {
        let mut noise = [b"LOFT".as_slice(), &[bundle::VERSION]].concat();
        noise.extend((0..len).map(|_| next() as u8));
        assert!(bundle::decode(&noise).is_err());
    }
    // A header that claims a huge list allocates little and fails.
    let huge_list = [
        b"LOFT".as_slice(),
        &[bundle::VERSION],
        b"\xff\xff\xff\xff\x0f",
    ]
    .concat();
    assert!(bundle::decode(&huge_list).is_err());
}

#[test]
fn bundle_errors_say_what_is_wrong() {
    let bytes = bundle::encode(&common::real_data());
    let message = |bytes: &[u8]| bundle::decode(bytes).unwrap_err().to_string();
    assert_eq!(
        message(b"<!DOCTYPE html><html>"),
        "not a Medborgarlöften data bundle"
    );
    assert_eq!(
        message(b"{\"kommuner\":[]}"),
        "not a Medborgarlöften data bundle"
    );
    let mut newer = bytes.clone();
    newer[4] += 1;
    assert_eq!(
        message(&newer),
        "the data bundle is of a newer version than this app reads"
    );
    assert!(message(&bytes[..bytes.len() / 2]).starts_with("the data bundle is damaged: "));
    let mut longer = bytes.clone();
    longer.extend_from_slice(b"\0\0");
    assert_eq!(
        message(&longer),
        "the data bundle has 2 bytes after its end"
    );
}
