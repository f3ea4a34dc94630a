//! `/om`: what medborgarlöften are, where the data comes from, how current it is, and the
//! accessibility statement. Texts are the project's own.

use leptos::prelude::*;
use loften_core::views::{coverage, Coverage};

use crate::catalog::use_catalog;
use crate::components::page_meta::PageMeta;
use crate::components::with_catalog::WithCatalog;
use crate::i18n::{use_lang, use_texts, Lang};

/// How to install: the browser's own offer where there is one, instructions where not.
#[component]
fn InstallSection() -> impl IntoView {
    let t = use_texts();
    let pwa = crate::pwa::use_pwa();
    // The device is asked once the page is its own; the build writes the general advice.
    let on_device = crate::device::use_on_device();
    let hint = move || {
        if !on_device.get() {
            t.install_other
        } else if crate::pwa::is_standalone() {
            t.install_done
        } else if crate::pwa::is_ios() {
            t.install_ios
        } else {
            t.install_other
        }
    };
    view! {
        <section class="section" id="installera">
            <h2>{t.install_heading}</h2>
            <Show when=move || pwa.install_available.get() fallback=move || view! { <p>{hint}</p> }>
                <button type="button" class="button" on:click=move |_| pwa.install()>{t.install_button}</button>
            </Show>
        </section>
    }
}

/// The about page.
#[component]
pub fn AboutPage() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let sv = lang.get_untracked() == Lang::Sv;
    view! {
        <PageMeta title=t.about_heading description=t.about_description/>
        <AboutText sv=sv/>
    }
}

/// How much the dataset covers, in the interface language.
#[component]
fn DatasetFacts() -> impl IntoView {
    let lang = use_lang();
    let Coverage {
        agreements,
        sources,
        kommuner,
        first_year: oldest,
        last_year: newest,
    } = coverage(&use_catalog().data);
    match lang.get_untracked() {
            Lang::Sv => format!(
                "Datamängden har {agreements} medborgarlöften från {sources} källsidor och täcker {kommuner} av Sveriges 290 kommuner, för åren {oldest}–{newest}. \
                 Den är inte komplett: de flesta kommuners medborgarlöften finns ännu inte här."
            ),
            Lang::En => format!(
                "The dataset holds {agreements} agreements from {sources} source pages, covering {kommuner} of Sweden's 290 municipalities, for the years {oldest}–{newest}. \
                 It is not complete: most municipalities' promises are not here yet."
            ),
        }
}

/// The page's text: what medborgarlöften are, sources, independence, install, accessibility.
#[component]
fn AboutText(sv: bool) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    view! {
        <article class="page page--about">
            <h1 tabindex="-1">{t.about_heading}</h1>
            {match lang.get_untracked() {
                Lang::Sv => view! {
                    <section class="section">
                        <h2>"Vad är ett medborgarlöfte?"</h2>
                        <p>"Ett medborgarlöfte är en offentlig överenskommelse mellan ett lokalpolisområde och en kommun. Båda lovar att under en period, ofta ett år, göra konkreta saker för att öka tryggheten och minska brottsligheten där du bor: fler polisiära fotpatruller på kvällar, trygghetsvandringar, tillsyn av krogar, insatser mot narkotika eller för säkrare skolvägar."</p>
                        <p>"Löftena bygger på vad invånare har berättat i medborgardialoger och enkäter, på polisens och kommunens lägesbild och ibland på andra aktörers kunskap, till exempel räddningstjänst och bostadsbolag. Varje löfte har aktiviteter som ska uppfylla det, och arbetet följs upp under perioden."</p>
                        <p>"Här kan du söka bland löftena, se vad som gäller i din kommun och ditt område, spara det du vill följa och läsa allt utan uppkoppling."</p>
                    </section>
                }.into_any(),
                Lang::En => view! {
                    <section class="section">
                        <h2>"What is a medborgarlöfte?"</h2>
                        <p>"A medborgarlöfte (citizen promise) is a public agreement between a local police area and a municipality in Sweden. Both promise to do concrete things, for a period that is often one year, to make people safer and reduce crime where they live: more police on foot in the evenings, safety walks, checks on bars and restaurants, work against drugs or for safer routes to school."</p>
                        <p>"The promises build on what residents said in public dialogues and surveys, on the police's and the municipality's picture of the situation, and sometimes on other organisations such as the fire and rescue service or housing companies. Each promise has activities meant to fulfil it, and the work is followed up during the period."</p>
                        <p>"Here you can search the promises, see what applies in your municipality and neighbourhood, save what you want to follow, and read everything offline."</p>
                    </section>
                }.into_any(),
            }}
            <section class="section">
                <h2>{if sv { "Var uppgifterna kommer ifrån" } else { "Where the data comes from" }}</h2>
                <p>{if sv {
                    "Varje medborgarlöfte här är avskrivet från en publicerad sida, oftast från Polisen, och länkar till källans text. Löftenas och aktiviteternas texter är ordagranna; bara radbrytningar och punkter är borttagna. Det som källan inte säger lämnas tomt, aldrig gissat."
                } else {
                    "Every agreement here is transcribed from a published page, usually from the Swedish Police, and links to the source's text. Promise and activity texts are verbatim (in Swedish); only line breaks and bullets were removed. What the source does not say is left empty, never guessed."
                }}</p>
                <p><WithCatalog><DatasetFacts/></WithCatalog></p>
                <crate::components::qr::OutboundLink href="data/medborgarloften.json".to_string() text=t.open_data_link.to_string()/>
            </section>
            <section class="section">
                <h2>{if sv { "Ingen officiell tjänst" } else { "Not an official service" }}</h2>
                <p>{if sv {
                    "Medborgarlöften är ett fristående projekt. Det är inte en tjänst från Polisen eller någon kommun och använder inte deras logotyper. Vid akut fara, ring 112. För polisen i övrigt, ring 114 14."
                } else {
                    "Medborgarlöften is an independent project. It is not a service of the Swedish Police or any municipality and does not use their logos. In an emergency, call 112. For the police otherwise, call 114 14."
                }}</p>
                <p>{t.footer_privacy}</p>
            </section>
            {(!crate::kiosk::use_kiosk().enabled).then(|| view! { <InstallSection/> })}
            <section class="section" id="tillganglighet">
                <h2>{if sv { "Tillgänglighetsredogörelse" } else { "Accessibility statement" }}</h2>
                <p>{if sv {
                    "Vi vill att alla ska kunna använda Medborgarlöften, med tangentbord, skärmläsare, förstoring eller pekskärm. Målet är WCAG 2.1 nivå AA, som lagen om tillgänglighet till digital offentlig service (DOS-lagen) hänvisar till via EN 301 549. Varje version testas automatiskt med axe-core och med tangentbordsresor i en riktig webbläsare."
                } else {
                    "We want everyone to be able to use Medborgarlöften, with a keyboard, screen reader, magnification or touch screen. The goal is WCAG 2.1 level AA, which Sweden's law on accessible digital public services (DOS-lagen) points to through EN 301 549. Every version is tested automatically with axe-core and with keyboard journeys in a real browser."
                }}</p>
            </section>
        </article>
    }
}
