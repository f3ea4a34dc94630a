//! The one module that keeps the visitor's own state in localStorage: bookmarks, notes,
//! followed kommuner and preferences (the app's copy of the dataset is `catalog::kept_copy`'s).
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

use crate::web_storage::{copy_item, local_storage_usable, session_storage_usable};

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

    /// Adopt the stored value `raw`, keeping aside what cannot be read.
    fn take(&self, raw: Option<&str>) {
        let decoded = decode(raw);
        if decoded.keep_aside.is_some() {
            let key = backup_key();
            // Verbatim, copied by the browser: a typed write would put the kept text in JSON
            // quotes, and text that passed through Rust may have lost a lone surrogate.
            if copy_item(&LocalStorage::raw(), STORAGE_KEY, &key).is_err() {
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

    pub fn toggle(&self, id: &str, label: Option<String>) {
        let now = now_iso();
        self.state.update(|s| {
            s.toggle(id, &now, label);
        });
    }

    pub fn count(&self) -> usize {
        self.state.with(|s| s.bookmarks.len())
    }

    /// Follow a kommun (by slug), or stop; following records what the data holds of it now,
    /// so nothing is new on the visit that follows it.
    pub fn set_following(&self, kommun: &str, follow: bool, data: &loften_core::Dataset) {
        self.state.update(|s| {
            if follow {
                s.follow(kommun, loften_core::follow::seen_now(data, kommun));
            } else {
                s.unfollow(kommun);
            }
        });
    }

    /// What is new in every followed kommun `data` holds has been read. A kommun whose chunks
    /// are not in it (`held` says no: still loading beside the start page, say) keeps what was
    /// seen of it, rather than being marked as having nothing.
    pub fn mark_all_seen(&self, data: &loften_core::Dataset, held: impl Fn(&str) -> bool) {
        self.state.update(|s| {
            let kommuner: Vec<String> = s.followed.iter().map(|f| f.kommun.clone()).collect();
            for kommun in kommuner.iter().filter(|k| held(k)) {
                s.mark_seen(kommun, loften_core::follow::seen_now(data, kommun));
            }
        });
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

pub fn use_store() -> Store {
    expect_context::<Store>()
}
