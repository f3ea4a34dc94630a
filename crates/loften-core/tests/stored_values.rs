//! Values the app wrote to people's devices, read by the code of today. The files in
//! `tests/fixtures/` were written by the encoders of commit 6cdd475, and those of version 3 by
//! the encoders that brought followed kommuner (see its README): a change to the storage codec
//! must still read each of them to the same state and notice.

mod common;

use std::collections::BTreeMap;

use loften_core::follow::Seen;
use loften_core::storage::{
    self, Bookmark, Followed, Notice, Preferences, Shared, TextSize, Theme, UserState,
    BACKUP_PREFIX,
};
use loften_core::Progress;

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn bookmark(id: &str, saved: &str, label: Option<&str>, note: Option<&str>) -> Bookmark {
    Bookmark {
        id: id.into(),
        saved: saved.into(),
        note: note.map(Into::into),
        label: label.map(Into::into),
    }
}

/// What `storage-v2.json` and the exported file hold.
fn saved_state() -> UserState {
    UserState {
        bookmarks: vec![
            bookmark(
                "jonkoping-2020-l1",
                "2026-11-21T09:30:00.000Z",
                Some("Identifiera otrygga platser i Öxnehaga"),
                Some("Fråga på mötet: \"vem\" gör vad?\nTvå rader \\ ett snedstreck, en tab\t och 😀"),
            ),
            bookmark(
                "eslov-2016",
                "2026-11-22T10:00:01.120Z",
                Some("Medborgarlöfte 2016 – Eslöv"),
                Some("Läs om Åre–Östersund"),
            ),
            bookmark("eslov-2016-a2", "2026-11-23T18:45:59.999Z", None, None),
            bookmark("jokkmokk-2020-2022", "2026-11-24T07:00:00.000Z", Some(""), None),
        ],
        followed: vec![],
        preferences: Preferences {
            lang: Some("en".into()),
            theme: Theme::Dark,
            text_size: TextSize::Larger,
            ..Default::default()
        },
    }
}

#[test]
fn a_version_2_envelope_reads_whole_and_is_written_back_the_same() {
    let raw = fixture("storage-v2.json");
    let decoded = storage::decode(Some(&raw));
    assert_eq!(decoded.state, saved_state());
    assert_eq!(decoded.notice, None);
    assert_eq!(decoded.keep_aside, None);
    // Writing it again gives the same text: the next write changes nothing stored.
    assert_eq!(storage::encode(&decoded.state), raw);
    // Following a kommun makes it version 3, with all the rest as it was.
    let mut state = decoded.state;
    assert!(state.follow("eslov", Seen::default()));
    let text = storage::encode(&state);
    assert!(text.ends_with(r#""version":3}"#), "{text}");
    assert_eq!(storage::decode(Some(&text)).state, state);
}

#[test]
fn preferences_alone_and_an_empty_envelope_read() {
    let raw = fixture("storage-v2-preferences.json");
    let decoded = storage::decode(Some(&raw));
    assert_eq!(
        decoded.state,
        UserState {
            bookmarks: vec![],
            followed: vec![],
            preferences: Preferences {
                lang: Some("sv".into()),
                theme: Theme::Light,
                text_size: TextSize::Large,
                ..Default::default()
            },
        }
    );
    assert_eq!(decoded.notice, None);
    assert_eq!(storage::encode(&decoded.state), raw);

    let raw = fixture("storage-v2-empty.json");
    let decoded = storage::decode(Some(&raw));
    assert_eq!(decoded.state, UserState::default());
    assert_eq!(decoded.notice, None);
    assert_eq!(storage::encode(&decoded.state), raw);
}

#[test]
fn a_version_1_list_is_migrated_with_its_ids_once_each() {
    let decoded = storage::decode(Some(&fixture("storage-v1.json")));
    assert_eq!(decoded.notice, Some(Notice::Migrated(1)));
    assert_eq!(decoded.keep_aside, None);
    let epoch = "1970-01-01T00:00:00.000Z";
    assert_eq!(
        decoded.state.bookmarks,
        [
            bookmark("eslov-2016-l1", epoch, None, None),
            bookmark("eslov-2016-a2", epoch, None, None),
            bookmark("jonkoping-2020-l1", epoch, None, None),
        ]
    );
}

#[test]
fn an_exported_file_imports_to_the_same_bookmarks() {
    let decoded = storage::decode(Some(&fixture("medborgarloften-sparade.json")));
    assert_eq!(decoded.notice, None);
    let mut state = UserState::default();
    assert_eq!(state.merge(&decoded.state.bookmarks), 4);
    assert_eq!(state.bookmarks, saved_state().bookmarks);
}

#[test]
fn a_value_kept_aside_is_still_kept_aside_under_the_same_prefix() {
    assert!(fixture("backup-key.txt").starts_with(BACKUP_PREFIX));
    // It stood for a newer version's value: version 3 is today's, and its bookmark's unknown
    // field ("tags") is read past, with the whole value kept aside again.
    let raw = fixture("backup-value.json");
    let decoded = storage::decode(Some(&raw));
    assert_eq!(decoded.notice, Some(Notice::PartlyUnreadable));
    assert_eq!(decoded.keep_aside.as_deref(), Some(raw.as_str()));
    assert_eq!(
        decoded.state.bookmarks,
        [bookmark(
            "eslov-2016-l1",
            "2030-01-01T00:00:00.000Z",
            None,
            None
        )]
    );
    // The same value from a version after today's is kept aside untouched.
    let newer = raw.replace("\"version\":3", "\"version\":4");
    let decoded = storage::decode(Some(&newer));
    assert_eq!(decoded.notice, Some(Notice::NewerVersion(4)));
    assert_eq!(decoded.keep_aside.as_deref(), Some(newer.as_str()));
    assert_eq!(decoded.state, UserState::default());
}

/// What `storage-v3.json` holds: a bookmark, two followed kommuner, preferences.
fn following_state() -> UserState {
    let reports = [
        "jonkoping-2018-2019#Uppföljning av medborgarlöfte för Jönköpings kommun, tertial 1 2019",
        "jonkoping-2018-2019#Uppföljning av medborgarlöfte för Jönköpings kommun, tertial 3 2018",
    ];
    UserState {
        bookmarks: vec![bookmark(
            "jonkoping-2020-l1",
            "2026-11-21T09:30:00.000Z",
            Some("Identifiera otrygga platser i Öxnehaga"),
            Some("Fråga på mötet"),
        )],
        followed: vec![
            Followed {
                kommun: "jonkoping".into(),
                seen: Seen {
                    agreements: ["jonkoping-2016", "jonkoping-2018-2019", "jonkoping-2020"]
                        .map(String::from)
                        .to_vec(),
                    reports: reports.map(String::from).to_vec(),
                    statuses: BTreeMap::from([
                        ("jonkoping-2018-2019-a1".into(), Progress::Ongoing),
                        ("jonkoping-2018-2019-a2".into(), Progress::NotStarted),
                    ]),
                },
            },
            Followed {
                kommun: "eslov".into(),
                seen: Seen::default(),
            },
        ],
        preferences: Preferences {
            lang: Some("sv".into()),
            theme: Theme::System,
            text_size: TextSize::Normal,
            ..Default::default()
        },
    }
}

#[test]
fn a_version_3_envelope_with_followed_kommuner_reads_whole_and_is_written_back_the_same() {
    let raw = fixture("storage-v3.json");
    let decoded = storage::decode(Some(&raw));
    assert_eq!(decoded.state, following_state());
    assert_eq!(decoded.notice, None);
    assert_eq!(decoded.keep_aside, None);
    assert_eq!(storage::encode(&decoded.state), raw);

    // Following no kommun any more, the state is version 2's again, in version 2's text.
    let mut state = decoded.state;
    assert!(state.unfollow("jonkoping") && state.unfollow("eslov"));
    let text = storage::encode(&state);
    assert!(text.ends_with(r#""version":2}"#), "{text}");
    assert!(!text.contains("followed"), "{text}");
}

#[test]
fn followed_kommuner_and_what_was_seen_arrive_with_an_imported_file() {
    // The export is the envelope itself.
    let decoded = storage::decode(Some(&fixture("storage-v3.json")));
    assert_eq!(decoded.notice, None);
    let mut state = UserState::default();
    state.follow("eslov", Seen::default());
    state.mark_seen(
        "eslov",
        Seen {
            agreements: vec!["eslov-2016".into()],
            ..Seen::default()
        },
    );
    let mine = state.seen("eslov").cloned();
    assert_eq!(state.merge(&decoded.state.bookmarks), 1);
    assert_eq!(state.merge_followed(&decoded.state.followed), 1);
    // A kommun followed here already keeps what this device saw of it.
    assert_eq!(state.seen("eslov").cloned(), mine);
    assert_eq!(state.seen("jonkoping"), following_state().seen("jonkoping"));
    // An export of version 2 imports as it did.
    let old = storage::decode(Some(&fixture("medborgarloften-sparade.json")));
    assert_eq!(state.merge_followed(&old.state.followed), 0);
}

#[test]
fn a_share_link_of_today_reads_as_it_did_and_one_with_kommuner_adds_them() {
    let value = fixture("share-value.txt");
    assert_eq!(
        storage::parse_shared(&value),
        Shared {
            ids: storage::parse_share(&value),
            kommuner: vec![],
        }
    );
    assert_eq!(saved_state().share_value(), value);

    let value = fixture("share-value-v3.txt");
    assert_eq!(
        storage::parse_shared(&value),
        Shared {
            ids: vec!["jonkoping-2020-l1".into()],
            kommuner: vec!["jonkoping".into(), "eslov".into()],
        }
    );
    assert_eq!(following_state().share_value(), value);
    // The app of today, which reads only ids, reads the same ids from it.
    assert_eq!(storage::parse_share(&value), ["jonkoping-2020-l1"]);
}

#[test]
fn a_share_link_opens_the_same_items_newest_first() {
    let value = fixture("share-value.txt");
    let expected = [
        "jokkmokk-2020-2022",
        "eslov-2016-a2",
        "eslov-2016",
        "jonkoping-2020-l1",
    ];
    assert_eq!(storage::parse_share(&value), expected);
    assert_eq!(storage::share_value(&saved_state().newest_first()), value);
    let link = fixture("share-link.txt");
    let (_, dela) = link.split_once("?dela=").expect("a share link has ?dela=");
    assert_eq!(storage::parse_share(dela), expected);
}

#[test]
fn the_kept_dataset_copy_reads_as_base64_and_is_refused_as_an_older_bundle() {
    // A bundle of format 1, from before reports had statuses. The app has since kept its copy
    // as a published version (`published::pack`), so no app reads this one as data: what
    // matters is that it is named older, never misread as today's shape.
    let text = fixture("dataset-copy.b64");
    let bytes = loften_core::bundle::from_base64(&text).expect("the copy is base64");
    assert_eq!(loften_core::bundle::to_base64(&bytes), text);
    assert_eq!(&bytes[..5], b"LOFT\x01");
    assert_eq!(
        loften_core::bundle::decode(&bytes),
        Err(loften_core::bundle::BundleError::Older)
    );
}
