//! `/kiosk`: the kiosk's start: "Vad har polis och kommun lovat?", a kommun picker, and the
//! chosen kommun's promises in large type. `?kommun=` opens straight on a kommun.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query};
use leptos_router::params::Params;
use leptos_router::NavigateOptions;
use loften_core::kiosk::KioskConfig;
use loften_core::route::Route;
use loften_core::views::kommun_history;
use loften_core::Agreement;

use crate::catalog::use_catalog;
use crate::components::agreement_card::{AgreementCard, TitleLevel};
use crate::components::link::Link;
use crate::components::page_frame::PageFrame;
use crate::components::page_meta::PageMeta;
use crate::i18n::{page_lang, td_string};
use crate::kiosk::use_kiosk;

/// `/kiosk?kommun=…`: the visitor's choice.
#[derive(Params, Clone, Debug, PartialEq)]
struct KioskQuery {
    kommun: Option<String>,
}

/// The kiosk start page.
#[component]
pub fn KioskPage() -> impl IntoView {
    let lang = page_lang();
    view! {
        <PageMeta title=td_string!(lang, kiosk_heading) description=td_string!(lang, kiosk_intro)/>
        <KioskStart/>
    }
}

/// The picker and the chosen kommun's promises.
#[component]
fn KioskStart() -> impl IntoView {
    let lang = page_lang();
    let query = use_query::<KioskQuery>();
    let kiosk = use_kiosk();
    let navigate = use_navigate();
    let data = use_catalog().data;
    move || {
        let data = data.clone();
        // The visitor's choice (in the URL) or the meeting's kommun.
        let chosen = query
            .with(|q| q.as_ref().ok().and_then(|q| q.kommun.clone()))
            .or_else(|| kiosk.config.with(|c| c.kommun.clone()));
        let kommun = chosen.and_then(|slug| data.kommun_by_slug(&slug).cloned());
        let counts = data.agreement_counts();
        let with_data: Vec<(String, String)> = data
            .kommuner
            .iter()
            .filter(|k| counts.contains_key(k.short_name.as_str()))
            .map(|k| (k.slug.clone(), k.short_name.clone()))
            .collect();
        let all: Vec<(String, String)> = data
            .kommuner
            .iter()
            .map(|k| (k.slug.clone(), k.short_name.clone()))
            .collect();
        let navigate = navigate.clone();
        let pick = move |slug: String| {
            let choice = KioskConfig {
                kommun: Some(slug),
                ..KioskConfig::default()
            };
            navigate(&Route::Kiosk(choice).href(), NavigateOptions::default())
        };
        let pick_from_select = {
            let pick = pick.clone();
            move |ev: leptos::ev::Event| {
                let slug = event_target_value(&ev);
                if !slug.is_empty() {
                    pick(slug);
                }
            }
        };
        let selected = kommun.as_ref().map(|k| k.slug.clone()).unwrap_or_default();
        let agreements: Vec<Agreement> = kommun
            .as_ref()
            .map(|k| {
                kommun_history(&data, &k.short_name)
                    .into_iter()
                    .map(|c| c.agreement.clone())
                    .collect()
            })
            .unwrap_or_default();
        view! {
            <PageFrame class="page--kiosk" heading=td_string!(lang, kiosk_heading) lead=td_string!(lang, kiosk_intro)>
                <section class="kiosk-picker" aria-labelledby="kiosk-pick">
                    <h2 id="kiosk-pick">{td_string!(lang, kiosk_pick)}</h2>
                    <p class="muted">{td_string!(lang, kiosk_with_data)}</p>
                    <ul class="kiosk-picker__list">
                        {with_data.into_iter().map(|(slug, name)| {
                            let pick = pick.clone();
                            let current = slug == selected;
                            view! {
                                <li><button type="button" class="button kiosk-picker__button" aria-pressed=current.to_string() on:click=move |_| pick(slug.clone())>{name}</button></li>
                            }
                        }).collect_view()}
                    </ul>
                    <div class="filter kiosk-picker__all">
                        <label for="kiosk-kommun">{td_string!(lang, kiosk_pick)}</label>
                        <select id="kiosk-kommun" on:change=pick_from_select>
                            <option value="" selected=selected.is_empty()>"—"</option>
                            {all.into_iter().map(|(slug, name)| {
                                let is_selected = slug == selected;
                                view! { <option value=slug selected=is_selected>{name}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                </section>
                {kommun.map(|k| {
                    let none = agreements.is_empty();
                    view! {
                        <section class="section kiosk-kommun" aria-labelledby="kiosk-kommun-heading">
                            <h2 id="kiosk-kommun-heading">{k.name.clone()}</h2>
                            {if none {
                                view! { <p class="notice">{td_string!(lang, kommun_none)}" "{td_string!(lang, kommun_where_to_ask)}</p> }.into_any()
                            } else {
                                view! { <ol class="kiosk-agreements">{agreements.into_iter().map(|a| view! { <li><KioskAgreement agreement=a/></li> }).collect_view()}</ol> }.into_any()
                            }}
                            <p><Link to=Route::search_in_kommun(&k.slug)>{td_string!(lang, kiosk_search_all)}</Link></p>
                        </section>
                    }
                })}
            </PageFrame>
        }
    }
}

/// One agreement in large type: its promises (or, when it has none, its commitments).
#[component]
fn KioskAgreement(agreement: Agreement) -> impl IntoView {
    let lang = page_lang();
    let a = agreement;
    let texts: Vec<String> = if a.promises.is_empty() {
        a.activities.iter().map(|x| x.text.clone()).collect()
    } else {
        a.promises.iter().map(|p| p.text.clone()).collect()
    };
    let href = Route::Agreement { id: a.id.clone() };
    let promises = move || view! { <ul class="kiosk-promises">{texts.iter().map(|text| view! { <li lang="sv">{text.clone()}</li> }).collect_view()}</ul> };
    view! {
        <AgreementCard agreement=a level=TitleLevel::H3 linked=false class="kiosk-card" body=promises>
            <p><Link to=href>{td_string!(lang, kiosk_open_agreement)}</Link></p>
        </AgreementCard>
    }
}
