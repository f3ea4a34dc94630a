//! What a person keeps on their device (bookmarks, notes, followed kommuner, preferences), and
//! how it is written to and read from storage: a versioned envelope that never silently loses
//! data.
//!
//! Reading never fails: a value that cannot be understood is handed back to be kept aside
//! under a backup key, and the app starts clean and says so. Older formats are migrated.
//!
//! Versions: 1 was a bare list of saved ids; 2 is `{"state":{"bookmarks":[…],"preferences":
//! {…}},"version":2}`; 3 adds `followed`, the kommuner followed with what this device last saw
//! of each (`follow::Seen`). A state that follows no kommun is written as version 2, which
//! is exactly what it is, so that an app of version 2 (a copy still cached during an update,
//! another tab) goes on reading it; only following a kommun makes the value one such an app
//! keeps aside as newer.
//!
//! The same envelope is the exported file (a backup of everything, what was seen included),
//! and is what an imported file is read as. A share link carries saved ids and followed
//! kommuner, not what was seen: that is the device's own ([`parse_shared`]).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::follow::Seen;

/// The one storage key the app writes.
pub const STORAGE_KEY: &str = "medborgarloften";
/// Values that could not be read are kept under this prefix plus a timestamp.
pub const BACKUP_PREFIX: &str = "medborgarloften.backup.";
/// The newest envelope version this code writes: a state with followed kommuner.
pub const CURRENT_VERSION: u32 = 3;
/// The version a state without followed kommuner is written as (see the module's docs).
pub const VERSION_WITHOUT_FOLLOWED: u32 = 2;
/// A note is for a line or two; longer text is cut so storage cannot be filled by one note.
pub const MAX_NOTE_CHARS: usize = 1000;

// Fields are declared in alphabetical order of their JSON names: the envelope has always been
// written with sorted keys, so writing an unchanged state gives the very text already stored.

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserState {
    #[serde(default)]
    pub bookmarks: Vec<Bookmark>,
    /// In the order they were followed. Left out when empty: the state is then version 2's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub followed: Vec<Followed>,
    #[serde(default)]
    pub preferences: Preferences,
}

/// A kommun followed, by its slug, and what this device last saw of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Followed {
    pub kommun: String,
    #[serde(default)]
    pub seen: Seen,
}

/// A saved agreement, promise or activity, by id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Bookmark {
    pub id: String,
    /// The text at the time of saving, shown if the id ever leaves the dataset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The person's own note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// When it was saved, ISO 8601 ("2026-11-21T09:30:00.000Z"); orders the list.
    pub saved: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TextSize {
    #[default]
    Normal,
    Large,
    Larger,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// The value stored, used in forms and on `<html data-theme>`.
    pub fn code(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Unknown values are the default: follow the system.
    pub fn from_code(code: &str) -> Theme {
        Theme::ALL
            .into_iter()
            .find(|t| t.code() == code)
            .unwrap_or_default()
    }
}

impl TextSize {
    pub const ALL: [TextSize; 3] = [TextSize::Normal, TextSize::Large, TextSize::Larger];

    pub fn code(self) -> &'static str {
        match self {
            TextSize::Normal => "normal",
            TextSize::Large => "large",
            TextSize::Larger => "larger",
        }
    }

    pub fn from_code(code: &str) -> TextSize {
        TextSize::ALL
            .into_iter()
            .find(|t| t.code() == code)
            .unwrap_or_default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Preferences {
    /// "sv" or "en"; None: follow the browser.
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default)]
    pub text_size: TextSize,
    #[serde(default)]
    pub theme: Theme,
    /// Keep every kommun's data on the device to read offline, not only those visited,
    /// followed or saved from. Left out when false, as states before it have it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub keep_all_offline: bool,
}

/// Why the stored value was not used as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Not readable at all (damaged, or written by something else): kept aside.
    Unreadable,
    /// Written by a newer version of the app: kept aside untouched.
    NewerVersion(u32),
    /// Read from an older format and brought up to date.
    Migrated(u32),
    /// Read, but some of it could never have been written by this app (a bookmark whose id
    /// is not one, a duplicate, an overlong note, a kommun followed twice): the rest is used,
    /// and the whole value is kept aside, since what was left out may still matter to someone.
    PartlyUnreadable,
}

/// The outcome of reading storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub state: UserState,
    pub notice: Option<Notice>,
    /// The raw value to keep under a backup key before anything overwrites it.
    pub keep_aside: Option<String>,
}

/// Read what storage holds (None: nothing stored yet).
pub fn decode(raw: Option<&str>) -> Decoded {
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
    let Ok(value) = serde_json::from_str::<Value>(raw) else {
        return unreadable();
    };
    // Version 1 (before the envelope) was a bare list of saved ids.
    if let Some(ids) = value.as_array() {
        return match migrate_v1(ids) {
            // A repeated id loses nothing (version 1 kept no times or notes); a bad one may.
            Some(state)
                if ids
                    .iter()
                    .filter_map(Value::as_str)
                    .any(|id| !is_valid_id(id)) =>
            {
                partly_read(state, raw)
            }
            Some(state) => Decoded {
                state,
                notice: Some(Notice::Migrated(1)),
                keep_aside: None,
            },
            None => unreadable(),
        };
    }
    let Ok(envelope) = serde_json::from_value::<Envelope<Value>>(value.clone()) else {
        return unreadable();
    };
    match envelope.version {
        // Version 2 is version 3 without followed kommuner: both are read alike, and written
        // back as the state's own version.
        VERSION_WITHOUT_FOLLOWED | CURRENT_VERSION if written_as_objects(&envelope.state) => {
            let version = envelope.version;
            match serde_json::from_value::<UserState>(envelope.state) {
                Ok(state) => {
                    let clean = sanitise(state.clone());
                    if clean == state && keeps_all_of(&value, &written(&clean, version)) {
                        Decoded {
                            state: clean,
                            notice: None,
                            keep_aside: None,
                        }
                    } else {
                        partly_read(clean, raw)
                    }
                }
                Err(_) => unreadable(),
            }
        }
        newer if newer > CURRENT_VERSION => Decoded {
            state: UserState::default(),
            notice: Some(Notice::NewerVersion(newer)),
            keep_aside: Some(raw.to_string()),
        },
        _ => unreadable(),
    }
}

/// What could be read of `raw`, with the whole of it to keep aside.
fn partly_read(state: UserState, raw: &str) -> Decoded {
    Decoded {
        state,
        notice: Some(Notice::PartlyUnreadable),
        keep_aside: Some(raw.to_string()),
    }
}

/// The state as the app would write it back, in an envelope of `version` (which of the two
/// versions it is written as loses nothing).
fn written(state: &UserState, version: u32) -> Value {
    serde_json::to_value(Envelope { state, version }).unwrap_or(Value::Null)
}

/// Whether writing `written` over `stored` would lose nothing: every field that held something
/// (not null, an empty list or an empty object) is still there with the same value. A field
/// the app does not know (a misspelt key, one from another program) would be dropped by the
/// typed read, so the whole value is kept aside.
fn keeps_all_of(stored: &Value, written: &Value) -> bool {
    let holds_nothing = |value: &Value| match value {
        Value::Null => true,
        Value::Array(items) => items.is_empty(),
        Value::Object(fields) => fields.is_empty(),
        _ => false,
    };
    match (stored, written) {
        (Value::Object(stored), Value::Object(written)) => stored.iter().all(|(key, value)| {
            holds_nothing(value) || written.get(key).is_some_and(|w| keeps_all_of(value, w))
        }),
        (Value::Array(stored), Value::Array(written)) => {
            stored.len() == written.len()
                && stored.iter().zip(written).all(|(s, w)| keeps_all_of(s, w))
        }
        (stored, written) => stored == written,
    }
}

/// The stored value: `{"state":…,"version":3}`. Reading takes the state as a JSON value first,
/// so that a newer version's state, whatever its shape, is never half-read.
#[derive(Serialize, Deserialize)]
pub struct Envelope<S> {
    #[serde(default)]
    state: S,
    version: u32,
}

/// serde's derive also reads a struct written as an array of its fields. No version of the
/// app wrote one, so such a state is not ours and is kept aside rather than guessed at.
fn written_as_objects(state: &Value) -> bool {
    let Some(state) = state.as_object() else {
        return false;
    };
    let objects = |key: &str| match state.get(key) {
        Some(Value::Array(items)) => items.iter().all(Value::is_object),
        _ => true,
    };
    let seen_as_objects = match state.get("followed") {
        Some(Value::Array(items)) => !items
            .iter()
            .any(|f| f.get("seen").is_some_and(Value::is_array)),
        _ => true,
    };
    objects("bookmarks")
        && objects("followed")
        && seen_as_objects
        && !state.get("preferences").is_some_and(Value::is_array)
}

/// Version 1: `["jonkoping-2020-l1", …]`, saved without times or notes.
fn migrate_v1(ids: &[Value]) -> Option<UserState> {
    let mut state = UserState::default();
    for id in ids {
        let id = id.as_str()?;
        if is_valid_id(id) && !state.bookmarks.iter().any(|b| b.id == id) {
            // No time was kept; the epoch sorts them after anything saved since.
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

/// Drop what could never have been written by this app (bad ids or slugs, duplicates), cut
/// long notes. What was seen of a kommun is not checked: a key the data does not hold only
/// ever matches nothing.
fn sanitise(mut state: UserState) -> UserState {
    let mut ids = std::collections::HashSet::new();
    state
        .bookmarks
        .retain(|b| is_valid_id(&b.id) && ids.insert(b.id.clone()));
    let mut kommuner = std::collections::HashSet::new();
    state
        .followed
        .retain(|f| is_valid_id(&f.kommun) && kommuner.insert(f.kommun.clone()));
    for b in &mut state.bookmarks {
        if let Some(note) = &mut b.note {
            *note = cut(note, MAX_NOTE_CHARS);
        }
    }
    state
}

fn cut(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// The state in its envelope, for a typed write (the app's gloo-storage): version 3 when it
/// follows a kommun, else version 2.
pub fn envelope(state: &UserState) -> Envelope<&UserState> {
    let version = if state.followed.is_empty() {
        VERSION_WITHOUT_FOLLOWED
    } else {
        CURRENT_VERSION
    };
    Envelope { state, version }
}

/// Write the state in the current envelope, compact, keys in alphabetical order, an absent
/// note or label left out.
pub fn encode(state: &UserState) -> String {
    serde_json::to_string(&envelope(state))
        .expect("the user state is plain text and enums, which JSON always holds")
}

/// Ids (and kommun slugs) are lowercase ASCII, digits and dashes: anything else did not come
/// from the dataset.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 120
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl UserState {
    pub fn is_saved(&self, id: &str) -> bool {
        self.bookmarks.iter().any(|b| b.id == id)
    }

    /// Save or unsave; returns whether it is saved now.
    pub fn toggle(&mut self, id: &str, now: &str, label: Option<String>) -> bool {
        if let Some(i) = self.bookmarks.iter().position(|b| b.id == id) {
            self.bookmarks.remove(i);
            false
        } else if is_valid_id(id) {
            self.bookmarks.push(Bookmark {
                id: id.to_string(),
                saved: now.to_string(),
                note: None,
                label,
            });
            true
        } else {
            false
        }
    }

    pub fn set_note(&mut self, id: &str, note: &str) {
        if let Some(b) = self.bookmarks.iter_mut().find(|b| b.id == id) {
            let note = cut(note.trim(), MAX_NOTE_CHARS);
            b.note = (!note.is_empty()).then_some(note);
        }
    }

    /// Add bookmarks from elsewhere (a share link, an imported file). What is already saved
    /// keeps its time and note; a note arrives only where there was none. Returns how many
    /// were new.
    pub fn merge(&mut self, incoming: &[Bookmark]) -> usize {
        let mut added = 0;
        for b in incoming {
            if !is_valid_id(&b.id) {
                continue;
            }
            match self.bookmarks.iter_mut().find(|x| x.id == b.id) {
                Some(existing) => {
                    if existing.note.is_none() {
                        existing.note = b.note.clone();
                    }
                }
                None => {
                    self.bookmarks.push(b.clone());
                    added += 1;
                }
            }
        }
        added
    }

    /// Bookmarks newest first.
    pub fn newest_first(&self) -> Vec<&Bookmark> {
        let mut list: Vec<&Bookmark> = self.bookmarks.iter().collect();
        list.sort_by(|a, b| b.saved.cmp(&a.saved).then(a.id.cmp(&b.id)));
        list
    }

    pub fn is_following(&self, kommun: &str) -> bool {
        self.followed.iter().any(|f| f.kommun == kommun)
    }

    /// Follow a kommun by its slug, with what there is to see of it now
    /// (`follow::seen_now`), so that nothing is new on this visit. A kommun already followed
    /// keeps what was seen. Returns whether it is followed now.
    pub fn follow(&mut self, kommun: &str, seen: Seen) -> bool {
        if self.is_following(kommun) {
            return true;
        }
        if !is_valid_id(kommun) {
            return false;
        }
        self.followed.push(Followed {
            kommun: kommun.to_string(),
            seen,
        });
        true
    }

    /// Stop following a kommun; returns whether it was followed.
    pub fn unfollow(&mut self, kommun: &str) -> bool {
        let before = self.followed.len();
        self.followed.retain(|f| f.kommun != kommun);
        self.followed.len() != before
    }

    /// What this device last saw of a followed kommun.
    pub fn seen(&self, kommun: &str) -> Option<&Seen> {
        self.followed
            .iter()
            .find(|f| f.kommun == kommun)
            .map(|f| &f.seen)
    }

    /// Record what there is to see of a followed kommun now: "mark as read".
    pub fn mark_seen(&mut self, kommun: &str, seen: Seen) {
        if let Some(f) = self.followed.iter_mut().find(|f| f.kommun == kommun) {
            f.seen = seen;
        }
    }

    /// Follow the kommuner of an imported file too, each with what was seen of it there (the
    /// person's own reading, on another device). A kommun followed already keeps what this
    /// device saw. Returns how many were new.
    pub fn merge_followed(&mut self, incoming: &[Followed]) -> usize {
        let mut added = 0;
        for f in incoming {
            if !self.is_following(&f.kommun) && self.follow(&f.kommun, f.seen.clone()) {
                added += 1;
            }
        }
        added
    }

    /// The `dela` value of a share link to everything here: the saved ids newest first, then
    /// the followed kommuner ([`parse_shared`]).
    pub fn share_value(&self) -> String {
        let mut value = share_value(&self.newest_first());
        for f in &self.followed {
            if !value.is_empty() {
                value.push(',');
            }
            value.push(FOLLOWED_MARK);
            value.push_str(&f.kommun);
        }
        value
    }
}

/// Marks a followed kommun's slug among a share link's ids: `…,eslov-2016,~jonkoping`. No id
/// holds it, so a value without it reads as it always did, and an app that reads only ids
/// passes over the kommuner; an address needs no escape for it.
pub const FOLLOWED_MARK: char = '~';

/// What a share link's `dela` value holds: saved ids and the slugs of followed kommuner,
/// valid ones only, each once, in the link's order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Shared {
    pub ids: Vec<String>,
    pub kommuner: Vec<String>,
}

/// Read a share link's `dela` value ("a,b,~kommun").
pub fn parse_shared(value: &str) -> Shared {
    let mut shared = Shared::default();
    for piece in value.split(',').map(str::trim) {
        let (list, item) = match piece.strip_prefix(FOLLOWED_MARK) {
            Some(kommun) => (&mut shared.kommuner, kommun),
            None => (&mut shared.ids, piece),
        };
        if is_valid_id(item) && !list.iter().any(|x| x == item) {
            list.push(item.to_string());
        }
    }
    shared
}

/// The ids of a share link's `dela` value ("a,b,c"), valid ones only, each once.
pub fn parse_share(value: &str) -> Vec<String> {
    parse_shared(value).ids
}

/// The `dela` value for a set of bookmarks ([`UserState::share_value`] adds the followed
/// kommuner).
pub fn share_value(bookmarks: &[&Bookmark]) -> String {
    bookmarks
        .iter()
        .map(|b| b.id.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved(id: &str, at: &str) -> Bookmark {
        Bookmark {
            id: id.into(),
            saved: at.into(),
            note: None,
            label: None,
        }
    }

    #[test]
    fn nothing_stored_is_a_clean_start_without_notice() {
        assert_eq!(
            decode(None),
            Decoded {
                state: UserState::default(),
                notice: None,
                keep_aside: None
            }
        );
        assert_eq!(decode(Some("  ")).notice, None);
    }

    #[test]
    fn round_trip_keeps_everything() {
        let mut state = UserState::default();
        state.toggle(
            "jonkoping-2020-l1",
            "2026-11-21T10:00:00.000Z",
            Some("Identifiera …".into()),
        );
        state.set_note("jonkoping-2020-l1", "  Fråga på mötet  ");
        state.preferences = Preferences {
            lang: Some("en".into()),
            theme: Theme::Dark,
            text_size: TextSize::Larger,
            keep_all_offline: true,
        };
        let decoded = decode(Some(&encode(&state)));
        assert_eq!(decoded.state, state);
        assert_eq!(decoded.notice, None);
        assert_eq!(state.bookmarks[0].note.as_deref(), Some("Fråga på mötet"));
    }

    #[test]
    fn version_1_bare_list_is_migrated() {
        let decoded = decode(Some(
            r#"["eslov-2016-l1","eslov-2016-a2","eslov-2016-l1",42]"#,
        ));
        assert_eq!(
            decoded.notice,
            Some(Notice::Unreadable),
            "a list with a non-id is not ours"
        );
        let decoded = decode(Some(r#"["eslov-2016-l1","eslov-2016-a2","eslov-2016-l1"]"#));
        assert_eq!(decoded.notice, Some(Notice::Migrated(1)));
        assert_eq!(decoded.keep_aside, None);
        let ids: Vec<&str> = decoded
            .state
            .bookmarks
            .iter()
            .map(|b| b.id.as_str())
            .collect();
        assert_eq!(ids, ["eslov-2016-l1", "eslov-2016-a2"]);
        // Migrated, then written again, it reads back as the current version.
        assert_eq!(decode(Some(&encode(&decoded.state))).notice, None);
    }

    #[test]
    fn corrupt_values_are_kept_aside_and_the_state_starts_clean() {
        for raw in [
            "{not json",
            "\"just a string\"",
            "{\"version\":2,\"state\":{\"bookmarks\":\"oops\"}}",
            "{\"version\":0}",
            "{\"state\":{}}",
        ] {
            let decoded = decode(Some(raw));
            assert_eq!(decoded.notice, Some(Notice::Unreadable), "{raw}");
            assert_eq!(decoded.keep_aside.as_deref(), Some(raw));
            assert_eq!(decoded.state, UserState::default());
        }
    }

    #[test]
    fn a_newer_version_is_kept_aside_untouched() {
        let raw =
            r#"{"version":9,"state":{"bookmarks":[{"id":"x","saved":"2030"}],"future":true}}"#;
        let decoded = decode(Some(raw));
        assert_eq!(decoded.notice, Some(Notice::NewerVersion(9)));
        assert_eq!(decoded.keep_aside.as_deref(), Some(raw));
    }

    #[test]
    fn unknown_fields_are_read_past_and_the_whole_value_kept_aside() {
        // Writing the typed state back would drop them: a misspelt list would vanish with its
        // bookmarks.
        for raw in [
            r#"{"version":2,"state":{"bookmarks":[{"id":"a-1","saved":"2026"}],"extra":1}}"#,
            r#"{"version":2,"state":{"bookmarks":[{"id":"a-1","saved":"2026","colour":"red"}]}}"#,
            r#"{"version":2,"state":{"bookarks":[{"id":"a-1","saved":"2026"}]}}"#,
        ] {
            let decoded = decode(Some(raw));
            assert_eq!(decoded.notice, Some(Notice::PartlyUnreadable), "{raw}");
            assert_eq!(decoded.keep_aside.as_deref(), Some(raw));
        }
        let decoded = decode(Some(
            r#"{"version":2,"state":{"bookmarks":[{"id":"a-1","saved":"2026"}],"extra":1}}"#,
        ));
        assert_eq!(decoded.state.bookmarks, [saved("a-1", "2026")]);
    }

    #[test]
    fn fields_left_out_or_null_are_no_loss() {
        let raw = r#"{"version":2,"state":{"bookmarks":[{"id":"a-1","note":null,"saved":"2026"}],"preferences":{"lang":null,"theme":"dark"}}}"#;
        let decoded = decode(Some(raw));
        assert_eq!(decoded.notice, None);
        assert_eq!(decoded.keep_aside, None);
    }

    #[test]
    fn bad_ids_and_duplicates_are_left_out_and_the_whole_value_kept_aside() {
        let raw = r#"{"version":2,"state":{"bookmarks":[{"id":"a-1","saved":"2026"},{"id":"<script>","saved":"2026","note":"mine"},{"id":"a-1","saved":"2025"}]}}"#;
        let decoded = decode(Some(raw));
        assert_eq!(decoded.notice, Some(Notice::PartlyUnreadable));
        assert_eq!(decoded.keep_aside.as_deref(), Some(raw));
        assert_eq!(decoded.state.bookmarks, [saved("a-1", "2026")]);
        let v1 = decode(Some(r#"["a-1","Not An Id"]"#));
        assert_eq!(v1.notice, Some(Notice::PartlyUnreadable));
        assert_eq!(v1.state.bookmarks.len(), 1);
    }

    #[test]
    fn toggle_merge_and_order() {
        let mut state = UserState::default();
        assert!(state.toggle("a-1", "2026-01-01", None));
        assert!(state.toggle("a-2", "2026-02-01", None));
        assert!(!state.toggle("Not An Id", "2026-02-01", None));
        assert_eq!(
            state
                .newest_first()
                .iter()
                .map(|b| b.id.as_str())
                .collect::<Vec<_>>(),
            ["a-2", "a-1"]
        );
        assert!(!state.toggle("a-1", "2026-03-01", None));
        assert!(!state.is_saved("a-1"));
        state.set_note("a-2", "mine");
        let mut incoming = vec![saved("a-2", "2020"), saved("a-3", "2026-04-01")];
        incoming[0].note = Some("theirs".into());
        assert_eq!(state.merge(&incoming), 1);
        assert_eq!(
            state
                .bookmarks
                .iter()
                .find(|b| b.id == "a-2")
                .unwrap()
                .note
                .as_deref(),
            Some("mine")
        );
        assert!(state.is_saved("a-3"));
    }

    #[test]
    fn long_notes_are_cut() {
        let mut state = UserState::default();
        state.toggle("a-1", "2026", None);
        state.set_note("a-1", &"ö".repeat(5000));
        assert_eq!(
            state.bookmarks[0].note.as_ref().unwrap().chars().count(),
            MAX_NOTE_CHARS
        );
    }

    #[test]
    fn followed_kommuner_are_written_as_version_3_and_read_back() {
        let mut state = UserState::default();
        assert!(state.follow("jonkoping", Seen::default()));
        assert!(!state.follow("Jönköping", Seen::default()));
        let seen = Seen {
            agreements: vec!["jonkoping-2020".into()],
            ..Seen::default()
        };
        state.mark_seen("jonkoping", seen.clone());
        // Following again keeps what was seen.
        assert!(state.follow("jonkoping", Seen::default()));
        assert_eq!(state.seen("jonkoping"), Some(&seen));
        let text = encode(&state);
        assert_eq!(
            text,
            r#"{"state":{"bookmarks":[],"followed":[{"kommun":"jonkoping","seen":{"agreements":["jonkoping-2020"]}}],"preferences":{"lang":null,"textSize":"normal","theme":"system"}},"version":3}"#
        );
        let decoded = decode(Some(&text));
        assert_eq!((decoded.state, decoded.notice), (state.clone(), None));
        assert!(state.unfollow("jonkoping"));
        assert!(!state.unfollow("jonkoping"));
        assert!(encode(&state).ends_with(r#""version":2}"#));
    }

    #[test]
    fn either_version_reads_the_state_it_holds() {
        // Version 2 never held followed kommuner, but reading them loses nothing; an empty
        // list, or version 3 without any, is no loss either.
        for raw in [
            r#"{"version":2,"state":{"followed":[{"kommun":"eslov"}]}}"#,
            r#"{"version":3,"state":{"followed":[]}}"#,
            r#"{"version":3,"state":{"bookmarks":[{"id":"a-1","saved":"2026"}]}}"#,
            r#"{"version":3,"state":{"followed":[{"kommun":"eslov","seen":{"reports":[],"statuses":{}}}]}}"#,
        ] {
            let decoded = decode(Some(raw));
            assert_eq!(
                (&decoded.notice, &decoded.keep_aside),
                (&None, &None),
                "{raw}"
            );
        }
    }

    #[test]
    fn a_kommun_followed_twice_or_not_a_slug_is_left_out_and_the_whole_value_kept_aside() {
        let raw = r#"{"version":3,"state":{"followed":[{"kommun":"eslov","seen":{"agreements":["eslov-2016"]}},{"kommun":"Eslöv"},{"kommun":"eslov"}]}}"#;
        let decoded = decode(Some(raw));
        assert_eq!(decoded.notice, Some(Notice::PartlyUnreadable));
        assert_eq!(decoded.keep_aside.as_deref(), Some(raw));
        assert_eq!(decoded.state.followed.len(), 1);
        assert_eq!(
            decoded.state.seen("eslov").map(|s| s.agreements.clone()),
            Some(vec!["eslov-2016".to_string()])
        );
        for raw in [
            // Unknown fields, in an entry and in what was seen.
            r#"{"version":3,"state":{"followed":[{"kommun":"eslov","since":"2026"}]}}"#,
            r#"{"version":3,"state":{"followed":[{"kommun":"eslov","seen":{"agreement":["x"]}}]}}"#,
        ] {
            let decoded = decode(Some(raw));
            assert_eq!(decoded.notice, Some(Notice::PartlyUnreadable), "{raw}");
            assert!(decoded.state.is_following("eslov"), "{raw}");
        }
        // Written as lists, as no app wrote them; a status that is no status.
        for raw in [
            r#"{"version":3,"state":{"followed":[["eslov",{}]]}}"#,
            r#"{"version":3,"state":{"followed":[{"kommun":"eslov","seen":[["eslov-2016"],[],{}]}]}}"#,
            r#"{"version":3,"state":{"followed":[{"kommun":"eslov","seen":{"statuses":{"a-1":"klar"}}}]}}"#,
        ] {
            assert_eq!(decode(Some(raw)).notice, Some(Notice::Unreadable), "{raw}");
        }
    }

    #[test]
    fn share_values_round_trip_and_reject_junk() {
        let a = saved("jonkoping-2020-l1", "1");
        let b = saved("eslov-2017", "2");
        let value = share_value(&[&a, &b]);
        assert_eq!(parse_share(&value), ["jonkoping-2020-l1", "eslov-2017"]);
        assert_eq!(
            parse_share("a-1,,A-2, a-1 ,javascript:alert(1),b"),
            ["a-1", "b"]
        );
        assert_eq!(
            parse_shared("~eslov,a-1,~,~~x,~Eslöv, ~jonkoping ,~eslov,~ a"),
            Shared {
                ids: vec!["a-1".into()],
                kommuner: vec!["eslov".into(), "jonkoping".into()],
            }
        );
        let mut state = UserState::default();
        state.follow("eslov", Seen::default());
        assert_eq!(state.share_value(), "~eslov");
        state.toggle("a-1", "2026", None);
        assert_eq!(state.share_value(), "a-1,~eslov");
    }
}
