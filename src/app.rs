//! The router and the frame around every page.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::catalog::provide_catalog;
use crate::components::layout::Layout;
use crate::i18n::Lang;
use crate::pages;

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
    let lang = RwSignal::new(Lang::Sv);
    provide_context(lang);
    // <html lang> follows the interface language, for screen readers and hyphenation.
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.get().code());
        }
    });

    view! {
        <Router base=base_path()>
            <FocusOnNavigate/>
            <Layout>
                <Routes fallback=pages::not_found::NotFoundPage>
                    <Route path=path!("") view=pages::home::HomePage/>
                    <Route path=path!("kommuner") view=pages::kommuner::KommunerPage/>
                    <Route path=path!("kommun/:slug") view=pages::kommun::KommunPage/>
                    <Route path=path!("medborgarlofte/:id") view=pages::agreement::AgreementPage/>
                    <Route path=path!("omraden") view=pages::areas::AreasPage/>
                    <Route path=path!("omrade/:kommun/:area") view=pages::areas::AreaPage/>
                    <Route path=path!("om") view=pages::about::AboutPage/>
                </Routes>
            </Layout>
        </Router>
    }
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
