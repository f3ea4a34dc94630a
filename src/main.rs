//! Mounts the app; everything else is in the library.
fn main() {
    std::panic::set_hook(Box::new(|info| {
        // Panics end the wasm instance; say so in the console rather than fail silently.
        web_sys::console::error_1(&format!("Medborgarlöften stopped: {info}").into());
    }));
    // index.html shows a loading state until now.
    if let Some(boot) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app-loading")) {
        boot.remove();
    }
    leptos::mount::mount_to_body(medborgarloften::app::App);
}
