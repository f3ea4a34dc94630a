//! A small router on the History API, in place of leptos_router (which cost about 33 KB of
//! the compressed wasm), with the names the pages used before: `components::A`,
//! `hooks::{use_location, use_navigate, use_params_map, use_query_map}` and
//! `NavigateOptions`. Which route a path is, the base path, which clicks to follow and which
//! link is current are decided in `loften_core::url`, tested natively; this is the browser
//! side.
//!
//! - The path within the app (without the base) and the query string are signals.
//!   `routes` shows the page for the path: a page is rebuilt when the route changes, not
//!   when only its parameters or query string do (it reads those as signals).
//! - Clicks on links into the app are caught at the window, as leptos_router did, unless a
//!   modifier key, `target`, `download` or `rel="external"` leaves them to the browser (and
//!   `in_app_link` says which ones stay inside the app). `popstate` follows Back and Forward.

use std::sync::OnceLock;

use leptos::ev;
use leptos::prelude::*;
use loften_core::url::{self, Params, Route};
use wasm_bindgen::{JsCast, JsValue};

static BASE: OnceLock<String> = OnceLock::new();

/// The path the app is served under: "" at the root, "/medborgarloften" under a sub-path.
pub fn base() -> &'static str {
    BASE.get().map_or("", String::as_str)
}

/// Read from `<base href>`, which Trunk writes from `public_url`, so one build can be hosted
/// wherever its `public_url` says.
fn base_from_document() -> String {
    let base = document()
        .base_uri()
        .ok()
        .flatten()
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default();
    base.trim_end_matches('/').to_string()
}

/// Where the app is: the path within it and the query string ("?q=…" or "").
#[derive(Clone, Copy)]
pub struct Router {
    pub path: RwSignal<String>,
    pub search: RwSignal<String>,
}

/// The address bar's path within the app (a path outside the base, as it is: not found)
/// and query string.
fn address() -> (String, String) {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let path = url::strip_base(base(), &path).unwrap_or(&path).to_string();
    (path, location.search().unwrap_or_default())
}

impl Router {
    /// Go to `to`, a path within the app with its query string and fragment.
    fn go(self, to: &str, options: &NavigateOptions) {
        let to = format!("{}{to}", base());
        let location = window().location();
        let here = [location.pathname(), location.search(), location.hash()]
            .map(Result::unwrap_or_default)
            .concat();
        let history = window().history().expect("history");
        // The same address again adds no history entry.
        let _ = if options.replace || to == here {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&to))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(&to))
        };
        self.sync();
        if options.scroll {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    }

    /// Read the address bar into the signals: the path first, so the page is switched before
    /// anything reacts to the query string; only what changed notifies.
    fn sync(self) {
        let (path, search) = address();
        if self.path.with_untracked(|p| *p != path) {
            self.path.set(path);
        }
        if self.search.with_untracked(|s| *s != search) {
            self.search.set(search);
        }
    }
}

/// Start routing: the base from the document, the address as signals in context, and the
/// listeners for link clicks and Back and Forward (for the life of the page).
pub fn provide_router() -> Router {
    let _ = BASE.set(base_from_document());
    let (path, search) = address();
    let router = Router {
        path: RwSignal::new(path),
        search: RwSignal::new(search),
    };
    provide_context(router);
    let _ = window_event_listener(ev::popstate, move |_| router.sync());
    let _ = window_event_listener(ev::click, move |ev| {
        if let Some(to) = followed_link(&ev) {
            ev.prevent_default();
            router.go(&to, &NavigateOptions::default());
        }
    });
    router
}

/// Where a click on a link goes within the app, or None when the browser should follow it.
fn followed_link(ev: &web_sys::MouseEvent) -> Option<String> {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.alt_key()
        || ev.ctrl_key()
        || ev.shift_key()
    {
        return None;
    }
    let anchor = ev
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??;
    let anchor = anchor.dyn_into::<web_sys::HtmlAnchorElement>().ok()?;
    let leave = !matches!(anchor.target().as_str(), "" | "_self")
        || anchor.has_attribute("download")
        || anchor
            .rel()
            .split_ascii_whitespace()
            .any(|r| r.eq_ignore_ascii_case("external"));
    let location = window().location();
    if leave || anchor.origin() != location.origin().ok()? {
        return None;
    }
    let here = (location.pathname().ok()?, location.search().ok()?);
    url::in_app_link(
        base(),
        (&anchor.pathname(), &anchor.search(), &anchor.hash()),
        (&here.0, &here.1),
    )
}

fn use_router() -> Router {
    expect_context::<Router>()
}

/// What a page reads of the address: its route's parameters and the query string. Both stop
/// following the address once another page is on its way in, so a page on its way out never
/// renders again for the next page's address.
#[derive(Clone, Copy)]
struct PageAddress {
    params: Memo<Params>,
    search: Memo<String>,
}

/// The page for the path: `view` of its route, rebuilt when the route changes.
pub fn routes(view: fn(Route) -> AnyView) -> impl IntoView {
    let router = use_router();
    let matched = Memo::new(move |_| router.path.with(|path| Route::of(path)));
    let route = Memo::new(move |_| matched.with(|m| m.0));
    move || {
        let this = route.get();
        let params = Memo::new(move |prev: Option<&Params>| {
            matched.with(|(route, params)| {
                if *route == this {
                    params.clone()
                } else {
                    prev.cloned().unwrap_or_default()
                }
            })
        });
        let search = Memo::new(move |prev: Option<&String>| {
            if route.get() == this {
                router.search.get()
            } else {
                prev.cloned().unwrap_or_default()
            }
        });
        provide_context(PageAddress { params, search });
        view(this)
    }
}

#[derive(Debug, Clone)]
pub struct NavigateOptions {
    /// Replace the current history entry instead of adding one.
    pub replace: bool,
    /// Scroll to the top afterwards (the default).
    pub scroll: bool,
}

impl Default for NavigateOptions {
    fn default() -> Self {
        NavigateOptions {
            replace: false,
            scroll: true,
        }
    }
}

pub mod hooks {
    use super::*;

    /// The path within the app and the query string (the page's, inside a page).
    #[derive(Clone, Copy)]
    pub struct Location {
        pub pathname: Signal<String>,
        pub search: Signal<String>,
    }

    pub fn use_location() -> Location {
        let router = use_router();
        let search =
            use_context::<PageAddress>().map_or(router.search.into(), |page| page.search.into());
        Location {
            pathname: router.path.into(),
            search,
        }
    }

    /// Navigate to a path within the app (without the base), with its query string.
    pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone + Send + Sync + 'static {
        let router = use_router();
        move |to: &str, options: NavigateOptions| router.go(to, &options)
    }

    /// The parameters of the page's route (`:slug` in "/kommun/:slug").
    pub fn use_params_map() -> Memo<Params> {
        expect_context::<PageAddress>().params
    }

    /// The pairs of the query string.
    pub fn use_query_map() -> Memo<Params> {
        let search = use_location().search;
        Memo::new(move |_| Params(search.with(|s| url::parse_query(s))))
    }
}

pub mod components {
    use super::*;

    /// An href: a string, or a closure that gives one.
    pub trait ToHref {
        fn to_href(&self) -> String;
    }

    impl ToHref for String {
        fn to_href(&self) -> String {
            self.clone()
        }
    }

    impl ToHref for &'static str {
        fn to_href(&self) -> String {
            self.to_string()
        }
    }

    impl<F: Fn() -> String> ToHref for F {
        fn to_href(&self) -> String {
            self()
        }
    }

    /// A link within the app (an href with the base, from `app::link_to`), with
    /// `aria-current="page"` when it leads to the page shown: that path, or without `exact`
    /// also a page under it.
    #[component]
    pub fn A<H: ToHref + Send + Sync + 'static>(
        href: H,
        #[prop(optional)] exact: bool,
        children: Children,
    ) -> impl IntoView {
        let router = use_router();
        let href = StoredValue::new(href);
        let current = move || {
            let href = href.with_value(ToHref::to_href);
            let within = url::strip_base(base(), &href).map(str::to_string);
            router
                .path
                .with(|here| within.is_some_and(|to| url::is_current(here, &to, exact)))
                .then_some("page")
        };
        view! { <a href=move || href.with_value(ToHref::to_href) aria-current=current>{children()}</a> }
    }
}
