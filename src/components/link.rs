//! Links inside the app, built from the core's typed routes.

use leptos::prelude::*;
use leptos_router::components::A;
use loften_core::route::Route;

use crate::app::use_base;

/// A link to a page of the app: leptos_router's `<A>` (followed without a page load, with
/// `aria-current="page"` on the page it leads to) at `to`'s path under the base path. `<A>`
/// leaves an absolute href as it is, so the base is added here.
#[component]
pub fn Link(
    /// The page it leads to.
    #[prop(into)]
    to: Signal<Route>,
    /// Current only on exactly that path, not on the pages under it.
    #[prop(optional)]
    exact: bool,
    children: Children,
) -> impl IntoView {
    let base = use_base();
    let href = move || format!("{}{}", base.0, to.with(Route::href));
    view! { <A href=href exact=exact>{children()}</A> }
}
