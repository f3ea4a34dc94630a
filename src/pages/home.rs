//! `/`: one search field, five filters, results grouped by agreement. Every bit of state is in
//! the URL, so a search can be shared, bookmarked and walked back with the browser.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use crate::app::link_to;
use crate::router::hooks::{use_location, use_navigate};
use crate::router::NavigateOptions;
use loften_core::query::{Facets, Group, Ignored};
use loften_core::url::parse_query;
use loften_core::{ActorFilter, AgreementKind, Dataset, Index, Query};

use crate::catalog::Catalog;
use crate::components::badges::StatusBadge;
use crate::components::layout::set_title;
use crate::components::page_frame::PageFrame;
use crate::components::record::{ActivityItem, PromiseItem};
use crate::components::save::SaveButton;
use crate::components::with_catalog::with_catalog;
use crate::i18n::{result_summary, topic_name, use_lang, use_texts, Lang, Texts};

/// How many agreements are drawn at first; "Visa fler" draws more. A phone shows about one
/// card per screen, and every card drawn is work on every keystroke that changes the results
/// (measured in BENCHMARKS.md: 6 cards with 2 matches each kept typing over its budget).
const PAGE_SIZE: usize = 4;
/// Matching promises and activities shown per agreement, the best first, as a search engine
/// shows one snippet; "N träffar till" and the agreement's page have the rest.
const RECORDS_PER_AGREEMENT: usize = 1;
/// How long typing must pause before the search text is written to the address.
const ADDRESS_DELAY: Duration = Duration::from_millis(400);
/// How long the results must stay the same before the filters' counts are computed.
const COUNTS_DELAY: Duration = Duration::from_millis(300);

/// A timeout that the next one replaces, cancelled when the page goes.
#[derive(Clone, Copy)]
struct Pending(StoredValue<Option<TimeoutHandle>>);

impl Pending {
    fn new() -> Pending {
        let pending = Pending(StoredValue::new(None));
        on_cleanup(move || pending.cancel());
        pending
    }

    fn cancel(self) {
        if let Some(handle) = self.0.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }

    fn replace(self, f: impl FnOnce() + 'static, delay: Duration) {
        self.cancel();
        self.0.try_set_value(set_timeout_with_handle(f, delay).ok());
    }
}

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
            Key::Aktor => {
                q.aktor = values
                    .iter()
                    .filter_map(|v| ActorFilter::from_slug(v))
                    .collect()
            }
        }
        q
    }

    /// Every option: its value, its label, and where its count is in `counts`. Fixed for a
    /// dataset and language, so the options are drawn once and only their counts change as
    /// someone types.
    fn choices(self, data: &Dataset, lang: Lang) -> Vec<(String, String, usize)> {
        let t = lang.texts();
        match self {
            Key::Kommun => data
                .kommuner
                .iter()
                .enumerate()
                .map(|(i, k)| (k.slug.clone(), k.short_name.clone(), i))
                .collect(),
            Key::Lan => {
                let mut lan: Vec<_> = data
                    .lan
                    .iter()
                    .enumerate()
                    .map(|(i, l)| (l.code.clone(), l.name.clone(), i))
                    .collect();
                lan.sort_by_cached_key(|l| loften_core::text::sort_key(&l.1));
                lan
            }
            Key::Tema => data
                .topics
                .iter()
                .enumerate()
                .map(|(i, tp)| (tp.id.clone(), topic_name(tp, lang), i))
                .collect(),
            // Every year some agreement covers, from the index (the same for every query).
            Key::Ar => Index::years_of(data)
                .into_iter()
                .enumerate()
                .map(|(i, y)| (y.to_string(), y.to_string(), i))
                .collect(),
            Key::Aktor => ActorFilter::ALL
                .iter()
                .enumerate()
                .map(|(i, a)| (a.slug().to_string(), t.actor(*a).to_string(), i))
                .collect(),
        }
    }

    /// How many agreements each option would give, in the order `choices` refers to.
    fn counts(self, f: &Facets) -> Vec<usize> {
        match self {
            Key::Kommun => f.kommun.clone(),
            Key::Lan => f.lan.clone(),
            Key::Tema => f.tema.clone(),
            Key::Ar => f.ar.iter().map(|&(_, n)| n).collect(),
            Key::Aktor => f.aktor.to_vec(),
        }
    }

    /// The label of one chosen value, for its chip.
    fn value_label(self, data: &Dataset, value: &str, lang: Lang) -> String {
        let t = lang.texts();
        match self {
            Key::Kommun => data
                .kommun_by_slug(value)
                .map_or(value.to_string(), |k| k.short_name.clone()),
            Key::Lan => data
                .lan_by_code(value)
                .map_or(value.to_string(), |l| l.name.clone()),
            Key::Tema => data
                .topic(value)
                .map_or(value.to_string(), |tp| topic_name(tp, lang)),
            Key::Ar => value.to_string(),
            Key::Aktor => {
                ActorFilter::from_slug(value).map_or(value.to_string(), |a| t.actor(a).to_string())
            }
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
    let from_url = Memo::new(move |_| parsed.get().0);
    let ignored = Memo::new(move |_| parsed.get().1);
    // The search text as typed. It drives the results at once; the address follows when typing
    // pauses (see `on_input`), because writing the address costs a same-document navigation,
    // and with it a favicon check, on every key.
    let typed = RwSignal::new(from_url.with_untracked(|q| q.q.clone()));
    let query = Memo::new(move |_| Query {
        q: typed.get(),
        ..from_url.get()
    });
    // The filters' counts are left out here and counted once typing pauses (`settle`).
    let results = {
        let index = index.clone();
        Memo::new(move |_| index.search_without_facets(&query.get()))
    };
    let shown = RwSignal::new(PAGE_SIZE);
    // A new search starts again from the first page of results.
    Effect::new(move |_| {
        query.track();
        shown.set(PAGE_SIZE);
    });

    // Typing replaces the history entry (Back should not replay every keystroke); choosing a
    // filter adds one.
    let go = move |q: Query, replace: bool| {
        navigate(
            &format!("/{}", q.to_query_string()),
            NavigateOptions {
                replace,
                scroll: false,
            },
        );
    };
    let go = StoredValue::new(go);
    let address_write = Pending::new();
    let write_address = move || {
        address_write.cancel();
        if let Some(q) = query.try_get_untracked() {
            if from_url.try_with_untracked(|u| u.q != q.q) == Some(true) {
                go.with_value(|go| go(q, true));
            }
        }
    };
    // The address changed by other means (Back, a filter, a link): its text is the search now.
    Effect::new(move |_| {
        let text = from_url.with(|q| q.q.clone());
        address_write.cancel();
        if typed.get_untracked() != text {
            typed.set(text);
        }
    });
    let on_input = move |ev: leptos::ev::Event| {
        typed.set(event_target_value(&ev));
        address_write.replace(write_address, ADDRESS_DELAY);
    };
    // Leaving the field (for a result link, say) writes the address at once, so Back returns
    // to this search.
    let on_change = move |_: leptos::ev::Event| write_address();
    let summary = move || {
        let r = results.get();
        result_summary(lang.get(), r.groups.len(), r.record_count)
    };

    // The filters' counts sit inside closed selects, unseen while someone types: they follow
    // the results once typing pauses, or at once when a filter gets focus, and so stay out of
    // the work done on every keystroke.
    let facets = RwSignal::new(index.facets_of(&query.get_untracked()));
    let counting = Pending::new();
    // Copy, for the timeout and each filter's focus handler.
    let counter = StoredValue::new(index.clone());
    let settle = move || {
        counting.cancel();
        // The page may be gone by the time a timeout fires.
        if let Some(latest) = query
            .try_with_untracked(|q| counter.try_with_value(|index| index.facets_of(q)))
            .flatten()
        {
            facets.try_set(latest);
        }
    };
    // Not on the first run: the counts above are already this query's.
    Effect::new(move |first: Option<()>| {
        results.track();
        if first.is_some() {
            counting.replace(settle, COUNTS_DELAY);
        }
    });

    let filters = {
        let data = data.clone();
        KEYS.into_iter()
            .map(|key| {
                let choices = key.choices(&data, lang.get_untracked());
                let counts = Memo::new(move |_| facets.with(|f| key.counts(f)));
                let chosen = Memo::new(move |_| key.values(&query.get()));
                let on_change = move |ev: leptos::ev::Event| {
                    let value = event_target_value(&ev);
                    let values = if value.is_empty() { vec![] } else { vec![value] };
                    go.with_value(|go| go(key.with(&query.get_untracked(), values), false));
                };
                view! {
                    <div class="filter">
                        <label for=key.id()>{move || key.label(t)}</label>
                        <select id=key.id() on:change=on_change on:focus=move |_| settle()>
                            <option value="" selected=move || chosen.get().is_empty()>{t.all}</option>
                            <Show when=move || { chosen.get().len() > 1 }>
                                <option value="" disabled=true selected=true>{move || format!("{} ({})", t.several_chosen, chosen.get().len())}</option>
                            </Show>
                            {choices.into_iter().map(|(value, label, at)| {
                                let selected = {
                                    let value = value.clone();
                                    move || chosen.with(|c| c.len() == 1 && c[0] == value)
                                };
                                let text = move || format!("{label} ({})", counts.with(|c| c.get(at).copied().unwrap_or(0)));
                                view! { <option value=value selected=selected>{text}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                }
            })
            .collect_view()
    };

    // The filters without the search text: the chips need not follow every keystroke.
    let filters_only = Memo::new(move |_| Query {
        q: String::new(),
        ..query.get()
    });
    let chips = {
        let data = data.clone();
        move || {
            let q = filters_only.get();
            let lang = lang.get();
            let t = lang.texts();
            KEYS.into_iter()
                .flat_map(|key| key.values(&q).into_iter().map(move |v| (key, v)))
                .map(|(key, value)| {
                    let label =
                        format!("{}: {}", key.label(t), key.value_label(&data, &value, lang));
                    let name = format!("{} {}", t.remove_filter, label);
                    // The query as it is when pressed (with the search text typed since).
                    let remove = move |_| {
                        let now = query.get_untracked();
                        let remaining: Vec<String> = key
                            .values(&now)
                            .into_iter()
                            .filter(|v| *v != value)
                            .collect();
                        go.with_value(|go| go(key.with(&now, remaining), false));
                    };
                    view! {
                        <li>
                            <button type="button" class="chip" aria-label=name on:click=remove>
                                {label}<span aria-hidden="true">" ×"</span>
                            </button>
                        </li>
                    }
                })
                .collect_view()
        }
    };

    // Cards are keyed by their agreement and matches: while a word is typed the matches often
    // stay the same, and then only the highlighting changes, not the cards.
    let page = Memo::new(move |_| {
        results.with(|r| {
            r.groups
                .iter()
                .take(shown.get())
                .cloned()
                .collect::<Vec<Group>>()
        })
    });
    let more = move || results.with(|r| r.groups.len() > shown.get());
    let text = typed.read_only();
    // Paint the matches over the cards for this text. Effects run after the render effects
    // that put the cards in the document, and before the frame that shows them.
    Effect::new(move |_| {
        page.track();
        text.with(|text| crate::highlight::paint("ol.results .record__text", text));
    });
    on_cleanup(crate::highlight::clear);
    let results_view = {
        let data = data.clone();
        let empty_data = data.clone();
        view! {
            <Show
                when=move || results.with(|r| !r.groups.is_empty())
                fallback=move || view! { <EmptyState data=empty_data.clone() query=query.get() go=go/> }
            >
                <ol class="results">
                    {
                        let data = data.clone();
                        view! {
                            <For each=move || page.get() key=|group| group.clone() let:group>
                                <li><ResultCard data=data.clone() group=group query=text/></li>
                            </For>
                        }
                    }
                </ol>
                <Show when=more>
                    <button type="button" class="button button--secondary" on:click=move |_| shown.update(|n| *n += PAGE_SIZE)>{t.show_more}</button>
                </Show>
            </Show>
        }
    };

    let download = {
        let data = data.clone();
        move |json: bool| {
            let r = results.get_untracked();
            if json {
                crate::download::save(
                    "medborgarloften.json",
                    "application/json",
                    &loften_core::views::export_json(&data, &r),
                );
            } else {
                crate::download::save(
                    "medborgarloften.csv",
                    "text/csv;charset=utf-8",
                    &loften_core::views::export_csv(&data, &r),
                );
            }
        }
    };
    let download_csv = download.clone();

    view! {
        <PageFrame class="page--search" heading=t.search_heading lead=t.tagline>
            <form class="search" role="search" on:submit=move |ev| { ev.prevent_default(); write_address(); }>
                <label for="q" class="search__label">{t.search_label}</label>
                <input id="q" name="q" type="search" autocomplete="off" spellcheck="false"
                    placeholder=t.search_placeholder
                    prop:value=move || typed.get()
                    on:input=on_input on:change=on_change/>
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
fn ResultCard(data: Arc<Dataset>, group: Group, query: ReadSignal<String>) -> impl IntoView {
    let t = use_texts();
    let all = data.clone();
    let a = &all.agreements[group.agreement];
    let title = a.title.clone();
    let save_label =
        loften_core::views::bookmark_label(loften_core::dataset::Located::Agreement(a));
    let kommuner = a.kommuner.join(", ");
    let period = a.period.clone();
    let href = format!("/medborgarlofte/{}", a.id);
    let lan: Vec<String> = data.lan_of(a).iter().map(|l| l.name.clone()).collect();
    let listed = group.promises.len() + group.activities.len();
    let (promise_count, activity_count) = (a.promises.len(), a.activities.len());
    // "2 löften, 11 aktiviteter"; a part that is zero is left out rather than shown as "0 löften".
    let counts = [
        (promise_count, t.promise, t.promises),
        (activity_count, t.activity, t.activities),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| {
        format!(
            "{n} {}",
            loften_core::text::lowercase(if n == 1 { one } else { many })
        )
    })
    .collect::<Vec<_>>()
    .join(", ");
    let announcement = a.kind == AgreementKind::Announcement;
    // Promises first (they are what was promised), then activities, up to the cap.
    let promises: Vec<_> = group
        .promises
        .iter()
        .take(RECORDS_PER_AGREEMENT)
        .map(|&i| a.promises[i].clone())
        .collect();
    let activities: Vec<_> = group
        .activities
        .iter()
        .take(RECORDS_PER_AGREEMENT - promises.len())
        .map(|&i| a.activities[i].clone())
        .collect();
    let more = listed - promises.len() - activities.len();
    let more_href = href.clone();
    let matched_own_words = move || listed == 0 && query.with(|q| !q.trim().is_empty());
    view! {
        <article class="card result">
            <div class="card__head">
                <h2 class="card__title" lang="sv"><a href=link_to(&href)>{title}</a></h2>
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
            <Show when=matched_own_words>
                <p class="muted">{t.matched_by_agreement}</p>
            </Show>
            {(listed > 0).then(|| view! {
                <ul class="records" aria-label=t.matches_in_agreement>
                    {promises.into_iter().map(|p| view! { <li><PromiseItem data=data.clone() promise=p/></li> }).collect_view()}
                    {activities.into_iter().map(|x| view! { <li><ActivityItem data=data.clone() activity=x/></li> }).collect_view()}
                </ul>
                {(more > 0).then(|| view! { <p class="more-matches"><a href=link_to(&more_href)>{format!("{more} {}", if more == 1 { t.more_match } else { t.more_matches })}</a></p> })}
            })}
        </article>
    }
}

/// No results: say so, and offer each way to widen the search.
#[component]
fn EmptyState<F: Fn(Query, bool) + Send + Sync + 'static>(
    data: Arc<Dataset>,
    query: Query,
    go: StoredValue<F>,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let mut ways: Vec<(String, Query)> = Vec::new();
    if !query.q.trim().is_empty() {
        ways.push((
            format!("”{}”", query.q.trim()),
            Query {
                q: String::new(),
                ..query.clone()
            },
        ));
    }
    for key in KEYS {
        for value in key.values(&query) {
            let remaining: Vec<String> = key
                .values(&query)
                .into_iter()
                .filter(|v| *v != value)
                .collect();
            let label = format!(
                "{}: {}",
                key.label(lang.get_untracked().texts()),
                key.value_label(&data, &value, lang.get_untracked())
            );
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
