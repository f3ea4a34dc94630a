//! The start page's results: a card per agreement with its best matches, and what to do
//! when nothing matched.

use leptos::prelude::*;
use loften_core::filters::{first_records, FilterKey, Widening};
use loften_core::query::Group;
use loften_core::route::Route;
use loften_core::{AgreementKind, Query};

use super::filters::{label, value_label};
use crate::catalog::use_catalog;
use crate::components::badges::StatusBadge;
use crate::components::link::Link;
use crate::components::record::{ActivityItem, PromiseItem};
use crate::components::save::SaveButton;
use crate::i18n::{td_string, use_lang, use_texts};

/// One agreement in the results, with its matching promises and activities.
#[component]
pub fn ResultCard(
    /// The agreement and its matching records.
    group: Group,
    /// How many matching records to list; `None`: every one.
    limit: Option<usize>,
    /// The search text, as typed.
    query: ReadSignal<String>,
) -> impl IntoView {
    let t = use_texts();
    let data = use_catalog().data;
    let a = &data.agreements[group.agreement];
    let title = a.title.clone();
    let save_label =
        loften_core::views::bookmark_label(loften_core::dataset::Located::Agreement(a));
    let kommuner = a.kommuner.join(", ");
    let period = a.period.clone();
    let href = Route::Agreement { id: a.id.clone() };
    let lan: Vec<String> = data.lan_of(a).iter().map(|l| l.name.clone()).collect();
    let listed = group.promises.len() + group.activities.len();
    let (promise_count, activity_count) = (a.promises.len(), a.activities.len());
    // "2 löften, 11 aktiviteter"; a part that is zero is left out rather than shown as "0 löften".
    let promises = (promise_count > 0)
        .then(|| td_string!(t, promise_count, count = promise_count).to_string());
    let activities = (activity_count > 0)
        .then(|| td_string!(t, activity_count, count = activity_count).to_string());
    let counts = promises
        .into_iter()
        .chain(activities)
        .collect::<Vec<_>>()
        .join(", ");
    let announcement = a.kind == AgreementKind::Announcement;
    let (promises, activities, more) = first_records(&group, limit.unwrap_or(usize::MAX));
    let promises: Vec<_> = promises
        .into_iter()
        .map(|i| a.promises[i].clone())
        .collect();
    let activities: Vec<_> = activities
        .into_iter()
        .map(|i| a.activities[i].clone())
        .collect();
    let more_href = href.clone();
    let matched_own_words = move || listed == 0 && query.with(|q| !q.trim().is_empty());
    view! {
        <article class="card result">
            <div class="card__head">
                <h2 class="card__title" lang="sv"><Link to=href>{title}</Link></h2>
                <SaveButton id=a.id.clone() label=save_label/>
            </div>
            <p class="card__meta">
                <span lang="sv">{kommuner}</span>
                " · "{lan.join(", ")}" · "{period.label()}" "
                <StatusBadge period=period.clone()/>
            </p>
            {if announcement {
                view! { <p class="card__note">{td_string!(t, announcement_heading)}</p> }.into_any()
            } else {
                view! { <p class="card__counts">{counts}</p> }.into_any()
            }}
            <Show when=matched_own_words>
                <p class="muted">{td_string!(t, matched_by_agreement)}</p>
            </Show>
            {(listed > 0).then(|| view! {
                <ul class="records" aria-label=td_string!(t, matches_in_agreement)>
                    {promises.into_iter().map(|p| view! { <li><PromiseItem promise=p/></li> }).collect_view()}
                    {activities.into_iter().map(|x| view! { <li><ActivityItem activity=x/></li> }).collect_view()}
                </ul>
                {(more > 0).then(|| view! { <p class="more-matches"><Link to=more_href>{crate::i18n::more_matches(t, more)}</Link></p> })}
            })}
        </article>
    }
}

/// No results: say so, and offer each way to widen the search.
#[component]
pub fn EmptyState(
    /// The search that found nothing.
    query: Query,
    /// Go to another search: (query, replace the history entry).
    go: Callback<(Query, bool)>,
) -> impl IntoView {
    let t = use_texts();
    let data = use_catalog().data;
    let lang = use_lang().get_untracked();
    let ways: Vec<(String, Query)> = FilterKey::widenings(&query)
        .into_iter()
        .map(|(dropped, wider)| {
            let name = match dropped {
                Widening::Text(text) => format!("”{text}”"),
                Widening::Value(key, value) => format!(
                    "{}: {}",
                    label(key, lang),
                    value_label(key, &data, &value, lang)
                ),
            };
            (name, wider)
        })
        .collect();
    view! {
        <div class="empty">
            <p class="empty__title">{td_string!(t, no_results)}</p>
            <p>{td_string!(t, no_results_hint)}</p>
            <ul class="chips">
                {ways.into_iter().map(|(label, next)| view! {
                    <li><button type="button" class="chip" on:click=move |_| go.run((next.clone(), false))>
                        {td_string!(t, widen_remove)}" "{label.clone()}
                    </button></li>
                }).collect_view()}
                <li><button type="button" class="chip chip--strong" on:click=move |_| go.run((Query::default(), false))>
                    {td_string!(t, clear_all)}
                </button></li>
            </ul>
        </div>
    }
}
