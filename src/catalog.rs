//! The dataset as the app holds it: one published version (`loften_core::published`), its
//! manifest and chunks fetched, assembled and indexed once, and shared with every page
//! through context. `updates` learns of newer versions.

pub mod kept_copy;
pub mod updates;

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;
use loften_core::published::{
    assemble, read_manifest, versioned_manifest_path, Chunks, Manifest, PublishedError,
    MANIFEST_PATH,
};
use loften_core::{Dataset, Index};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The dataset and its search index.
#[derive(Clone)]
pub struct Catalog {
    pub data: Arc<Dataset>,
    pub index: Arc<Index>,
    /// Which published version this is.
    pub edition: Edition,
    /// Loaded from the copy kept on the device because the network failed: may be old.
    pub from_copy: bool,
}

/// A published version of the data: its name, and the day it was published.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edition {
    pub version: String,
    pub date: NaiveDate,
}

impl Catalog {
    pub fn new(data: Dataset, edition: Edition) -> Catalog {
        let index = Index::new(&data);
        Catalog {
            data: Arc::new(data),
            index: Arc::new(index),
            edition,
            from_copy: false,
        }
    }
}

/// Why the data could not be loaded, as a visitor meets it (the words are in `locales/`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The server could not be reached, or did not send a file, and no copy is kept.
    Unreachable(String),
    /// What came does not read: a damaged or unfinished download.
    Damaged(String),
    /// The data is published for a newer version of the app.
    NeedsUpdate,
}

impl LoadError {
    /// What went wrong in the visitor's words, beside the technical detail of `Display`.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::td_string;
        match self {
            LoadError::Unreachable(_) => td_string!(lang, load_unreachable).to_string(),
            LoadError::Damaged(_) => td_string!(lang, load_damaged).to_string(),
            LoadError::NeedsUpdate => td_string!(lang, load_needs_update).to_string(),
        }
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Unreachable(detail) | LoadError::Damaged(detail) => f.write_str(detail),
            LoadError::NeedsUpdate => Ok(()),
        }
    }
}

impl std::error::Error for LoadError {}

impl From<PublishedError> for LoadError {
    fn from(error: PublishedError) -> LoadError {
        match error {
            PublishedError::NewerSchema(_) => LoadError::NeedsUpdate,
            other => LoadError::Damaged(other.to_string()),
        }
    }
}

/// The catalog as it loads: `None` while it loads, then the catalog or why it failed.
pub type CatalogResource = LocalResource<Result<Catalog, LoadError>>;

fn unreachable(error: wasm_bindgen::JsValue) -> LoadError {
    LoadError::Unreachable(format!("{error:?}"))
}

/// Start fetching a file of the site, relative to the app's base URL (`<base href>`), so
/// hosting under a sub-path works without a rebuild.
fn start_fetch(path: &str) -> Result<JsFuture, LoadError> {
    let window = web_sys::window().ok_or_else(|| LoadError::Unreachable("no window".into()))?;
    Ok(JsFuture::from(window.fetch_with_str(path)))
}

/// The bytes of a fetch begun with [`start_fetch`].
async fn bytes_of(path: &str, fetch: JsFuture) -> Result<Vec<u8>, LoadError> {
    let response: web_sys::Response = fetch
        .await
        .map_err(unreachable)?
        .dyn_into()
        .map_err(|_| LoadError::Unreachable("not a response".into()))?;
    if !response.ok() {
        return Err(LoadError::Unreachable(format!(
            "HTTP {} for {path}",
            response.status()
        )));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(unreachable)?)
        .await
        .map_err(unreachable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// One version as fetched: its manifest, as text and read, and its chunks by path.
pub struct Fetched {
    pub text: Vec<u8>,
    pub manifest: Manifest,
    pub chunks: Chunks,
}

impl Fetched {
    /// Assemble and index it. A version is read whole or not at all.
    pub fn catalog(&self) -> Result<Catalog, LoadError> {
        let data = assemble(&self.manifest, &self.chunks)?;
        Ok(Catalog::new(data, edition_of(&self.manifest)))
    }
}

fn edition_of(manifest: &Manifest) -> Edition {
    Edition {
        version: manifest.version.clone(),
        date: manifest.date,
    }
}

/// Fetch the manifest at `path`.
pub async fn fetch_manifest(path: &str) -> Result<(Vec<u8>, Manifest), LoadError> {
    let text = bytes_of(path, start_fetch(path)?).await?;
    let manifest = read_manifest(&String::from_utf8_lossy(&text))?;
    Ok((text, manifest))
}

/// Fetch every chunk a manifest names, all at once. A chunk's name is its content, so the
/// browser's cache (or the service worker's) answers for every chunk a client has read
/// before: a new version costs only the chunks that changed.
pub async fn fetch_chunks(text: Vec<u8>, manifest: Manifest) -> Result<Fetched, LoadError> {
    let started = manifest
        .chunks
        .iter()
        .map(|chunk| Ok((chunk.path.clone(), start_fetch(&chunk.path)?)))
        .collect::<Result<Vec<_>, LoadError>>()?;
    let mut chunks = Vec::with_capacity(started.len());
    for (path, fetch) in started {
        let bytes = bytes_of(&path, fetch).await?;
        chunks.push((path, bytes));
    }
    Ok(Fetched {
        text,
        manifest,
        chunks,
    })
}

/// Read a version kept whole (the device's copy, the prerender's site): as [`Fetched`].
pub fn read_packed(manifest_text: Vec<u8>, chunks: Chunks) -> Result<Fetched, LoadError> {
    let manifest = read_manifest(&String::from_utf8_lossy(&manifest_text))?;
    Ok(Fetched {
        text: manifest_text,
        manifest,
        chunks,
    })
}

/// Fetch, read and index a version of the data: the one named `version` (the one a page was
/// rendered from), or the current one. Where no service worker keeps the app offline, a
/// version that reads is also kept on the device. When the network fails, or sends what does
/// not read, the copy is used instead; a copy that does not read is dropped, and the
/// network's error is what the page shows.
pub async fn load_catalog(version: Option<&str>) -> Result<Catalog, LoadError> {
    let path = version.map_or_else(|| MANIFEST_PATH.to_string(), versioned_manifest_path);
    let fetched = match fetch_manifest(&path).await {
        Ok((text, manifest)) => fetch_chunks(text, manifest).await,
        Err(error) => Err(error),
    };
    let error = match fetched.and_then(|f| f.catalog().map(|c| (f, c))) {
        Ok((fetched, catalog)) => {
            // Kept only once it has read, so a damaged download never replaces a good copy.
            if !crate::pwa::controlled_by_service_worker() {
                kept_copy::keep_dataset_copy(&fetched);
            }
            return Ok(catalog);
        }
        Err(error) => error,
    };
    // A page rendered from a version no longer published takes the copy's or fails; the
    // caller then loads the current version instead.
    let Some(copy) = kept_copy::dataset_copy() else {
        return Err(error);
    };
    match copy.catalog() {
        Ok(catalog) if version.is_none_or(|v| v == catalog.edition.version) => Ok(Catalog {
            from_copy: true,
            ..catalog
        }),
        Ok(_) => Err(error),
        Err(_) => {
            kept_copy::forget_dataset_copy();
            Err(error)
        }
    }
}

/// Start loading the catalog once for the app; `refetch` tries again. Nothing to load when
/// whoever started the app provided the catalog already, as the build does and as the browser
/// does once its first load has worked (`main.rs`): the resource is for showing a failed load
/// and trying again. (A resource read under `<Suspense>` also keeps a little memory for every
/// page shown, which a kiosk running for days would feel.)
pub fn provide_catalog() {
    if use_context::<Catalog>().is_some() {
        return;
    }
    let resource = LocalResource::new(|| async { load_catalog(None).await });
    provide_context(resource);
}

/// The catalog's loading, for what shows it (`components::with_catalog::WithCatalog`); `None`
/// when the catalog came with the app's start.
pub fn use_catalog_resource() -> Option<CatalogResource> {
    use_context::<CatalogResource>()
}

/// The loaded catalog, inside `WithCatalog`.
pub fn use_catalog() -> Catalog {
    expect_context::<Catalog>()
}

/// The catalog once it has loaded, from anywhere (the banners, kiosk settings); `None` while
/// it loads or when it failed.
pub fn loaded_catalog() -> Option<Catalog> {
    match use_catalog_resource() {
        Some(resource) => resource.get().and_then(Result::ok),
        None => use_context::<Catalog>(),
    }
}
