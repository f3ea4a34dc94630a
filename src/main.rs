//! Starts the app in the browser: takes over the page the build rendered (hydration), or
//! mounts where the page has no content of its own.
use chrono::NaiveDate;
use leptos::prelude::*;
use loften_core::published::Need;
use medborgarloften::app::{App, Boot};
use medborgarloften::base::Base;
use medborgarloften::catalog::{load_catalog, Catalog, Want};
use medborgarloften::device::{meta_content, Render};
use medborgarloften::navigation::ArrivalQuery;

fn main() {
    // A panic is a bug: the console says where, then the wasm traps and public/pwa.js tells the
    // visitor that the app stopped.
    console_error_panic_hook::set_once();
    medborgarloften::test_hooks::install();
    // The shell (the page for paths without one of their own) shows a loading notice instead
    // of content. A kiosk session's pages differ from a visitor's, so a kiosk never takes over
    // what the build rendered.
    let loading_notice = document().get_element_by_id("app-loading");
    let hydrating = loading_notice.is_none() && !medborgarloften::state::kiosk_session_in_tab();
    // Rendering needs the data first: hydration needs the very data the build rendered with
    // (the version the page names), and a page mounted with its data at hand has no loading
    // state of its own to keep. The shell shows its loading notice meanwhile.
    let rendered_from = meta_content("data-version").filter(|_| hydrating);
    // A page rendered ahead of time names the chunks it was rendered from; the shell loads
    // what the page at its address needs.
    let rendered_with: Option<Vec<String>> = meta_content("data-chunks")
        .filter(|_| hydrating)
        .map(|paths| paths.split_whitespace().map(str::to_string).collect());
    let needed = Want::Need(Need::at(
        Base::from_document().path_within(&location_path()),
    ));
    let want = rendered_with
        .clone()
        .map_or_else(|| needed.clone(), Want::Paths);
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = match load_catalog(rendered_from.as_deref(), &want).await {
            Ok(catalog) if hydrating && holds_all(&catalog, rendered_with.as_deref()) => {
                return hydrate(catalog)
            }
            // The version the page was rendered from is no longer published (or kept only in
            // part, offline): the current one, and the page drawn afresh with it.
            Ok(_) | Err(_) if rendered_from.is_some() => load_catalog(None, &needed).await,
            other => other,
        };
        // Without data the app loads it again itself and says what failed, with "Försök igen".
        mount(loaded.ok());
    });
}

/// Whether the catalog holds every chunk the page was rendered from.
fn holds_all(catalog: &Catalog, rendered_with: Option<&[String]>) -> bool {
    let held = catalog.coverage.held_paths();
    rendered_with.is_none_or(|paths| paths.iter().all(|p| held.contains(&p.as_str())))
}

fn location_path() -> String {
    document()
        .location()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_default()
}

/// Render into an empty body: the shell, a kiosk session (its pages differ from a visitor's),
/// or a page whose data would not load.
fn mount(catalog: Option<Catalog>) {
    let body = document().body().expect("a page has a body");
    body.set_inner_html("");
    let boot = Boot {
        render: Render::Mount,
        base: Base::from_document(),
        catalog,
        rendered_on: None,
        arrival: ArrivalQuery::default(),
        version: None,
    };
    leptos::mount::mount_to_body(move || view! { <App boot=boot/> });
}

/// Take over the page the build rendered: as a new visitor on the build's date and without the
/// query, as the build saw it; the device's state follows (`device::on_device`).
fn hydrate(catalog: Catalog) {
    let rendered_on = meta_content("rendered-on").and_then(|date| date.parse::<NaiveDate>().ok());
    let arrival = ArrivalQuery::take_from_address();
    let boot = Boot {
        render: Render::Hydrate,
        base: Base::from_document(),
        catalog: Some(catalog),
        rendered_on,
        arrival,
        version: None,
    };
    leptos::mount::hydrate_body(move || view! { <App boot=boot/> });
}
