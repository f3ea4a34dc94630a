//! The frame around every page: skip link, header with navigation, main, footer.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{use_lang, use_texts, Lang};

/// Header, navigation and footer around the routed page.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let toggle_lang = move |_| lang.update(|l| *l = if *l == Lang::Sv { Lang::En } else { Lang::Sv });
    view! {
        <a class="skip-link" href="#main">{move || t.get().skip_to_content}</a>
        <header class="site-header">
            <div class="site-header__inner">
                <A href="/" attr:class="brand">
                    <span class="brand__mark" aria-hidden="true"></span>
                    <span class="brand__name">"Medborgarlöften"</span>
                </A>
                <nav aria-label=move || t.get().nav_label class="site-nav">
                    <ul>
                        <li><A href="/" exact=true>{move || t.get().nav_search}</A></li>
                        <li><A href="/kommuner">{move || t.get().nav_kommuner}</A></li>
                        <li><A href="/omraden">{move || t.get().nav_areas}</A></li>
                        <li><A href="/om">{move || t.get().nav_about}</A></li>
                    </ul>
                </nav>
                <button type="button" class="lang-switch" on:click=toggle_lang
                    lang=move || if lang.get() == Lang::Sv { "en" } else { "sv" }
                    aria-label=move || t.get().switch_language_to>
                    {move || t.get().switch_language}
                </button>
            </div>
        </header>
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>{move || t.get().footer_not_official}</p>
            <p>{move || t.get().footer_privacy}" "<A href="/om">{move || t.get().nav_about}</A></p>
        </footer>
    }
}

/// Set the document's title: "<page> · Medborgarlöften".
pub fn set_title(page: &str) {
    let title = if page.is_empty() { "Medborgarlöften".to_string() } else { format!("{page} · Medborgarlöften") };
    document().set_title(&title);
}
