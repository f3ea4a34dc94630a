//! Installable and offline: what the page-side script (public/pwa.js) reports, as signals,
//! and the actions it offers. The script runs before the wasm, so it keeps its findings on
//! `window.medborgarloften` and announces changes with window events.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone, Copy)]
pub struct Pwa {
    /// A new version is installed and waiting for "Uppdatera".
    pub update_ready: RwSignal<bool>,
    /// The browser offers to install the app (not on iOS, which never offers).
    pub install_available: RwSignal<bool>,
    pub online: RwSignal<bool>,
    /// A service worker answers the page's requests (from the first visit's, once it has
    /// installed): what the app fetches can then be kept offline.
    pub controlled: RwSignal<bool>,
}

fn bridge() -> Option<js_sys::Object> {
    js_sys::Reflect::get(&window(), &"medborgarloften".into())
        .ok()?
        .dyn_into()
        .ok()
}

fn flag(name: &str) -> bool {
    bridge()
        .and_then(|b| js_sys::Reflect::get(&b, &name.into()).ok())
        .is_some_and(|v| v.is_truthy())
}

fn call(name: &str) {
    if let Some(f) = bridge()
        .and_then(|b| js_sys::Reflect::get(&b, &name.into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        let _ = f.call0(&JsValue::NULL);
    }
}

impl Pwa {
    /// As a new visitor's first view until the page is the device's; then what the script found.
    pub fn start() -> Pwa {
        let pwa = Pwa {
            update_ready: RwSignal::new(false),
            install_available: RwSignal::new(false),
            online: RwSignal::new(true),
            controlled: RwSignal::new(false),
        };
        crate::device::on_device(move || pwa.follow_the_browser());
        pwa
    }

    fn follow_the_browser(self) {
        let pwa = self;
        pwa.update_ready.set(flag("updateReady"));
        pwa.install_available.set(flag("installAvailable"));
        pwa.online.set(window().navigator().on_line());
        pwa.controlled.set(controlled_by_service_worker());
        let listening = [
            window_event_listener_untyped("medborgarloften:update", move |_| {
                pwa.update_ready.set(flag("updateReady"))
            }),
            window_event_listener_untyped("medborgarloften:install", move |_| {
                pwa.install_available.set(flag("installAvailable"))
            }),
            window_event_listener_untyped("medborgarloften:controlled", move |_| {
                pwa.controlled.set(controlled_by_service_worker())
            }),
            window_event_listener(ev::online, move |_| pwa.online.set(true)),
            window_event_listener(ev::offline, move |_| pwa.online.set(false)),
        ];
        listening
            .into_iter()
            .for_each(crate::device::listen_while_mounted);
    }

    /// Let the waiting version take over; the page reloads onto it.
    pub fn apply_update(&self) {
        call("applyUpdate");
    }

    pub fn install(&self) {
        call("install");
    }
}

/// iPhone and iPad never offer installation; they need instructions instead.
pub fn is_ios() -> bool {
    let agent = window().navigator().user_agent().unwrap_or_default();
    agent.contains("iPhone")
        || agent.contains("iPad")
        || (agent.contains("Macintosh") && window().navigator().max_touch_points() > 1)
}

/// Already running as an installed app.
pub fn is_standalone() -> bool {
    window()
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// Whether a service worker answers this page's requests (and so keeps it working offline).
/// Not on plain http, in browsers that block workers, or on a first visit.
pub fn controlled_by_service_worker() -> bool {
    js_sys::Reflect::get(&window().navigator(), &"serviceWorker".into())
        .ok()
        .filter(|c| !c.is_undefined())
        .and_then(|c| js_sys::Reflect::get(&c, &"controller".into()).ok())
        .is_some_and(|controller| controller.is_truthy())
}

/// The build's version, which the build provides when it renders pages.
#[derive(Clone, Debug)]
pub struct AppVersion(pub String);

/// The build's version (a hash of its files), from `<meta name="app-version">`.
pub fn app_version() -> String {
    if let Some(AppVersion(version)) = use_context::<AppVersion>() {
        return version;
    }
    crate::device::meta_content("app-version").unwrap_or_else(|| "dev".into())
}

pub fn use_pwa() -> Pwa {
    expect_context::<Pwa>()
}
