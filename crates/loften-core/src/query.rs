//! The query engine: the state of the start page's URL, an index over the dataset, and
//! search with filters, ranking and facet counts.
//!
//! Search is forgiving in the way a Swedish reader expects: case does not matter, "oxnehaga"
//! finds "Öxnehaga" (but exact letters rank first), a word's beginning finds the word
//! ("trygghetsvandr"), and a term of four or more letters also finds the inside of a compound
//! ("vandring" finds "trygghetsvandringar"), because Swedish glues words together.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;
use crate::followups::activity_status;
use crate::model::{Actor, Agreement, Progress, MAX_TOPICS};
use crate::text::{fold, words};
use crate::url;

/// Terms shorter than this match only at the start of a word.
pub const MIN_INFIX_CHARS: usize = 4;

/// The years the `ar` filter takes from an address, and so the years its facet can offer.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// The `aktor` filter: who carries out an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ActorFilter {
    Polisen,
    Kommunen,
    /// Both police and kommun named.
    Gemensamt,
}

impl ActorFilter {
    pub const ALL: [ActorFilter; 3] = [
        ActorFilter::Polisen,
        ActorFilter::Kommunen,
        ActorFilter::Gemensamt,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ActorFilter::Polisen => "polisen",
            ActorFilter::Kommunen => "kommunen",
            ActorFilter::Gemensamt => "gemensamt",
        }
    }

    pub fn from_slug(slug: &str) -> Option<ActorFilter> {
        ActorFilter::ALL.into_iter().find(|a| a.slug() == slug)
    }

    fn accepts(self, actors: u8) -> bool {
        match self {
            ActorFilter::Polisen => actors & POLISEN != 0,
            ActorFilter::Kommunen => actors & KOMMUNEN != 0,
            ActorFilter::Gemensamt => actors == POLISEN | KOMMUNEN,
        }
    }
}

const POLISEN: u8 = 1;
const KOMMUNEN: u8 = 2;

/// The `status` filter: where an activity stands by the latest follow-up report that speaks of
/// it, or that no report does (`ingen`). Promises have no status of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusFilter {
    Reported(Progress),
    NotFollowedUp,
}

impl StatusFilter {
    pub const ALL: [StatusFilter; 7] = [
        StatusFilter::Reported(Progress::Done),
        StatusFilter::Reported(Progress::Ongoing),
        StatusFilter::Reported(Progress::Partly),
        StatusFilter::Reported(Progress::NotStarted),
        StatusFilter::Reported(Progress::NotDone),
        StatusFilter::Reported(Progress::Unassessable),
        StatusFilter::NotFollowedUp,
    ];

    /// The data's word for a status, or "ingen".
    pub fn slug(self) -> &'static str {
        match self {
            StatusFilter::Reported(progress) => progress.word(),
            StatusFilter::NotFollowedUp => "ingen",
        }
    }

    pub fn from_slug(slug: &str) -> Option<StatusFilter> {
        StatusFilter::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// Its bit in a record's status mask: its place in `ALL`.
    fn bit(self) -> u8 {
        let place = StatusFilter::ALL.iter().position(|s| *s == self);
        1 << place.unwrap_or(0)
    }
}

/// The start page's state, as in its URL: `?q=…&kommun=…&lan=…&tema=…&ar=…&aktor=…&status=…`.
/// Several values of one key mean "any of these"; different keys must all hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub q: String,
    /// Kommun slugs.
    pub kommun: Vec<String>,
    /// Län codes ("06").
    pub lan: Vec<String>,
    /// Topic ids.
    pub tema: Vec<String>,
    pub ar: Vec<i32>,
    pub aktor: Vec<ActorFilter>,
    pub status: Vec<StatusFilter>,
}

/// A query-string value the app did not understand, kept so the page can say so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    pub key: String,
    pub value: String,
}

impl Query {
    /// Read a query from URL pairs, dropping (and reporting) values the dataset does not know.
    /// Keys that are not ours (a tracking parameter, say) are left alone without a word.
    pub fn from_pairs<K: AsRef<str>, V: AsRef<str>>(
        pairs: impl IntoIterator<Item = (K, V)>,
        data: &Dataset,
    ) -> (Query, Vec<Ignored>) {
        let mut query = Query::default();
        let mut ignored = Vec::new();
        for (key, value) in pairs {
            let key = key.as_ref();
            // The search text stays as typed (a trailing space is the start of a next word).
            if key == "q" {
                if !query.q.is_empty() && !value.as_ref().is_empty() {
                    query.q.push(' ');
                }
                query.q.push_str(value.as_ref());
                continue;
            }
            let value = value.as_ref().trim();
            let known = match key {
                _ if value.is_empty() => true,
                "kommun" => push_if(
                    &mut query.kommun,
                    data.kommun_by_slug(value).map(|k| k.slug.clone()),
                ),
                "lan" => push_if(
                    &mut query.lan,
                    data.lan_by_code(value).map(|l| l.code.clone()),
                ),
                "tema" => push_if(&mut query.tema, data.topic(value).map(|t| t.id.clone())),
                "ar" => push_if(
                    &mut query.ar,
                    value.parse::<i32>().ok().filter(|y| YEARS.contains(y)),
                ),
                "aktor" => push_if(&mut query.aktor, ActorFilter::from_slug(value)),
                "status" => push_if(&mut query.status, StatusFilter::from_slug(value)),
                _ => true,
            };
            if !known {
                ignored.push(Ignored {
                    key: key.to_string(),
                    value: value.to_string(),
                });
            }
        }
        (query, ignored)
    }

    /// The query as URL pairs, in a stable order, without empty values.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if !self.q.trim().is_empty() {
            pairs.push(("q", self.q.clone()));
        }
        pairs.extend(self.kommun.iter().map(|v| ("kommun", v.clone())));
        pairs.extend(self.lan.iter().map(|v| ("lan", v.clone())));
        pairs.extend(self.tema.iter().map(|v| ("tema", v.clone())));
        pairs.extend(self.ar.iter().map(|v| ("ar", v.to_string())));
        pairs.extend(self.aktor.iter().map(|v| ("aktor", v.slug().to_string())));
        pairs.extend(self.status.iter().map(|v| ("status", v.slug().to_string())));
        pairs
    }

    /// `?q=…&kommun=…`, or "" for the empty query.
    pub fn to_query_string(&self) -> String {
        url::query_string(self.to_pairs().iter().map(|(k, v)| (*k, v.as_str())))
    }

    pub fn is_empty(&self) -> bool {
        self.q.trim().is_empty() && !self.has_filters()
    }

    pub fn has_filters(&self) -> bool {
        !(self.kommun.is_empty()
            && self.lan.is_empty()
            && self.tema.is_empty()
            && self.ar.is_empty()
            && self.aktor.is_empty()
            && self.status.is_empty())
    }

    /// The search terms: lowercased words, each once.
    pub fn terms(&self) -> Vec<String> {
        let mut terms: Vec<String> = Vec::new();
        for w in words(&self.q) {
            if !terms.contains(&w) {
                terms.push(w);
            }
        }
        terms
    }
}

fn push_if<T: PartialEq>(list: &mut Vec<T>, value: Option<T>) -> bool {
    match value {
        Some(v) => {
            if !list.contains(&v) {
                list.push(v);
            }
            true
        }
        None => false,
    }
}

/// Which of an agreement's lists a record comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    Promise,
    Activity,
}

#[derive(Debug, Clone, Copy)]
struct Record {
    agreement: u32,
    kind: RecordKind,
    /// Position in the agreement's `promises` or `activities`.
    index: u32,
    topics: u64,
    actors: u8,
    /// The bit of its `StatusFilter` (activities only).
    status: u8,
}

/// A sorted vocabulary with, for each word, the documents it occurs in.
#[derive(Debug, Default)]
struct Vocabulary {
    words: Vec<String>,
    postings: Vec<Vec<u32>>,
}

impl Vocabulary {
    fn build(entries: HashMap<String, Vec<u32>>) -> Vocabulary {
        let mut entries: Vec<(String, Vec<u32>)> = entries.into_iter().collect();
        // Words are the map's keys, so no two are equal.
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let (words, postings) = entries.into_iter().unzip();
        Vocabulary { words, postings }
    }

    /// Set the bit of every document with a word that starts with `term`, or (for longer
    /// terms) contains it.
    fn mark(&self, term: &str, bits: &mut Bitset) {
        let start = self.words.partition_point(|w| w.as_str() < term);
        let mut end = start;
        while end < self.words.len() && self.words[end].starts_with(term) {
            end += 1;
        }
        for postings in &self.postings[start..end] {
            bits.set_all(postings);
        }
        if term.chars().count() >= MIN_INFIX_CHARS {
            for (i, word) in self.words.iter().enumerate() {
                if (i < start || i >= end) && word.len() > term.len() && word.contains(term) {
                    bits.set_all(&self.postings[i]);
                }
            }
        }
    }
}

#[derive(Debug, Clone)]
struct Bitset(Vec<u64>);

impl Bitset {
    fn new(len: usize) -> Bitset {
        Bitset(vec![0; len.div_ceil(64)])
    }
    fn set_all(&mut self, items: &[u32]) {
        for &i in items {
            self.0[i as usize / 64] |= 1 << (i % 64);
        }
    }
    fn get(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
}

/// An index over a dataset, built once when the data loads.
///
/// Documents are numbered: first one per agreement (its title, kommuner, introduction and
/// other texts of its own), then one per promise or activity ("records").
#[derive(Debug)]
pub struct Index {
    agreement_count: usize,
    /// Whether the records' table was read: without it `records` says where each record is
    /// but not its topics, actors or status, so a query that filters by them is not listed
    /// (`lists_by_records`), nor are the counts of one with words (`answers`).
    records_held: bool,
    /// Agreements and records, as numbered in the words' postings.
    documents: usize,
    /// Per agreement, what its records have among them.
    summaries: Vec<RecordSummary>,
    records: Vec<Record>,
    /// The records of agreement `a` are `records[record_start[a]..record_start[a + 1]]`.
    record_start: Vec<usize>,
    agreement_kommuner: Vec<Vec<u16>>,
    agreement_lan: Vec<Vec<u16>>,
    agreement_years: Vec<(i32, i32)>,
    exact: Vocabulary,
    folded: Vocabulary,
    kommun_index: HashMap<String, u16>,
    lan_index: HashMap<String, u16>,
    topic_index: HashMap<String, u32>,
    kommun_count: usize,
    lan_count: usize,
    topic_count: usize,
    years: Vec<i32>,
}

/// One agreement in the results, with the promises and activities that matched.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Group {
    /// Position in `Dataset::agreements`.
    pub agreement: usize,
    pub promises: Vec<usize>,
    pub activities: Vec<usize>,
}

/// How many agreements each filter option would give, with the other filters as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// Per `Dataset::kommuner`, in that order.
    pub kommun: Vec<usize>,
    /// Per `Dataset::lan`.
    pub lan: Vec<usize>,
    /// Per `Dataset::topics`.
    pub tema: Vec<usize>,
    /// Every year some agreement covers, newest first.
    pub ar: Vec<(i32, usize)>,
    /// In the order of `ActorFilter::ALL`.
    pub aktor: [usize; 3],
    /// In the order of `StatusFilter::ALL`.
    pub status: [usize; 7],
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Results {
    pub groups: Vec<Group>,
    /// Promises and activities listed across the groups.
    pub record_count: usize,
    pub facets: Facets,
}

#[derive(Debug, Clone, Copy)]
struct TextMatch {
    score: u32,
    /// Matched by the record's own words, not only its agreement's.
    own: bool,
}

/// Per-term document sets: where the term's exact letters occur and where it occurs at all.
struct TermMatch {
    exact: Bitset,
    any: Bitset,
}

/// What the index knows of each agreement apart from its words: enough to list, filter by
/// kommun, län and year, and count the filters' options for a search without words or a
/// promise's or activity's filter (the start page as it opens). Published apart from the words
/// and the records (`published`), so that a first visit loads neither.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchTables {
    agreements: Vec<AgreementRow>,
}

/// What the index knows of each promise and activity apart from its words: their topics,
/// actors and statuses, which a search with words or with such a filter needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordTable {
    /// Each agreement's promises, then its activities, agreement after agreement.
    records: Vec<RecordRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct AgreementRow {
    /// Positions in the dataset's kommuner and län.
    kommuner: Vec<u16>,
    lan: Vec<u16>,
    years: (i32, i32),
    promises: u32,
    activities: u32,
    /// What its records have among them, for the counts of the filters' options.
    summary: RecordSummary,
}

/// The options of the record filters that some record of an agreement takes: the topics, the
/// actor options (bit i for `ActorFilter::ALL[i]`) and the statuses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
struct RecordSummary {
    topics: u64,
    actor_options: u8,
    status: u8,
}

impl RecordSummary {
    fn add(&mut self, row: &RecordRow) {
        self.topics |= row.topics;
        self.actor_options |= actor_options(row.actors);
        self.status |= row.status;
    }
}

/// The actor options (bit i for `ActorFilter::ALL[i]`) that a record's actors take.
fn actor_options(actors: u8) -> u8 {
    ActorFilter::ALL
        .into_iter()
        .enumerate()
        .filter(|(_, actor)| actor.accepts(actors))
        .fold(0, |options, (i, _)| options | 1 << i)
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
struct RecordRow {
    topics: u64,
    actors: u8,
    status: u8,
}

/// Words with the documents they occur in, as typed in the texts (lowercased, not folded).
pub type Words = HashMap<String, Vec<u32>>;

impl SearchTables {
    /// The tables of a dataset, its records' table, and every word of it with its documents.
    pub fn of(data: &Dataset) -> (SearchTables, RecordTable, Words) {
        let kommun_by_name: HashMap<&str, u16> = data
            .kommuner
            .iter()
            .enumerate()
            .map(|(i, k)| (k.short_name.as_str(), i as u16))
            .collect();
        let lan_index: HashMap<&str, u16> = data
            .lan
            .iter()
            .enumerate()
            .map(|(i, l)| (l.code.as_str(), i as u16))
            .collect();
        let topic_index = topic_positions(data);
        let area_names: HashMap<&str, &str> = data
            .areas
            .iter()
            .map(|a| (a.id.as_str(), a.name.as_str()))
            .collect();
        let topic_bits = |ids: &[String]| {
            ids.iter()
                .filter_map(|t| topic_index.get(t))
                .fold(0u64, |m, &b| m | (1 << b))
        };

        let mut exact: Words = HashMap::new();
        let mut add_text = |doc: u32, text: &str| {
            for w in words(text) {
                let postings = exact.entry(w).or_default();
                if postings.last() != Some(&doc) {
                    postings.push(doc);
                }
            }
        };

        let agreement_count = data.agreements.len();
        let mut agreements = Vec::with_capacity(agreement_count);
        let mut records = Vec::new();
        for (a, agreement) in data.agreements.iter().enumerate() {
            for text in agreement_texts(agreement) {
                add_text(a as u32, text);
            }
            let kommuner: Vec<u16> = agreement
                .kommuner
                .iter()
                .filter_map(|k| kommun_by_name.get(k.as_str()).copied())
                .collect();
            let mut lan: Vec<u16> = kommuner
                .iter()
                .filter_map(|&k| {
                    lan_index
                        .get(data.kommuner[k as usize].lan_code.as_str())
                        .copied()
                })
                .collect();
            lan.sort_unstable();
            lan.dedup();
            for &l in &lan {
                add_text(a as u32, &data.lan[l as usize].name);
            }
            agreements.push(AgreementRow {
                kommuner,
                lan,
                years: (agreement.period.from, agreement.period.to),
                promises: agreement.promises.len() as u32,
                activities: agreement.activities.len() as u32,
                summary: RecordSummary::default(),
            });
            let first_record = records.len();

            let place_names = |areas: &[String]| {
                areas
                    .iter()
                    .filter_map(|id| area_names.get(id.as_str()).copied())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            for p in &agreement.promises {
                let doc = (agreement_count + records.len()) as u32;
                add_text(doc, &p.text);
                add_text(doc, &place_names(&p.areas));
                records.push(RecordRow {
                    topics: topic_bits(&p.topics),
                    actors: 0,
                    status: 0,
                });
            }
            for act in &agreement.activities {
                let doc = (agreement_count + records.len()) as u32;
                add_text(doc, &act.text);
                add_text(doc, &place_names(&act.areas));
                add_text(doc, &act.partners.join(" "));
                let actors = act.actors.iter().fold(0, |m, actor| {
                    m | match actor {
                        Actor::Polisen => POLISEN,
                        Actor::Kommunen => KOMMUNEN,
                    }
                });
                records.push(RecordRow {
                    topics: topic_bits(&act.topics),
                    actors,
                    status: activity_status(agreement, &act.id)
                        .map_or(StatusFilter::NotFollowedUp, |(_, s)| {
                            StatusFilter::Reported(s.status)
                        })
                        .bit(),
                });
            }
            if let Some(row) = agreements.last_mut() {
                records[first_record..]
                    .iter()
                    .for_each(|record| row.summary.add(record));
            }
        }
        (SearchTables { agreements }, RecordTable { records }, exact)
    }

    /// How many agreements they describe.
    pub fn agreement_count(&self) -> usize {
        self.agreements.len()
    }

    /// Whether they fit a dataset's reference lists: a published file is read as the index's
    /// own only when it does.
    pub fn fits(&self, data: &Dataset) -> bool {
        self.agreements.iter().all(|a| {
            a.kommuner
                .iter()
                .all(|&k| (k as usize) < data.kommuner.len())
                && a.lan.iter().all(|&l| (l as usize) < data.lan.len())
        })
    }

    /// How many promises and activities they describe.
    fn record_count(&self) -> usize {
        self.agreements
            .iter()
            .map(|a| a.promises as usize + a.activities as usize)
            .sum()
    }
}

impl RecordTable {
    /// Whether it holds as many records as `tables` describe: a published file is read as
    /// theirs only when it does.
    pub fn fits(&self, tables: &SearchTables) -> bool {
        self.records.len() == tables.record_count()
    }
}

/// Each topic's bit: its place among the first `MAX_TOPICS`.
fn topic_positions(data: &Dataset) -> HashMap<String, u32> {
    data.topics
        .iter()
        .take(MAX_TOPICS)
        .enumerate()
        .map(|(i, t)| (t.id.clone(), i as u32))
        .collect()
}

impl Index {
    pub fn new(data: &Dataset) -> Index {
        let (tables, records, words) = SearchTables::of(data);
        Index::assemble(data, &tables, Some(&records), words)
    }

    /// An index from published parts: the tables, the reference lists of `data` (its kommuner,
    /// län and topics; its agreements are not read), the records' table if it was loaded, and
    /// the words loaded so far. It answers a query exactly as the whole index does when it holds
    /// every word the query's terms can match (`published::PartKeys::paths_for`) and, for a
    /// query that reads them (`needs_records`), the records.
    pub fn assemble(
        data: &Dataset,
        tables: &SearchTables,
        record_table: Option<&RecordTable>,
        exact: Words,
    ) -> Index {
        let agreement_count = tables.agreements.len();
        // Where each record is comes from the tables' counts: words alone are answered
        // without the records' table. What it says of each (topics, actors, status) is read
        // only when it is held (`records_held`).
        let mut records = Vec::with_capacity(tables.record_count());
        let mut record_start = Vec::with_capacity(agreement_count + 1);
        let mut rows = record_table.map(|table| table.records.iter());
        for (a, agreement) in tables.agreements.iter().enumerate() {
            record_start.push(records.len());
            let kinds = std::iter::repeat_n(RecordKind::Promise, agreement.promises as usize)
                .zip(0..)
                .chain(
                    std::iter::repeat_n(RecordKind::Activity, agreement.activities as usize)
                        .zip(0..),
                );
            for (kind, index) in kinds {
                let row = rows.as_mut().and_then(Iterator::next);
                records.push(Record {
                    agreement: a as u32,
                    kind,
                    index,
                    topics: row.map_or(0, |row| row.topics),
                    actors: row.map_or(0, |row| row.actors),
                    status: row.map_or(0, |row| row.status),
                });
            }
        }
        record_start.push(records.len());
        // Numbered as published whether or not the records are held. A document past the
        // tables' (words of another version) would index past the bitsets.
        let documents = (agreement_count + tables.record_count()) as u32;
        let mut exact = exact;
        for postings in exact.values_mut() {
            postings.retain(|&doc| doc < documents);
        }

        // The folded vocabulary merges words that differ only in å/ä/ö and the like.
        let mut folded: Words = HashMap::new();
        for (word, postings) in &exact {
            folded
                .entry(fold(word))
                .or_default()
                .extend_from_slice(postings);
        }
        for postings in folded.values_mut() {
            postings.sort_unstable();
            postings.dedup();
        }

        let mut years: Vec<i32> = tables
            .agreements
            .iter()
            .flat_map(|a| a.years.0.max(*YEARS.start())..=a.years.1.min(*YEARS.end()))
            .collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();

        Index {
            agreement_count,
            records_held: record_table.is_some(),
            documents: documents as usize,
            summaries: tables.agreements.iter().map(|a| a.summary).collect(),
            records,
            record_start,
            agreement_kommuner: tables
                .agreements
                .iter()
                .map(|a| a.kommuner.clone())
                .collect(),
            agreement_lan: tables.agreements.iter().map(|a| a.lan.clone()).collect(),
            agreement_years: tables.agreements.iter().map(|a| a.years).collect(),
            exact: Vocabulary::build(exact),
            folded: Vocabulary::build(folded),
            kommun_index: data
                .kommuner
                .iter()
                .enumerate()
                .map(|(i, k)| (k.slug.clone(), i as u16))
                .collect(),
            lan_index: data
                .lan
                .iter()
                .enumerate()
                .map(|(i, l)| (l.code.clone(), i as u16))
                .collect(),
            topic_index: topic_positions(data),
            kommun_count: data.kommuner.len(),
            lan_count: data.lan.len(),
            topic_count: data.topics.len().min(MAX_TOPICS),
            years,
        }
    }

    /// Every year some agreement covers, newest first: the `ar` facet's options, in the order
    /// of `Facets::ar`. Only years the filter takes: a period of absurd years (a damaged
    /// bundle, or a typo the validator let through) would otherwise be billions of options.
    pub fn years(&self) -> &[i32] {
        &self.years
    }

    /// The Kommun filter's two groups, as positions in `Dataset::kommuner` (which is in Swedish
    /// order, kept within each group): the kommuner that have an agreement, then the rest.
    pub fn kommun_groups(&self) -> (Vec<usize>, Vec<usize>) {
        let mut with = vec![false; self.kommun_count];
        for &k in self.agreement_kommuner.iter().flatten() {
            with[k as usize] = true;
        }
        (0..self.kommun_count).partition(|&i| with[i])
    }

    /// How many agreements it indexes: positions in `Group::agreement` are below this.
    pub fn agreement_count(&self) -> usize {
        self.agreement_count
    }

    fn doc_count(&self) -> usize {
        self.documents
    }

    /// Whether `query` reads the promises' and activities' own data: their words, or a filter
    /// by topic, actor or status. Without it, the agreements' tables answer.
    pub fn needs_records(&self, query: &Query) -> bool {
        !query.terms().is_empty() || CompiledFilter::new(self, query).filters_records()
    }

    /// Whether it answers `query` as the whole index would, as far as the records go (the
    /// words are the caller's to have loaded): its results and the filters' counts.
    pub fn answers(&self, query: &Query) -> bool {
        self.records_held || !self.needs_records(query)
    }

    /// Whether `query`'s results (`search_without_facets`) read the records' topics, actors or
    /// status: a filter by them does, words alone do not. Without the records' table, only a
    /// query that does not is listed as the whole index would list it.
    pub fn lists_by_records(&self, query: &Query) -> bool {
        CompiledFilter::new(self, query).filters_records()
    }

    fn match_term(&self, term: &str) -> TermMatch {
        let mut exact = Bitset::new(self.doc_count());
        self.exact.mark(term, &mut exact);
        let mut any = exact.clone();
        self.folded.mark(&fold(term), &mut any);
        TermMatch { exact, any }
    }

    /// Run a query: the matching agreements with their matching promises and activities,
    /// best first, and the facet counts.
    pub fn search(&self, query: &Query) -> Results {
        self.run(query, true)
    }

    /// The same results without the filters' counts (left empty): what each keystroke needs
    /// at once. `facets_of` gives the counts when they are wanted (a pass per filter over
    /// the matching agreements and records).
    pub fn search_without_facets(&self, query: &Query) -> Results {
        self.run(query, false)
    }

    /// The filters' counts for a query: `search(query).facets`.
    pub fn facets_of(&self, query: &Query) -> Facets {
        let terms = self.term_matches(query);
        let text = self.text_matches(&terms);
        self.facets(&terms, &text, &CompiledFilter::new(self, query))
    }

    fn term_matches(&self, query: &Query) -> Vec<TermMatch> {
        query.terms().iter().map(|t| self.match_term(t)).collect()
    }

    fn run(&self, query: &Query, with_facets: bool) -> Results {
        let terms = self.term_matches(query);
        let filter = CompiledFilter::new(self, query);
        let record_filter_active = filter.filters_records();

        let text = self.text_matches(&terms);
        let agreement_text_ok = |a: usize| terms.iter().all(|t| t.any.get(a));
        let agreement_text_score = |a: usize| {
            terms
                .iter()
                .map(|t| if t.exact.get(a) { 2 } else { 1 })
                .sum::<u32>()
        };

        let mut scored: Vec<(u32, Group)> = Vec::new();
        let mut record_count = 0;
        for a in 0..self.agreement_count {
            if !filter.agreement_ok(self, a, None) {
                continue;
            }
            let mut group = Group {
                agreement: a,
                promises: Vec::new(),
                activities: Vec::new(),
            };
            let mut best = 0;
            if !terms.is_empty() || record_filter_active {
                let range = self.record_start[a]..self.record_start[a + 1];
                for (record, m) in self.records[range.clone()].iter().zip(&text[range]) {
                    let Some(m) = *m else { continue };
                    // A record that matches nothing by itself (only through its agreement's
                    // texts) is listed only when a record filter asks for it.
                    if !(m.own || terms.is_empty() || record_filter_active)
                        || !filter.record_ok(record, None)
                    {
                        continue;
                    }
                    best = best.max(m.score);
                    match record.kind {
                        RecordKind::Promise => group.promises.push(record.index as usize),
                        RecordKind::Activity => group.activities.push(record.index as usize),
                    }
                }
            }
            let listed = group.promises.len() + group.activities.len();
            let included =
                listed > 0 || (!record_filter_active && (terms.is_empty() || agreement_text_ok(a)));
            if !included {
                continue;
            }
            if listed == 0 && !terms.is_empty() {
                best = agreement_text_score(a);
            }
            record_count += listed;
            scored.push((best, group));
        }
        // Best score first; the dataset's own order (newest first, then kommun) breaks ties.
        scored.sort_unstable_by(|x, y| y.0.cmp(&x.0).then(x.1.agreement.cmp(&y.1.agreement)));
        let groups = scored.into_iter().map(|(_, g)| g).collect();

        let facets = if with_facets {
            self.facets(&terms, &text, &filter)
        } else {
            Facets::default()
        };
        Results {
            groups,
            record_count,
            facets,
        }
    }

    /// Per record: whether it satisfies every term, by itself or through its agreement's
    /// texts ("jönköping narkotika"), and how well.
    fn text_matches(&self, terms: &[TermMatch]) -> Vec<Option<TextMatch>> {
        self.records
            .iter()
            .enumerate()
            .map(|(r, record)| {
                let doc = self.agreement_count + r;
                let a = record.agreement as usize;
                let mut m = TextMatch {
                    score: 0,
                    own: false,
                };
                for t in terms {
                    if t.exact.get(doc) {
                        m.score += 4;
                        m.own = true;
                    } else if t.any.get(doc) {
                        m.score += 2;
                        m.own = true;
                    } else if t.any.get(a) {
                        m.score += u32::from(t.exact.get(a));
                    } else {
                        return None;
                    }
                }
                Some(m)
            })
            .collect()
    }

    fn facets(
        &self,
        terms: &[TermMatch],
        text: &[Option<TextMatch>],
        filter: &CompiledFilter,
    ) -> Facets {
        let mut facets = Facets {
            kommun: vec![0; self.kommun_count],
            lan: vec![0; self.lan_count],
            tema: vec![0; self.topic_count],
            ar: self.years.iter().map(|&y| (y, 0)).collect(),
            aktor: [0; 3],
            status: [0; 7],
        };
        let text_only = |a: usize| !terms.is_empty() && terms.iter().all(|t| t.any.get(a));
        let by_summary = terms.is_empty() && !filter.filters_records();
        for a in 0..self.agreement_count {
            let records = self.record_start[a]..self.record_start[a + 1];
            // Records that satisfy the text; choosing a tema, aktor or status lists them all.
            let candidates = || {
                records
                    .clone()
                    .filter(|&r| text[r].is_some())
                    .map(|r| &self.records[r])
            };
            // Would the agreement be in the results, as far as its records decide?
            let passes_records = if !filter.filters_records() {
                terms.is_empty()
                    || text_only(a)
                    || records.clone().any(|r| text[r].is_some_and(|m| m.own))
            } else {
                candidates().any(|r| filter.record_ok(r, None))
            };
            if filter.agreement_ok(self, a, Some(Dimension::Kommun)) && passes_records {
                for &k in &self.agreement_kommuner[a] {
                    facets.kommun[k as usize] += 1;
                }
            }
            if filter.agreement_ok(self, a, Some(Dimension::Lan)) && passes_records {
                for &l in &self.agreement_lan[a] {
                    facets.lan[l as usize] += 1;
                }
            }
            if filter.agreement_ok(self, a, Some(Dimension::Ar)) && passes_records {
                let (from, to) = self.agreement_years[a];
                for (year, count) in facets.ar.iter_mut() {
                    if (from..=to).contains(year) {
                        *count += 1;
                    }
                }
            }
            if !filter.agreement_ok(self, a, None) {
                continue;
            }
            // One pass over the records for the three record filters' options: each option
            // counts the agreement when a record would be listed with that option chosen.
            // Without words or a record filter, every record would be: the agreement's summary
            // says which options its records take.
            let taken = if by_summary {
                self.summaries[a]
            } else {
                let mut taken = RecordSummary::default();
                for r in candidates() {
                    if filter.record_ok(r, Some(Dimension::Tema)) {
                        taken.topics |= r.topics;
                    }
                    if filter.record_ok(r, Some(Dimension::Aktor)) {
                        taken.actor_options |= actor_options(r.actors);
                    }
                    if filter.record_ok(r, Some(Dimension::Status)) {
                        taken.status |= r.status;
                    }
                }
                taken
            };
            for (t, count) in facets.tema.iter_mut().enumerate() {
                *count += usize::from(taken.topics & (1 << t) != 0);
            }
            for (i, count) in facets.aktor.iter_mut().enumerate() {
                *count += usize::from(taken.actor_options & (1 << i) != 0);
            }
            for (count, status) in facets.status.iter_mut().zip(StatusFilter::ALL) {
                *count += usize::from(taken.status & status.bit() != 0);
            }
        }
        facets
    }
}

/// The texts of an agreement that are its own rather than a promise's or activity's.
pub fn agreement_texts(agreement: &Agreement) -> impl Iterator<Item = &str> {
    [
        Some(agreement.title.as_str()),
        agreement.lokalpolisomrade.as_deref(),
        agreement.summary.as_deref(),
        agreement.situation.as_deref(),
        agreement.effect.as_deref(),
        agreement.notes.as_deref(),
    ]
    .into_iter()
    .flatten()
    .chain(agreement.kommuner.iter().map(String::as_str))
    .chain(agreement.priorities.iter().map(String::as_str))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dimension {
    Kommun,
    Lan,
    Ar,
    Tema,
    Aktor,
    Status,
}

fn non_empty<T>(list: Vec<T>) -> Option<Vec<T>> {
    if list.is_empty() {
        None
    } else {
        Some(list)
    }
}

/// The filters of a query, turned into indices and bit masks.
struct CompiledFilter {
    kommuner: Option<Vec<u16>>,
    lan: Option<Vec<u16>>,
    years: Option<Vec<i32>>,
    topics: u64,
    actors: Option<Vec<ActorFilter>>,
    /// The bits of the chosen statuses; 0 for any.
    statuses: u8,
}

impl CompiledFilter {
    fn new(index: &Index, query: &Query) -> CompiledFilter {
        CompiledFilter {
            kommuner: non_empty(
                query
                    .kommun
                    .iter()
                    .filter_map(|s| index.kommun_index.get(s).copied())
                    .collect(),
            ),
            lan: non_empty(
                query
                    .lan
                    .iter()
                    .filter_map(|s| index.lan_index.get(s).copied())
                    .collect(),
            ),
            years: non_empty(query.ar.clone()),
            topics: query
                .tema
                .iter()
                .filter_map(|t| index.topic_index.get(t))
                .fold(0, |m, &b| m | (1 << b)),
            actors: non_empty(query.aktor.clone()),
            statuses: query.status.iter().fold(0, |m, s| m | s.bit()),
        }
    }

    /// Whether the filters choose among promises and activities, not only agreements.
    fn filters_records(&self) -> bool {
        self.topics != 0 || self.actors.is_some() || self.statuses != 0
    }

    fn agreement_ok(&self, index: &Index, a: usize, skip: Option<Dimension>) -> bool {
        let any_in = |have: &[u16], want: &Option<Vec<u16>>| {
            want.as_ref()
                .is_none_or(|w| have.iter().any(|h| w.contains(h)))
        };
        (skip == Some(Dimension::Kommun) || any_in(&index.agreement_kommuner[a], &self.kommuner))
            && (skip == Some(Dimension::Lan) || any_in(&index.agreement_lan[a], &self.lan))
            && (skip == Some(Dimension::Ar) || {
                let (from, to) = index.agreement_years[a];
                self.years
                    .as_ref()
                    .is_none_or(|ys| ys.iter().any(|y| (from..=to).contains(y)))
            })
    }

    fn record_ok(&self, record: &Record, skip: Option<Dimension>) -> bool {
        (skip == Some(Dimension::Tema) || self.topics == 0 || record.topics & self.topics != 0)
            && (skip == Some(Dimension::Aktor)
                || self
                    .actors
                    .as_ref()
                    .is_none_or(|list| list.iter().any(|a| a.accepts(record.actors))))
            && (skip == Some(Dimension::Status)
                || self.statuses == 0
                || record.status & self.statuses != 0)
    }
}

/// A piece of a text, marked when it matched the search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment<'a> {
    pub text: &'a str,
    pub matched: bool,
}

/// Where the query's terms match in a text, as `[start, end)` offsets in UTF-16 code units:
/// what a DOM `Range` over the text's node takes. The app paints these with the CSS Custom
/// Highlight API, so the text's nodes stay as they are while someone types.
pub fn highlight_ranges(text: &str, q: &str) -> Vec<(u32, u32)> {
    let mut ranges = Vec::new();
    let mut at = 0u32;
    for segment in highlight(text, q) {
        let len = segment.text.encode_utf16().count() as u32;
        if segment.matched {
            ranges.push((at, at + len));
        }
        at += len;
    }
    ranges
}

/// Split a text into pieces, marking where the query's terms match, by the same rules as
/// search (word starts; inside words for longer terms; å/ä/ö folded).
pub fn highlight<'a>(text: &'a str, q: &str) -> Vec<Segment<'a>> {
    let terms: Vec<Vec<char>> = words(q).map(|t| fold(&t).chars().collect()).collect();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let folded: Vec<char> = chars
        .iter()
        .map(|&(_, c)| crate::text::fold_char(c))
        .collect();
    let mut marked = vec![false; chars.len()];
    for term in terms.iter().filter(|t| !t.is_empty()) {
        let infix = term.len() >= MIN_INFIX_CHARS;
        for start in 0..folded.len().saturating_sub(term.len() - 1) {
            let at_word_start = start == 0 || !crate::text::is_word_char(folded[start - 1]);
            if (infix || at_word_start) && folded[start..start + term.len()] == term[..] {
                marked[start..start + term.len()]
                    .iter_mut()
                    .for_each(|m| *m = true);
            }
        }
    }
    let mut segments = Vec::new();
    let mut start = 0;
    for i in 1..=chars.len() {
        if i == chars.len() || marked[i] != marked[start] {
            let from = chars[start].0;
            let to = chars.get(i).map_or(text.len(), |&(b, _)| b);
            segments.push(Segment {
                text: &text[from..to],
                matched: marked[start],
            });
            start = i;
        }
    }
    segments
}
