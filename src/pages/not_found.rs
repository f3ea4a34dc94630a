//! Anything the app does not know: a page that says so and offers a way on.

use crate::router::components::A;
use leptos::prelude::*;

use crate::app::link_to;

use crate::components::layout::set_title;
use crate::components::page_frame::PageFrame;
use crate::i18n::use_texts;

/// The fallback for unknown paths.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <NotFound detail=String::new()/> }
}

/// "Sidan finns inte", with what was not found and links onward.
#[component]
pub fn NotFound(#[prop(into)] detail: String) -> impl IntoView {
    let t = use_texts();
    set_title(t.not_found_heading);
    view! {
        <PageFrame class="page--not-found" heading=t.not_found_heading lead=t.not_found_text>
            {(!detail.is_empty()).then(|| view! { <p class="notice">{detail}</p> })}
            <ul class="link-list">
                <li><A href=link_to("/")>{t.go_home}</A></li>
                <li><A href=link_to("/kommuner")>{t.nav_kommuner}</A></li>
                <li><A href=link_to("/omraden")>{t.nav_areas}</A></li>
            </ul>
        </PageFrame>
    }
}
