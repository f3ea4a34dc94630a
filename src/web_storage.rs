//! Whether the browser lets the page use its storage. `window.localStorage` itself throws when
//! the browser blocks storage, and gloo-storage's `raw()` turns that into a panic: every use
//! of gloo-storage comes after one of these probes has said yes.

use wasm_bindgen::{JsCast, JsValue};

pub fn local_storage_usable() -> bool {
    web_sys::window().is_some_and(|w| w.local_storage().ok().flatten().is_some())
}

pub fn session_storage_usable() -> bool {
    web_sys::window().is_some_and(|w| w.session_storage().ok().flatten().is_some())
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// A `Storage` whose values stay the browser's own strings, never copied into Rust: UTF-8
    /// cannot hold a lone UTF-16 surrogate (a value cut in the middle of an emoji), so text
    /// read into Rust and written back would not be the value that was there.
    type StorageAsHeld;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item(this: &StorageAsHeld, key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item(this: &StorageAsHeld, key: &str, value: &JsValue) -> Result<(), JsValue>;
}

/// Copy what `from` holds to `to`, exactly as the browser holds it (a kept-aside copy must be
/// the very value). Fails when storage is full or gone.
pub fn copy_item(storage: &web_sys::Storage, from: &str, to: &str) -> Result<(), JsValue> {
    let storage = storage.unchecked_ref::<StorageAsHeld>();
    let value = storage.get_item(from)?;
    storage.set_item(to, &value)
}
