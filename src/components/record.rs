//! One promise or activity, as a list item. In search results the matches are painted over
//! the text by `crate::highlight`; the text itself is one text node for that.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::link_to;
use loften_core::{Activity, Dataset, Promise};

use crate::components::badges::{ActorBadges, TopicBadges};
use crate::components::save::SaveButton;
use crate::i18n::use_texts;

/// Area names of a record, linking to each area's page.
#[component]
fn AreaLinks(data: Arc<Dataset>, areas: Vec<String>) -> impl IntoView {
    let t = use_texts();
    let links: Vec<(String, String)> = areas
        .iter()
        .filter_map(|id| data.area(id))
        .map(|a| (format!("/omrade/{}", a.id), a.name.clone()))
        .collect();
    (!links.is_empty()).then(move || {
        view! {
            <p class="record__areas">
                <span class="record__label">{t.areas}": "</span>
                {links.into_iter().enumerate().map(|(i, (href, name))| view! { {(i > 0).then_some(", ")}<a href=link_to(&href)>{name}</a> }).collect_view()}
            </p>
        }
    })
}

/// A promise: its text, topics and areas.
#[component]
pub fn PromiseItem(data: Arc<Dataset>, promise: Promise) -> impl IntoView {
    let t = use_texts();
    view! {
        <div class="record record--promise" id=promise.id.clone()>
            <p class="record__kind">{t.promise}</p>
            <p class="record__text" lang="sv">{promise.text.clone()}</p>
            <TopicBadges data=data.clone() topics=promise.topics.clone()/>
            <AreaLinks data=data areas=promise.areas.clone()/>
            <SaveButton id=promise.id.clone() label=promise.text.clone()/>
        </div>
    }
}

/// An activity: text, who does it, with whom, how often, topics and areas.
#[component]
pub fn ActivityItem(data: Arc<Dataset>, activity: Activity) -> impl IntoView {
    let t = use_texts();
    let partners = activity.partners.join(", ");
    let frequency = activity.frequency.as_ref().map(|f| f.text.clone());
    view! {
        <div class="record record--activity" id=activity.id.clone()>
            <p class="record__kind">{t.activity}" "<ActorBadges activity=activity.clone()/></p>
            <p class="record__text" lang="sv">{activity.text.clone()}</p>
            {(!partners.is_empty()).then(|| view! {
                <p class="record__meta"><span class="record__label">{t.partners}": "</span><span lang="sv">{partners}</span></p>
            })}
            {frequency.map(|f| view! {
                <p class="record__meta"><span class="record__label">{t.frequency}": "</span><span lang="sv">{f}</span></p>
            })}
            <TopicBadges data=data.clone() topics=activity.topics.clone()/>
            <AreaLinks data=data areas=activity.areas.clone()/>
            <SaveButton id=activity.id.clone() label=activity.text.clone()/>
        </div>
    }
}
