//! A way for the end-to-end suite to force a panic, to prove that the app survives one
//! (`public/pwa.js`: a kiosk starts over by itself, a resident is told and can reload). Only a
//! script that runs before the page's own can turn it on (Playwright's `addInitScript`): no
//! address, link, stored value or page content reaches it, so visitors cannot stop a kiosk.

use leptos::prelude::window_event_listener_untyped;
use wasm_bindgen::JsValue;

/// Set to `true` on `window` before the app starts, to turn the hook on.
const FLAG: &str = "__medborgarloftenTestHooks";
/// The window event that then panics.
const FORCE_PANIC: &str = "medborgarloften:test-panic";

/// Listen for `FORCE_PANIC`, when the page was opened with `FLAG` set.
pub fn install() {
    let window = leptos::prelude::window();
    let asked = js_sys::Reflect::get(&window, &JsValue::from_str(FLAG))
        .is_ok_and(|value| value == JsValue::TRUE);
    if asked {
        // For as long as the page: a kiosk's new apps share it.
        let _listening = window_event_listener_untyped(FORCE_PANIC, |_| {
            panic!("a panic forced by the end-to-end suite")
        });
    }
}
