//! The start page's results: a card per agreement with its best matches, and what to do
//! when nothing matched.

use leptos::prelude::*;
use loften_core::filters::{first_records, FilterKey, Widening};
use loften_core::query::Group;
use loften_core::route::Route;
use loften_core::{Agreement, Query};

use super::filters::{label, value_label};
use super::state::use_search;
use crate::catalog::use_catalog;
use crate::components::agreement_card::{AgreementCard, TitleLevel};
use crate::components::link::Link;
use crate::components::record::{ActivityItem, PromiseItem};
use crate::components::save::SaveButton;
use crate::i18n::{page_lang, td_string};

/// The cards drawn so far, "Visa fler" for the rest, or, when nothing matched, the ways to
/// widen the search.
#[component]
pub fn ResultList() -> impl IntoView {
    let lang = page_lang();
    let search = use_search();
    // Paint the matches over the cards for this text, in the frame that shows them: an
    // animation frame comes after the cards this change draws are in the document, which an
    // effect cannot count on (it may run before `For` has drawn them, and paint texts that
    // are about to go).
    Effect::new(move |_| {
        search.page.with(|_| ());
        let text = search.text.get();
        request_animation_frame(move || crate::highlight::paint("ol.results .record__text", &text));
    });
    on_cleanup(crate::highlight::clear);
    view! {
        {move || search.failed.get().map(|error| view! {
            <div class="notice notice--error" role="alert">
                <p>{td_string!(lang, search_failed)}" "{error.message(lang)}</p>
                <p class="muted">{error.to_string()}</p>
                <button type="button" class="button" on:click=move |_| search.retry()>{td_string!(lang, retry)}</button>
            </div>
        })}
        <Show
            when=move || search.results.with(|r| !r.groups.is_empty())
            fallback=move || view! { <EmptyState query=search.query.get()/> }
        >
            <ol class="results">
                // Cards are keyed by their agreement, matches and how many they list: while a
                // word is typed the matches often stay the same, and then only the highlighting
                // changes, not the cards.
                <For each=move || search.page.get() key=|card| card.clone() let:card>
                    <li>{move || match search.agreement_at(card.0.agreement) {
                        Some(agreement) => view! { <ResultCard agreement=agreement group=card.0.clone() limit=card.1/> }.into_any(),
                        // Search in parts: its chunk is on its way.
                        None => view! { <p class="card card--loading muted">{td_string!(lang, card_loading)}</p> }.into_any(),
                    }}</li>
                </For>
            </ol>
            <Show when=move || search.more()>
                <button type="button" class="button button--secondary" on:click=move |_| search.show_more()>{td_string!(lang, show_more)}</button>
            </Show>
        </Show>
    }
}

/// One agreement in the results, with its matching promises and activities.
#[component]
pub fn ResultCard(
    agreement: Agreement,
    /// The agreement's place in the results and its matching records.
    group: Group,
    /// How many matching records to list; `None`: every one.
    limit: Option<usize>,
) -> impl IntoView {
    let text = use_search().text;
    let lang = page_lang();
    let data = use_catalog().data;
    let a = &agreement;
    let save_label =
        loften_core::views::bookmark_label(loften_core::dataset::Located::Agreement(a));
    let id = a.id.clone();
    let lan: Vec<&str> = data.lan_of(a).iter().map(|l| l.name.as_str()).collect();
    let place = format!("{} · {}", a.kommuner.join(", "), lan.join(", "));
    let more_href = Route::Agreement { id: a.id.clone() };
    let listed = group.promises.len() + group.activities.len();
    let (promise_count, activity_count) = (a.promises.len(), a.activities.len());
    // "2 löften, 11 aktiviteter"; a part that is zero is left out rather than shown as "0 löften".
    let promises = (promise_count > 0)
        .then(|| td_string!(lang, promise_count, count = promise_count).to_string());
    let activities = (activity_count > 0)
        .then(|| td_string!(lang, activity_count, count = activity_count).to_string());
    let counts = promises
        .into_iter()
        .chain(activities)
        .collect::<Vec<_>>()
        .join(", ");
    let (promises, activities, more) = first_records(&group, limit.unwrap_or(usize::MAX));
    let promises: Vec<_> = promises
        .into_iter()
        .map(|i| a.promises[i].clone())
        .collect();
    let activities: Vec<_> = activities
        .into_iter()
        .map(|i| a.activities[i].clone())
        .collect();
    let matched_own_words = move || listed == 0 && text.with(|q| !q.trim().is_empty());
    view! {
        <AgreementCard agreement=a.clone() level=TitleLevel::H2 place=place class="result"
            aside=move || view! { <SaveButton id=id.clone() label=save_label.clone()/> }
            body=move || view! { <p class="card__counts">{counts.clone()}</p> }
        >
            <Show when=matched_own_words>
                <p class="muted">{td_string!(lang, matched_by_agreement)}</p>
            </Show>
            {(listed > 0).then(|| view! {
                <ul class="records" aria-label=td_string!(lang, matches_in_agreement)>
                    {promises.into_iter().map(|p| view! { <li><PromiseItem promise=p/></li> }).collect_view()}
                    {activities.into_iter().map(|x| view! { <li><ActivityItem activity=x/></li> }).collect_view()}
                </ul>
                {(more > 0).then(|| view! { <p class="more-matches"><Link to=more_href>{crate::i18n::more_matches(lang, more)}</Link></p> })}
            })}
        </AgreementCard>
    }
}

/// No results: say so, and offer each way to widen the search.
#[component]
pub fn EmptyState(
    /// The search that found nothing.
    query: Query,
) -> impl IntoView {
    let search = use_search();
    let lang = page_lang();
    let data = use_catalog().data;
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
            <p class="empty__title">{td_string!(lang, no_results)}</p>
            <p>{td_string!(lang, no_results_hint)}</p>
            <ul class="chips">
                {ways.into_iter().map(|(label, next)| view! {
                    <li><button type="button" class="chip" on:click=move |_| search.choose(next.clone())>
                        {td_string!(lang, widen_remove)}" "{label.clone()}
                    </button></li>
                }).collect_view()}
                <li><button type="button" class="chip chip--strong" on:click=move |_| search.choose(Query::default())>
                    {td_string!(lang, clear_all)}
                </button></li>
            </ul>
        </div>
    }
}
