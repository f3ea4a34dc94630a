//! One promise or activity, as a list item, with its match highlighted.

use std::sync::Arc;

use leptos::prelude::*;
use crate::router::components::A;

use crate::app::link_to;
use loften_core::query::highlight;
use loften_core::{Activity, Dataset, Promise};

use crate::components::badges::{ActorBadges, TopicBadges};
use crate::components::save::SaveButton;
use crate::i18n::use_texts;

/// A text with the search's matches in `<mark>`, following the search as it is typed.
#[component]
pub fn Highlighted(text: String, query: Option<Memo<String>>) -> impl IntoView {
    let Some(query) = query else { return text.into_any() };
    (move || {
        query.with(|q| {
            highlight(&text, q)
                .into_iter()
                .map(|s| if s.matched { view! { <mark>{s.text.to_string()}</mark> }.into_any() } else { s.text.to_string().into_any() })
                .collect_view()
        })
    })
    .into_any()
}

/// Area names of a record, linking to each area's page.
#[component]
fn AreaLinks(data: Arc<Dataset>, areas: Vec<String>) -> impl IntoView {
    let t = use_texts();
    let links: Vec<(String, String)> = areas.iter().filter_map(|id| data.area(id)).map(|a| (format!("/omrade/{}", a.id), a.name.clone())).collect();
    (!links.is_empty()).then(move || {
        view! {
            <p class="record__areas">
                <span class="record__label">{t.areas}": "</span>
                {links.into_iter().enumerate().map(|(i, (href, name))| view! { {(i > 0).then_some(", ")}<A href=link_to(&href)>{name}</A> }).collect_view()}
            </p>
        }
    })
}

/// A promise: its text, topics and areas.
#[component]
pub fn PromiseItem(
    data: Arc<Dataset>,
    promise: Promise,
    /// The search text to highlight, in search results.
    #[prop(optional, into)]
    query: Option<Memo<String>>,
) -> impl IntoView {
    let t = use_texts();
    view! {
        <div class="record record--promise" id=promise.id.clone()>
            <p class="record__kind">{t.promise}</p>
            <p class="record__text" lang="sv"><Highlighted text=promise.text.clone() query=query/></p>
            <TopicBadges data=data.clone() topics=promise.topics.clone()/>
            <AreaLinks data=data areas=promise.areas.clone()/>
            <SaveButton id=promise.id.clone() label=promise.text.clone()/>
        </div>
    }
}

/// An activity: text, who does it, with whom, how often, topics and areas.
#[component]
pub fn ActivityItem(
    data: Arc<Dataset>,
    activity: Activity,
    /// The search text to highlight, in search results.
    #[prop(optional, into)]
    query: Option<Memo<String>>,
) -> impl IntoView {
    let t = use_texts();
    let partners = activity.partners.join(", ");
    let frequency = activity.frequency.as_ref().map(|f| f.text.clone());
    view! {
        <div class="record record--activity" id=activity.id.clone()>
            <p class="record__kind">{t.activity}" "<ActorBadges activity=activity.clone()/></p>
            <p class="record__text" lang="sv"><Highlighted text=activity.text.clone() query=query/></p>
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
