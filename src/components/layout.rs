//! The frame around every page: skip link, header with navigation, main, footer.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use loften_core::route::Route;
use loften_core::storage::{TextSize, Theme};

use crate::components::link::{Link, NavLink};
use crate::components::storage_notice::StorageNoticeView;
use crate::i18n::{page_lang, td_string, use_lang, Lang};
use crate::pwa::use_pwa;
use crate::state::use_store;

/// Header, navigation and footer around the routed page.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let lang = page_lang();
    let languages = use_lang();
    let store = use_store();
    let kiosk = crate::kiosk::use_kiosk();
    let toggle_lang = move |_| languages.switch_to(crate::i18n::next(lang));
    let switch_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = switch_button.get() {
            if languages.take_switched_here() {
                let _ = button.focus();
            }
        }
    });
    // "#main" alone resolves against <base href>, the start page, not the page shown. The
    // browser, not the router, follows it (`target="_self"`): its own jump to a fragment also
    // moves the keyboard's starting point into the content.
    let location = use_location();
    let skip_href = move || {
        let search = location.search.get();
        let mark = if search.is_empty() { "" } else { "?" };
        format!("{}{mark}{search}#main", location.pathname.get())
    };
    view! {
        <a class="skip-link" href=skip_href target="_self">{td_string!(lang, skip_to_content)}</a>
        <header class="site-header">
            <div class="site-header__inner">
                // In a kiosk the name leads to the kiosk's start, never out of the kiosk.
                <Link to=Signal::derive(move || if kiosk.enabled { Route::Kiosk(kiosk.config.get()) } else { Route::home() }) attr:class="brand">
                    <span class="brand__mark" aria-hidden="true"></span>
                    <span class="brand__name">"Medborgarlöften"</span>
                </Link>
                <nav aria-label=td_string!(lang, nav_label) class="site-nav">
                    <ul>
                        <li><NavLink to=Route::home() exact=true>{td_string!(lang, nav_search)}</NavLink></li>
                        <li><NavLink to=Route::Kommuner>{td_string!(lang, nav_kommuner)}</NavLink></li>
                        <li><NavLink to=Route::Areas>{td_string!(lang, nav_areas)}</NavLink></li>
                        <li><NavLink to=Route::Saved { share: None }>{td_string!(lang, nav_saved)}<span class="nav-count" aria-hidden=move || (store.count() == 0).to_string()>{move || store.count()}</span></NavLink></li>
                        <li><NavLink to=Route::About>{td_string!(lang, nav_about)}</NavLink></li>
                    </ul>
                </nav>
                {kiosk.enabled.then(|| view! {
                    <Link to=Signal::derive(move || Route::Kiosk(kiosk.config.get())) attr:class="button kiosk-home">{td_string!(lang, kiosk_to_start)}</Link>
                })}
                <button type="button" class="lang-switch" node_ref=switch_button on:click=toggle_lang
                    lang=crate::i18n::code(crate::i18n::next(lang))>
                    // Offered in the language it switches to, as each file words it.
                    {td_string!(crate::i18n::next(lang), switch_language)}
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
            <p>{td_string!(lang, footer_not_official)}</p>
            <p>{td_string!(lang, footer_privacy)}" "<Link to=Route::About>{td_string!(lang, nav_about)}</Link></p>
            <Preferences/>
            <DataDate/>
            <p class="version">{td_string!(lang, version)}" "{crate::pwa::app_version()}</p>
        </footer>
    }
}

/// "Ny version finns", offline, and data from the device's copy: what the person should know
/// about the app itself, above every page.
#[component]
fn AppBanners() -> impl IntoView {
    let lang = page_lang();
    let pwa = use_pwa();
    let on_device = crate::device::use_on_device();
    let from_copy =
        move || on_device.get() && crate::catalog::loaded_catalog().is_some_and(|c| c.from_copy);
    let updates = crate::catalog::updates::use_data_updates();
    let kiosk = crate::kiosk::use_kiosk().enabled;
    view! {
        <div class="banners" role="status" aria-live="polite">
            <Show when=move || pwa.update_ready.get()>
                <div class="banner banner--update">
                    <span>{td_string!(lang, update_ready)}</span>
                    <button type="button" class="button button--small" on:click=move |_| pwa.apply_update()>{td_string!(lang, update_apply)}</button>
                </div>
            </Show>
            <Show when=move || !pwa.online.get()>
                <div class="banner banner--offline">{move || offline_text(lang)}</div>
            </Show>
            <Show when=from_copy>
                <div class="banner banner--offline">{td_string!(lang, data_from_copy)}</div>
            </Show>
            <Show when=move || !kiosk && updates.pending()>
                <div class="banner banner--update">
                    <span>{move || updates.pending_date().map(|day| td_string!(lang, data_newer, date = crate::i18n::date(lang, day)).to_string())}</span>
                    <button type="button" class="button button--small" on:click=move |_| updates.switch()>{td_string!(lang, data_show)}</button>
                </div>
            </Show>
            <Show when=move || updates.needs_app_update.get()>
                <div class="banner banner--offline">{td_string!(lang, data_needs_app_update)}</div>
            </Show>
        </div>
    }
}

/// Offline: that the device's data is what is shown, and, where it keeps only part of it (the
/// kommuner read, followed and saved from), how much: search and the lists cover that part.
fn offline_text(lang: Lang) -> String {
    match crate::catalog::loaded_catalog().filter(|c| c.kept_only) {
        Some(catalog) => {
            let (held, all) = catalog.coverage.kommuner();
            td_string!(lang, offline_part, held = held, all = all).to_string()
        }
        None => td_string!(lang, offline).to_string(),
    }
}

/// The day the data shown was published, on every page.
#[component]
fn DataDate() -> impl IntoView {
    let lang = page_lang();
    // Tracked: a page the build did not render gets its data after the frame is drawn.
    let date = Memo::new(|_| crate::catalog::loaded_catalog().map(|c| c.edition.date));
    move || {
        date.get().map(|date| {
            let day = crate::i18n::date(lang, date);
            view! { <p class="data-date">{td_string!(lang, data_date, date = day).to_string()}</p> }
        })
    }
}

/// Text size and light or dark, kept with the other preferences.
#[component]
fn Preferences() -> impl IntoView {
    let lang = page_lang();
    let store = use_store();
    let sizes = TextSize::ALL
        .into_iter()
        .zip([
            td_string!(lang, text_size_normal),
            td_string!(lang, text_size_large),
            td_string!(lang, text_size_larger),
        ])
        .map(|(s, name)| (s.code(), name));
    let themes = Theme::ALL
        .into_iter()
        .zip([
            td_string!(lang, theme_system),
            td_string!(lang, theme_light),
            td_string!(lang, theme_dark),
        ])
        .map(|(s, name)| (s.code(), name));
    view! {
        <div class="preferences">
            {preference_select("pref-size", td_string!(lang, text_size), sizes.collect(), move || store.state.with(|s| s.preferences.text_size.code()), move |code| {
                store.state.update(|s| s.preferences.text_size = TextSize::from_code(&code));
            })}
            {preference_select("pref-theme", td_string!(lang, theme), themes.collect(), move || store.state.with(|s| s.preferences.theme.code()), move |code| {
                store.state.update(|s| s.preferences.theme = Theme::from_code(&code));
            })}
        </div>
    }
}

/// A labelled select of (code, name) options showing `current` and calling `choose`.
fn preference_select(
    id: &'static str,
    label: &'static str,
    options: Vec<(&'static str, &'static str)>,
    current: impl Fn() -> &'static str + Copy + Send + Sync + 'static,
    choose: impl Fn(String) + 'static,
) -> impl IntoView {
    view! {
        <div class="filter">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| choose(event_target_value(&ev))>
                {options.into_iter().map(|(code, name)| view! { <option value=code selected=move || current() == code>{name}</option> }).collect_view()}
            </select>
        </div>
    }
}
