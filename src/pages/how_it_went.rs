//! `/kommun/:slug/sa-gick-det`: for a medborgardialog, what a kommun's last agreement
//! promised and what its follow-ups say, and what the current one promises, on one printed A4
//! page with a QR code to the kommun's page. A kiosk shows it as it is.

use leptos::prelude::*;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;
use loften_core::route::{Feed, Route};
use loften_core::views::how_it_went;
use loften_core::{Agreement, Kommun};

use crate::catalog::use_catalog;
use crate::components::follow_up::{AgreementOutcome, Detail};
use crate::components::link::Link;
use crate::components::page_meta::PageMeta;
use crate::components::qr::QrCode;
use crate::i18n::{page_lang, td_string};
use crate::pages::not_found::NotFound;

/// `/kommun/:slug/sa-gick-det`
#[derive(Params, Clone, Debug, PartialEq)]
struct HowItWentParams {
    slug: Option<String>,
}

/// The page for a medborgardialog.
#[component]
pub fn HowItWentPage() -> impl IntoView {
    let params = use_params::<HowItWentParams>();
    let lang = page_lang();
    view! {
        {move || {
            let slug = params.read().as_ref().ok().and_then(|p| p.slug.clone()).unwrap_or_default();
            match use_catalog().data.kommun_by_slug(&slug).cloned() {
                Some(kommun) => view! { <HowItWentView kommun=kommun/> }.into_any(),
                None => view! { <NotFound detail=td_string!(lang, not_found_kommun, id = &slug).to_string()/> }
                    .into_any(),
            }
        }}
    }
}

#[component]
fn HowItWentView(kommun: Kommun) -> impl IntoView {
    let lang = page_lang();
    let data = use_catalog().data;
    let today = crate::device::use_today();
    let kommun_route = Route::Kommun {
        slug: kommun.slug.clone(),
    };
    let kommun_url = crate::device::use_public_url(kommun_route.clone());
    let feed = Feed::of_kommun(&data, &kommun.slug);
    // Printing needs the app, and a kiosk has no printer.
    let can_print = !crate::kiosk::use_kiosk().enabled;
    let on_device = crate::device::use_on_device();
    let name = kommun.name.clone();
    let title = td_string!(lang, how_it_went_title, kommun = &name).to_string();
    let lead = td_string!(lang, how_it_went_lead, kommun = &name).to_string();
    let short_name = kommun.short_name.clone();
    let sections = move || {
        let went = how_it_went(&data, &short_name, today.get());
        let (ended, current): (Option<Agreement>, Option<Agreement>) =
            (went.ended.cloned(), went.current.cloned());
        view! {
            <section class="section how-it-went__ended">
                {match ended {
                    Some(a) => {
                        let heading = td_string!(lang, how_it_went_ended, period = a.period.label()).to_string();
                        view! { <AgreementOutcome heading=heading agreement=a detail=Detail::Activities/> }.into_any()
                    }
                    None => view! {
                        <h2>{td_string!(lang, how_it_went)}</h2>
                        <p>{td_string!(lang, how_it_went_no_ended)}</p>
                    }.into_any(),
                }}
            </section>
            <section class="section how-it-went__current">
                {match current {
                    Some(a) => {
                        let heading = td_string!(lang, how_it_went_current, period = a.period.label()).to_string();
                        view! { <AgreementOutcome heading=heading agreement=a detail=Detail::Promises/> }.into_any()
                    }
                    None => view! { <p>{td_string!(lang, how_it_went_no_current)}</p> }.into_any(),
                }}
            </section>
        }
    };
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <PageMeta title=title.clone() description=lead.clone() feed=feed/>
        <article class="page page--how-it-went">
            <p class="breadcrumbs"><Link to=Route::Kommuner>{td_string!(lang, nav_kommuner)}</Link>" › "<Link to=kommun_route>{kommun.name.clone()}</Link></p>
            <div class="page__head">
                <h1 tabindex="-1">{title}</h1>
                {can_print.then(|| view! {
                    <Show when=move || on_device.get()>
                        <button type="button" class="button button--secondary" on:click=print>{td_string!(lang, print)}</button>
                    </Show>
                })}
            </div>
            <p class="lead">{lead}</p>
            // Before the sections, so that on paper it stands in their corner.
            <aside class="how-it-went__more">
                <p>{td_string!(lang, how_it_went_more, kommun = &name)}</p>
                {move || view! { <QrCode url=kommun_url.get() label=td_string!(lang, how_it_went_qr, kommun = &name).to_string()/> }}
            </aside>
            {sections}
        </article>
    }
}
