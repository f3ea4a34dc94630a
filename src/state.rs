//! The one module that touches localStorage: bookmarks, notes and preferences.
//!
//! The codec (envelope, versions, migrations) is `loften_core::storage`; this module only
//! moves strings in and out of the browser and decides what to do when storage misbehaves:
//! - a value that cannot be read is copied to a backup key before anything is written;
//! - storage that is disabled, blocked or full: keep working in memory and say so;
//! - another tab changed it: take the new value (the `storage` event).
//!
//! In kiosk mode nothing is written, so strangers sharing a screen leave no trace.

use gloo_storage::{LocalStorage, SessionStorage, Storage};
use leptos::prelude::*;
use loften_core::storage::{decode, envelope, Notice, UserState, BACKUP_PREFIX, STORAGE_KEY};

/// Why user state lives only in memory, or what happened to what was stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageNotice {
    /// Storage is disabled or blocked (private mode, settings): nothing will be kept.
    Unavailable,
    /// Storage is full: the latest changes are kept in memory only.
    Full,
    /// The stored value could not be read; it was kept aside under this key.
    KeptAside(String),
    /// Part of the stored value could not be read: the rest is in use, and the whole value
    /// was kept aside under this key.
    PartlyKeptAside(String),
    /// The stored value could not be read and could not be kept aside either: it is left
    /// untouched, and changes stay in memory.
    UnreadableLeftAlone,
    /// Written by a newer version of the app; kept aside under this key.
    NewerVersion(String),
    /// Brought up from an older format.
    Migrated,
}

/// User state shared through context.
#[derive(Clone, Copy)]
pub struct Store {
    pub state: RwSignal<UserState>,
    pub notice: RwSignal<Option<StorageNotice>>,
    /// False in kiosk mode and when storage cannot be used: changes stay in memory.
    persist: RwSignal<bool>,
}

/// Whether localStorage can be used at all. `window.localStorage` itself throws when the
/// browser blocks storage, and gloo-storage's `raw()` turns that into a panic: it is reached
/// only once this probe has said yes.
fn local_storage_usable() -> bool {
    web_sys::window().is_some_and(|w| w.local_storage().ok().flatten().is_some())
}

fn session_storage_usable() -> bool {
    web_sys::window().is_some_and(|w| w.session_storage().ok().flatten().is_some())
}

/// A key for keeping an unreadable value aside, unique per moment.
fn backup_key() -> String {
    format!(
        "{BACKUP_PREFIX}{}",
        js_sys::Date::new_0()
            .to_iso_string()
            .as_string()
            .unwrap_or_default()
    )
}

/// The current time, ISO 8601, for bookmark times.
pub fn now_iso() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

impl Store {
    /// Read storage (unless `kiosk`), and keep it in step from now on. Until the page is the
    /// device's (`device::on_device`), the state is a new visitor's, as the build rendered it.
    pub fn start(kiosk: bool) -> Store {
        let store = Store {
            state: RwSignal::new(UserState::default()),
            notice: RwSignal::new(None),
            persist: RwSignal::new(false),
        };
        if !kiosk {
            crate::device::on_device(move || store.load());
        }
        store
    }

    /// Adopt what storage holds, then write every change back and follow other tabs.
    fn load(self) {
        if !local_storage_usable() {
            self.notice.set(Some(StorageNotice::Unavailable));
            return;
        }
        // The text as stored, not a typed read: a value this version cannot read is kept
        // aside exactly as it was, so the core's codec decides from the text.
        let Ok(raw) = LocalStorage::raw().get_item(STORAGE_KEY) else {
            self.notice.set(Some(StorageNotice::Unavailable));
            return;
        };
        self.persist.set(true);
        self.take(raw.as_deref());
        self.listen_to_other_tabs();
        self.write_on_change();
    }

    /// Adopt a stored value, keeping aside what cannot be read.
    fn take(&self, raw: Option<&str>) {
        let decoded = decode(raw);
        if let Some(aside) = &decoded.keep_aside {
            let key = backup_key();
            // Verbatim: a typed write would put the kept text in JSON quotes.
            if LocalStorage::raw().set_item(&key, aside).is_err() {
                // Could not keep a copy: never overwrite the original, work in memory.
                self.persist.set(false);
                self.notice.set(Some(StorageNotice::UnreadableLeftAlone));
                self.state.set(decoded.state);
                return;
            }
            self.notice.set(Some(match decoded.notice {
                Some(Notice::NewerVersion(_)) => StorageNotice::NewerVersion(key),
                Some(Notice::PartlyUnreadable) => StorageNotice::PartlyKeptAside(key),
                _ => StorageNotice::KeptAside(key),
            }));
        } else if matches!(decoded.notice, Some(Notice::Migrated(_))) {
            self.notice.set(Some(StorageNotice::Migrated));
        }
        self.state.set(decoded.state);
    }

    /// Write after every change (an effect, so every way of changing state is covered).
    fn write_on_change(&self) {
        let store = *self;
        let last_written = StoredValue::new(None::<UserState>);
        Effect::new(move |_| {
            let state = store.state.get();
            if !store.persist.get() || last_written.with_value(|w| w.as_ref() == Some(&state)) {
                return;
            }
            match LocalStorage::set(STORAGE_KEY, envelope(&state)) {
                Ok(()) => last_written.set_value(Some(state)),
                // QuotaExceededError, or storage gone since start.
                Err(_) => {
                    store.persist.set(false);
                    store.notice.set(Some(StorageNotice::Full));
                }
            }
        });
    }

    /// The `storage` event fires in the other tabs when one writes: take the new value.
    fn listen_to_other_tabs(&self) {
        let store = *self;
        crate::device::listen_while_mounted(window_event_listener(
            leptos::ev::storage,
            move |event| {
                if event.key().as_deref() != Some(STORAGE_KEY) {
                    return;
                }
                let decoded = decode(event.new_value().as_deref());
                if decoded.keep_aside.is_none() {
                    store.state.set(decoded.state);
                }
            },
        ));
    }

    pub fn is_saved(&self, id: &str) -> bool {
        self.state.with(|s| s.is_saved(id))
    }

    pub fn toggle(&self, id: &str, label: Option<String>) {
        let now = now_iso();
        self.state.update(|s| {
            s.toggle(id, &now, label);
        });
    }

    pub fn count(&self) -> usize {
        self.state.with(|s| s.bookmarks.len())
    }

    /// Whether changes are being kept on this device.
    pub fn persists(&self) -> bool {
        self.persist.get()
    }
}

/// A kiosk session survives a reload (the update button reloads, so may an operator) in this
/// tab only: sessionStorage, never localStorage, holds the kiosk's settings.
const KIOSK_KEY: &str = "medborgarloften.kiosk";

/// Whether a kiosk session started in this tab (before the app knows the path).
pub fn kiosk_session_in_tab() -> bool {
    session_storage_usable()
        && SessionStorage::raw()
            .get_item(KIOSK_KEY)
            .ok()
            .flatten()
            .is_some()
}

/// The kiosk session of this tab, if one started here: its settings' query string.
pub fn kiosk_session(path_after_base: &str, query: &str) -> Option<String> {
    let usable = session_storage_usable();
    if path_after_base.starts_with("/kiosk") {
        if usable {
            let _ = SessionStorage::set(KIOSK_KEY, query);
        }
        return Some(query.to_string());
    }
    if !usable {
        return None;
    }
    // Earlier versions kept the query string as plain text, not as JSON: a kiosk tab that
    // reloads into this version stays a kiosk.
    SessionStorage::get::<String>(KIOSK_KEY)
        .ok()
        .or_else(|| SessionStorage::raw().get_item(KIOSK_KEY).ok().flatten())
}

/// Where the last good dataset is kept for browsers without a service worker.
const DATASET_KEY: &str = "medborgarloften.data";

/// Keep a copy of the dataset for when the network fails and no service worker can answer
/// (a kiosk on a plain-http venue network). The dataset is the app's, not the visitor's, so
/// this happens in kiosk mode too. When it does not fit, the previous copy stays.
///
/// localStorage holds text, and the bundle is bytes: they are kept as base64. Its 4/3 size
/// (about 45 KB for the real data) is the price of text that is plain ASCII, which every
/// browser's storage keeps as it is, and of a strict decoder that notices a damaged copy
/// before the bundle decoder sees it. (One character per byte, "Latin-1", would be smaller
/// but puts NUL and control characters in storage, which some engines have mangled.)
///
/// A dataset too large to keep (over `DATASET_COPY_MAX_CHARS` as base64) is not encoded at
/// all: the copy would crowd out the visitor's bookmarks in the same small quota, or not fit,
/// and encoding it would only grow the page's memory.
pub fn keep_dataset_copy(bytes: &[u8]) {
    if loften_core::bundle::base64_len(bytes.len()) > DATASET_COPY_MAX_CHARS {
        return;
    }
    if !local_storage_usable() {
        return;
    }
    // Plain base64 text, as every version has kept it (a typed write would quote it).
    let _ = LocalStorage::raw().set_item(DATASET_KEY, &loften_core::bundle::to_base64(bytes));
}

/// About a quarter of the usual 5-million-character localStorage quota: 1.1 MB of bundle, 30
/// times today's data, and the rest is left for bookmarks and preferences.
pub const DATASET_COPY_MAX_CHARS: usize = 1_250_000;

/// The kept copy of the dataset, if there is one that is base64. Anything else there (a
/// damaged copy, or the JSON text an older version of the app kept) is removed.
pub fn dataset_copy() -> Option<Vec<u8>> {
    if !local_storage_usable() {
        return None;
    }
    let text = LocalStorage::raw().get_item(DATASET_KEY).ok().flatten()?;
    let bytes = loften_core::bundle::from_base64(&text);
    if bytes.is_none() {
        forget_dataset_copy();
    }
    bytes
}

/// Remove a kept copy that turned out not to read, so it is not tried again.
pub fn forget_dataset_copy() {
    if local_storage_usable() {
        LocalStorage::delete(DATASET_KEY);
    }
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}
