//! `/`: one search field, five filters, results grouped by agreement. Every bit of state is in
//! the URL, so a search can be shared, bookmarked and walked back with the browser.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use loften_core::filters::{FilterKey, Fold};
use loften_core::query::{Group, Ignored};
use loften_core::route::Route;
use loften_core::Query;

use crate::catalog::use_catalog;
use crate::components::link::Link;
use crate::components::page_frame::PageFrame;
use crate::components::page_meta::PageMeta;
use crate::components::with_catalog::WithCatalog;
use crate::i18n::{result_summary, td_string, use_lang, use_texts};

mod filters;
mod results;

use filters::{Chips, FilterSelect};
use results::{EmptyState, ResultCard};

/// How many agreements are drawn at first; "Visa fler" draws more. A phone shows about one
/// card per screen, and every card drawn is work on every keystroke that changes the results
/// (measured in BENCHMARKS.md: 6 cards with 2 matches each kept typing over its budget).
const PAGE_SIZE: usize = 4;
/// Matching promises and activities shown per agreement in a long list, the best first, as a
/// search engine shows one snippet; "N träffar till" and the agreement's page have the rest.
/// A short list shows them all (`Fold`).
const RECORDS_PER_AGREEMENT: usize = 1;
/// Where the filters stop folding: the same width as in style/main.css.
const WIDE_SCREEN: &str = "(min-width: 48rem)";
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
    let t = use_texts();
    view! {
        <PageMeta title="" description=td_string!(t, site_description)/>
        <WithCatalog><Search/></WithCatalog>
    }
}

/// Search, filters and results over a loaded catalog.
#[component]
fn Search() -> impl IntoView {
    let t = use_texts();
    // Plain text: a change of language rebuilds the page.
    let lang = use_lang().get_untracked();
    let address = use_query_map();
    let navigate = use_navigate();
    let catalog = use_catalog();
    let data = catalog.data.clone();
    let index = catalog.index.clone();

    let parsed = {
        let data = data.clone();
        Memo::new(move |_| address.with(|pairs| Query::from_pairs(pairs, &data)))
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
    let go = Callback::new(move |(q, replace): (Query, bool)| {
        navigate(
            &Route::Home(q).href(),
            NavigateOptions {
                replace,
                scroll: false,
                ..Default::default()
            },
        );
    });
    let address_write = Pending::new();
    let write_address = move || {
        address_write.cancel();
        // The page may be gone by the time the timeout fires.
        if let Some(q) = query.try_get_untracked() {
            if from_url.try_with_untracked(|u| u.q != q.q) == Some(true) {
                go.try_run((q, true));
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
    // Read in place: the results hold every matching group, too much to copy on each key.
    let summary = move || results.with(|r| result_summary(lang, r.groups.len(), r.record_count));

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

    let settle = Callback::new(move |()| settle());
    let chosen = Memo::new(move |_| from_url.with(FilterKey::chosen_count));
    let summary_label = move || match chosen.get() {
        0 => td_string!(t, filters).to_string(),
        n => format!("{} ({n})", td_string!(t, filters)),
    };
    // The first render is the same everywhere (closed); on a wide screen the panel opens once
    // the page runs, where its summary is hidden and the filters always show.
    let panel = NodeRef::<leptos::html::Details>::new();
    Effect::new(move |_| {
        let Some(panel) = panel.get() else { return };
        let wide = window()
            .match_media(WIDE_SCREEN)
            .ok()
            .flatten()
            .is_some_and(|m| m.matches());
        if wide {
            let _ = panel.set_attribute("open", "");
        }
    });
    let filters = FilterKey::ALL
        .into_iter()
        .map(|key| view! { <FilterSelect key=key address=from_url query=query facets=facets go=go settle=settle/> })
        .collect_view();

    let fold =
        Memo::new(move |_| results.with(|r| Fold::of(r, shown.get(), RECORDS_PER_AGREEMENT)));
    // Cards are keyed by their agreement, matches and how many they list: while a word is
    // typed the matches often stay the same, and then only the highlighting changes, not the
    // cards.
    let page = Memo::new(move |_| {
        let fold = fold.get();
        results.with(|r| {
            r.groups
                .iter()
                .take(fold.cards)
                .map(|g| (g.clone(), fold.per_card))
                .collect::<Vec<(Group, Option<usize>)>>()
        })
    });
    let more = move || results.with(|r| fold.get().more(r));
    let text = typed.read_only();
    // Paint the matches over the cards for this text. Effects run after the render effects
    // that put the cards in the document, and before the frame that shows them.
    Effect::new(move |_| {
        page.track();
        text.with(|text| crate::highlight::paint("ol.results .record__text", text));
    });
    on_cleanup(crate::highlight::clear);
    // Someone who typed before the app took over the page the build rendered: search for it.
    crate::device::on_device(move || {
        let field = document().get_element_by_id("q").and_then(|field| {
            wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(field).ok()
        });
        if let Some(value) = field.map(|field| field.value()).filter(|v| !v.is_empty()) {
            if value != typed.get_untracked() {
                typed.set(value);
            }
        }
    });
    let results_view = {
        view! {
            <Show
                when=move || results.with(|r| !r.groups.is_empty())
                fallback=move || view! { <EmptyState query=query.get() go=go/> }
            >
                <ol class="results">
                    <For each=move || page.get() key=|card| card.clone() let:card>
                        <li><ResultCard group=card.0 limit=card.1 query=text/></li>
                    </For>
                </ol>
                <Show when=more>
                    <button type="button" class="button button--secondary" on:click=move |_| shown.set(fold.get_untracked().next_page(PAGE_SIZE))>{td_string!(t, show_more)}</button>
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
        <PageFrame class="page--search" heading=td_string!(t, search_heading) lead=td_string!(t, tagline)>
            <form class="search" role="search" on:submit=move |ev| { ev.prevent_default(); write_address(); }>
                <label for="q" class="search__label">{td_string!(t, search_label)}</label>
                <input id="q" name="q" type="search" autocomplete="off" spellcheck="false"
                    placeholder=td_string!(t, search_placeholder)
                    prop:value=move || typed.get()
                    on:input=on_input on:change=on_change/>
            </form>
            // Shown only where no script runs (index.html marks `<html class="js">`).
            <p class="notice needs-js">{td_string!(t, needs_js)}" "<Link to=Route::Kommuner>{td_string!(t, needs_js_link)}</Link>"."</p>
            // Folded on a phone, where five filters would fill the first screen; open on wider
            // screens (style/main.css and the Effect above). The summary names how many are
            // chosen, and the chips under it show which.
            <details class="filters-panel" node_ref=panel>
                <summary class="filters-panel__summary">{summary_label}</summary>
                <section class="filters" aria-label=td_string!(t, filters)>
                    {filters}
                </section>
            </details>
            <Chips address=from_url query=query go=go/>
            <Show when=move || !ignored.get().is_empty()>
                <div class="notice" role="note">
                    <p>{td_string!(t, ignored_values)}</p>
                    <ul>{move || ignored.get().into_iter().map(|Ignored { key, value }| view! { <li><code>{format!("{key}={value}")}</code></li> }).collect_view()}</ul>
                </div>
            </Show>
            <p class="results-count" role="status" aria-live="polite" aria-atomic="true">{summary}</p>
            {results_view}
            // After the results: on a phone the results come first; downloading is rarer. A kiosk
            // has no downloads: a file saved there stays with the next stranger.
            {(!crate::kiosk::use_kiosk().enabled).then(|| view! {
                <div class="downloads" role="group" aria-labelledby="downloads-label">
                    <span class="downloads__label" id="downloads-label">{td_string!(t, download)}</span>
                    <button type="button" class="button button--small" on:click=move |_| download_csv(false)>{td_string!(t, download_csv)}</button>
                    <button type="button" class="button button--small" on:click=move |_| download(true)>{td_string!(t, download_json)}</button>
                </div>
            })}
        </PageFrame>
    }
}
