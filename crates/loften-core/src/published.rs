//! The dataset as it is published apart from the app, so that new data reaches residents by
//! deploying data, not by a release of the app, and a visitor downloads what they read.
//!
//! `data/manifest.json` names the data's version, its date and its chunks. It is the only file
//! that changes in place (served `no-cache`, so an unchanged one costs a 304); every chunk is
//! named by a hash of its bytes (`data/chunks/<hash>.bin`, cached for good), so a client
//! fetches only what changed, and a manifest with the chunks it names is one consistent
//! version: nothing is ever mixed. `data/manifests/<version>.json` keeps each version's
//! manifest, so a page rendered ahead of time can take over with the very data it was
//! rendered from.
//!
//! The chunks: the reference data (kommuner, län, topics, and every agreement's id in the
//! dataset's order with the chunk that holds it), then the agreements of each kommun that it
//! alone takes part in, and of each group of kommuner that share agreements (a county's, say):
//! in one chunk, or with search in parts the newest in a chunk of its own and the earlier ones
//! in another. A kommun's areas are in its chunks (with any other area their agreements name),
//! and only the areas of kommuner without agreements in the reference: at the country's scale
//! the areas would be most of what every page loads. A page needs the reference and the
//! chunks of what it shows ([`Need`]); a dataset may be assembled from those alone
//! ([`assemble_part`]), and says what it holds ([`Coverage`]). Past [`WHOLE_SEARCH_UP_TO`]
//! the search index is published too, in parts ([`SearchFiles`], `search_parts`), so that
//! search loads the words typed rather than every chunk. Each file is `LOFC`, the schema as
//! one byte, then postcard (see `bundle`: its shape is the model's, so a change of the model
//! raises [`SCHEMA`]).

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::bundle::{read_framed, write_framed, BundleError};
use crate::dataset::Dataset;
use crate::model::{Agreement, Area, Kommun, Lan, Topic};
use crate::query::{RecordTable, SearchTables};
use crate::route::Route;
use crate::search_parts::{keys_ahead, keys_for, letters_of, Parts, Wanted, WordPart};

/// The published data's schema: the manifest's shape and the chunks' postcard layout.
pub const SCHEMA: u32 = 4;
/// Where the current manifest is, relative to the site's root.
pub const MANIFEST_PATH: &str = "data/manifest.json";
const CHUNK_MAGIC: &[u8; 4] = b"LOFC";

/// Chunks' bytes with their paths. (A list, not a map: the app looks a few hundred up once,
/// and a map of these types would be more code in its wasm than the lookups cost.)
pub type Chunks = Vec<(String, Vec<u8>)>;

/// One published version of the data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub schema: u32,
    /// Names this version: a hash of its chunks' names.
    pub version: String,
    /// When this version was published: "Uppgifter från 5 december 2026".
    pub date: NaiveDate,
    /// The reference chunk first, then the kommuner's, in order of their slugs.
    pub chunks: Vec<Chunk>,
    /// The search index in parts, when it is published so; without it, search indexes all
    /// the chunks on the device.
    pub search: Option<SearchFiles>,
}

/// The search index of a version, in parts (`search_parts`), under a folder named by a hash
/// of them all: `tables.bin` (the agreements'), `records.bin` (the promises' and activities'),
/// and each part as `p/<key>.bin` (a word beginning), `i/<key>.bin` (a word inside) or
/// `l/<key>.bin` (a letter, for a term of one letter), the key's UTF-8 in hex.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchFiles {
    /// `data/search/<hash>`.
    pub dir: String,
    /// The tables' path (in `dir`) and size: what the start page opens with.
    pub tables: String,
    pub tables_bytes: u64,
    /// The records' table's path (in `dir`) and size: what a search with words (for its
    /// filters' counts) or a record filter (for its results too) loads besides.
    pub records: String,
    pub records_bytes: u64,
    /// The keys of the parts published, each list in one string, the keys apart by spaces
    /// (a key is letters and digits): this is most of the manifest.
    pub prefixes: String,
    pub infixes: String,
    /// Whether each first letter of `prefixes` has a part of its own (`l/`). Versions
    /// published before the letters had parts have none, and load every part of the letter.
    pub letters: bool,
}

impl SearchFiles {
    /// Its keys read into lists, to find the parts of each search in.
    pub fn keys(&self) -> PartKeys {
        let keys = |list: &str| list.split(' ').map(str::to_string).collect::<Vec<_>>();
        let prefixes = keys(&self.prefixes);
        PartKeys {
            dir: self.dir.clone(),
            records: self.records.clone(),
            letters: if self.letters {
                letters_of(&prefixes)
            } else {
                Vec::new()
            },
            prefixes,
            infixes: keys(&self.infixes),
        }
    }
}

/// The keys of a version's search parts, as lists: read once, searched at every keystroke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartKeys {
    dir: String,
    records: String,
    letters: Vec<String>,
    prefixes: Vec<String>,
    infixes: Vec<String>,
}

impl PartKeys {
    /// The paths of the parts a search needs for its terms.
    pub fn paths_for(&self, terms: &[String]) -> Vec<String> {
        self.paths_of(keys_for(
            terms,
            &self.letters,
            &self.prefixes,
            &self.infixes,
        ))
    }

    fn paths_of(&self, wanted: Wanted) -> Vec<String> {
        let Wanted {
            letters,
            prefixes,
            infixes,
        } = wanted;
        [("l", letters), ("p", prefixes), ("i", infixes)]
            .into_iter()
            .flat_map(|(kind, keys)| keys.into_iter().map(move |key| (kind, key)))
            .map(|(kind, key)| part_path(&self.dir, kind, key))
            .collect()
    }

    /// The path of the records' table, which a search that reads records needs
    /// (`Index::needs_records`; for its results, `Index::lists_by_records`).
    pub fn records_path(&self) -> &str {
        &self.records
    }

    /// The paths of the parts a search will need at its next letter (`keys_ahead`).
    pub fn paths_ahead(&self, terms: &[String]) -> Vec<String> {
        self.paths_of(keys_ahead(
            terms,
            &self.letters,
            &self.prefixes,
            &self.infixes,
        ))
    }
}

fn part_path(dir: &str, kind: &str, key: &str) -> String {
    let hex: String = key.bytes().map(|b| format!("{b:02x}")).collect();
    format!("{dir}/{kind}/{hex}.bin")
}

/// How a version's search is published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchIn {
    /// With the data: a search loads every chunk and indexes it on the device. While the data
    /// is small that costs less than a round trip for each word typed.
    Whole,
    /// In parts: a search loads the index's tables, and the parts of the words typed.
    Parts,
}

/// Up to this much data (the dataset's bytes as the chunks write them), search is published
/// whole: the figure up to which the service worker keeps all the data offline too.
pub const WHOLE_SEARCH_UP_TO: u64 = 512 * 1024;

impl Manifest {
    /// The reference chunk, which every page needs.
    pub fn reference(&self) -> Option<&Chunk> {
        self.chunks.iter().find(|chunk| chunk.kommuner.is_empty())
    }

    /// The paths of the chunks `need` takes, the reference's first, where the manifest alone
    /// says which: all of them, a kommun's, or the search index's tables. `None` for an
    /// agreement, whose chunk only the reference names ([`Coverage::paths_for`]).
    pub fn paths_for(&self, need: &Need) -> Option<Vec<&str>> {
        let kommun = match need {
            Need::Agreement(_) => return None,
            Need::Search => match &self.search {
                Some(search) => {
                    let reference = self.reference()?.path.as_str();
                    return Some(vec![reference, search.tables.as_str()]);
                }
                None => None,
            },
            Need::All => None,
            Need::Kommun(slug) => Some(slug),
        };
        let taken = |chunk: &&Chunk| {
            chunk.kommuner.is_empty() || kommun.is_none_or(|slug| chunk.kommuner.contains(slug))
        };
        Some(
            self.chunks
                .iter()
                .filter(taken)
                .map(|chunk| chunk.path.as_str())
                .collect(),
        )
    }
}

/// A chunk as the manifest lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chunk {
    /// The slugs of the kommuner whose agreements it holds: one kommun's, or those of
    /// agreements several kommuner share; none for the reference chunk.
    pub kommuner: Vec<String>,
    /// Relative to the site's root: `data/chunks/<hash>.bin`.
    pub path: String,
    pub bytes: u64,
}

/// An area with its place in the dataset's list, which puts the areas of several chunks back
/// in order.
pub type PlacedArea = (u32, Area);

/// Kommuner, län and topics, and which agreements the version holds, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferenceChunk {
    pub kommuner: Vec<Kommun>,
    pub lan: Vec<Lan>,
    pub topics: Vec<Topic>,
    /// The areas no kommun chunk holds: those of kommuner without agreements.
    pub areas: Vec<PlacedArea>,
    pub agreements: Vec<String>,
    /// For each of `agreements`, the chunk that holds it: its place in the manifest's list.
    pub homes: Vec<u32>,
}

/// Agreements of one kommun, or of one group of kommuner together: all of them, or with search
/// in parts its newest or its earlier ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KommunChunk {
    pub agreements: Vec<Agreement>,
    /// The areas its agreements name, and those of its kommuner unless another chunk of theirs
    /// (the earlier agreements') holds them.
    pub areas: Vec<PlacedArea>,
}

/// Why published data could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublishedError {
    /// The manifest is not one (not JSON, or a field missing or wrong).
    NotAManifest(String),
    /// Published for a newer app: this one must be updated to read it.
    NewerSchema(u32),
    /// Published for an older app than this one.
    OlderSchema(u32),
    /// A chunk the manifest names was not given.
    Missing(String),
    /// A chunk does not read.
    Damaged(String, BundleError),
    /// The reference names an agreement no chunk holds.
    Incomplete(String),
    /// The search index's tables describe other agreements than the reference names.
    Unfitting(String),
}

impl std::fmt::Display for PublishedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PublishedError::NotAManifest(why) => write!(f, "not a data manifest: {why}"),
            PublishedError::NewerSchema(n) => {
                write!(f, "the data is of schema {n}, newer than this app reads")
            }
            PublishedError::OlderSchema(n) => {
                write!(f, "the data is of schema {n}, older than this app reads")
            }
            PublishedError::Missing(path) => write!(f, "{path} is missing"),
            PublishedError::Damaged(path, error) => write!(f, "{path}: {error}"),
            PublishedError::Incomplete(id) => write!(f, "no chunk holds agreement {id}"),
            PublishedError::Unfitting(path) => {
                write!(f, "{path} describes other agreements than the reference")
            }
        }
    }
}

impl std::error::Error for PublishedError {}

/// Read a manifest. The schema is read first: a newer one may have another shape. (Read by
/// hand from a JSON value, as the app reads what it stores: serde's derive for this one small
/// file would add more to the app's wasm than the whole update check.)
pub fn read_manifest(text: &str) -> Result<Manifest, PublishedError> {
    let not_one = |why: &str| PublishedError::NotAManifest(why.to_string());
    let value: Value = serde_json::from_str(text).map_err(|_| not_one("not JSON"))?;
    let schema = value
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or_else(|| not_one("no schema"))?;
    if schema > u64::from(SCHEMA) {
        return Err(PublishedError::NewerSchema(
            u32::try_from(schema).unwrap_or(u32::MAX),
        ));
    }
    if schema < u64::from(SCHEMA) {
        return Err(PublishedError::OlderSchema(schema as u32));
    }
    let text_of =
        |value: &Value, key: &str| value.get(key).and_then(Value::as_str).map(str::to_string);
    let chunks = value
        .get("chunks")
        .and_then(Value::as_array)
        .ok_or_else(|| not_one("no chunks"))?
        .iter()
        .map(|chunk| {
            Some(Chunk {
                kommuner: chunk
                    .get("kommuner")?
                    .as_array()?
                    .iter()
                    .map(|k| k.as_str().map(str::to_string))
                    .collect::<Option<_>>()?,
                path: text_of(chunk, "path")?,
                bytes: chunk.get("bytes")?.as_u64()?,
            })
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| not_one("a chunk without kommuner, path or bytes"))?;
    let search = match value.get("search") {
        None | Some(Value::Null) => None,
        Some(search) => Some(
            (|| {
                Some(SearchFiles {
                    dir: text_of(search, "dir")?,
                    tables: text_of(search, "tables")?,
                    tables_bytes: search.get("tables_bytes")?.as_u64()?,
                    records: text_of(search, "records")?,
                    records_bytes: search.get("records_bytes")?.as_u64()?,
                    prefixes: text_of(search, "prefixes")?,
                    infixes: text_of(search, "infixes")?,
                    letters: search.get("letters").and_then(Value::as_bool) == Some(true),
                })
            })()
            .ok_or_else(|| not_one("a search without its files"))?,
        ),
    };
    Ok(Manifest {
        schema: SCHEMA,
        search,
        version: text_of(&value, "version").ok_or_else(|| not_one("no version"))?,
        date: text_of(&value, "date")
            .and_then(|d| d.parse().ok())
            .ok_or_else(|| not_one("no date"))?,
        chunks,
    })
}

/// The files of one published version, by path relative to the site's root.
pub struct Published {
    pub manifest: Manifest,
    pub files: BTreeMap<String, Vec<u8>>,
}

/// Split `data` into chunks named by `hash` (of a chunk's bytes, or of the chunks' names for
/// the version): the same data always gives the same names. Its search is published as
/// `search` says, or by its size ([`WHOLE_SEARCH_UP_TO`]).
pub fn publish(
    data: &Dataset,
    date: NaiveDate,
    hash: impl Fn(&[u8]) -> String,
    search: Option<SearchIn>,
) -> Published {
    // By the kommuner's slugs, as their addresses name them (a name the reference lacks keeps
    // its own): an agreement of several kommuner is in one chunk they share.
    fn slugs_of<'a>(data: &'a Dataset, agreement: &'a Agreement) -> Vec<&'a str> {
        let mut slugs: Vec<&str> = agreement
            .kommuner
            .iter()
            .map(|name| data.kommun_by_name(name).map_or(name.as_str(), |k| &k.slug))
            .collect();
        slugs.sort_unstable();
        slugs.dedup();
        slugs
    }
    let mut by_kommuner: BTreeMap<Vec<&str>, Vec<Agreement>> = BTreeMap::new();
    for agreement in &data.agreements {
        by_kommuner
            .entry(slugs_of(data, agreement))
            .or_default()
            .push(agreement.clone());
    }
    let in_parts = search.unwrap_or(if write_chunk(data).len() as u64 > WHOLE_SEARCH_UP_TO {
        SearchIn::Parts
    } else {
        SearchIn::Whole
    }) == SearchIn::Parts;
    // With search in parts, a group's newest agreement (the dataset is newest first) is a chunk
    // of its own and the earlier ones another: the start page's cards load the chunks of the
    // agreements they show, most readers open the newest, and at the country's scale a group's
    // every year would cost a first visit several times as much. The kommun's own areas go with
    // the earlier years, which its pages load too. With search whole, every list loads every
    // chunk, and a group in one chunk is fewer requests and compresses better.
    let groups: Vec<ChunkOf> = by_kommuner
        .into_iter()
        .flat_map(|(kommuner, mut agreements)| {
            let first_holds = if in_parts { 1 } else { agreements.len() };
            let earlier = agreements.split_off(first_holds);
            let alone = earlier.is_empty();
            let newest = ChunkOf {
                kommuner: kommuner.clone(),
                agreements,
                kommun_areas: alone,
            };
            let earlier = (!alone).then_some(ChunkOf {
                kommuner,
                agreements: earlier,
                kommun_areas: true,
            });
            std::iter::once(newest).chain(earlier)
        })
        .collect();
    let placed_areas = || {
        data.areas
            .iter()
            .cloned()
            .zip(0..)
            .map(|(area, i)| (i, area))
    };
    // The manifest lists the reference first, then the groups in order.
    let homes: HashMap<&str, u32> = groups
        .iter()
        .zip(1..)
        .flat_map(|(group, place)| group.agreements.iter().map(move |a| (a.id.as_str(), place)))
        .collect();
    let reference = ReferenceChunk {
        kommuner: data.kommuner.clone(),
        lan: data.lan.clone(),
        topics: data.topics.clone(),
        areas: placed_areas()
            .filter(|(_, area)| !groups.iter().any(|group| group.holds(area)))
            .collect(),
        agreements: data.agreements.iter().map(|a| a.id.clone()).collect(),
        homes: data
            .agreements
            .iter()
            .map(|a| homes[a.id.as_str()])
            .collect(),
    };
    let mut files = BTreeMap::new();
    let mut chunks = Vec::new();
    let mut add = |kommuner: &[&str], bytes: Vec<u8>| {
        let path = format!("data/chunks/{}.bin", hash(&bytes));
        chunks.push(Chunk {
            kommuner: kommuner.iter().map(|k| k.to_string()).collect(),
            path: path.clone(),
            bytes: bytes.len() as u64,
        });
        files.insert(path, bytes);
    };
    add(&[], write_chunk(&reference));
    for group in &groups {
        let areas = placed_areas()
            .filter(|(_, area)| group.holds(area))
            .collect();
        let chunk = KommunChunk {
            agreements: group.agreements.clone(),
            areas,
        };
        add(&group.kommuner, write_chunk(&chunk));
    }
    let search = in_parts.then(|| publish_search(data, &hash, &mut files));
    let mut names: Vec<&str> = chunks.iter().map(|c| c.path.as_str()).collect();
    names.extend(search.as_ref().map(|s| s.dir.as_str()));
    let version = hash(format!("{SCHEMA}\n{}", names.join("\n")).as_bytes());
    let manifest = Manifest {
        schema: SCHEMA,
        version,
        date,
        chunks,
        search,
    };
    let mut out = Published { manifest, files };
    out.write_manifests();
    out
}

/// The agreements of one chunk of a kommun, or of a group of kommuner together.
struct ChunkOf<'a> {
    kommuner: Vec<&'a str>,
    agreements: Vec<Agreement>,
    /// Whether it holds the areas of its kommuner, beside those its agreements name.
    kommun_areas: bool,
}

impl ChunkOf<'_> {
    fn holds(&self, area: &Area) -> bool {
        let kommun = area.id.split('/').next().unwrap_or_default();
        let named = |areas: &[String]| areas.contains(&area.id);
        (self.kommun_areas && self.kommuner.contains(&kommun))
            || self.agreements.iter().any(|a| {
                a.promises.iter().any(|p| named(&p.areas))
                    || a.activities.iter().any(|x| named(&x.areas))
            })
    }
}

/// Write the search index of `data` in parts into `files`, in a folder named by them all.
fn publish_search(
    data: &Dataset,
    hash: &impl Fn(&[u8]) -> String,
    files: &mut BTreeMap<String, Vec<u8>>,
) -> SearchFiles {
    let (tables, records, words) = SearchTables::of(data);
    let parts = Parts::of(&words);
    let mut named: Vec<(String, Vec<u8>)> = vec![
        ("tables.bin".into(), write_chunk(&tables)),
        ("records.bin".into(), write_chunk(&records)),
    ];
    for (kind, map) in [
        ("p", &parts.prefixes),
        ("i", &parts.infixes),
        ("l", &parts.letters),
    ] {
        for (key, part) in map {
            named.push((part_path("", kind, key)[1..].to_string(), write_chunk(part)));
        }
    }
    let listing: String = named
        .iter()
        .map(|(name, bytes)| format!("{name} {}\n", hash(bytes)))
        .collect();
    let dir = format!("data/search/{}", hash(listing.as_bytes()));
    let (tables_bytes, records_bytes) = (named[0].1.len() as u64, named[1].1.len() as u64);
    for (name, bytes) in named {
        files.insert(format!("{dir}/{name}"), bytes);
    }
    let keys = |map: &BTreeMap<String, WordPart>| {
        map.keys().map(String::as_str).collect::<Vec<_>>().join(" ")
    };
    SearchFiles {
        tables: format!("{dir}/tables.bin"),
        tables_bytes,
        records: format!("{dir}/records.bin"),
        records_bytes,
        prefixes: keys(&parts.prefixes),
        infixes: keys(&parts.infixes),
        letters: true,
        dir,
    }
}

/// The search index's tables from the chunks given, if the version publishes its search in
/// parts and they were given. Tables that do not fit the reference are damaged.
pub fn read_tables(
    coverage: &Coverage,
    data: &Dataset,
    chunks: &[(String, Vec<u8>)],
) -> Result<Option<SearchTables>, PublishedError> {
    let Some(search) = &coverage.manifest.search else {
        return Ok(None);
    };
    let Some((path, bytes)) = chunks.iter().find(|(path, _)| *path == search.tables) else {
        return Ok(None);
    };
    let tables: SearchTables = read_chunk(path, bytes)?;
    if tables.agreement_count() != coverage.agreements.len() || !tables.fits(data) {
        return Err(PublishedError::Unfitting(path.clone()));
    }
    Ok(Some(tables))
}

/// A part of the search index, as fetched.
pub fn read_part(path: &str, bytes: &[u8]) -> Result<WordPart, PublishedError> {
    read_chunk(path, bytes)
}

/// The records' table of the search index, as fetched: damaged unless it holds as many records
/// as `tables` describe.
pub fn read_records(
    path: &str,
    bytes: &[u8],
    tables: &SearchTables,
) -> Result<RecordTable, PublishedError> {
    let records: RecordTable = read_chunk(path, bytes)?;
    if !records.fits(tables) {
        return Err(PublishedError::Unfitting(path.to_string()));
    }
    Ok(records)
}

impl Published {
    /// The same version, dated `date` (the date names no chunk, so only the manifests change).
    pub fn dated(mut self, date: NaiveDate) -> Published {
        self.manifest.date = date;
        self.write_manifests();
        self
    }

    /// The manifest's text as the current one and as the version's own copy.
    fn write_manifests(&mut self) {
        let text = manifest_text(&self.manifest);
        self.files.insert(
            versioned_manifest_path(&self.manifest.version),
            text.clone(),
        );
        self.files.insert(MANIFEST_PATH.to_string(), text);
    }
}

/// The manifest as published: pretty JSON, for people who read it.
pub fn manifest_text(manifest: &Manifest) -> Vec<u8> {
    let mut text = serde_json::to_vec_pretty(manifest).expect("a manifest is plain data");
    text.push(b'\n');
    text
}

/// Where the manifest of `version` is kept, relative to the site's root.
pub fn versioned_manifest_path(version: &str) -> String {
    format!("data/manifests/{version}.json")
}

fn write_chunk<T: Serialize>(chunk: &T) -> Vec<u8> {
    write_framed(CHUNK_MAGIC, SCHEMA as u8, chunk)
}

fn read_chunk<T: serde::de::DeserializeOwned>(
    path: &str,
    bytes: &[u8],
) -> Result<T, PublishedError> {
    read_framed(CHUNK_MAGIC, SCHEMA as u8, bytes)
        .map_err(|e| PublishedError::Damaged(path.to_string(), e))
}

/// What a page needs of the data, beside the reference: every chunk, or those of what it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Need {
    /// The lists of every kommun and area, saved items: all of it.
    All,
    /// Search: the search index's tables, where search is published in parts (its parts come
    /// as words are typed); all of it where it is not.
    Search,
    /// A kommun's pages: its own agreements and those it shares.
    Kommun(String),
    /// An agreement's page: the chunk that holds it.
    Agreement(String),
}

impl Need {
    /// What the page at `route` shows.
    pub fn of(route: &Route) -> Need {
        match route {
            Route::Kommun { slug } | Route::HowItWent { slug } => Need::Kommun(slug.clone()),
            Route::Area { kommun, .. } => Need::Kommun(kommun.clone()),
            Route::Agreement { id } | Route::Record { agreement: id, .. } => {
                Need::Agreement(id.clone())
            }
            Route::Home(_) => Need::Search,
            Route::Kommuner
            | Route::FindKommun { .. }
            | Route::Areas
            | Route::Saved { .. }
            | Route::About
            | Route::Kiosk(_) => Need::All,
        }
    }
}

impl Need {
    /// What the page at `path` (within the app, without its query) shows, read as the router
    /// reads the path: every route of one kommun or agreement by its segments, and all else
    /// (an unknown path too) needs all.
    pub fn at(path: &str) -> Need {
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            ["kommun", slug] | ["kommun", slug, "sa-gick-det"] | ["omrade", slug, _] => {
                Need::Kommun(slug.to_string())
            }
            ["medborgarlofte", id] => Need::Agreement(id.to_string()),
            [] => Need::Search,
            _ => Need::All,
        }
    }
}

/// Which chunks of its version a dataset was assembled from, and so which pages it can show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    manifest: Manifest,
    /// Each agreement's chunk, by its id (from the reference).
    homes: HashMap<String, usize>,
    /// Every agreement's id, in the dataset's order (from the reference).
    agreements: Vec<String>,
    /// For each of the manifest's chunks, whether it was read.
    held: Vec<bool>,
    /// Whether the search index's tables were read.
    tables_held: bool,
}

impl Coverage {
    /// The paths of the chunks `need` takes, the reference's first. An agreement the version
    /// does not hold needs only the reference, which says so.
    pub fn paths_for(&self, need: &Need) -> Vec<&str> {
        if let Some(paths) = self.manifest.paths_for(need) {
            return paths;
        }
        let home = match need {
            Need::Agreement(id) => self.homes.get(id).copied(),
            Need::All | Need::Search | Need::Kommun(_) => None,
        };
        self.manifest
            .chunks
            .iter()
            .enumerate()
            .filter(|&(i, chunk)| chunk.kommuner.is_empty() || home == Some(i))
            .map(|(_, chunk)| chunk.path.as_str())
            .collect()
    }

    /// Whether every chunk `need` takes was read.
    pub fn covers(&self, need: &Need) -> bool {
        let held: Vec<&str> = self.held_paths();
        self.paths_for(need).iter().all(|path| held.contains(path))
    }

    /// The paths of the chunks read, and of the search index's tables if they were.
    pub fn held_paths(&self) -> Vec<&str> {
        self.manifest
            .chunks
            .iter()
            .zip(&self.held)
            .filter(|(_, &held)| held)
            .map(|(chunk, _)| chunk.path.as_str())
            .chain(self.tables_path())
            .collect()
    }

    /// The search index's tables, if they were read.
    fn tables_path(&self) -> Option<&str> {
        let search = self.manifest.search.as_ref().filter(|_| self.tables_held)?;
        Some(search.tables.as_str())
    }

    /// Every agreement's id in the dataset's order, held or not: what a position in the search
    /// index's results names.
    pub fn agreement_ids(&self) -> &[String] {
        &self.agreements
    }

    /// How the version's search is published: in parts, where it has these files.
    pub fn search(&self) -> Option<&SearchFiles> {
        self.manifest.search.as_ref()
    }

    /// The chunks of another version (`newer`) that hold what this holds: all of them when
    /// this is whole (unless the newer one publishes its search in parts), else the reference
    /// and those of the kommuner held; and its search index's tables, when these were held. Switching to them
    /// keeps every page shown so far.
    pub fn same_in<'a>(&self, newer: &'a Manifest) -> Vec<&'a str> {
        let kommuner: Vec<&str> = self
            .manifest
            .chunks
            .iter()
            .zip(&self.held)
            .filter(|(_, &held)| held)
            .flat_map(|(chunk, _)| chunk.kommuner.iter().map(String::as_str))
            .collect();
        let tables = newer
            .search
            .as_ref()
            .filter(|_| self.tables_held)
            .map(|search| search.tables.as_str());
        // Held whole for a search over everything: the newer version's search in parts needs
        // no more than the kommuner held.
        let whole = self.is_whole() && newer.search.is_none();
        newer
            .chunks
            .iter()
            .filter(|chunk| {
                whole
                    || chunk.kommuner.is_empty()
                    || chunk
                        .kommuner
                        .iter()
                        .any(|k| kommuner.contains(&k.as_str()))
            })
            .map(|chunk| chunk.path.as_str())
            .chain(tables)
            .collect()
    }

    /// The chunks a device keeps offline for the kommuner it follows and the items it has saved
    /// (a record's agreement is the one whose id its id starts with): theirs and the
    /// reference, whether read here or not; nothing when there are none.
    pub fn paths_to_keep<'a, 'b>(
        &'a self,
        kommuner: impl IntoIterator<Item = &'b str>,
        saved: impl IntoIterator<Item = &'b str>,
    ) -> Vec<&'a str> {
        let mut needs: Vec<Need> = kommuner
            .into_iter()
            .map(|slug| Need::Kommun(slug.to_string()))
            .collect();
        needs.extend(saved.into_iter().filter_map(|id| {
            self.homes
                .keys()
                .filter(|agreement| id.starts_with(agreement.as_str()))
                .max_by_key(|agreement| agreement.len())
                .map(|agreement| Need::Agreement(agreement.clone()))
        }));
        self.paths_for_all(&needs)
    }

    /// The paths of the chunks these needs take together, each once, in the order they come.
    pub fn paths_for_all(&self, needs: &[Need]) -> Vec<&str> {
        let mut paths: Vec<&str> = Vec::new();
        for path in needs.iter().flat_map(|need| self.paths_for(need)) {
            if !paths.contains(&path) {
                paths.push(path);
            }
        }
        paths
    }

    /// The reference chunk's path, which every page needs.
    pub fn reference_path(&self) -> Option<&str> {
        self.manifest.reference().map(|chunk| chunk.path.as_str())
    }

    /// Whether every chunk of the version was read.
    pub fn is_whole(&self) -> bool {
        self.held.iter().all(|&held| held)
    }

    /// The bytes of the chunks read, and of all the version's chunks.
    pub fn bytes(&self) -> (u64, u64) {
        let of = |held_only: bool| {
            self.manifest
                .chunks
                .iter()
                .zip(&self.held)
                .filter(|(_, &held)| held || !held_only)
                .map(|(chunk, _)| chunk.bytes)
                .sum()
        };
        (of(true), of(false))
    }

    /// The kommuner with agreements whose chunks were all read, and all kommuner with
    /// agreements: what a search over this dataset covers.
    pub fn kommuner(&self) -> (usize, usize) {
        let mut whole: BTreeMap<&str, bool> = BTreeMap::new();
        for (chunk, &held) in self.manifest.chunks.iter().zip(&self.held) {
            for kommun in &chunk.kommuner {
                *whole.entry(kommun).or_insert(true) &= held;
            }
        }
        (whole.values().filter(|&&held| held).count(), whole.len())
    }
}

/// The dataset of one version from the reference and some of its chunks: the agreements of the
/// chunks given, in the reference's order, and what that covers. Chunks the manifest does not
/// name are ignored; a chunk given that does not read, or lacks an agreement the reference puts
/// in it, is an error: a version is read as published or not at all.
pub fn assemble_part(
    manifest: &Manifest,
    chunks: &[(String, Vec<u8>)],
) -> Result<(Dataset, Coverage), PublishedError> {
    let given = |path: &str| {
        chunks
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, bytes)| bytes.as_slice())
    };
    let reference_chunk = manifest
        .reference()
        .ok_or_else(|| PublishedError::Missing("the reference chunk".into()))?;
    let bytes = given(&reference_chunk.path)
        .ok_or_else(|| PublishedError::Missing(reference_chunk.path.clone()))?;
    let mut reference: ReferenceChunk = read_chunk(&reference_chunk.path, bytes)?;
    let mut held = Vec::with_capacity(manifest.chunks.len());
    let mut agreements: HashMap<String, Agreement> = HashMap::new();
    let mut areas = std::mem::take(&mut reference.areas);
    for chunk in &manifest.chunks {
        let bytes = given(&chunk.path);
        held.push(bytes.is_some());
        if let (false, Some(bytes)) = (chunk.kommuner.is_empty(), bytes) {
            let read: KommunChunk = read_chunk(&chunk.path, bytes)?;
            for agreement in read.agreements {
                agreements.entry(agreement.id.clone()).or_insert(agreement);
            }
            areas.extend(read.areas);
        }
    }
    // In the dataset's order, each once (an area may be in several chunks).
    let mut places: Vec<Option<Area>> = Vec::new();
    for (place, area) in areas {
        let place = place as usize;
        if places.len() <= place {
            places.resize(place + 1, None);
        }
        places[place] = Some(area);
    }
    let homes: HashMap<String, usize> = reference
        .agreements
        .iter()
        .zip(&reference.homes)
        .map(|(id, &home)| (id.clone(), home as usize))
        .collect();
    let mut in_order = Vec::new();
    for id in &reference.agreements {
        let home = homes.get(id).copied();
        match agreements.remove(id) {
            Some(agreement) => in_order.push(agreement),
            // Its chunk was not read: not needed here. (A home past the manifest's chunks is not a
            // chunk left unread: the two do not belong together.)
            None if home.is_some_and(|i| held.get(i) == Some(&false)) => {}
            None => return Err(PublishedError::Incomplete(id.clone())),
        }
    }
    let data = Dataset {
        kommuner: reference.kommuner,
        lan: reference.lan,
        topics: reference.topics,
        areas: places.into_iter().flatten().collect(),
        agreements: in_order,
    };
    let coverage = Coverage {
        agreements: reference.agreements,
        tables_held: manifest
            .search
            .as_ref()
            .is_some_and(|search| given(&search.tables).is_some()),
        manifest: manifest.clone(),
        homes,
        held,
    };
    Ok((data, coverage))
}

/// The dataset of one version from all its chunks: the whole of it, or an error, never a mix.
pub fn assemble(
    manifest: &Manifest,
    chunks: &[(String, Vec<u8>)],
) -> Result<Dataset, PublishedError> {
    let (data, coverage) = assemble_part(manifest, chunks)?;
    match manifest
        .chunks
        .iter()
        .zip(&coverage.held)
        .find(|(_, &held)| !held)
    {
        Some((chunk, _)) => Err(PublishedError::Missing(chunk.path.clone())),
        None => Ok(data),
    }
}

/// A version's manifest and chunks in one piece of bytes, for a copy kept where no service
/// worker keeps them: each part as its length (four bytes, little-endian) and its bytes, the
/// manifest first.
pub fn pack(manifest: &[u8], chunks: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let parts = std::iter::once(manifest).chain(
        chunks
            .iter()
            .flat_map(|(path, bytes)| [path.as_bytes(), bytes.as_slice()]),
    );
    for part in parts {
        out.extend_from_slice(&(part.len() as u32).to_le_bytes());
        out.extend_from_slice(part);
    }
    out
}

/// What [`pack`] wrote (the manifest as it was given, and the chunks), or None if the bytes
/// are not that.
pub fn unpack(mut bytes: &[u8]) -> Option<(Vec<u8>, Chunks)> {
    let mut parts = Vec::new();
    while !bytes.is_empty() {
        let (len, rest) = bytes.split_at_checked(4)?;
        let len = u32::from_le_bytes(len.try_into().ok()?) as usize;
        let (part, rest) = rest.split_at_checked(len)?;
        parts.push(part);
        bytes = rest;
    }
    let (manifest, rest) = parts.split_first()?;
    if rest.len() % 2 != 0 {
        return None;
    }
    let chunks = rest
        .chunks(2)
        .map(|pair| Some((String::from_utf8(pair[0].to_vec()).ok()?, pair[1].to_vec())))
        .collect::<Option<Chunks>>()?;
    Some((manifest.to_vec(), chunks))
}
