//! The app: routing, context for data, language and user state, and the frame around every
//! page.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;
use loften_core::storage::{TextSize, Theme};

use chrono::NaiveDate;

use crate::base::{use_base, Base};
use crate::catalog::updates::DataUpdates;
use crate::catalog::Catalog;
use crate::components::layout::Layout;
use crate::components::with_catalog::DataGate;
use crate::device::{use_render, Render, RenderedOn};
use crate::i18n::Lang;
use crate::navigation::ArrivalQuery;
use crate::pages;
use crate::pwa::AppVersion;
use crate::state::Store;

/// What the app starts from, given by whoever starts it: `main.rs` in the browser, the
/// prerender at build time. One typed input, so that nothing the app needs can be missing.
#[derive(Clone)]
pub struct Boot {
    /// How this run began.
    pub render: Render,
    /// The path the app is hosted under.
    pub base: Base,
    /// The data, when it came with the start; without it the app loads it and shows how that
    /// goes.
    pub catalog: Option<Catalog>,
    /// The day the build rendered the page being taken over (or rendered now), shown until the
    /// page is the device's.
    pub rendered_on: Option<NaiveDate>,
    /// The address the visitor arrived at, held back while the build's page is taken over.
    pub arrival: ArrivalQuery,
    /// The build's version, where there is no `<meta name="app-version">` to read it from.
    pub version: Option<AppVersion>,
}

impl Boot {
    /// Make what the app starts from its context, for every part below.
    fn provide(self) {
        provide_context(self.render);
        provide_context(self.base);
        if let Some(date) = self.rendered_on {
            provide_context(RenderedOn(date));
        }
        provide_context(self.arrival);
        if let Some(version) = self.version {
            provide_context(version);
        }
    }
}

/// The whole app: the router with the base path, and every page's title.
#[component]
pub fn App(
    /// What the app starts from.
    boot: Boot,
) -> impl IntoView {
    let base = boot.base.clone();
    let started_with = boot.catalog.clone();
    boot.provide();
    provide_meta_context();
    crate::device::provide_device();
    let visitors = crate::kiosk::provide_visitors();
    let updates = DataUpdates::provide(started_with);
    view! {
        <Title formatter=|page: String| full_title(&page)/>
        // A new app for each visitor of a kiosk; for everyone else, one for the visit, built
        // again only to switch to newer data.
        {move || {
            visitors.0.track();
            // The pages' `catalog::Held` starts from the version shown.
            updates.take_pending_for_build();
            view! { <Router base=base.0.clone()><Shell/></Router> }
        }}
    }
}

/// A page's whole title: its own part, then the app's name.
pub fn full_title(page: &str) -> String {
    if page.is_empty() {
        "Medborgarlöften".to_string()
    } else {
        format!("{page} · Medborgarlöften")
    }
}

/// Context for data, user state, language and kiosk mode, and the page for the address.
#[component]
fn Shell() -> impl IntoView {
    let location = use_location();
    crate::catalog::Held::provide();
    crate::device::provide_today();
    crate::navigation::restore_arrival_query();
    // A kiosk session starts at /kiosk and keeps nothing on the device from then on. The
    // build renders no kiosk pages.
    let kiosk_settings = (use_render() != Render::Prerender)
        .then(|| {
            let path = location.pathname.get_untracked();
            let within = use_base().path_within(&path).to_string();
            crate::state::kiosk_session(&within, &location.search.get_untracked())
        })
        .flatten();
    let kiosk = kiosk_settings.is_some();
    let store = Store::start(kiosk);
    provide_context(store);
    provide_context(crate::pwa::Pwa::start());
    provide_context(crate::kiosk::Kiosk::start(
        kiosk,
        kiosk_settings.unwrap_or_default(),
    ));
    // The stored preference is the language: one source, whichever tab or switch changed it.
    // Until the device's state is read it is a new visitor's, Swedish, as the build rendered.
    let lang = Memo::new(move |_| {
        store
            .state
            .with(|s| {
                s.preferences
                    .lang
                    .as_deref()
                    .and_then(crate::i18n::from_code)
            })
            .unwrap_or_default()
    });
    let choose = Callback::new(move |lang: Lang| {
        let code = crate::i18n::code(lang).to_string();
        store.state.update(|s| s.preferences.lang = Some(code));
    });
    provide_context(crate::i18n::LangContext::new(lang.into(), choose));
    apply_preferences(store, lang);
    crate::components::save::SavedFlags::provide(store);

    focus_on_navigate();
    if !kiosk {
        switch_data_on_navigate();
        crate::catalog::kept_offline::keep_offline(store);
    }
    view! {
        // Switching language rebuilds the page, so labels are plain text, not signals. `get`,
        // not `track`: a memo only tracked has no value yet, and its first computation (when the
        // device's state arrives) would count as a change and redraw the page just hydrated.
        {move || { lang.get(); view! { <Layout><AppRoutes/></Layout> } }}
    }
}

/// The pages. Their paths are a contract that shared links depend on (ARCHITECTURE.md,
/// "Routes"); `loften_core::route::Route` writes every link to them. Every page that shows data
/// sits under one gate that loads what the address needs (`DataGate`); the text about the app
/// shows before any data.
#[component]
fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=pages::not_found::NotFoundPage>
            <ParentRoute path=path!("") view=DataGate>
                <Route path=path!("/") view=pages::home::HomePage/>
                <Route path=path!("/kommuner") view=pages::kommuner::KommunerPage/>
                <Route path=path!("/kommun/:slug") view=pages::kommun::KommunPage/>
                <Route path=path!("/kommun/:slug/sa-gick-det") view=pages::how_it_went::HowItWentPage/>
                <Route path=path!("/medborgarlofte/:id") view=pages::agreement::AgreementPage/>
                <Route path=path!("/omraden") view=pages::areas::AreasPage/>
                <Route path=path!("/omrade/:kommun/:area") view=pages::areas::AreaPage/>
                <Route path=path!("/sparade") view=pages::saved::SavedPage/>
                <Route path=path!("/kiosk") view=pages::kiosk::KioskPage/>
            </ParentRoute>
            <Route path=path!("/om") view=pages::about::AboutPage/>
        </Routes>
    }
}

/// Put language, theme and text size on `<html>`, where CSS and screen readers see them. Set
/// by hand rather than through leptos_meta's `<Html>`, which never removes an attribute it
/// set: a kiosk's next visitor would keep the last one's dark theme.
fn apply_preferences(store: Store, lang: Memo<Lang>) {
    Effect::new(move |_| {
        let Some(html) = document().document_element() else {
            return;
        };
        let _ = html.set_attribute("lang", crate::i18n::code(lang.get()));
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
fn focus_on_navigate() {
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

/// Newer data waiting (`DataUpdates`) is switched to when the visitor goes to another page:
/// the page they were reading never changes under their eyes. A kiosk switches at its idle
/// reset instead.
fn switch_data_on_navigate() {
    let pathname = use_location().pathname;
    let updates = crate::catalog::updates::use_data_updates();
    Effect::new(move |previous: Option<String>| {
        let now = pathname.get();
        if previous.as_ref().is_some_and(|p| *p != now) && updates.pending_untracked() {
            // After this effect: switching builds again the pages this effect belongs to.
            request_animation_frame(move || updates.switch());
        }
        now
    });
}
