//! `/om`: what medborgarlöften are, where the data comes from, how current it is, and the
//! accessibility statement. Texts are the project's own, in `locales/`.

use leptos::prelude::*;
use loften_core::views::{coverage, Coverage};

use crate::catalog::use_catalog;
use crate::components::page_meta::PageMeta;
use crate::components::with_catalog::WithCatalog;
use crate::i18n::{page_lang, td_string};

/// How to install: the browser's own offer where there is one, instructions where not.
#[component]
fn InstallSection() -> impl IntoView {
    let lang = page_lang();
    let pwa = crate::pwa::use_pwa();
    // The device is asked once the page is its own; the build writes the general advice.
    let on_device = crate::device::use_on_device();
    let hint = move || {
        if !on_device.get() {
            td_string!(lang, install_other)
        } else if crate::pwa::is_standalone() {
            td_string!(lang, install_done)
        } else if crate::pwa::is_ios() {
            td_string!(lang, install_ios)
        } else {
            td_string!(lang, install_other)
        }
    };
    view! {
        <section class="section" id="installera">
            <h2>{td_string!(lang, install_heading)}</h2>
            <Show when=move || pwa.install_available.get() fallback=move || view! { <p>{hint}</p> }>
                <button type="button" class="button" on:click=move |_| pwa.install()>{td_string!(lang, install_button)}</button>
            </Show>
        </section>
    }
}

/// The about page.
#[component]
pub fn AboutPage() -> impl IntoView {
    let lang = page_lang();
    view! {
        <PageMeta title=td_string!(lang, about_heading) description=td_string!(lang, about_description)/>
        <AboutText/>
    }
}

/// How much the dataset covers, in the interface language.
#[component]
fn DatasetFacts() -> impl IntoView {
    let lang = page_lang();
    let Coverage {
        agreements,
        sources,
        kommuner,
        first_year,
        last_year,
    } = coverage(&use_catalog().data);
    td_string!(
        lang,
        about_coverage,
        agreements = agreements,
        sources = sources,
        kommuner = kommuner,
        first_year = first_year,
        last_year = last_year
    )
    .to_string()
}

/// The page's text: what medborgarlöften are, sources, independence, install, accessibility.
#[component]
fn AboutText() -> impl IntoView {
    let lang = page_lang();
    view! {
        <article class="page page--about">
            <h1 tabindex="-1">{td_string!(lang, about_heading)}</h1>
            <section class="section">
                <h2>{td_string!(lang, about_what_heading)}</h2>
                <p>{td_string!(lang, about_what_1)}</p>
                <p>{td_string!(lang, about_what_2)}</p>
                <p>{td_string!(lang, about_what_3)}</p>
            </section>
            <section class="section">
                <h2>{td_string!(lang, about_sources_heading)}</h2>
                <p>{td_string!(lang, about_sources_text)}</p>
                <p><WithCatalog><DatasetFacts/></WithCatalog></p>
                <crate::components::outbound_link::OutboundLink href="data/medborgarloften.json".to_string() text=td_string!(lang, open_data_link).to_string()/>
                <crate::components::outbound_link::OutboundLink href="data/uppfoljningar.csv".to_string() text=td_string!(lang, open_data_statuses_link).to_string()/>
            </section>
            <section class="section">
                <h2>{td_string!(lang, about_independent_heading)}</h2>
                <p>{td_string!(lang, about_independent_text)}</p>
                <p>{td_string!(lang, footer_privacy)}</p>
            </section>
            {(!crate::kiosk::use_kiosk().enabled).then(|| view! { <InstallSection/> })}
            <section class="section" id="tillganglighet">
                <h2>{td_string!(lang, about_accessibility_heading)}</h2>
                <p>{td_string!(lang, about_accessibility_text)}</p>
            </section>
        </article>
    }
}
