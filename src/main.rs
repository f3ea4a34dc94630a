//! Mounts the app; everything else is in the library.
fn main() {
    // A panic is a bug: the console says where, then the wasm traps and public/pwa.js tells the
    // visitor that the app stopped.
    console_error_panic_hook::set_once();
    // index.html shows a loading state until now.
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app-loading"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(medborgarloften::app::App);
}
