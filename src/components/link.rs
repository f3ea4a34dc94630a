//! Links inside the app, built from the core's typed routes.

use leptos::prelude::*;
use leptos_router::components::A;
use loften_core::route::Route;

use crate::base::use_base;

/// A link to a page of the app, at `to`'s path under the base path. The router follows it
/// without a page load: it catches clicks on every link into the app.
#[component]
pub fn Link(
    /// The page it leads to.
    #[prop(into)]
    to: Signal<Route>,
    children: Children,
) -> impl IntoView {
    view! { <a href=href_under_base(to)>{children()}</a> }
}

/// A link in a navigation menu: leptos_router's `<A>`, which marks the link to the page shown
/// with `aria-current="page"`. That costs a memo and a subscription to the address per link,
/// so links in content (result cards, records) are `Link`s. `<A>` leaves an absolute href as
/// it is, so the base is added here.
#[component]
pub fn NavLink(
    /// The page it leads to.
    #[prop(into)]
    to: Signal<Route>,
    /// Current only on exactly that path, not on the pages under it.
    #[prop(optional)]
    exact: bool,
    children: Children,
) -> impl IntoView {
    view! { <A href=href_under_base(to) exact=exact>{children()}</A> }
}

/// `to`'s path under the base path the app is hosted under, following `to`.
fn href_under_base(to: Signal<Route>) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let base = use_base();
    move || to.with(|route| base.href(route))
}
