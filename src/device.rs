//! What the build cannot know: the visitor's device. Pages are rendered at build time as a new
//! visitor sees them (no bookmarks, Swedish, the build's date, no query), and the browser's
//! first render must match that HTML exactly to take it over. So whatever comes from the
//! device (storage, the address's query, the clock, the service worker) is applied after
//! hydration, through `on_device`.

use chrono::NaiveDate;
use leptos::prelude::*;

/// How this run of the app began.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Render {
    /// At build time, without a browser (`src/bin/prerender.rs`).
    Prerender,
    /// In the browser, taking over a page the build rendered.
    Hydrate,
    /// In the browser, from an empty page (the shell, a kiosk, no data at build time).
    Mount,
}

/// How this run began; a browser run that nobody described is a mount.
pub fn use_render() -> Render {
    use_context::<Render>().unwrap_or(Render::Mount)
}

/// Where the page stands on the device, each flag false at build time and turning true once.
#[derive(Clone, Copy)]
struct OnDevice {
    /// The device's own state is showing: from the end of hydration (or from mounting) on.
    showing: RwSignal<bool>,
    /// The app's first frame on the device has been painted.
    painted: RwSignal<bool>,
}

/// Context for `on_device`, `use_on_device` and `use_painted`; `App` calls it once.
pub fn provide_device() {
    let render = use_render();
    let device = OnDevice {
        showing: RwSignal::new(render == Render::Mount),
        painted: RwSignal::new(false),
    };
    provide_context(device);
    // An effect's first run comes after hydration (which is synchronous) or mounting. From
    // then on the page answers: `<html data-ready>` says so to scripts and tests.
    Effect::new(move |_| {
        device.showing.set(true);
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("data-ready", "");
        }
        // The next frame's callbacks run once this frame is painted. A kiosk may have replaced
        // this app by then: the write is a `try_` one.
        request_animation_frame(move || {
            request_animation_frame(move || {
                device.painted.try_set(true);
            })
        });
    });
}

/// One of `OnDevice`'s flags, read the way that leaves no reader behind: a page drawn after it
/// has turned gets a constant, as a signal that never changes again keeps every reader it ever
/// had (reactive_graph lets go of a reader only when its source changes), and each page drawn
/// would leave one behind for as long as the app runs.
fn device_flag(flag: fn(&OnDevice) -> RwSignal<bool>) -> Signal<bool> {
    match use_context::<OnDevice>().map(|device| flag(&device)) {
        Some(flag) if flag.get_untracked() => Signal::stored(true),
        Some(flag) => flag.into(),
        None => Signal::stored(use_render() == Render::Mount),
    }
}

/// Whether the device's own state is showing yet (see `OnDevice`).
pub fn use_on_device() -> Signal<bool> {
    device_flag(|device| device.showing)
}

/// Whether the app's first frame on the device has been painted (see `OnDevice`): for what no
/// one sees at first, such as the options inside a closed select, so that drawing it does not
/// hold back that frame, nor the results of what was typed before the app started.
pub fn use_painted() -> Signal<bool> {
    device_flag(|device| device.painted)
}

/// Run `apply` once the page belongs to the device: at once when mounting, just after
/// hydration when hydrating, and never at build time.
pub fn on_device(apply: impl FnOnce() + 'static) {
    match use_render() {
        Render::Prerender => {}
        Render::Mount => apply(),
        Render::Hydrate => {
            let mut apply = Some(apply);
            Effect::new(move |_| {
                if let Some(apply) = apply.take() {
                    untrack(apply);
                }
            });
        }
    }
}

/// Keep a window listener for as long as the app that added it: a kiosk starts every visitor
/// on a new app (`kiosk::Visitors`), which must not inherit the last one's listeners.
pub fn listen_while_mounted(handle: leptos::prelude::WindowListenerHandle) {
    on_cleanup(move || handle.remove());
}

/// What the page's `<meta name=…>` says: the build writes its version and the day it rendered
/// the page there.
pub fn meta_content(name: &str) -> Option<String> {
    document()
        .query_selector(&format!("meta[name={name}]"))
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
}

/// The date the build rendered its pages on, which the pages show until hydration is done.
#[derive(Clone, Copy, Debug)]
pub struct RenderedOn(pub NaiveDate);

/// Today's date as the pages show it: the build's date while the build's HTML is taken over,
/// then the reader's own.
#[derive(Clone, Copy)]
pub struct Today(pub RwSignal<NaiveDate>);

/// Provide today's date: the build's (`RenderedOn`, when prerendering or hydrating), then the
/// device's clock once the page is the device's.
pub fn provide_today() {
    let start = use_context::<RenderedOn>().map_or_else(clock_date, |r| r.0);
    let today = Today(RwSignal::new(start));
    provide_context(today);
    on_device(move || today.0.set(clock_date()));
}

/// Today's date: status and "ends" follow it. Pages drawn while the build's page is taken
/// over follow the switch to the device's date; pages drawn later read the clock as they are
/// drawn, so a kiosk that runs for days shows each visitor the day's statuses (and, as with
/// `use_on_device`, no page leaves a reader behind on a signal that no longer changes).
pub fn use_today() -> Signal<NaiveDate> {
    let today = expect_context::<Today>().0;
    if use_on_device().get_untracked() {
        Signal::stored(clock_date())
    } else {
        today.into()
    }
}

/// Today's date in the reader's own time zone, from the device's clock.
pub fn clock_date() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// `route`'s address to print or put in a QR code: the build does not know the address it
/// will be served at, so its pages carry the path, and the whole address follows once the
/// page is the device's.
pub fn use_public_url(route: loften_core::route::Route) -> Signal<String> {
    let base = crate::base::use_base();
    let on_device = use_on_device();
    Signal::derive(move || {
        if on_device.get() {
            base.public_url(&route)
        } else {
            base.href(&route)
        }
    })
}
