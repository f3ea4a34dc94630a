//! `/omraden` and `/omrade/:kommun/:area`: the places promises name, without a map.

use leptos::prelude::*;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;
use loften_core::route::Route;
use loften_core::views::{area_mention_counts, area_mentions, areas_by_kommun};
use loften_core::{Activity, AreaKind, Dataset, Promise};

use crate::catalog::use_catalog;
use crate::components::link::Link;
use crate::components::page_frame::PageFrame;
use crate::components::page_meta::PageMeta;
use crate::components::record::{ActivityItem, PromiseItem};
use crate::i18n::{page_lang, td_string, Lang};

fn kind_name(lang: Lang, kind: AreaKind) -> &'static str {
    match kind {
        AreaKind::Stadsdel => td_string!(lang, area_kind_stadsdel),
        AreaKind::Ort => td_string!(lang, area_kind_ort),
        AreaKind::Centrum => td_string!(lang, area_kind_centrum),
        AreaKind::Plats => td_string!(lang, area_kind_plats),
    }
}

/// An area as the listing shows it: (id, name, kind, how many records name it).
type AreaRow = (String, String, AreaKind, usize);

/// What one agreement says about an area, owned so the view can keep it.
struct AreaMention {
    agreement_id: String,
    heading: String,
    promises: Vec<Promise>,
    activities: Vec<Activity>,
}

fn owned_mentions(data: &Dataset, area_id: &str) -> Vec<AreaMention> {
    area_mentions(data, area_id)
        .into_iter()
        .map(|m| AreaMention {
            agreement_id: m.agreement.id.clone(),
            heading: m.agreement.heading(),
            promises: m.promises.into_iter().cloned().collect(),
            activities: m.activities.into_iter().cloned().collect(),
        })
        .collect()
}

/// Every agreement's promises and activities that name one area.
fn mention_list(mentions: Vec<AreaMention>) -> impl IntoView {
    mentions
        .into_iter()
        .map(|m| {
            let href = Route::Agreement { id: m.agreement_id };
            view! {
                <div class="mention">
                    <h3 class="mention__agreement" lang="sv"><Link to=href>{m.heading}</Link></h3>
                    <ul class="records">
                        {m.promises.into_iter().map(|p| view! { <li><PromiseItem promise=p/></li> }).collect_view()}
                        {m.activities.into_iter().map(|x| view! { <li><ActivityItem activity=x/></li> }).collect_view()}
                    </ul>
                </div>
            }
        })
        .collect_view()
}

/// The area listing.
#[component]
pub fn AreasPage() -> impl IntoView {
    let lang = page_lang();
    view! {
        <PageMeta title=td_string!(lang, areas_heading) description=td_string!(lang, areas_intro)/>
        <PageFrame class="page--areas" heading=td_string!(lang, areas_heading) lead=td_string!(lang, areas_intro)>
            <AreaListing/>
        </PageFrame>
    }
}

/// Every kommun with areas, and its areas with how often each is named.
#[component]
fn AreaListing() -> impl IntoView {
    let lang = page_lang();
    let data = use_catalog().data;
    let counts = area_mention_counts(&data);
    // (kommun slug, kommun name, [(area id, area name, kind, mentions)])
    let listing: Vec<(String, String, Vec<AreaRow>)> = areas_by_kommun(&data)
        .into_iter()
        .map(|(kommun, areas)| {
            let areas = areas
                .into_iter()
                .map(|area| {
                    (
                        area.id.clone(),
                        area.name.clone(),
                        area.kind,
                        counts.get(area.id.as_str()).copied().unwrap_or(0),
                    )
                })
                .collect();
            (kommun.slug.clone(), kommun.short_name.clone(), areas)
        })
        .collect();
    let groups = listing
            .into_iter()
            .map(|(slug, name, areas)| {
                let heading_id = format!("kommun-{slug}");
                let labelled_by = heading_id.clone();
                view! {
                    <section class="section" aria-labelledby=labelled_by>
                        <h2 id=heading_id><Link to=Route::Kommun { slug }>{name}</Link></h2>
                        <ul class="area-list">
                            {areas.into_iter().map(|(id, name, kind, count)| view! {
                                <li>
                                    <Link to=Route::area(&id)>{name}</Link>
                                    <span class="muted">{format!(" · {} · {count}", kind_name(lang, kind))}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    </section>
                }
            })
            .collect_view();
    groups
}

/// One area with everything that names it.
#[component]
pub fn AreaPage() -> impl IntoView {
    let params = use_params::<AreaParams>();
    view! {
        {move || {
            let AreaParams { kommun, area } = params.get().unwrap_or_default();
            let id = format!("{}/{}", kommun.unwrap_or_default(), area.unwrap_or_default());
            view! { <AreaView id=id/> }
        }}
    }
}

/// `/omrade/:kommun/:area`
#[derive(Params, Clone, Debug, Default, PartialEq)]
struct AreaParams {
    kommun: Option<String>,
    area: Option<String>,
}

/// One area by its id (`<kommun>/<area>`), or "not found".
#[component]
fn AreaView(id: String) -> impl IntoView {
    let lang = page_lang();
    let data = use_catalog().data;
    let Some(area) = data.area(&id).cloned() else {
        return view! { <crate::pages::not_found::NotFound detail=td_string!(lang, not_found_area, id = &id).to_string()/> }.into_any();
    };
    let description = format!(
        "{}, {}: {}.",
        area.name,
        area.kommun,
        td_string!(lang, area_mentions)
    );
    let kommun_slug = data
        .kommun_by_name(&area.kommun)
        .map(|k| k.slug.clone())
        .unwrap_or_default();
    let mentions = owned_mentions(&data, &area.id);
    let empty = mentions.is_empty();
    let kind = area.kind;
    let kommun_name = area.kommun.clone();
    view! {
            <PageMeta title=area.name.clone() description=description/>
            <div class="page page--area">
                <p class="breadcrumbs"><Link to=Route::Areas>{td_string!(lang, nav_areas)}</Link>" › "<Link to=Route::Kommun { slug: kommun_slug }>{area.kommun.clone()}</Link></p>
                <h1 tabindex="-1" lang="sv">{area.name.clone()}</h1>
                <p class="lead">{kind_name(lang, kind)}", "{kommun_name}</p>
                <section class="section">
                    <h2>{td_string!(lang, area_mentions)}</h2>
                    {if empty {
                        view! { <p>{td_string!(lang, area_none)}</p> }.into_any()
                    } else {
                        mention_list(mentions).into_any()
                    }}
                </section>
            </div>
        }
        .into_any()
}
