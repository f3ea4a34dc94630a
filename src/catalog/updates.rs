//! Newer data while the app runs. The app asks for the manifest when it starts, when the page
//! is shown again, when the network comes back, and every half hour: one small request, a 304
//! when nothing changed. A newer version is fetched and read whole beside the one shown. Found
//! as the page opens, before the visitor has pressed or touched anything, it is switched to at
//! once; otherwise it waits: the pages switch to it in one step when the visitor goes to
//! another page or asks for it, and a kiosk at its next idle reset, so nothing changes under a
//! reader's eyes and two versions never mix on a page.

use leptos::ev;
use leptos::prelude::*;
use std::time::Duration;

use super::{fetch_chunks, fetch_current_manifest, Catalog, LoadError, Want};

/// How often an open app asks for the manifest.
const CHECK_EVERY_MS: u32 = 30 * 60 * 1000;

/// How long a check after the network's return waits before it asks again, in milliseconds,
/// the first time and at most (1, 2, 4 … 64 s: about two minutes in all).
const FIRST_RETRY_MS: u32 = 1000;
const LAST_RETRY_MS: u32 = 64_000;

#[derive(Clone, Copy)]
pub struct DataUpdates {
    /// The version the pages are built with, as much of it as they have needed so far; `None`
    /// until one has loaded.
    shown: StoredValue<Option<Catalog>>,
    /// A newer version, read whole, waiting for its moment.
    pending: RwSignal<Option<Catalog>>,
    /// The data is published for a newer app: this one keeps what it has and says so.
    pub needs_app_update: RwSignal<bool>,
    /// Bumped when the pages are to be built again with the pending version.
    switched: RwSignal<u32>,
    /// Until the visitor first presses a key or touches the page.
    untouched: StoredValue<bool>,
}

impl DataUpdates {
    /// For the app, with the version it started with, if it came with the start.
    pub fn provide(started_with: Option<Catalog>) -> DataUpdates {
        let updates = DataUpdates {
            shown: StoredValue::new(started_with),
            pending: RwSignal::new(None),
            needs_app_update: RwSignal::new(false),
            switched: RwSignal::new(0),
            untouched: StoredValue::new(true),
        };
        provide_context(updates);
        crate::device::on_device(move || updates.follow());
        updates
    }

    /// Check now, and again whenever the page is shown, the network is back, or half an hour
    /// has passed.
    fn follow(self) {
        // A page that has just opened switches at once, unless the visitor has begun (a search
        // typed but not yet in the address would be lost): it may have been rendered, or kept
        // offline, from an older version.
        self.check_with(true, None);
        let touched = move || self.untouched.set_value(false);
        let listening = [
            window_event_listener(ev::keydown, move |_| touched()),
            window_event_listener(ev::pointerdown, move |_| touched()),
            window_event_listener(ev::visibilitychange, move |_| {
                if document().visibility_state() == web_sys::VisibilityState::Visible {
                    self.check();
                }
            }),
            window_event_listener(ev::online, move |_| {
                self.check_until_reached(FIRST_RETRY_MS)
            }),
        ];
        listening
            .into_iter()
            .for_each(crate::device::listen_while_mounted);
        if let Ok(interval) = set_interval_with_handle(
            move || self.check(),
            Duration::from_millis(CHECK_EVERY_MS.into()),
        ) {
            on_cleanup(move || interval.clear());
        }
    }

    /// The catalog the pages are built with now. (Never subscribed to: see `catalog::Held`.)
    pub fn shown_untracked(&self) -> Option<Catalog> {
        self.shown.try_get_value().flatten()
    }

    /// A page needed more than the app held, and the route's gate (`DataGate`) loaded it: the pages that follow
    /// are built with it, and a newer version is fetched for all it holds.
    pub fn grew(&self, catalog: Catalog) {
        self.shown.try_update_value(|shown| *shown = Some(catalog));
    }

    fn shown_version(&self) -> Option<String> {
        self.shown
            .try_with_value(|shown| shown.as_ref().map(|c| c.edition.version.clone()))
            .flatten()
    }

    /// Ask for the manifest; fetch and read a newer version whole. Every read is `try_`: a
    /// check can finish after the app that began it has gone (a kiosk's visitor).
    pub fn check(&self) {
        self.check_with(false, None);
    }

    /// Check now, and while the server is not reached, again, waiting twice as long each time
    /// up to [`LAST_RETRY_MS`]: the browser says it is online a moment before its requests (the
    /// service worker's too) get through, and a network that has just come back may take a
    /// while.
    fn check_until_reached(self, wait_ms: u32) {
        self.check_with(false, Some(wait_ms));
    }

    /// [`DataUpdates::check`], switching as soon as a newer version is read if `switch`, and
    /// if the server was not reached, again after the milliseconds `retry_ms` names (if any).
    fn check_with(&self, switch: bool, retry_ms: Option<u32>) {
        let updates = *self;
        // Checks may overlap (the network returning while the page's first check waits on
        // it): each is whole, and one dropped could be the one that finds the news.
        let (Some(shown), Some(coverage)) = (
            updates.shown_version(),
            updates.shown_untracked().map(|c| c.coverage),
        ) else {
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            let newer = match fetch_current_manifest().await {
                Ok((_, manifest)) if manifest.version == shown => Ok(None),
                Ok((text, manifest)) => {
                    let same = coverage.same_in(&manifest);
                    let want = Want::Paths(same.into_iter().map(str::to_string).collect());
                    fetch_chunks(text, manifest, &want)
                        .await
                        .and_then(|fetched| fetched.catalog().map(|catalog| (fetched, catalog)))
                        .map(Some)
                }
                Err(LoadError::NeedsUpdate) => {
                    updates.needs_app_update.try_set(true);
                    Ok(None)
                }
                Err(error) => Err(error),
            };
            // Offline, or a deployment half done: the version shown stays; ask later.
            let newer = newer.unwrap_or_else(|_| {
                if let Some(wait_ms) = retry_ms.filter(|wait_ms| *wait_ms <= LAST_RETRY_MS) {
                    let wait = Duration::from_millis(wait_ms.into());
                    set_timeout(move || updates.check_until_reached(wait_ms * 2), wait);
                }
                None
            });
            if let Some((fetched, catalog)) = newer {
                if !crate::pwa::controlled_by_service_worker() {
                    super::kept_copy::keep_dataset_copy(&fetched);
                }
                updates.pending.try_set(Some(catalog));
                if switch && updates.untouched.try_get_value() == Some(true) {
                    updates.switch();
                }
            }
        });
    }

    /// Whether a newer version is waiting.
    pub fn pending(&self) -> bool {
        self.pending.with(Option::is_some)
    }

    /// The same, without subscribing.
    pub fn pending_untracked(&self) -> bool {
        self.pending.try_with_untracked(Option::is_some) == Some(true)
    }

    /// The pending version's date, for the notice that offers it.
    pub fn pending_date(&self) -> Option<chrono::NaiveDate> {
        self.pending.with(|p| p.as_ref().map(|c| c.edition.date))
    }

    /// Build the pages again with the pending version, if there is one.
    pub fn switch(&self) {
        if self.pending.try_with(Option::is_some) == Some(true) {
            self.switched.try_update(|n| *n += 1);
        }
    }

    /// For the app's closure that builds the pages: tracks [`DataUpdates::switch`], and takes
    /// the pending version, if any, as the one the pages are built with (so a kiosk's reset,
    /// which builds the pages again for its next visitor, takes it too).
    pub fn take_pending_for_build(&self) {
        self.switched.track();
        if let Some(newer) = self.pending.try_update_untracked(Option::take).flatten() {
            self.shown.set_value(Some(newer));
            // Untracked above so this closure does not rerun itself; the notice follows here.
            self.pending.notify();
        }
    }
}

/// The app's updates of its data.
pub fn use_data_updates() -> DataUpdates {
    expect_context::<DataUpdates>()
}
