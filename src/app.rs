//! The app: context for data, language and routing, and the frame around every page.

use leptos::prelude::*;
use loften_core::storage::{TextSize, Theme};
use loften_core::url::Route;

use crate::catalog::provide_catalog;
use crate::components::layout::Layout;
use crate::i18n::Lang;
use crate::pages;
use crate::router::{hooks::use_location, provide_router, routes};
use crate::state::Store;

/// An internal link's href: a path within the app with the base it is hosted under, so every
/// internal link goes through here (`navigate` takes paths without the base).
pub fn link_to(path: &str) -> String {
    format!("{}{path}", crate::router::base())
}

/// The whole app: context for data, language and routing, and the page for the address.
#[component]
pub fn App() -> impl IntoView {
    let router = provide_router();
    provide_catalog();
    // A kiosk session starts at /kiosk and keeps nothing on the device from then on.
    let kiosk_settings =
        crate::state::kiosk_session(&router.path.get_untracked(), &router.search.get_untracked());
    let kiosk = kiosk_settings.is_some();
    let store = Store::start(kiosk);
    provide_context(store);
    provide_context(crate::pwa::Pwa::start());
    provide_context(crate::kiosk::Kiosk::start(
        kiosk,
        kiosk_settings.unwrap_or_default(),
    ));
    let lang = RwSignal::new(
        store
            .state
            .with_untracked(|s| s.preferences.lang.as_deref().and_then(Lang::from_code))
            .unwrap_or(Lang::Sv),
    );
    provide_context(lang);
    apply_preferences(store, lang);
    crate::components::save::follow_saved_state(store);

    view! {
        <FocusOnNavigate/>
        // Switching language rebuilds the page, so labels are plain text, not signals.
        {move || { lang.track(); view! { <Layout>{routes(page)}</Layout> } }}
    }
}

/// The page of a route (DESIGN.md, "Routes and names"; `loften_core::url::Route` matches them).
fn page(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <pages::home::HomePage/> }.into_any(),
        Route::Kommuner => view! { <pages::kommuner::KommunerPage/> }.into_any(),
        Route::Kommun => view! { <pages::kommun::KommunPage/> }.into_any(),
        Route::Agreement => view! { <pages::agreement::AgreementPage/> }.into_any(),
        Route::Areas => view! { <pages::areas::AreasPage/> }.into_any(),
        Route::Area => view! { <pages::areas::AreaPage/> }.into_any(),
        Route::Saved => view! { <pages::saved::SavedPage/> }.into_any(),
        Route::About => view! { <pages::about::AboutPage/> }.into_any(),
        Route::Kiosk => view! { <pages::kiosk::KioskPage/> }.into_any(),
        Route::NotFound => view! { <pages::not_found::NotFoundPage/> }.into_any(),
    }
}

/// Keep the language in step with the stored preference (both ways: another tab may change
/// it), and put language, theme and text size on `<html>`, where CSS and screen readers see them.
fn apply_preferences(store: Store, lang: RwSignal<Lang>) {
    Effect::new(move |_| {
        let code = lang.get().code();
        if store
            .state
            .with_untracked(|s| s.preferences.lang.as_deref() != Some(code))
        {
            store
                .state
                .update(|s| s.preferences.lang = Some(code.to_string()));
        }
    });
    Effect::new(move |_| {
        if let Some(stored) = store
            .state
            .with(|s| s.preferences.lang.as_deref().and_then(Lang::from_code))
        {
            if stored != lang.get_untracked() {
                lang.set(stored);
            }
        }
    });
    Effect::new(move |_| {
        let Some(html) = document().document_element() else {
            return;
        };
        let _ = html.set_attribute("lang", lang.get().code());
        let (theme, size) = store
            .state
            .with(|s| (s.preferences.theme, s.preferences.text_size));
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
                    if let Ok(heading) =
                        wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(heading)
                    {
                        let _ = heading.focus();
                    }
                }
            });
        }
        now
    });
}
