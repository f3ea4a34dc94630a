//! `/`: one search field, five filters, results grouped by agreement. Every bit of state is in
//! the URL, so a search can be shared, bookmarked and walked back with the browser. The
//! search's signals are `state::SearchState`, which every part here reads from context.

use leptos::prelude::*;
use loften_core::filters::FilterKey;
use loften_core::query::Ignored;
use loften_core::route::Route;

use crate::components::follow::WhatsNew;
use crate::components::link::Link;
use crate::components::page_frame::PageFrame;
use crate::components::page_meta::PageMeta;
use crate::i18n::{page_lang, result_summary, td_string};

mod filters;
mod parts;
mod results;
mod state;

use filters::{Chips, FilterSelect};
use results::ResultList;
use state::{use_search, SearchState};

/// Where the filters stop folding: the same width as in style/main.css.
const WIDE_SCREEN: &str = "(min-width: 48rem)";

/// The start page.
#[component]
pub fn HomePage() -> impl IntoView {
    let lang = page_lang();
    view! {
        <PageMeta title="" description=td_string!(lang, site_description)/>
        <Search/>
    }
}

/// Search, filters and results over a loaded catalog.
#[component]
fn Search() -> impl IntoView {
    let lang = page_lang();
    let search = SearchState::provide();
    // Read in place: the results hold every matching group, too much to copy on each key.
    let summary = move || {
        if search.searching.get() && search.failed.with(Option::is_none) {
            return td_string!(lang, search_loading).to_string();
        }
        search
            .results
            .with(|r| result_summary(lang, r.groups.len(), r.record_count))
    };
    view! {
        <PageFrame class="page--search" heading=td_string!(lang, search_heading) lead=td_string!(lang, tagline)>
            // What is new where the visitor follows a kommun: what they came back for.
            <WhatsNew/>
            <SearchField/>
            // Shown only where no script runs (index.html marks `<html class="js">`).
            <p class="notice needs-js">{td_string!(lang, needs_js)}" "<Link to=Route::Kommuner>{td_string!(lang, needs_js_link)}</Link>"."</p>
            <FilterPanel/>
            <Chips/>
            <IgnoredValues/>
            <p class="results-count" role="status" aria-live="polite" aria-atomic="true">{summary}</p>
            <ResultList/>
            // After the results: on a phone the results come first; downloading is rarer. A kiosk
            // has no downloads: a file saved there stays with the next stranger.
            {(!crate::kiosk::use_kiosk().enabled).then(|| view! { <Downloads/> })}
        </PageFrame>
    }
}

/// The search field: the results follow each key, the address follows when typing pauses
/// (writing it costs a same-document navigation, and with it a favicon check, on every key).
#[component]
fn SearchField() -> impl IntoView {
    let lang = page_lang();
    let search = use_search();
    view! {
        <form class="search" role="search" on:submit=move |ev| { ev.prevent_default(); search.write_address(); }>
            <label for="q" class="search__label">{td_string!(lang, search_label)}</label>
            <input id="q" name="q" type="search" autocomplete="off" spellcheck="false"
                placeholder=td_string!(lang, search_placeholder)
                prop:value=move || search.text.get()
                on:input=move |ev| search.type_text(event_target_value(&ev))
                // Leaving the field (for a result link, say) writes the address at once, so
                // Back returns to this search.
                on:change=move |_| search.write_address()/>
        </form>
    }
}

/// The filters, folded on a phone, where five would fill the first screen, and open on wider
/// screens (style/main.css). The summary names how many are chosen; the chips show which.
#[component]
fn FilterPanel() -> impl IntoView {
    let lang = page_lang();
    let search = use_search();
    let chosen = Memo::new(move |_| search.address.with(FilterKey::chosen_count));
    let summary = move || match chosen.get() {
        0 => td_string!(lang, filters).to_string(),
        n => format!("{} ({n})", td_string!(lang, filters)),
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
    view! {
        <details class="filters-panel" node_ref=panel>
            <summary class="filters-panel__summary">{summary}</summary>
            <section class="filters" aria-label=td_string!(lang, filters)>
                {FilterKey::ALL.into_iter().map(|key| view! { <FilterSelect key=key/> }).collect_view()}
            </section>
        </details>
    }
}

/// Values in the address that no filter knows: left out, and said so.
#[component]
fn IgnoredValues() -> impl IntoView {
    let lang = page_lang();
    let ignored = use_search().ignored;
    view! {
        <Show when=move || !ignored.with(Vec::is_empty)>
            <div class="notice" role="note">
                <p>{td_string!(lang, ignored_values)}</p>
                <ul>{move || ignored.get().into_iter().map(|Ignored { key, value }| view! { <li><code>{format!("{key}={value}")}</code></li> }).collect_view()}</ul>
            </div>
        </Show>
    }
}

/// The results as a file, CSV or JSON.
#[component]
fn Downloads() -> impl IntoView {
    let lang = page_lang();
    let search = use_search();
    // With search in parts the chunks of every agreement found come first: a download holds
    // all of the results, as the page counts them.
    let download = move |json: bool| {
        leptos::task::spawn_local(async move {
            let Ok((data, results)) = search.complete_results().await else {
                return;
            };
            if json {
                let text = loften_core::views::export_json(&data, &results);
                crate::download::save("medborgarloften.json", "application/json", &text);
            } else {
                let text = loften_core::views::export_csv(&data, &results);
                crate::download::save("medborgarloften.csv", "text/csv;charset=utf-8", &text);
            }
        });
    };
    let download_csv = download;
    view! {
        <div class="downloads" role="group" aria-labelledby="downloads-label">
            <span class="downloads__label" id="downloads-label">{td_string!(lang, download)}</span>
            <button type="button" class="button button--small" on:click=move |_| download_csv(false)>{td_string!(lang, download_csv)}</button>
            <button type="button" class="button button--small" on:click=move |_| download(true)>{td_string!(lang, download_json)}</button>
        </div>
    }
}
