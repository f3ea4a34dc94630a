//! Starts the app in the browser: takes over the page the build rendered (hydration), or
//! mounts where the page has no content of its own.
use chrono::NaiveDate;
use leptos::prelude::*;
use medborgarloften::app::App;
use medborgarloften::catalog::{load_catalog, Catalog};
use medborgarloften::device::{Render, RenderedOn};
use medborgarloften::navigation::ArrivalQuery;

fn main() {
    // A panic is a bug: the console says where, then the wasm traps and public/pwa.js tells the
    // visitor that the app stopped.
    console_error_panic_hook::set_once();
    // The shell (index.html for paths without a page of their own) shows a loading state
    // instead of content. A kiosk session's pages differ from a visitor's, so a kiosk never
    // takes over what the build rendered.
    let boot = document().get_element_by_id("app-loading");
    if boot.is_some() || medborgarloften::state::kiosk_session_in_tab() {
        mount();
        return;
    }
    // The build rendered the page with its data: hydration needs the very same data first.
    // index.html preloads the bundle, so it downloads beside the wasm.
    wasm_bindgen_futures::spawn_local(async {
        match load_catalog().await {
            Ok(catalog) => hydrate(catalog),
            // The page stays readable until now; the app then says what failed, with "Försök igen".
            Err(_) => mount(),
        }
    });
}

/// Render into an empty body; the app loads its data itself and shows it loading.
fn mount() {
    let body = document().body().expect("a page has a body");
    body.set_inner_html("");
    leptos::mount::mount_to_body(App);
}

/// Take over the page the build rendered: as a new visitor on the build's date and without the
/// query, as the build saw it; the device's state follows (`device::on_device`).
fn hydrate(catalog: Catalog) {
    let rendered_on = document()
        .query_selector("meta[name=rendered-on]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .and_then(|date| date.parse::<NaiveDate>().ok());
    let arrival = ArrivalQuery::take_from_address();
    leptos::mount::hydrate_body(move || {
        provide_context(Render::Hydrate);
        provide_context(catalog);
        if let Some(date) = rendered_on {
            provide_context(RenderedOn(date));
        }
        provide_context(arrival);
        view! { <App/> }
    });
}
