//! What a page says about itself to the browser, search engines and link previews.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// The page's `<title>` (the app's name is added by `App`'s formatter) and its
/// `<meta name="description">`.
#[component]
pub fn PageMeta(
    /// The page's own part of the title; empty on the start page.
    #[prop(into)]
    title: String,
    /// One or two sentences on what the page holds.
    #[prop(into)]
    description: String,
) -> impl IntoView {
    view! {
        <Title text=title/>
        <Meta name="description" content=description/>
    }
}
