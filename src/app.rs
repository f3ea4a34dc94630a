//! The router and the frame around every page.

use leptos::prelude::*;
use loften_core::storage::{TextSize, Theme};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::catalog::provide_catalog;
use crate::components::layout::Layout;
use crate::i18n::Lang;
use crate::state::Store;
use crate::pages;

/// The app's base path, set once at start (see `base_path`).
static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// An internal link's href: the router prefixes its base when navigating, but not in `<A
/// href>` for absolute paths, so every internal link goes through here.
pub fn link_to(path: &str) -> String {
    format!("{}{path}", BASE.get().map_or("", String::as_str))
}

/// The path the app is served under ("" at the root, "/medborgarloften" under a sub-path),
/// read from `<base href>` so one build can be hosted anywhere `public_url` says.
fn base_path() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default();
    base.trim_end_matches('/').to_string()
}

/// The whole app: context for data and language, the router and its routes.
#[component]
pub fn App() -> impl IntoView {
    provide_catalog();
    let base = base_path();
    let _ = BASE.set(base.clone());
    // A kiosk session starts at /kiosk and keeps nothing on the device from then on.
    let location = web_sys::window().map(|w| w.location());
    let path = location.as_ref().and_then(|l| l.pathname().ok()).unwrap_or_default();
    let query = location.as_ref().and_then(|l| l.search().ok()).unwrap_or_default();
    let kiosk_settings = crate::state::kiosk_session(path.strip_prefix(base.as_str()).unwrap_or(&path), &query);
    let kiosk = kiosk_settings.is_some();
    let store = Store::start(kiosk);
    provide_context(store);
    provide_context(crate::pwa::Pwa::start());
    provide_context(crate::kiosk::Kiosk::start(kiosk, kiosk_settings.unwrap_or_default()));
    let lang = RwSignal::new(store.state.with_untracked(|s| s.preferences.lang.as_deref().and_then(Lang::from_code)).unwrap_or(Lang::Sv));
    provide_context(lang);
    apply_preferences(store, lang);

    view! {
        <Router base=base>
            <FocusOnNavigate/>
            // Switching language rebuilds the page, so labels are plain text, not signals.
            {move || { lang.track(); view! {
            <Layout>
                <Routes fallback=pages::not_found::NotFoundPage>
                    <Route path=path!("") view=pages::home::HomePage/>
                    <Route path=path!("kommuner") view=pages::kommuner::KommunerPage/>
                    <Route path=path!("kommun/:slug") view=pages::kommun::KommunPage/>
                    <Route path=path!("medborgarlofte/:id") view=pages::agreement::AgreementPage/>
                    <Route path=path!("omraden") view=pages::areas::AreasPage/>
                    <Route path=path!("omrade/:kommun/:area") view=pages::areas::AreaPage/>
                    <Route path=path!("sparade") view=pages::saved::SavedPage/>
                    <Route path=path!("om") view=pages::about::AboutPage/>
                    <Route path=path!("kiosk") view=pages::kiosk::KioskPage/>
                </Routes>
            </Layout>
            } }}
        </Router>
    }
}

/// Keep the language in step with the stored preference (both ways: another tab may change
/// it), and put language, theme and text size on `<html>`, where CSS and screen readers see them.
fn apply_preferences(store: Store, lang: RwSignal<Lang>) {
    Effect::new(move |_| {
        let code = lang.get().code();
        if store.state.with_untracked(|s| s.preferences.lang.as_deref() != Some(code)) {
            store.state.update(|s| s.preferences.lang = Some(code.to_string()));
        }
    });
    Effect::new(move |_| {
        if let Some(stored) = store.state.with(|s| s.preferences.lang.as_deref().and_then(Lang::from_code)) {
            if stored != lang.get_untracked() {
                lang.set(stored);
            }
        }
    });
    Effect::new(move |_| {
        let Some(html) = document().document_element() else { return };
        let _ = html.set_attribute("lang", lang.get().code());
        let (theme, size) = store.state.with(|s| (s.preferences.theme, s.preferences.text_size));
        // The defaults leave the attribute off: CSS follows the system and the browser's size.
        let theme = (theme != Theme::System).then_some(theme.code());
        let size = (size != TextSize::Normal).then_some(size.code());
        for (name, value) in [("data-theme", theme), ("data-text-size", size)] {
            let _ = match value {
                Some(v) => html.set_attribute(name, v),
                None => html.remove_attribute(name),
            };
        }
    });
}

/// After a navigation to another page (not a change of query), move focus to the new page's
/// heading, so a screen reader announces it and Tab starts from the top of the content.
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let pathname = use_location().pathname;
    Effect::new(move |previous: Option<String>| {
        let now = pathname.get();
        if previous.as_ref().is_some_and(|p| *p != now) {
            request_animation_frame(|| {
                if let Ok(Some(heading)) = document().query_selector("main h1") {
                    if let Ok(heading) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(heading) {
                        let _ = heading.focus();
                    }
                }
            });
        }
        now
    });
}
