//! The start page's search as signals, shared by its parts (the field, the filters, the chips,
//! the results) through one context.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_use::use_debounce_fn;
use loften_core::filters::{Fold, FIRST_CARDS};
use loften_core::published::Need;
use loften_core::query::{Facets, Group, Ignored};
use loften_core::route::Route;
use loften_core::{Agreement, Dataset, Index, Query, Results};

use super::parts::PartsIndex;
use crate::catalog::{grow_for, load_catalog, use_catalog, Catalog, Held, LoadError, Want};
use crate::navigation::same_page;

/// How many agreements are drawn at first, and then at each "Visa fler".
const PAGE_SIZE: usize = FIRST_CARDS;
/// Matching promises and activities shown per agreement in a long list, the best first, as a
/// search engine shows one snippet; "N träffar till" and the agreement's page have the rest.
/// A short list shows them all (`Fold`).
const RECORDS_PER_AGREEMENT: usize = 1;
/// How long typing must pause before the search text is written to the address (ms).
const ADDRESS_DELAY_MS: f64 = 400.0;
/// How long the results must stay the same before the filters' counts are computed (ms).
const COUNTS_DELAY_MS: f64 = 300.0;

/// The search: what the address says, what has been typed since, and what they find.
#[derive(Clone, Copy)]
pub struct SearchState {
    /// The search as in the address, whose filters are the chosen values.
    pub address: Memo<Query>,
    /// Values in the address that no filter knows, to say they were left out.
    pub ignored: Memo<Vec<Ignored>>,
    /// The search text as typed, or as the address has it when nothing was typed over it.
    pub text: Memo<String>,
    /// The search as it stands: the address's filters and the text typed.
    pub query: Memo<Query>,
    /// What the search finds, without the filters' counts.
    pub results: Memo<Results>,
    /// The cards drawn, each with how many of its matches it lists (`None`: all).
    pub page: Memo<Vec<(Group, Option<usize>)>>,
    /// The filters' counts, which follow the results once typing pauses.
    pub facets: RwSignal<Facets>,
    /// The parts of the index the search needs are on their way: the results are the last
    /// search's until they come.
    pub searching: Memo<bool>,
    /// Why the parts the search needs did not come.
    pub failed: Signal<Option<LoadError>>,
    /// The index in parts, until offline it is the index of what the device kept.
    engine: RwSignal<Engine>,
    /// What the cards are drawn from: the catalog, grown by the chunks of the agreements a
    /// search in parts shows.
    cards_from: RwSignal<Catalog>,
    /// What was typed, and the address's text it was typed over: once the address has other
    /// text (Back, a link, a filter, or the typing written to it), the address's text counts.
    typed: RwSignal<Option<(String, String)>>,
    /// How many cards to draw, and for which search: a new search starts from the first page.
    shown: RwSignal<(Query, usize)>,
    fold: Memo<Fold>,
    go: Callback<(Query, bool)>,
    settle: Callback<()>,
    write_now: Callback<()>,
    write_later: Callback<()>,
}

impl SearchState {
    /// The search for the page's address, provided to everything under the caller.
    pub fn provide() -> SearchState {
        let catalog = use_catalog();
        let data = catalog.data.clone();
        let engine = RwSignal::new(match PartsIndex::of(&catalog) {
            Some(parts) => Engine::Parts(parts),
            None => Engine::Whole(catalog.index()),
        });
        let pairs = use_query_map();
        let parsed = Memo::new(move |_| pairs.with(|pairs| Query::from_pairs(pairs, &data)));
        let address = Memo::new(move |_| parsed.get().0);
        let ignored = Memo::new(move |_| parsed.get().1);
        let typed = RwSignal::new(None::<(String, String)>);
        // What was typed, while the address still has the text it was typed over.
        let typed_over_address = move || {
            typed.with(|typed| {
                let over_address = |(over, _): &&(String, String)| address.with(|a| a.q == *over);
                typed
                    .as_ref()
                    .filter(over_address)
                    .map(|(_, text)| text.clone())
            })
        };
        let text = Memo::new(move |_| {
            typed_over_address().unwrap_or_else(|| address.with(|q| q.q.clone()))
        });
        let query = Memo::new(move |_| Query {
            q: text.get(),
            ..address.get()
        });
        let searching = Memo::new(move |_| match engine.get() {
            Engine::Whole(_) => false,
            Engine::Parts(parts) => query.with(|query| !parts.holds(query)),
        });
        let results = Memo::new(move |previous: Option<&Results>| {
            query.with(|query| match engine.get() {
                Engine::Whole(index) => index.search_without_facets(query),
                Engine::Parts(_) if searching.get() => previous.cloned().unwrap_or_default(),
                Engine::Parts(parts) => parts.index().search_without_facets(query),
            })
        });
        let failed = Signal::derive(move || match engine.get() {
            Engine::Whole(_) => None,
            Engine::Parts(parts) => parts.failed(),
        });
        Effect::new(move |_| {
            if let Engine::Parts(parts) = engine.get() {
                query.with(|query| parts.load_for(query));
            }
        });
        let shown = RwSignal::new((query.get_untracked(), PAGE_SIZE));
        let fold = Memo::new(move |_| {
            let cards = shown.with(|(shown_for, cards)| {
                query.with(|q| if shown_for == q { *cards } else { PAGE_SIZE })
            });
            results.with(|r| Fold::of(r, cards, RECORDS_PER_AGREEMENT))
        });
        let page = Memo::new(move |_| {
            let fold = fold.get();
            results.with(|r| {
                r.groups
                    .iter()
                    .take(fold.cards)
                    .map(|g| (g.clone(), fold.per_card))
                    .collect()
            })
        });

        // Typing replaces the history entry (Back should not replay every keystroke);
        // choosing a filter adds one.
        let navigate = use_navigate();
        let go = Callback::new(move |(q, replace): (Query, bool)| {
            navigate(&Route::Home(q).href(), same_page(replace));
        });
        // The page may be gone by the time a timer fires: every read here is a `try_` one.
        let write_address = move || {
            let Some(q) = query.try_get_untracked() else {
                return;
            };
            if address.try_with_untracked(|a| a.q != q.q) == Some(true) {
                go.try_run((q, true));
            }
        };
        let write_soon = use_debounce_fn(write_address, ADDRESS_DELAY_MS);

        // The filters' counts sit inside closed selects, unseen while someone types: they
        // follow the results once typing pauses, or at once when a filter gets focus, and so
        // stay out of the work done on every keystroke.
        let facets = RwSignal::new(
            engine.with_untracked(|engine| engine.index().facets_of(&query.get_untracked())),
        );
        // Counted once the search's parts are in, the records' table too where the counts read
        // it: until then the counts are the last search's.
        let counted = Memo::new(move |_| match engine.get() {
            Engine::Whole(_) => true,
            Engine::Parts(parts) => !searching.get() && query.with(|q| parts.holds_counts(q)),
        });
        let settle = move || {
            if counted.try_get_untracked() != Some(true) {
                return;
            }
            if let Some(latest) = query
                .try_with_untracked(|q| {
                    engine.try_with_untracked(|engine| engine.index().facets_of(q))
                })
                .flatten()
            {
                facets.try_set(latest);
            }
        };
        let settle_later = use_debounce_fn(settle, COUNTS_DELAY_MS);
        // While the text shown is being typed over the address's, the counts wait for a pause;
        // a search the address brings (a link opened, Back, a filter chosen) is counted at
        // once, or its filters would show the last search's counts beside its results.
        let typing = move || untrack(typed_over_address).is_some();
        // Not on the first run: the counts above are already this query's.
        Effect::new(move |first: Option<()>| {
            results.track();
            counted.track();
            if first.is_some() {
                if typing() {
                    settle_later();
                } else {
                    settle();
                }
            }
        });

        let cards_from = RwSignal::new(catalog);
        let state = SearchState {
            address,
            ignored,
            text,
            query,
            results,
            page,
            facets,
            searching,
            failed,
            engine,
            cards_from,
            typed,
            shown,
            fold,
            go,
            settle: Callback::new(move |()| settle()),
            write_now: Callback::new(move |()| write_address()),
            write_later: Callback::new(move |()| {
                write_soon();
            }),
        };
        // Someone who typed before the app took over the page the build rendered.
        crate::device::on_device(move || {
            let field = document().get_element_by_id("q").and_then(|field| {
                wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(field).ok()
            });
            if let Some(value) = field.map(|field| field.value()).filter(|v| !v.is_empty()) {
                state.set_typed(value);
            }
        });
        state.load_cards();
        state.search_what_is_kept_offline();
        provide_context(state);
        state
    }

    /// With search in parts, load the chunks of the agreements the cards show that the catalog
    /// does not hold: each card shows that it is loading until they come.
    fn load_cards(&self) {
        let this = *self;
        let needs = Memo::new(move |_| {
            if this.engine.with(|e| matches!(e, Engine::Whole(_))) {
                return Vec::new();
            }
            let ids = this.cards_from.with(|catalog| {
                let all = catalog.coverage.agreement_ids();
                this.page.with(|page| {
                    page.iter()
                        .filter_map(|(group, _)| all.get(group.agreement).cloned())
                        .collect::<Vec<_>>()
                })
            });
            ids.into_iter().map(Need::Agreement).collect()
        });
        grow_for(this.cards_from, needs);
    }

    /// Offline, with search in parts: search what the device kept instead, whole, as a page of
    /// everything does offline (and says so). The parts of the words typed are seldom kept,
    /// nor are the chunks of the cards they would show. (Switched once: the kept data's index
    /// stays until the page is opened again.)
    fn search_what_is_kept_offline(&self) {
        let this = *self;
        let wanted = RwSignal::new(false);
        // On the device only (the build has no network to miss): at the start, which covers a
        // page whose tables were not kept either, and whenever parts do not come.
        let in_parts = this
            .cards_from
            .with_untracked(|c| c.coverage.search().is_some());
        Effect::new(move |_| {
            this.failed.track();
            if in_parts && !wanted.get_untracked() && crate::catalog::offline() {
                wanted.set(true);
            }
        });
        let kept = LocalResource::new(move || {
            let (go, held) = (wanted.get(), this.cards_from.get_untracked());
            async move {
                if !go {
                    return None;
                }
                let want = Want::Need(Need::All);
                Some(load_catalog(Some(&held.edition.version), &want).await)
            }
        });
        Effect::new(move |_| {
            if let Some(Some(Ok(catalog))) = kept.get() {
                this.engine.set(Engine::Whole(catalog.index()));
                this.cards_from.set(catalog.clone());
                Held::grew(catalog);
            }
        });
    }

    /// The agreement at a position of the results, if its chunk is held (tracked: it comes).
    pub fn agreement_at(&self, position: usize) -> Option<Agreement> {
        let whole = self.engine.with(|e| matches!(e, Engine::Whole(_)));
        self.cards_from.with(|catalog| {
            if whole {
                catalog.data.agreements.get(position).cloned()
            } else {
                catalog.agreement_at(position).cloned()
            }
        })
    }

    /// The index as it stands, for what is the same for every query (the years, the
    /// kommuner with agreements).
    pub fn index(&self) -> Arc<Index> {
        self.engine.with(Engine::index)
    }

    /// The results with every agreement they list at hand, for a download: with search in
    /// parts, the chunks of all of them are loaded first.
    pub async fn complete_results(self) -> Result<(Arc<Dataset>, Results), LoadError> {
        let results = self.results.get_untracked();
        let held = self.cards_from.get_untracked();
        if self
            .engine
            .with_untracked(|e| matches!(e, Engine::Whole(_)))
        {
            return Ok((held.data, results));
        }
        let ids: Vec<String> = results
            .groups
            .iter()
            .filter_map(|g| held.coverage.agreement_ids().get(g.agreement).cloned())
            .collect();
        let want = held.grown_by_all(ids.iter().cloned().map(Need::Agreement));
        let loaded = load_catalog(Some(&held.edition.version), &want).await?;
        let positions: std::collections::HashMap<&str, usize> = (loaded.data.agreements.iter())
            .enumerate()
            .map(|(position, a)| (a.id.as_str(), position))
            .collect();
        let groups = results
            .groups
            .into_iter()
            .zip(&ids)
            .filter_map(|(group, id)| {
                Some(Group {
                    agreement: *positions.get(id.as_str())?,
                    ..group
                })
            })
            .collect();
        Ok((loaded.data, Results { groups, ..results }))
    }

    /// Ask again for the parts of the index that did not come.
    pub fn retry(&self) {
        if let Engine::Parts(parts) = self.engine.get_untracked() {
            self.query.with_untracked(|query| parts.load_for(query));
        }
    }

    /// The visitor typed: the results follow at once, the address when typing pauses.
    pub fn type_text(&self, text: String) {
        self.set_typed(text);
        self.write_later.run(());
    }

    fn set_typed(&self, text: String) {
        if self.text.get_untracked() != text {
            let over = self.address.with_untracked(|q| q.q.clone());
            self.typed.set(Some((over, text)));
        }
    }

    /// Write the text typed to the address now (the field was left, or the form sent), so
    /// that Back returns to this search.
    pub fn write_address(&self) {
        self.write_now.run(());
    }

    /// Go to another search, as a new history entry (a filter chosen or removed, a widening).
    pub fn choose(&self, query: Query) {
        self.go.run((query, false));
    }

    /// Bring the filters' counts up to date now (a filter has focus: its counts will show).
    pub fn settle(&self) {
        self.settle.run(());
    }

    /// Whether there are more cards than are drawn.
    pub fn more(&self) -> bool {
        self.results.with(|r| self.fold.get().more(r))
    }

    /// Draw the next page of cards.
    pub fn show_more(&self) {
        let next = self.fold.get_untracked().next_page(PAGE_SIZE);
        self.shown.set((self.query.get_untracked(), next));
    }
}

/// Where the search's answers come from.
#[derive(Clone)]
enum Engine {
    /// The catalog's own index, over all it holds.
    Whole(Arc<Index>),
    /// The index published in parts, loaded as words are typed.
    Parts(PartsIndex),
}

impl Engine {
    /// The index as it stands (untracked).
    fn index(&self) -> Arc<Index> {
        match self {
            Engine::Whole(index) => index.clone(),
            Engine::Parts(parts) => parts.index_untracked(),
        }
    }
}

/// The search, inside the start page.
pub fn use_search() -> SearchState {
    expect_context::<SearchState>()
}
