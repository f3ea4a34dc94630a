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
//! The chunks: the reference data (kommuner, län, topics, areas, and every agreement's id in
//! the dataset's order), one chunk per kommun with the agreements it alone takes part in, and
//! one for each group of kommuner that share agreements (a county's, say). Each is `LOFC`, the schema as
//! one byte, then postcard (see `bundle`: its shape is the model's, so a change of the model
//! raises [`SCHEMA`]).

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::bundle::{read_framed, write_framed, BundleError};
use crate::dataset::Dataset;
use crate::model::{Agreement, Area, Kommun, Lan, Topic};

/// The published data's schema: the manifest's shape and the chunks' postcard layout.
pub const SCHEMA: u32 = 2;
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

/// Kommuner, län, topics and areas, and which agreements the version holds, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferenceChunk {
    pub kommuner: Vec<Kommun>,
    pub lan: Vec<Lan>,
    pub topics: Vec<Topic>,
    pub areas: Vec<Area>,
    pub agreements: Vec<String>,
}

/// The agreements of one kommun, or of one group of kommuner together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KommunChunk {
    pub agreements: Vec<Agreement>,
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
    Ok(Manifest {
        schema: SCHEMA,
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
/// the version): the same data always gives the same names.
pub fn publish(data: &Dataset, date: NaiveDate, hash: impl Fn(&[u8]) -> String) -> Published {
    let reference = ReferenceChunk {
        kommuner: data.kommuner.clone(),
        lan: data.lan.clone(),
        topics: data.topics.clone(),
        areas: data.areas.clone(),
        agreements: data.agreements.iter().map(|a| a.id.clone()).collect(),
    };
    // By the kommuner's slugs, as their addresses name them (a name the reference lacks keeps
    // its own): an agreement of several kommuner is in one chunk they share.
    let mut by_kommuner: BTreeMap<Vec<&str>, Vec<Agreement>> = BTreeMap::new();
    for agreement in &data.agreements {
        let mut slugs: Vec<&str> = agreement
            .kommuner
            .iter()
            .map(|name| data.kommun_by_name(name).map_or(name.as_str(), |k| &k.slug))
            .collect();
        slugs.sort_unstable();
        slugs.dedup();
        by_kommuner
            .entry(slugs)
            .or_default()
            .push(agreement.clone());
    }
    let mut files = BTreeMap::new();
    let mut chunks = Vec::new();
    let mut add = |kommuner: Vec<&str>, bytes: Vec<u8>| {
        let path = format!("data/chunks/{}.bin", hash(&bytes));
        chunks.push(Chunk {
            kommuner: kommuner.into_iter().map(str::to_string).collect(),
            path: path.clone(),
            bytes: bytes.len() as u64,
        });
        files.insert(path, bytes);
    };
    add(Vec::new(), write_chunk(&reference));
    for (kommuner, agreements) in by_kommuner {
        add(kommuner, write_chunk(&KommunChunk { agreements }));
    }
    let names: Vec<&str> = chunks.iter().map(|c| c.path.as_str()).collect();
    let version = hash(format!("{SCHEMA}\n{}", names.join("\n")).as_bytes());
    let manifest = Manifest {
        schema: SCHEMA,
        version,
        date,
        chunks,
    };
    let mut out = Published { manifest, files };
    out.write_manifests();
    out
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

/// The dataset of one version from its chunks: the whole of it, or an error, never a mix.
pub fn assemble(
    manifest: &Manifest,
    chunks: &[(String, Vec<u8>)],
) -> Result<Dataset, PublishedError> {
    let mut reference: Option<ReferenceChunk> = None;
    let mut agreements: Vec<Agreement> = Vec::new();
    for chunk in &manifest.chunks {
        let bytes = chunks
            .iter()
            .find(|(path, _)| *path == chunk.path)
            .map(|(_, bytes)| bytes)
            .ok_or_else(|| PublishedError::Missing(chunk.path.clone()))?;
        if chunk.kommuner.is_empty() {
            reference = Some(read_chunk(&chunk.path, bytes)?);
        } else {
            agreements.extend(read_chunk::<KommunChunk>(&chunk.path, bytes)?.agreements);
        }
    }
    let reference =
        reference.ok_or_else(|| PublishedError::Missing("the reference chunk".into()))?;
    // In the reference's order, each once.
    let place: HashMap<&str, usize> = reference
        .agreements
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    let mut slots: Vec<Option<Agreement>> = reference.agreements.iter().map(|_| None).collect();
    for agreement in agreements {
        if let Some(&i) = place.get(agreement.id.as_str()) {
            slots[i].get_or_insert(agreement);
        }
    }
    let agreements = slots
        .into_iter()
        .zip(&reference.agreements)
        .map(|(slot, id)| slot.ok_or_else(|| PublishedError::Incomplete(id.clone())))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Dataset {
        kommuner: reference.kommuner,
        lan: reference.lan,
        topics: reference.topics,
        areas: reference.areas,
        agreements,
    })
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
