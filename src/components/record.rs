//! One promise or activity, as a list item. In search results the matches are painted over
//! the text by `crate::highlight`; the text itself is one text node for that.

use leptos::prelude::*;
use loften_core::route::Route;
use loften_core::{Activity, Promise};

use crate::catalog::use_catalog;
use crate::components::link::Link;

use crate::components::badges::{ActorBadges, TopicBadges};
use crate::components::save::SaveButton;
use crate::i18n::{page_lang, td_string};

/// Area names of a record, linking to each area's page.
#[component]
fn AreaLinks(areas: Vec<String>) -> impl IntoView {
    let lang = page_lang();
    let data = use_catalog().data;
    let links: Vec<(Route, String)> = areas
        .iter()
        .filter_map(|id| data.area(id))
        .map(|a| (Route::area(&a.id), a.name.clone()))
        .collect();
    (!links.is_empty()).then(move || {
        view! {
            <p class="record__areas">
                <span class="record__label">{td_string!(lang, areas)}": "</span>
                {links.into_iter().enumerate().map(|(i, (href, name))| view! { {(i > 0).then_some(", ")}<Link to=href>{name}</Link> }).collect_view()}
            </p>
        }
    })
}

/// A promise: its text, topics and areas.
#[component]
pub fn PromiseItem(promise: Promise) -> impl IntoView {
    let lang = page_lang();
    view! {
        <div class="record record--promise" id=promise.id.clone()>
            <p class="record__kind">{td_string!(lang, promise)}</p>
            <p class="record__text" lang="sv">{promise.text.clone()}</p>
            <TopicBadges topics=promise.topics.clone()/>
            <AreaLinks areas=promise.areas.clone()/>
            <SaveButton id=promise.id.clone() label=promise.text.clone()/>
        </div>
    }
}

/// An activity: text, who does it, with whom, how often, topics and areas; `children` (what
/// follow-ups say of it, on its agreement's page) after them.
#[component]
pub fn ActivityItem(
    activity: Activity,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let lang = page_lang();
    let partners = activity.partners.join(", ");
    let frequency = activity.frequency.as_ref().map(|f| f.text.clone());
    view! {
        <div class="record record--activity" id=activity.id.clone()>
            <p class="record__kind">{td_string!(lang, activity)}" "<ActorBadges activity=activity.clone()/></p>
            <p class="record__text" lang="sv">{activity.text.clone()}</p>
            {(!partners.is_empty()).then(|| view! {
                <p class="record__meta"><span class="record__label">{td_string!(lang, partners)}": "</span><span lang="sv">{partners}</span></p>
            })}
            {frequency.map(|f| view! {
                <p class="record__meta"><span class="record__label">{td_string!(lang, frequency)}": "</span><span lang="sv">{f}</span></p>
            })}
            <TopicBadges topics=activity.topics.clone()/>
            <AreaLinks areas=activity.areas.clone()/>
            {children.map(|children| children())}
            <SaveButton id=activity.id.clone() label=activity.text.clone()/>
        </div>
    }
}
