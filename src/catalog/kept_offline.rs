//! What a device keeps to read offline: the reference data, the kommuner and agreements it
//! has shown, the kommuner it follows and those of the items it has saved, or every kommun's
//! when the visitor chose so. The service worker keeps a chunk when the app asks for it
//! (public/sw.js); the chunks a search loads are left to the HTTP cache, so a visit keeps what
//! it read, not the whole country.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use loften_core::published::Need;

use super::{bytes_of, start_fetch_to_keep};
use crate::state::Store;

/// Ask the service worker, once each, to keep the chunks the device is to keep: again whenever
/// the page, the followed kommuner, the saved items, the choice or the data changes, and once
/// a first visit's worker has taken over. Not in a kiosk (nothing there is its visitors'), and
/// only where a service worker keeps what is fetched.
pub fn keep_offline(store: Store) {
    let pwa = crate::pwa::use_pwa();
    let location = use_location();
    let base = crate::base::use_base();
    let asked = StoredValue::new(Vec::<String>::new());
    Effect::new(move |_| {
        let page = Need::at(base.path_within(&location.pathname.get()));
        let (Some(catalog), true) = (super::loaded_catalog(), pwa.controlled.get()) else {
            return;
        };
        let coverage = &catalog.coverage;
        let wanted: Vec<String> = store.state.with(|state| {
            let mut paths = if state.preferences.keep_all_offline {
                coverage.paths_for(&Need::All)
            } else {
                coverage.paths_to_keep(
                    state.followed.iter().map(|f| f.kommun.as_str()),
                    state.bookmarks.iter().map(|b| b.id.as_str()),
                )
            };
            // The page shown, unless it takes every chunk (the lists, a search over everything,
            // which keep none of their own).
            if !catalog.takes_every_chunk(&page) {
                paths.extend(coverage.paths_for(&page));
            }
            paths.extend(coverage.reference_path());
            paths.into_iter().map(str::to_string).collect()
        });
        for path in wanted {
            if asked.with_value(|asked| asked.contains(&path)) {
                continue;
            }
            asked.update_value(|asked| asked.push(path.clone()));
            let Ok(fetch) = start_fetch_to_keep(&path) else {
                continue;
            };
            // Nothing to show either way; one that failed (offline) is asked for again on the
            // next change.
            wasm_bindgen_futures::spawn_local(async move {
                if bytes_of(&path, fetch).await.is_err() {
                    asked.try_update_value(|asked| asked.retain(|p| *p != path));
                }
            });
        }
    });
}
