//! The query string a visitor arrives with. The build rendered each page without one (`/?kommun=…`
//! is served `/`'s page), so the address's query is held back while the app takes the page
//! over and applied right after, as a navigation the router sees.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::device::on_device;

/// The address the visitor arrived at, when its query was held back for hydration.
#[derive(Clone, Debug, Default)]
pub struct ArrivalQuery(pub Option<String>);

impl ArrivalQuery {
    /// Take the query out of the address bar (the entry is replaced, not added), keeping the
    /// whole address to go back to.
    pub fn take_from_address() -> ArrivalQuery {
        let location = window().location();
        let search = location.search().unwrap_or_default();
        if search.is_empty() {
            return ArrivalQuery(None);
        }
        let path = location.pathname().unwrap_or_default();
        let hash = location.hash().unwrap_or_default();
        let Ok(history) = window().history() else {
            return ArrivalQuery(None);
        };
        let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        if history
            .replace_state_with_url(&state, "", Some(&format!("{path}{hash}")))
            .is_err()
        {
            return ArrivalQuery(None);
        }
        ArrivalQuery(Some(format!("{path}{search}{hash}")))
    }
}

/// How to go to another address of the page being read (a search typed, a filter, a share link
/// taken in): it keeps its scroll, and with `replace` the new address takes the place of the
/// current one in the history, so Back skips it.
pub fn same_page(replace: bool) -> NavigateOptions {
    NavigateOptions {
        replace,
        scroll: false,
        ..Default::default()
    }
}

/// Inside the router: once the page is the device's, go to the address the visitor arrived at.
pub fn restore_arrival_query() {
    let Some(address) = use_context::<ArrivalQuery>().and_then(|a| a.0) else {
        return;
    };
    let navigate = use_navigate();
    on_device(move || {
        navigate(
            &address,
            NavigateOptions {
                // Already the full path, base included.
                resolve: false,
                ..same_page(true)
            },
        )
    });
}
