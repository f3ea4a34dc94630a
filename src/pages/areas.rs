//! `/omraden` and `/omrade/:kommun/:area`: the places promises name, without a map.

use std::sync::Arc;

use crate::router::components::A;
use leptos::prelude::*;

use crate::app::link_to;
use crate::router::hooks::use_params_map;
use loften_core::views::{area_mention_counts, area_mentions, areas_by_kommun};
use loften_core::{Activity, AreaKind, Dataset, Promise};

use crate::components::layout::set_title;
use crate::components::page_frame::PageFrame;
use crate::components::record::{ActivityItem, PromiseItem};
use crate::components::with_catalog::with_catalog;
use crate::i18n::{use_texts, Texts};

fn kind_name(t: &Texts, kind: AreaKind) -> &'static str {
    match kind {
        AreaKind::Stadsdel => t.area_kind_stadsdel,
        AreaKind::Ort => t.area_kind_ort,
        AreaKind::Centrum => t.area_kind_centrum,
        AreaKind::Plats => t.area_kind_plats,
    }
}

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
            heading: format!(
                "{} – {} ({})",
                m.agreement.title,
                m.agreement.kommuner.join(", "),
                m.agreement.period.label()
            ),
            promises: m.promises.into_iter().cloned().collect(),
            activities: m.activities.into_iter().cloned().collect(),
        })
        .collect()
}

/// Every agreement's promises and activities that name one area.
fn mention_list(data: Arc<Dataset>, mentions: Vec<AreaMention>) -> impl IntoView {
    mentions
        .into_iter()
        .map(|m| {
            let href = format!("/medborgarlofte/{}", m.agreement_id);
            view! {
                <div class="mention">
                    <h3 class="mention__agreement" lang="sv"><A href=link_to(&href)>{m.heading}</A></h3>
                    <ul class="records">
                        {m.promises.into_iter().map(|p| view! { <li><PromiseItem data=data.clone() promise=p/></li> }).collect_view()}
                        {m.activities.into_iter().map(|x| view! { <li><ActivityItem data=data.clone() activity=x/></li> }).collect_view()}
                    </ul>
                </div>
            }
        })
        .collect_view()
}

/// The area listing.
#[component]
pub fn AreasPage() -> impl IntoView {
    let t = use_texts();
    set_title(t.areas_heading);
    with_catalog(move |catalog| {
        let data = catalog.data.clone();
        let counts = area_mention_counts(&data);
        // (kommun slug, kommun name, [(area id, area name, kind, mentions)])
        let listing: Vec<(String, String, Vec<(String, String, AreaKind, usize)>)> =
            areas_by_kommun(&data)
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
                        <h2 id=heading_id><A href=link_to(&format!("/kommun/{slug}"))>{name}</A></h2>
                        <ul class="area-list">
                            {areas.into_iter().map(|(id, name, kind, count)| view! {
                                <li>
                                    <A href=link_to(&format!("/omrade/{id}"))>{name}</A>
                                    <span class="muted">{format!(" · {} · {count}", kind_name(t, kind))}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    </section>
                }
            })
            .collect_view();
        view! { <PageFrame class="page--areas" heading=t.areas_heading lead=t.areas_intro>{groups}</PageFrame> }
    })
}

/// One area with everything that names it.
#[component]
pub fn AreaPage() -> impl IntoView {
    let params = use_params_map();
    let t = use_texts();
    with_catalog(move |catalog| {
        let (kommun, area) = params.with(|p| {
            (
                p.get("kommun").unwrap_or_default(),
                p.get("area").unwrap_or_default(),
            )
        });
        let id = format!("{kommun}/{area}");
        let Some(area) = catalog.data.area(&id).cloned() else {
            return view! { <crate::pages::not_found::NotFound detail=format!("{} ”{id}”.", t.not_found_area)/> }.into_any();
        };
        set_title(&area.name);
        let data = catalog.data.clone();
        let kommun_slug = data
            .kommun_by_name(&area.kommun)
            .map(|k| k.slug.clone())
            .unwrap_or_default();
        let mentions = owned_mentions(&data, &area.id);
        let empty = mentions.is_empty();
        let kind = area.kind;
        let kommun_name = area.kommun.clone();
        view! {
            <div class="page page--area">
                <p class="breadcrumbs"><A href=link_to("/omraden")>{t.nav_areas}</A>" › "<A href=link_to(&format!("/kommun/{kommun_slug}"))>{area.kommun.clone()}</A></p>
                <h1 tabindex="-1" lang="sv">{area.name.clone()}</h1>
                <p class="lead">{kind_name(t, kind)}", "{kommun_name}</p>
                <section class="section">
                    <h2>{t.area_mentions}</h2>
                    {if empty {
                        view! { <p>{t.area_none}</p> }.into_any()
                    } else {
                        mention_list(data.clone(), mentions).into_any()
                    }}
                </section>
            </div>
        }
        .into_any()
    })
}
