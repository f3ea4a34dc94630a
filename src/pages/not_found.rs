//! Anything the app does not know: a page that says so and offers a way on.

use leptos::prelude::*;
use loften_core::route::Route;

use crate::components::link::Link;
use crate::components::page_frame::PageFrame;
use crate::components::page_meta::PageMeta;
use crate::i18n::{page_lang, td_string};

/// The fallback for unknown paths.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <NotFound detail=String::new()/> }
}

/// "Sidan finns inte", with what was not found and links onward.
#[component]
pub fn NotFound(#[prop(into)] detail: String) -> impl IntoView {
    let lang = page_lang();
    view! {
        <PageMeta title=td_string!(lang, not_found_heading) description=td_string!(lang, not_found_text)/>
        <PageFrame class="page--not-found" heading=td_string!(lang, not_found_heading) lead=td_string!(lang, not_found_text)>
            {(!detail.is_empty()).then(|| view! { <p class="notice">{detail}</p> })}
            <ul class="link-list">
                <li><Link to=Route::home()>{td_string!(lang, go_home)}</Link></li>
                <li><Link to=Route::Kommuner>{td_string!(lang, nav_kommuner)}</Link></li>
                <li><Link to=Route::Areas>{td_string!(lang, nav_areas)}</Link></li>
            </ul>
        </PageFrame>
    }
}
