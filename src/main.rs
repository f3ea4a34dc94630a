//! Mounts the app; everything else is in the library.
fn main() {
    std::panic::set_hook(Box::new(|_| {
        // Panics end the wasm instance; say so in the console rather than fail silently. A
        // fixed message: formatting the panic's own would keep core::fmt's panic machinery in
        // the wasm (half a KB compressed) for a text only a developer could use.
        web_sys::console::error_1(&"Medborgarlöften stopped: the app met an error it cannot recover from.".into());
    }));
    // index.html shows a loading state until now.
    if let Some(boot) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app-loading")) {
        boot.remove();
    }
    leptos::mount::mount_to_body(medborgarloften::app::App);
}
