//! `/`: one search field, five filters, results grouped by agreement. Every bit of state is in
//! the URL, so a search can be shared, bookmarked and walked back with the browser.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::link_to;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use loften_core::query::{Group, Ignored};
use loften_core::url::parse_query;
use loften_core::{ActorFilter, AgreementKind, Dataset, Query, Results};

use crate::catalog::Catalog;
use crate::components::badges::StatusBadge;
use crate::components::layout::set_title;
use crate::components::page_frame::PageFrame;
use crate::components::record::{ActivityItem, PromiseItem};
use crate::components::save::SaveButton;
use crate::components::with_catalog::with_catalog;
use crate::i18n::{result_summary, topic_name, use_lang, use_texts, Lang, Texts};

/// How many agreements are drawn at first; "Visa fler" draws more. Keeps typing fast on a
/// large dataset, where the first screenful is what matters.
const PAGE_SIZE: usize = 20;

/// The start page.
#[component]
pub fn HomePage() -> impl IntoView {
    set_title("");
    with_catalog(|catalog| view! { <Search catalog=catalog/> })
}

/// Which filter a select or chip belongs to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Key {
    Kommun,
    Lan,
    Tema,
    Ar,
    Aktor,
}

impl Key {
    fn label(self, t: &Texts) -> &'static str {
        match self {
            Key::Kommun => t.filter_kommun,
            Key::Lan => t.filter_lan,
            Key::Tema => t.filter_tema,
            Key::Ar => t.filter_ar,
            Key::Aktor => t.filter_aktor,
        }
    }

    fn id(self) -> &'static str {
        match self {
            Key::Kommun => "filter-kommun",
            Key::Lan => "filter-lan",
            Key::Tema => "filter-tema",
            Key::Ar => "filter-ar",
            Key::Aktor => "filter-aktor",
        }
    }

    /// The chosen values of this filter, as URL values.
    fn values(self, q: &Query) -> Vec<String> {
        match self {
            Key::Kommun => q.kommun.clone(),
            Key::Lan => q.lan.clone(),
            Key::Tema => q.tema.clone(),
            Key::Ar => q.ar.iter().map(ToString::to_string).collect(),
            Key::Aktor => q.aktor.iter().map(|a| a.slug().to_string()).collect(),
        }
    }

    /// The query with this filter set to `values` (already known to be valid).
    fn with(self, q: &Query, values: Vec<String>) -> Query {
        let mut q = q.clone();
        match self {
            Key::Kommun => q.kommun = values,
            Key::Lan => q.lan = values,
            Key::Tema => q.tema = values,
            Key::Ar => q.ar = values.iter().filter_map(|v| v.parse().ok()).collect(),
            Key::Aktor => q.aktor = values.iter().filter_map(|v| ActorFilter::from_slug(v)).collect(),
        }
        q
    }

    /// Every option with its label and how many agreements it would give.
    fn options(self, data: &Dataset, results: &Results, lang: Lang) -> Vec<(String, String, usize)> {
        let f = &results.facets;
        let t = lang.texts();
        match self {
            Key::Kommun => data.kommuner.iter().zip(&f.kommun).map(|(k, &n)| (k.slug.clone(), k.short_name.clone(), n)).collect(),
            Key::Lan => {
                let mut lan: Vec<_> = data.lan.iter().zip(&f.lan).map(|(l, &n)| (l.code.clone(), l.name.clone(), n)).collect();
                lan.sort_by(|a, b| loften_core::text::compare_sv(&a.1, &b.1));
                lan
            }
            Key::Tema => data
                .topics
                .iter()
                .zip(&f.tema)
                .map(|(tp, &n)| (tp.id.clone(), topic_name(tp, lang), n))
                .collect(),
            Key::Ar => f.ar.iter().map(|&(y, n)| (y.to_string(), y.to_string(), n)).collect(),
            Key::Aktor => ActorFilter::ALL.iter().zip(f.aktor).map(|(a, n)| (a.slug().to_string(), t.actor(*a).to_string(), n)).collect(),
        }
    }

    /// The label of one chosen value, for its chip.
    fn value_label(self, data: &Dataset, value: &str, lang: Lang) -> String {
        let t = lang.texts();
        match self {
            Key::Kommun => data.kommun_by_slug(value).map_or(value.to_string(), |k| k.short_name.clone()),
            Key::Lan => data.lan_by_code(value).map_or(value.to_string(), |l| l.name.clone()),
            Key::Tema => data.topic(value).map_or(value.to_string(), |tp| topic_name(tp, lang)),
            Key::Ar => value.to_string(),
            Key::Aktor => ActorFilter::from_slug(value).map_or(value.to_string(), |a| t.actor(a).to_string()),
        }
    }
}

const KEYS: [Key; 5] = [Key::Kommun, Key::Lan, Key::Tema, Key::Ar, Key::Aktor];

/// Search, filters and results over a loaded catalog.
#[component]
fn Search(catalog: Catalog) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let location = use_location();
    let navigate = use_navigate();
    let data = catalog.data.clone();
    let index = catalog.index.clone();

    let parsed = {
        let data = data.clone();
        Memo::new(move |_| Query::from_pairs(parse_query(&location.search.get()), &data))
    };
    let query = Memo::new(move |_| parsed.get().0);
    let ignored = Memo::new(move |_| parsed.get().1);
    let results = Memo::new(move |_| index.search(&query.get()));
    let shown = RwSignal::new(PAGE_SIZE);
    // A new search starts again from the first page of results.
    Effect::new(move |_| {
        query.track();
        shown.set(PAGE_SIZE);
    });

    // Typing replaces the history entry (Back should not replay every keystroke); choosing a
    // filter adds one.
    let go = move |q: Query, replace: bool| {
        navigate(&format!("/{}", q.to_query_string()), NavigateOptions { replace, scroll: false, ..Default::default() });
    };
    let go = StoredValue::new(go);
    let on_input = move |ev: leptos::ev::Event| {
        let mut q = query.get_untracked();
        q.q = event_target_value(&ev);
        go.with_value(|go| go(q, true));
    };
    let summary = move || {
        let r = results.get();
        result_summary(lang.get(), r.groups.len(), r.record_count)
    };

    let filters = {
        let data = data.clone();
        KEYS.into_iter()
            .map(|key| {
                let data = data.clone();
                let options = Memo::new(move |_| key.options(&data, &results.get(), lang.get()));
                let chosen = Memo::new(move |_| key.values(&query.get()));
                let on_change = move |ev: leptos::ev::Event| {
                    let value = event_target_value(&ev);
                    let values = if value.is_empty() { vec![] } else { vec![value] };
                    go.with_value(|go| go(key.with(&query.get_untracked(), values), false));
                };
                view! {
                    <div class="filter">
                        <label for=key.id()>{move || key.label(t)}</label>
                        <select id=key.id() on:change=on_change>
                            <option value="" selected=move || chosen.get().is_empty()>{t.all}</option>
                            <Show when=move || { chosen.get().len() > 1 }>
                                <option value="" disabled=true selected=true>{move || format!("{} ({})", t.several_chosen, chosen.get().len())}</option>
                            </Show>
                            <For each=move || options.get() key=|o| o.clone() let:option>
                                {
                                    let value = option.0.clone();
                                    let selected = move || chosen.with(|c| c.len() == 1 && c[0] == value);
                                    view! { <option value=option.0.clone() selected=selected>{format!("{} ({})", option.1, option.2)}</option> }
                                }
                            </For>
                        </select>
                    </div>
                }
            })
            .collect_view()
    };

    let chips = {
        let data = data.clone();
        move || {
            let q = query.get();
            let lang = lang.get();
            let t = lang.texts();
            KEYS.into_iter()
                .flat_map(|key| key.values(&q).into_iter().map(move |v| (key, v)))
                .map(|(key, value)| {
                    let label = format!("{}: {}", key.label(t), key.value_label(&data, &value, lang));
                    let remaining: Vec<String> = key.values(&q).into_iter().filter(|v| *v != value).collect();
                    let next = key.with(&q, remaining);
                    let name = format!("{} {}", t.remove_filter, label);
                    view! {
                        <li>
                            <button type="button" class="chip" aria-label=name
                                on:click=move |_| go.with_value(|go| go(next.clone(), false))>
                                {label}<span aria-hidden="true">" ×"</span>
                            </button>
                        </li>
                    }
                })
                .collect_view()
        }
    };

    let results_view = {
        let data = data.clone();
        move || {
            let r = results.get();
            let q = query.get();
            lang.track();
            if r.groups.is_empty() {
                return view! { <EmptyState data=data.clone() query=q go=go/> }.into_any();
            }
            let more = r.groups.len() > shown.get();
            let groups: Vec<Group> = r.groups.into_iter().take(shown.get()).collect();
            view! {
                <ol class="results">
                    {groups.into_iter().map(|g| view! { <li><ResultCard data=data.clone() group=g query=q.q.clone()/></li> }).collect_view()}
                </ol>
                <Show when=move || more>
                    <button type="button" class="button button--secondary" on:click=move |_| shown.update(|n| *n += PAGE_SIZE)>{t.show_more}</button>
                </Show>
            }
            .into_any()
        }
    };

    let download = {
        let data = data.clone();
        move |json: bool| {
            let r = results.get_untracked();
            if json {
                crate::download::save("medborgarloften.json", "application/json", &loften_core::views::export_json(&data, &r));
            } else {
                crate::download::save("medborgarloften.csv", "text/csv;charset=utf-8", &loften_core::views::export_csv(&data, &r));
            }
        }
    };
    let download_csv = download.clone();

    view! {
        <PageFrame class="page--search" heading=t.search_heading lead=t.tagline>
            <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
                <label for="q" class="search__label">{t.search_label}</label>
                <input id="q" name="q" type="search" autocomplete="off" spellcheck="false"
                    placeholder=t.search_placeholder
                    prop:value=move || query.get().q
                    on:input=on_input/>
            </form>
            <section class="filters" aria-label=t.filters>
                {filters}
            </section>
            <ul class="chips">{chips}</ul>
            <Show when=move || !ignored.get().is_empty()>
                <div class="notice" role="note">
                    <p>{t.ignored_values}</p>
                    <ul>{move || ignored.get().into_iter().map(|Ignored { key, value }| view! { <li><code>{format!("{key}={value}")}</code></li> }).collect_view()}</ul>
                </div>
            </Show>
            <p class="results-count" role="status" aria-live="polite" aria-atomic="true">{summary}</p>
            {results_view}
            // After the results: on a phone the results come first; downloading is rarer.
            <div class="downloads" role="group" aria-labelledby="downloads-label" hidden=crate::kiosk::use_kiosk().enabled>
                <span class="downloads__label" id="downloads-label">{t.download}</span>
                <button type="button" class="button button--small" on:click=move |_| download_csv(false)>{t.download_csv}</button>
                <button type="button" class="button button--small" on:click=move |_| download(true)>{t.download_json}</button>
            </div>
        </PageFrame>
    }
}

/// One agreement in the results, with its matching promises and activities.
#[component]
fn ResultCard(data: Arc<Dataset>, group: Group, query: String) -> impl IntoView {
    let t = use_texts();
    let a = data.agreements[group.agreement].clone();
    let title = a.title.clone();
    let save_label = loften_core::views::bookmark_label(loften_core::dataset::Located::Agreement(&a));
    let kommuner = a.kommuner.join(", ");
    let period = a.period.clone();
    let href = format!("/medborgarlofte/{}", a.id);
    let lan: Vec<String> = data.lan_of(&a).iter().map(|l| l.name.clone()).collect();
    let listed = group.promises.len() + group.activities.len();
    let (promise_count, activity_count) = (a.promises.len(), a.activities.len());
    let counts = format!("{promise_count} {}, {activity_count} {}", t.promises.to_lowercase(), t.activities.to_lowercase());
    let announcement = a.kind == AgreementKind::Announcement;
    let promises: Vec<_> = group.promises.iter().map(|&i| a.promises[i].clone()).collect();
    let activities: Vec<_> = group.activities.iter().map(|&i| a.activities[i].clone()).collect();
    let matched_own_words = listed == 0 && !query.trim().is_empty();
    view! {
        <article class="card result">
            <div class="card__head">
                <h2 class="card__title" lang="sv"><A href=link_to(&href)>{title}</A></h2>
                <SaveButton id=a.id.clone() label=save_label/>
            </div>
            <p class="card__meta">
                <span lang="sv">{kommuner}</span>
                " · "{lan.join(", ")}" · "{period.label()}" "
                <StatusBadge period=period.clone()/>
            </p>
            {if announcement {
                view! { <p class="card__note">{t.announcement_heading}</p> }.into_any()
            } else {
                view! { <p class="card__counts">{counts}</p> }.into_any()
            }}
            <Show when=move || matched_own_words>
                <p class="muted">{t.matched_by_agreement}</p>
            </Show>
            {(listed > 0).then(|| view! {
                <ul class="records" aria-label=t.matches_in_agreement>
                    {promises.into_iter().map(|p| view! { <li><PromiseItem data=data.clone() promise=p query=query.clone()/></li> }).collect_view()}
                    {activities.into_iter().map(|x| view! { <li><ActivityItem data=data.clone() activity=x query=query.clone()/></li> }).collect_view()}
                </ul>
            })}
        </article>
    }
}

/// No results: say so, and offer each way to widen the search.
#[component]
fn EmptyState<F: Fn(Query, bool) + Send + Sync + 'static>(data: Arc<Dataset>, query: Query, go: StoredValue<F>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let mut ways: Vec<(String, Query)> = Vec::new();
    if !query.q.trim().is_empty() {
        ways.push((format!("”{}”", query.q.trim()), Query { q: String::new(), ..query.clone() }));
    }
    for key in KEYS {
        for value in key.values(&query) {
            let remaining: Vec<String> = key.values(&query).into_iter().filter(|v| *v != value).collect();
            let label = format!("{}: {}", key.label(lang.get_untracked().texts()), key.value_label(&data, &value, lang.get_untracked()));
            ways.push((label, key.with(&query, remaining)));
        }
    }
    view! {
        <div class="empty">
            <p class="empty__title">{t.no_results}</p>
            <p>{t.no_results_hint}</p>
            <ul class="chips">
                {ways.into_iter().map(|(label, next)| view! {
                    <li><button type="button" class="chip" on:click=move |_| go.with_value(|go| go(next.clone(), false))>
                        {t.widen_remove}" "{label.clone()}
                    </button></li>
                }).collect_view()}
                <li><button type="button" class="chip chip--strong" on:click=move |_| go.with_value(|go| go(Query::default(), false))>
                    {t.clear_all}
                </button></li>
            </ul>
        </div>
    }
}
