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
    /// The agreement and its matching records, as the search stands. The agreement stays the
    /// same for the card's life (cards are keyed by it); its matches follow the typing.
    #[prop(into)]
    group: Signal<Group>,
    /// How many matching records to list; `None`: every one.
    #[prop(into)]
    limit: Signal<Option<usize>>,
    /// The search text, as typed.
    query: ReadSignal<String>,
) -> impl IntoView {
    let t = use_texts();
    let data = use_catalog().data;
    let at = group.with_untracked(|g| g.agreement);
    let a = &data.agreements[at];
    let title = a.title.clone();
    let save_label =
        loften_core::views::bookmark_label(loften_core::dataset::Located::Agreement(a));
    let kommuner = a.kommuner.join(", ");
    let period = a.period.clone();
    let href = Route::Agreement { id: a.id.clone() };
    let lan: Vec<String> = data.lan_of(a).iter().map(|l| l.name.clone()).collect();
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
    // Which matches the card lists, and how many more it has. Apart, so that typing which
    // changes only the count redraws only the count, and a listed match that stays stays.
    let limit = move || limit.get().unwrap_or(usize::MAX);
    let listed = Memo::new(move |_| {
        group.with(|g| {
            let (promises, activities, _) = first_records(g, limit());
            promises
                .into_iter()
                .map(Listed::Promise)
                .chain(activities.into_iter().map(Listed::Activity))
                .collect::<Vec<_>>()
        })
    });
    let more = Memo::new(move |_| group.with(|g| first_records(g, limit()).2));
    let matched_own_words = move || {
        listed.with(Vec::is_empty) && more.get() == 0 && query.with(|q| !q.trim().is_empty())
    };
    let record = {
        let data = data.clone();
        move |listed: Listed| {
            let a = &data.agreements[at];
            match listed {
                Listed::Promise(i) => {
                    view! { <li><PromiseItem promise=a.promises[i].clone()/></li> }.into_any()
                }
                Listed::Activity(i) => {
                    view! { <li><ActivityItem activity=a.activities[i].clone()/></li> }.into_any()
                }
            }
        }
    };
    let more_href = href.clone();
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
            <Show when=move || listed.with(|l| !l.is_empty())>
                <ul class="records" aria-label=td_string!(t, matches_in_agreement)>
                    <For each=move || listed.get() key=|listed| *listed children=record.clone()/>
                </ul>
            </Show>
            <Show when=move || { more.get() > 0 }>
                <p class="more-matches"><Link to=more_href.clone()>{move || crate::i18n::more_matches(t, more.get())}</Link></p>
            </Show>
        </article>
    }
}

/// A match a card lists, by its position in the agreement.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Listed {
    Promise(usize),
    Activity(usize),
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
