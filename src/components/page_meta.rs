//! What a page says about itself to the browser, search engines and link previews.

use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use loften_core::route::Feed;

use crate::i18n::{page_lang, td_string};

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

/// The page's `<title>` (the app's name is added by `App`'s formatter), its
/// `<meta name="description">` and the Atom feed of what it shows.
#[component]
pub fn PageMeta(
    /// The page's own part of the title; empty on the start page.
    #[prop(into)]
    title: String,
    /// One or two sentences on what the page holds.
    #[prop(into)]
    description: String,
    /// The feed of what the page shows; everything's when not given.
    #[prop(optional)]
    feed: Option<Feed>,
) -> impl IntoView {
    let lang = page_lang();
    let feed_href = format!(
        "{}/{}",
        crate::base::use_base().0,
        feed.unwrap_or(Feed::All).path()
    );
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
        <Link rel="alternate" type_="application/atom+xml" href=feed_href title=td_string!(lang, feed_title)/>
    }
}
