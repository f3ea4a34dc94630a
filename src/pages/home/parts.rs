//! Search over the index published in parts: the start page holds the index's tables, and
//! loads the parts of the words as they are typed, and the records' table the first time a
//! search reads promises and activities. Until a query's parts have come, the results stay
//! those of the last query answered, and the page says it is searching. The records' table
//! holds up only a filter by topic, actor or status: the results of words are listed without
//! it, and their filters' counts follow when it comes.

use std::sync::Arc;

use leptos::prelude::*;
use loften_core::published::PartKeys;
use loften_core::query::{RecordTable, SearchTables, Words};
use loften_core::search_parts::merge_words;
use loften_core::{Dataset, Index, Query};

use crate::catalog::{fetch_search_parts, Catalog, LoadError, SearchParts};

/// The index with the words loaded so far, and which parts those are.
#[derive(Clone, Copy)]
pub struct PartsIndex {
    index: RwSignal<Arc<Index>>,
    /// The parts loaded into `index`.
    loaded: RwSignal<Vec<String>>,
    /// Why the last parts asked for did not come, until they are asked for again.
    failed: RwSignal<Option<LoadError>>,
    /// Parts asked for and on their way, so that typing on does not ask twice.
    asked: StoredValue<Vec<String>>,
    words: StoredValue<Words>,
    records: StoredValue<Option<Arc<RecordTable>>>,
    keys: StoredValue<PartKeys>,
    base: StoredValue<(Arc<Dataset>, Arc<SearchTables>)>,
}

impl PartsIndex {
    /// For a catalog whose version publishes search in parts and which holds the tables.
    pub fn of(catalog: &Catalog) -> Option<PartsIndex> {
        let tables = catalog.tables.clone()?;
        let keys = catalog.coverage.search()?.keys();
        let index = Index::assemble(&catalog.data, &tables, None, Words::new());
        Some(PartsIndex {
            index: RwSignal::new(Arc::new(index)),
            loaded: RwSignal::new(Vec::new()),
            failed: RwSignal::new(None),
            asked: StoredValue::new(Vec::new()),
            words: StoredValue::new(Words::new()),
            records: StoredValue::new(None),
            keys: StoredValue::new(keys),
            base: StoredValue::new((catalog.data.clone(), tables)),
        })
    }

    /// The parts `query`'s results need: those of its words, and the records' table if it
    /// filters by them.
    fn paths_for(&self, query: &Query) -> Vec<String> {
        self.keys.with_value(|keys| {
            let mut paths = keys.paths_for(&query.terms());
            if self
                .index
                .with_untracked(|index| index.lists_by_records(query))
            {
                paths.push(keys.records_path().to_string());
            }
            paths
        })
    }

    /// The records' table, if `query`'s filters' counts need it.
    fn count_paths(&self, query: &Query) -> Vec<String> {
        let needed = self
            .index
            .with_untracked(|index| index.needs_records(query));
        let records = needed.then(|| self.keys.with_value(|keys| keys.records_path().to_string()));
        records.into_iter().collect()
    }

    fn loaded_all(&self, paths: &[String]) -> bool {
        self.loaded
            .with(|loaded| paths.iter().all(|path| loaded.contains(path)))
    }

    /// Whether every part `query`'s results need has been loaded (tracked: it changes as
    /// parts come).
    pub fn holds(&self, query: &Query) -> bool {
        self.loaded_all(&self.paths_for(query))
    }

    /// Whether the records' table `query`'s filters' counts read, if they do, has been loaded
    /// (tracked): with every part its results need (`holds`), it counts as the whole index.
    pub fn holds_counts(&self, query: &Query) -> bool {
        self.loaded_all(&self.count_paths(query))
    }

    /// The index as loaded so far (tracked).
    pub fn index(&self) -> Arc<Index> {
        self.index.get()
    }

    /// The index as loaded so far, for what is the same for every query.
    pub fn index_untracked(&self) -> Arc<Index> {
        self.index.get_untracked()
    }

    /// Why the parts of the last query did not come (tracked).
    pub fn failed(&self) -> Option<LoadError> {
        self.failed.get()
    }

    /// Load the parts `query` needs that are neither loaded nor on their way; then, apart and
    /// once those are in (tracked: the caller runs again as they come), so as not to share the
    /// network with them, the records' table for its counts and the parts its next letter will
    /// need.
    pub fn load_for(&self, query: &Query) {
        let own = self.paths_for(query);
        let held = self.loaded_all(&own);
        self.fetch(own, true);
        if held {
            let ahead = self
                .keys
                .with_value(|keys| keys.paths_ahead(&query.terms()));
            self.fetch(self.count_paths(query), false);
            self.fetch(ahead, false);
        }
    }

    /// Fetch the parts of `paths` that are neither loaded nor on their way; if `said`, a
    /// failure is the search's to show.
    fn fetch(&self, paths: Vec<String>, said: bool) {
        let this = *self;
        let missing: Vec<String> = paths
            .into_iter()
            .filter(|path| {
                let loaded = this.loaded.with_untracked(|l| l.contains(path));
                let asked = this.asked.with_value(|a| a.contains(path));
                !loaded && !asked
            })
            .collect();
        if missing.is_empty() {
            return;
        }
        self.asked
            .update_value(|asked| asked.extend(missing.iter().cloned()));
        if said {
            self.failed.set(None);
        }
        let (records, tables) = (
            self.keys.with_value(|keys| keys.records_path().to_string()),
            self.base.with_value(|(_, tables)| tables.clone()),
        );
        leptos::task::spawn_local(async move {
            let result = fetch_search_parts(&missing, &records, &tables).await;
            // The page may be gone by now: every write is a `try_` one.
            this.asked
                .try_update_value(|asked| asked.retain(|path| !missing.contains(path)));
            match result {
                Ok(parts) => this.add(missing, parts),
                Err(error) if said => {
                    this.failed.try_set(Some(error));
                }
                Err(_) => {}
            }
        });
    }

    fn add(&self, paths: Vec<String>, parts: SearchParts) {
        let SearchParts { words, records } = parts;
        let Some(all) = self.words.try_update_value(|all| {
            merge_words(all, words);
            all.clone()
        }) else {
            return;
        };
        let Some(records) = self.records.try_update_value(|held| {
            if let Some(records) = records {
                *held = Some(Arc::new(records));
            }
            held.clone()
        }) else {
            return;
        };
        let Some(index) = self.base.try_with_value(|(data, tables)| {
            Index::assemble(data, tables, records.as_deref(), all)
        }) else {
            return;
        };
        self.index.try_set(Arc::new(index));
        self.loaded.try_update(|loaded| loaded.extend(paths));
    }
}
