//! What a page says about itself to the browser, search engines and link previews.

use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// What the page said about itself, for the link-preview tags the build writes beside the
/// page (`src/bin/prerender.rs`). Only the build provides it: a browser has no one to tell.
#[derive(Clone, Debug, Default)]
pub struct PageSummary(pub Arc<Mutex<Option<Summary>>>);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// The page's own part of the title; empty on the start page.
    pub title: String,
    pub description: String,
}

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
    if let Some(PageSummary(summary)) = use_context::<PageSummary>() {
        if let Ok(mut summary) = summary.lock() {
            *summary = Some(Summary {
                title: title.clone(),
                description: description.clone(),
            });
        }
    }
    view! {
        <Title text=title/>
        <Meta name="description" content=description/>
    }
}
