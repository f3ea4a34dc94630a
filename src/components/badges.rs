//! Small labels: topics, actors, status.

use leptos::prelude::*;
use loften_core::views::Status;
use loften_core::{Activity, ActorFilter, Period};

use crate::i18n::{page_lang, td_string};

/// The topic badges of a promise or activity, named in the interface language.
#[component]
pub fn TopicBadges(topics: Vec<String>) -> impl IntoView {
    let lang = page_lang();
    let data = crate::catalog::use_catalog().data;
    view! {
        <ul class="badges" aria-label=td_string!(lang, topics)>
            {topics.into_iter().map(|id| {
                let name = data.topic(&id).map_or(id.clone(), |tp| crate::i18n::topic_name(tp, lang));
                view! { <li class="badge badge--topic">{name}</li> }
            }).collect_view()}
        </ul>
    }
}

/// Who does an activity: Polisen, Kommunen or Gemensamt.
#[component]
pub fn ActorBadges(activity: Activity) -> impl IntoView {
    let lang = page_lang();
    let actor = if activity.is_joint() {
        Some(ActorFilter::Gemensamt)
    } else if activity.actors.contains(&loften_core::Actor::Polisen) {
        Some(ActorFilter::Polisen)
    } else if activity.actors.contains(&loften_core::Actor::Kommunen) {
        Some(ActorFilter::Kommunen)
    } else {
        None
    };
    actor.map(|a| view! { <span class=format!("badge badge--actor badge--{}", a.slug())>{crate::i18n::actor(lang, a)}</span> })
}

/// "Pågår", "Avslutat" or "Kommande", computed from today's date.
#[component]
pub fn StatusBadge(period: Period) -> impl IntoView {
    let lang = page_lang();
    let today = crate::device::use_today();
    let status = Memo::new(move |_| period.status(today.get()));
    let class = move || match status.get() {
        Status::Ongoing => "badge badge--status badge--ongoing",
        Status::Ended => "badge badge--status badge--ended",
        Status::Upcoming => "badge badge--status badge--upcoming",
    };
    view! { <span class=class>{move || crate::i18n::status(lang, status.get())}</span> }
}
