//! Whether the browser lets the page use its storage. `window.localStorage` itself throws when
//! the browser blocks storage, and gloo-storage's `raw()` turns that into a panic: every use
//! of gloo-storage comes after one of these probes has said yes.

pub fn local_storage_usable() -> bool {
    web_sys::window().is_some_and(|w| w.local_storage().ok().flatten().is_some())
}

pub fn session_storage_usable() -> bool {
    web_sys::window().is_some_and(|w| w.session_storage().ok().flatten().is_some())
}
