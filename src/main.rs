//! Mounts the app; everything else is in the library.
fn main() {
    // Development builds say what panicked. Release builds are built with
    // `-Cpanic=immediate-abort` (scripts/release-env.sh): a panic traps at once and no hook runs,
    // so none is set there (its formatting would only add size).
    #[cfg(debug_assertions)]
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Medborgarlöften stopped: {info}").into());
    }));
    // index.html shows a loading state until now.
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app-loading"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(medborgarloften::app::App);
}
