//! The start page's filters: one labelled select per `FilterKey` with each option's count,
//! and a removable chip per chosen value.

use leptos::prelude::*;
use loften_core::filters::FilterKey;
use loften_core::{ActorFilter, Dataset, Query, StatusFilter};

use super::state::use_search;
use crate::catalog::use_catalog;
use crate::i18n::{page_lang, td_string, topic_name, Lang};

/// The filter's label, its accessible name ("Kommun", "Län", "Tema", "År", "Aktör",
/// "Uppföljning": tests and screen-reader users find the filters by them).
pub fn label(key: FilterKey, lang: Lang) -> &'static str {
    match key {
        FilterKey::Kommun => td_string!(lang, filter_kommun),
        FilterKey::Lan => td_string!(lang, filter_lan),
        FilterKey::Tema => td_string!(lang, filter_tema),
        FilterKey::Ar => td_string!(lang, filter_ar),
        FilterKey::Aktor => td_string!(lang, filter_aktor),
        FilterKey::Status => td_string!(lang, filter_status),
    }
}

fn element_id(key: FilterKey) -> &'static str {
    match key {
        FilterKey::Kommun => "filter-kommun",
        FilterKey::Lan => "filter-lan",
        FilterKey::Tema => "filter-tema",
        FilterKey::Ar => "filter-ar",
        FilterKey::Aktor => "filter-aktor",
        FilterKey::Status => "filter-status",
    }
}

/// An option: its value, its label, and where its count is in `FilterKey::counts`.
type Choice = (String, String, usize);

/// Every option, in groups with an optional label. Fixed for a dataset and language, so the
/// options are drawn once and only their counts change as someone types.
fn grouped_choices(
    key: FilterKey,
    data: &Dataset,
    lang: Lang,
) -> Vec<(Option<&'static str>, Vec<Choice>)> {
    if key == FilterKey::Kommun {
        // The few kommuner with agreements first, where they are found; the rest after.
        let (with, rest) = use_search().index().kommun_groups();
        let options = |list: Vec<usize>| -> Vec<Choice> {
            list.into_iter()
                .map(|i| {
                    (
                        data.kommuner[i].slug.clone(),
                        data.kommuner[i].short_name.clone(),
                        i,
                    )
                })
                .collect()
        };
        return vec![
            (Some(td_string!(lang, kommun_group_with)), options(with)),
            (Some(td_string!(lang, kommun_group_rest)), options(rest)),
        ];
    }
    vec![(None, choices(key, data, lang))]
}

fn choices(key: FilterKey, data: &Dataset, lang: Lang) -> Vec<Choice> {
    match key {
        FilterKey::Kommun => data
            .kommuner
            .iter()
            .enumerate()
            .map(|(i, k)| (k.slug.clone(), k.short_name.clone(), i))
            .collect(),
        FilterKey::Lan => {
            let mut lan: Vec<_> = data
                .lan
                .iter()
                .enumerate()
                .map(|(i, l)| (l.code.clone(), l.name.clone(), i))
                .collect();
            lan.sort_by_cached_key(|l| loften_core::text::sort_key(&l.1));
            lan
        }
        FilterKey::Tema => data
            .topics
            .iter()
            .enumerate()
            .map(|(i, tp)| (tp.id.clone(), topic_name(tp, lang), i))
            .collect(),
        // Every year some agreement covers, from the index (the same for every query).
        FilterKey::Ar => use_search()
            .index()
            .years()
            .iter()
            .enumerate()
            .map(|(i, y)| (y.to_string(), y.to_string(), i))
            .collect(),
        FilterKey::Aktor => ActorFilter::ALL
            .iter()
            .enumerate()
            .map(|(i, a)| {
                (
                    a.slug().to_string(),
                    crate::i18n::actor(lang, *a).to_string(),
                    i,
                )
            })
            .collect(),
        FilterKey::Status => StatusFilter::ALL
            .iter()
            .enumerate()
            .map(|(i, s)| {
                (
                    s.slug().to_string(),
                    crate::i18n::status_filter(lang, *s).to_string(),
                    i,
                )
            })
            .collect(),
    }
}

/// The label of one chosen value, for its chip.
pub fn value_label(key: FilterKey, data: &Dataset, value: &str, lang: Lang) -> String {
    match key {
        FilterKey::Kommun => data
            .kommun_by_slug(value)
            .map_or(value.to_string(), |k| k.short_name.clone()),
        FilterKey::Lan => data
            .lan_by_code(value)
            .map_or(value.to_string(), |l| l.name.clone()),
        FilterKey::Tema => data
            .topic(value)
            .map_or(value.to_string(), |tp| topic_name(tp, lang)),
        FilterKey::Ar => value.to_string(),
        FilterKey::Aktor => ActorFilter::from_slug(value).map_or(value.to_string(), |a| {
            crate::i18n::actor(lang, a).to_string()
        }),
        FilterKey::Status => StatusFilter::from_slug(value).map_or(value.to_string(), |s| {
            crate::i18n::status_filter(lang, s).to_string()
        }),
    }
}

/// One filter: a labelled select of every option with how many agreements it would give.
#[component]
pub fn FilterSelect(
    /// The filter.
    key: FilterKey,
) -> impl IntoView {
    let lang = page_lang();
    let search = use_search();
    let (address, facets) = (search.address, search.facets);
    let catalog = use_catalog();
    let painted = crate::device::use_painted();
    let counts = Memo::new(move |_| facets.with(|f| key.counts(f)));
    // From the address, not the search as typed: typing changes the text on every key and
    // the filters never, and every option's `selected` reads this.
    let chosen = Memo::new(move |_| key.values(&address.get()));
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let values = if value.is_empty() {
            vec![]
        } else {
            vec![value]
        };
        // The search as it stands, with the text typed since.
        search.choose(key.with(&search.query.get_untracked(), values));
    };
    view! {
        <div class="filter">
            <label for=element_id(key)>{label(key, lang)}</label>
            <select id=element_id(key) on:change=on_change on:focus=move |_| search.settle()>
                <option value="" selected=move || chosen.get().is_empty()>{td_string!(lang, all)}</option>
                <Show when=move || { chosen.get().len() > 1 }>
                    <option value="" disabled=true selected=true>{move || format!("{} ({})", td_string!(lang, several_chosen), chosen.get().len())}</option>
                </Show>
                // The options only the app can use come once it runs: the build's page hides
                // the filters without JavaScript, and 290 kommuner would be most of the HTML a
                // phone parses before the first result. They come after the app's first
                // frame, which they would only delay: no one sees inside a closed select.
                <Show when=move || painted.get()>
                {grouped_choices(key, &catalog.data, lang).into_iter().map(|(group, choices)| {
                    let options = choices.into_iter().map(|(value, label, at)| {
                        let selected = {
                            let value = value.clone();
                            move || chosen.with(|c| c.len() == 1 && c[0] == value)
                        };
                        let text = move || format!("{label} ({})", counts.with(|c| c.get(at).copied().unwrap_or(0)));
                        view! { <option value=value selected=selected>{text}</option> }
                    }).collect_view();
                    match group {
                        Some(name) => view! { <optgroup label=name>{options}</optgroup> }.into_any(),
                        None => options.into_any(),
                    }
                }).collect_view()}
                </Show>
            </select>
        </div>
    }
}

/// A removable chip for every chosen filter value.
#[component]
pub fn Chips() -> impl IntoView {
    let search = use_search();
    // Plain text: a change of language rebuilds the page.
    let lang = page_lang();
    let data = use_catalog().data;
    // The filters without the search text: the chips follow neither typing nor its pauses.
    let filters_only = Memo::new(move |_| Query {
        q: String::new(),
        ..search.address.get()
    });
    let chips = move || {
        let q = filters_only.get();
        FilterKey::ALL
            .into_iter()
            .flat_map(|key| key.values(&q).into_iter().map(move |v| (key, v)))
            .map(|(key, value)| {
                let label = format!(
                    "{}: {}",
                    label(key, lang),
                    value_label(key, &data, &value, lang)
                );
                let name = format!("{} {}", td_string!(lang, remove_filter), label);
                // The query as it is when pressed (with the search text typed since).
                let remove =
                    move |_| search.choose(key.without(&search.query.get_untracked(), &value));
                view! {
                    <li>
                        <button type="button" class="chip" aria-label=name on:click=remove>
                            {label}<span aria-hidden="true">" ×"</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! { <ul class="chips">{chips}</ul> }
}
