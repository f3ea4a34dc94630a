//! `/kommun/:slug`: one kommun's agreements over time, what changed, and its areas.

use leptos::prelude::*;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;
use loften_core::route::{Feed, Route};
use loften_core::views::{areas_of_kommun, how_it_went, kommun_history};
use loften_core::{Agreement, Dataset, Topic};

use crate::catalog::use_catalog;
use crate::components::agreement_card::{AgreementCard, TitleLevel};
use crate::components::follow::FollowButton;
use crate::components::follow_up::{AgreementOutcome, Detail, ReportList};
use crate::components::link::Link;
use crate::components::page_meta::PageMeta;
use crate::i18n::{page_lang, td_string, topic_name, Lang};
use crate::pages::not_found::NotFound;

/// `/kommun/:slug`
#[derive(Params, Clone, Debug, PartialEq)]
struct KommunParams {
    slug: Option<String>,
}

/// The kommun page.
#[component]
pub fn KommunPage() -> impl IntoView {
    let params = use_params::<KommunParams>();
    view! {
        {move || {
            let slug = params.read().as_ref().ok().and_then(|p| p.slug.clone());
            view! { <KommunView slug=slug.unwrap_or_default()/> }
        }}
    }
}

/// One kommun, or "not found" for a slug no kommun has.
#[component]
fn KommunView(slug: String) -> impl IntoView {
    let lang = page_lang();
    let data = use_catalog().data;
    let Some(kommun) = data.kommun_by_slug(&slug).cloned() else {
        return view! { <NotFound detail=td_string!(lang, not_found_kommun, id = &slug).to_string()/> }.into_any();
    };
    let lan = data
        .lan_by_code(&kommun.lan_code)
        .map(|l| l.name.clone())
        .unwrap_or_default();
    // (agreement, topics added, topics dropped, has a previous one)
    let history: Vec<(Agreement, Vec<Topic>, Vec<Topic>, bool)> =
        kommun_history(&data, &kommun.short_name)
            .into_iter()
            .map(|c| {
                (
                    c.agreement.clone(),
                    topics_named(&data, &c.added),
                    topics_named(&data, &c.dropped),
                    c.has_previous,
                )
            })
            .collect();
    let areas: Vec<(Route, String)> = areas_of_kommun(&data, &kommun.short_name)
        .into_iter()
        .map(|a| (Route::area(&a.id), a.name.clone()))
        .collect();
    let has_agreements = !history.is_empty();
    let items = history
            .into_iter()
            .map(|(a, added, dropped, has_previous)| {
                let changes = move || {
                    if !has_previous {
                        view! { <p class="muted">{td_string!(lang, first_in_data)}</p> }.into_any()
                    } else if added.is_empty() && dropped.is_empty() {
                        view! { <p class="muted">{td_string!(lang, no_topic_change)}</p> }.into_any()
                    } else {
                        view! {
                            <dl class="changes" aria-label=td_string!(lang, changes_since_previous)>
                                {(!added.is_empty()).then(|| view! { <div><dt>{td_string!(lang, topics_added)}</dt><dd>{topic_list(&added, lang)}</dd></div> })}
                                {(!dropped.is_empty()).then(|| view! { <div><dt>{td_string!(lang, topics_dropped)}</dt><dd>{topic_list(&dropped, lang)}</dd></div> })}
                            </dl>
                        }.into_any()
                    }
                };
                view! {
                    <li><AgreementCard agreement=a level=TitleLevel::H3 class="timeline__item" body=changes/></li>
                }
            })
            .collect_view();
    let search_href = Route::search_in_kommun(&kommun.slug);
    let today = crate::device::use_today();
    let how_it_went_route = Route::HowItWent {
        slug: kommun.slug.clone(),
    };
    let looking_back = {
        let (data, short_name) = (data.clone(), kommun.short_name.clone());
        move || {
            let ended = how_it_went(&data, &short_name, today.get())
                .ended
                .cloned()?;
            let route = how_it_went_route.clone();
            Some(view! {
                <section class="section how-it-went">
                    <AgreementOutcome heading=td_string!(lang, how_it_went).to_string() agreement=ended.clone() detail=Detail::Tallies/>
                    <ReportList agreement=ended/>
                    <p><Link to=route>{td_string!(lang, how_it_went_page)}</Link></p>
                </section>
            })
        }
    };
    let description = format!(
        "{}, {lan}: {}.",
        kommun.name,
        td_string!(lang, kommun_agreements)
    );
    view! {
            <PageMeta title=kommun.name.clone() description=description feed=Feed::of_kommun(&data, &kommun.slug)/>
            <div class="page page--kommun">
                <p class="breadcrumbs"><Link to=Route::Kommuner>{td_string!(lang, nav_kommuner)}</Link>" › "{lan.clone()}</p>
                <div class="page__head">
                    <h1 tabindex="-1">{kommun.name.clone()}</h1>
                    <FollowButton kommun=kommun.clone()/>
                </div>
                <p class="lead">{lan}</p>
                <section class="section">
                    <h2>{td_string!(lang, kommun_agreements)}</h2>
                    {if has_agreements {
                        view! {
                            <ol class="timeline">{items}</ol>
                            <p><Link to=search_href>{td_string!(lang, search_in_kommun)}</Link></p>
                        }.into_any()
                    } else {
                        view! {
                            <div class="notice">
                                <p>{td_string!(lang, kommun_none)}</p>
                                <p>{td_string!(lang, kommun_where_to_ask)}</p>
                            </div>
                        }.into_any()
                    }}
                </section>
                {looking_back}
                {(!areas.is_empty()).then(move || view! {
                    <section class="section">
                        <h2>{td_string!(lang, kommun_areas)}</h2>
                        <ul class="link-list">
                            {areas.into_iter().map(|(href, name)| view! { <li><Link to=href>{name}</Link></li> }).collect_view()}
                        </ul>
                    </section>
                })}
            </div>
        }
        .into_any()
}

/// The topics of these ids, in the dataset's order.
fn topics_named(data: &Dataset, ids: &[&str]) -> Vec<Topic> {
    ids.iter()
        .filter_map(|id| data.topic(id).cloned())
        .collect()
}

fn topic_list(topics: &[Topic], lang: Lang) -> String {
    topics
        .iter()
        .map(|t| topic_name(t, lang))
        .collect::<Vec<_>>()
        .join(", ")
}
