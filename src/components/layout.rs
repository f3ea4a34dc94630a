//! The frame around every page: skip link, header with navigation, main, footer.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::link_to;

use loften_core::storage::{TextSize, Theme};

use crate::components::storage_notice::StorageNoticeView;
use crate::i18n::{use_lang, use_texts, Lang};
use crate::pwa::use_pwa;
use crate::state::use_store;

/// Header, navigation and footer around the routed page.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let store = use_store();
    let kiosk = crate::kiosk::use_kiosk();
    let toggle_lang = move |_| lang.update(|l| *l = if *l == Lang::Sv { Lang::En } else { Lang::Sv });
    view! {
        <a class="skip-link" href="#main">{t.skip_to_content}</a>
        <header class="site-header">
            <div class="site-header__inner">
                <A href=link_to("/") attr:class="brand">
                    <span class="brand__mark" aria-hidden="true"></span>
                    <span class="brand__name">"Medborgarlöften"</span>
                </A>
                <nav aria-label=t.nav_label class="site-nav">
                    <ul>
                        <li><A href=link_to("/") exact=true>{t.nav_search}</A></li>
                        <li><A href=link_to("/kommuner")>{t.nav_kommuner}</A></li>
                        <li><A href=link_to("/omraden")>{t.nav_areas}</A></li>
                        <li><A href=link_to("/sparade")>{t.nav_saved}<span class="nav-count" aria-hidden=move || (store.count() == 0).to_string()>{move || store.count()}</span></A></li>
                        <li><A href=link_to("/om")>{t.nav_about}</A></li>
                    </ul>
                </nav>
                {kiosk.enabled.then(|| view! {
                    <A href=move || link_to(&kiosk.start_path()) attr:class="button kiosk-home">{t.kiosk_to_start}</A>
                })}
                <button type="button" class="lang-switch" on:click=toggle_lang
                    lang=move || if lang.get() == Lang::Sv { "en" } else { "sv" }>
                    {t.switch_language}
                </button>
            </div>
        </header>
        <AppBanners/>
        {kiosk.enabled.then(|| view! { <crate::kiosk::KioskOverlay/> })}
        <main id="main" tabindex="-1">
            <StorageNoticeView/>
            {children()}
        </main>
        <footer class="site-footer">
            <p>{t.footer_not_official}</p>
            <p>{t.footer_privacy}" "<A href=link_to("/om")>{t.nav_about}</A></p>
            <Preferences/>
            <p class="version">{t.version}" "{crate::pwa::app_version()}</p>
        </footer>
    }
}

/// "Ny version finns", offline, and data from the device's copy: what the person should know
/// about the app itself, above every page.
#[component]
fn AppBanners() -> impl IntoView {
    let t = use_texts();
    let pwa = use_pwa();
    let load = crate::catalog::use_load();
    let from_copy = move || matches!(load.get(), crate::catalog::Load::Ready(c) if c.from_copy);
    view! {
        <div class="banners" role="status" aria-live="polite">
            <Show when=move || pwa.update_ready.get()>
                <div class="banner banner--update">
                    <span>{t.update_ready}</span>
                    <button type="button" class="button button--small" on:click=move |_| pwa.apply_update()>{t.update_apply}</button>
                </div>
            </Show>
            <Show when=move || !pwa.online.get()>
                <div class="banner banner--offline">{t.offline}</div>
            </Show>
            <Show when=from_copy>
                <div class="banner banner--offline">{t.data_from_copy}</div>
            </Show>
        </div>
    }
}

/// Text size and light or dark, kept with the other preferences.
#[component]
fn Preferences() -> impl IntoView {
    let t = use_texts();
    let store = use_store();
    let theme_value = move || match store.state.with(|s| s.preferences.theme) {
        Theme::System => "system",
        Theme::Light => "light",
        Theme::Dark => "dark",
    };
    let size_value = move || match store.state.with(|s| s.preferences.text_size) {
        TextSize::Normal => "normal",
        TextSize::Large => "large",
        TextSize::Larger => "larger",
    };
    let on_theme = move |ev: leptos::ev::Event| {
        let theme = match event_target_value(&ev).as_str() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        };
        store.state.update(|s| s.preferences.theme = theme);
    };
    let on_size = move |ev: leptos::ev::Event| {
        let size = match event_target_value(&ev).as_str() {
            "large" => TextSize::Large,
            "larger" => TextSize::Larger,
            _ => TextSize::Normal,
        };
        store.state.update(|s| s.preferences.text_size = size);
    };
    view! {
        <div class="preferences">
            <div class="filter">
                <label for="pref-size">{t.text_size}</label>
                <select id="pref-size" on:change=on_size prop:value=size_value>
                    <option value="normal" selected=move || size_value() == "normal">{t.text_size_normal}</option>
                    <option value="large" selected=move || size_value() == "large">{t.text_size_large}</option>
                    <option value="larger" selected=move || size_value() == "larger">{t.text_size_larger}</option>
                </select>
            </div>
            <div class="filter">
                <label for="pref-theme">{t.theme}</label>
                <select id="pref-theme" on:change=on_theme prop:value=theme_value>
                    <option value="system" selected=move || theme_value() == "system">{t.theme_system}</option>
                    <option value="light" selected=move || theme_value() == "light">{t.theme_light}</option>
                    <option value="dark" selected=move || theme_value() == "dark">{t.theme_dark}</option>
                </select>
            </div>
        </div>
    }
}

/// Set the document's title: "<page> · Medborgarlöften".
pub fn set_title(page: &str) {
    let title = if page.is_empty() { "Medborgarlöften".to_string() } else { format!("{page} · Medborgarlöften") };
    document().set_title(&title);
}
