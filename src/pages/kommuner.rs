//! `/kommuner`: all 290 kommuner by län, each with its number of agreements, and a field to
//! find one by name (`?hitta=`, in the URL so it survives Back).

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query};
use leptos_router::params::Params;
use loften_core::route::Route;
use loften_core::views::{kommun_matches, kommuner_by_lan};

use crate::catalog::use_catalog;
use crate::components::follow::FollowButton;
use crate::components::link::Link;
use crate::components::page_frame::PageFrame;
use crate::components::page_meta::PageMeta;
use crate::i18n::{page_lang, td_string, Lang};
use crate::navigation::same_page;

/// One län's kommuner as the page lists them: (slug, name, number of agreements).
type Kommuner = Vec<(String, String, usize)>;

/// `/kommuner?hitta=…`
#[derive(Params, Clone, Debug, PartialEq)]
struct FindQuery {
    hitta: Option<String>,
}

/// The kommun list.
#[component]
pub fn KommunerPage() -> impl IntoView {
    let lang = page_lang();
    let query = use_query::<FindQuery>();
    let navigate = use_navigate();
    let typed = Memo::new(move |_| {
        query
            .read()
            .as_ref()
            .ok()
            .and_then(|q| q.hitta.clone())
            .unwrap_or_default()
    });
    let on_input = move |ev: leptos::ev::Event| {
        let find = Route::FindKommun {
            text: event_target_value(&ev),
        };
        navigate(&find.href(), same_page(true));
    };
    view! {
        <PageMeta title=td_string!(lang, kommuner_heading) description=td_string!(lang, kommuner_intro)/>
        <PageFrame class="page--kommuner" heading=td_string!(lang, kommuner_heading) lead=td_string!(lang, kommuner_intro)>
            <div class="filter kommun-finder">
                <label for="hitta">{td_string!(lang, find_kommun)}</label>
                <input id="hitta" type="search" autocomplete="off" spellcheck="false" prop:value=move || typed.get() on:input=on_input/>
            </div>
            <KommunList typed=typed/>
        </PageFrame>
    }
}

/// Every län with its kommuner, narrowed to names matching `typed`.
#[component]
fn KommunList(
    /// What is typed in the finder.
    #[prop(into)]
    typed: Signal<String>,
) -> impl IntoView {
    let lang = page_lang();
    // (län code, län name, its kommuner)
    let lan: Vec<(String, String, Kommuner)> = kommuner_by_lan(&use_catalog().data)
        .into_iter()
        .map(|(lan, kommuner)| {
            (
                lan.code.clone(),
                lan.name.clone(),
                kommuner
                    .into_iter()
                    .map(|(k, n)| (k.slug.clone(), k.short_name.clone(), n))
                    .collect(),
            )
        })
        .collect();
    view! {
            {move || {
                let typed = typed.get();
                let sections: Vec<_> = lan
                    .iter()
                    .filter_map(|(code, name, kommuner)| {
                        let matching: Kommuner = kommuner.iter().filter(|(_, k, _)| kommun_matches(k, &typed)).cloned().collect();
                        (!matching.is_empty()).then(|| lan_section(lang, code, name, kommuner, matching))
                    })
                    .collect();
                if sections.is_empty() {
                    view! { <p class="empty">{td_string!(lang, no_kommun_found)}</p> }.into_any()
                } else {
                    sections.collect_view().into_any()
                }
            }}
    }
}

/// One län: its heading with how many of its kommuner have agreements here, and the kommuner
/// shown (all, or those matching what was typed).
fn lan_section(
    lang: Lang,
    code: &str,
    name: &str,
    all: &Kommuner,
    shown: Kommuner,
) -> impl IntoView {
    let heading_id = format!("lan-{code}");
    let labelled_by = heading_id.clone();
    let with_data = all.iter().filter(|(_, _, n)| *n > 0).count();
    let counts = format!(" · {with_data}/{}", all.len());
    view! {
        <section class="lan" aria-labelledby=labelled_by>
            <h2 id=heading_id>{name.to_string()}<span class="muted">{counts}</span></h2>
            <ul class="kommun-list">
                {shown.into_iter().map(|(slug, name, count)| {
                    let count_text = if count == 0 { td_string!(lang, none_in_data).to_string() } else { count.to_string() };
                    let has_data = count > 0;
                    // Only a kommun with agreements has anything to follow.
                    let follow = has_data
                        .then(|| use_catalog().data.kommun_by_slug(&slug).cloned())
                        .flatten()
                        .map(|kommun| view! { <FollowButton kommun=kommun compact=true/> });
                    view! {
                        <li class:has-data=has_data>
                            <Link to=Route::Kommun { slug }>{name}</Link>
                            <span class="count">{count_text}</span>
                            {follow}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
