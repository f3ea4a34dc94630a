//! The dataset as the app holds it: one published version (`loften_core::published`), its
//! manifest and the chunks the pages shown so far need, assembled and indexed, and shared with
//! every page through context. A page that needs more (`components::with_catalog`) loads the
//! same version with more chunks; `updates` learns of newer versions.

pub mod kept_copy;
pub mod kept_offline;
pub mod updates;

use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use leptos::prelude::*;
use loften_core::published::{
    assemble_part, read_manifest, read_part, read_records, read_tables, versioned_manifest_path,
    Chunks, Coverage, Manifest, Need, PublishedError, MANIFEST_PATH,
};
use loften_core::query::{RecordTable, SearchTables, Words};
use loften_core::route::Route;
use loften_core::{Dataset, Index};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The dataset and its search index.
#[derive(Clone)]
pub struct Catalog {
    pub data: Arc<Dataset>,
    /// Its search index, built the first time a search over the catalog itself needs it: with
    /// search in parts the start page searches the published index, and a catalog that grows
    /// by the chunks of its cards would otherwise index every agreement it holds again each time.
    index: Arc<OnceLock<Arc<Index>>>,
    /// Which published version this is.
    pub edition: Edition,
    /// Loaded from the copy kept on the device because the network failed: may be old.
    pub from_copy: bool,
    /// Which of the version's chunks it holds.
    pub coverage: Arc<Coverage>,
    /// Offline, for a page that shows all of the data: only what the device kept.
    pub kept_only: bool,
    /// The search index's tables, where the version's search is published in parts and they
    /// were loaded: search then loads the parts of the words typed (`pages::home::parts`).
    pub tables: Option<Arc<SearchTables>>,
}

/// A published version of the data: its name, and the day it was published.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edition {
    pub version: String,
    pub date: NaiveDate,
}

impl Catalog {
    pub fn new(data: Dataset, coverage: Coverage, edition: Edition) -> Catalog {
        Catalog {
            data: Arc::new(data),
            index: Arc::default(),
            edition,
            from_copy: false,
            coverage: Arc::new(coverage),
            kept_only: false,
            tables: None,
        }
    }

    /// The search index over all it holds.
    pub fn index(&self) -> Arc<Index> {
        let index = self.index.get_or_init(|| Arc::new(Index::new(&self.data)));
        index.clone()
    }

    /// The chunks a page rendered ahead of time shows: what its route needs, and on the start
    /// page with search in parts, the chunks of the first cards.
    pub fn paths_shown(&self, route: &Route) -> Vec<&str> {
        let mut needs = vec![Need::of(route)];
        if let (Route::Home(query), Some(_)) = (route, self.coverage.search()) {
            let first = self.index().search_without_facets(query).groups;
            let cards = first.iter().take(loften_core::filters::FIRST_CARDS);
            needs
                .extend(cards.map(|group| {
                    Need::Agreement(self.data.agreements[group.agreement].id.clone())
                }));
        }
        self.coverage.paths_for_all(&needs)
    }

    /// Whether it holds what a page needs.
    pub fn covers(&self, need: &Need) -> bool {
        self.coverage.covers(need)
    }

    /// Its own chunks and those `need` adds: what to load to show one more page.
    pub fn grown_by(&self, need: &Need) -> Want {
        // A need of every chunk is loaded as one, so that offline it takes what was kept.
        if self.takes_every_chunk(need) {
            return Want::Need(need.clone());
        }
        self.grown_by_all([need.clone()])
    }

    /// Its own chunks and those these needs add (none of them `Need::All`): the agreements a
    /// search in parts shows, the kommuner followed.
    pub fn grown_by_all(&self, needs: impl IntoIterator<Item = Need>) -> Want {
        let needs: Vec<Need> = needs.into_iter().collect();
        let mut paths = self.coverage.held_paths();
        for path in self.coverage.paths_for_all(&needs) {
            if !paths.contains(&path) {
                paths.push(path);
            }
        }
        Want::Paths(paths.into_iter().map(str::to_string).collect())
    }

    /// Whether `need` takes every chunk of the version: the lists of everything, and search
    /// where it is not published in parts.
    pub fn takes_every_chunk(&self, need: &Need) -> bool {
        match need {
            Need::All => true,
            Need::Search => self.coverage.search().is_none(),
            Need::Kommun(_) | Need::Agreement(_) => false,
        }
    }

    /// The agreement at a position in the version's order, if it is held.
    pub fn agreement_at(&self, position: usize) -> Option<&loften_core::Agreement> {
        let id = self.coverage.agreement_ids().get(position)?;
        self.data.agreement(id)
    }
}

/// Which chunks of a version to load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Want {
    /// Those a page needs, found from the manifest and the reference.
    Need(Need),
    /// These, as a page rendered ahead of time names them (`<meta name="data-chunks">`) or as
    /// the app has them: the reference is always loaded too.
    Paths(Vec<String>),
}

impl Want {
    /// Whether it is all of the data, for a page that, offline, shows what the device kept and
    /// says so: the lists of everything, and search where it is not published in parts.
    fn takes_what_is_kept(&self) -> bool {
        matches!(self, Want::Need(Need::All | Need::Search))
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
    /// Offline, and what the page shows was never kept on the device.
    NotKept,
}

impl LoadError {
    /// What went wrong in the visitor's words, beside the technical detail of `Display`.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::td_string;
        match self {
            LoadError::Unreachable(_) => td_string!(lang, load_unreachable).to_string(),
            LoadError::Damaged(_) => td_string!(lang, load_damaged).to_string(),
            LoadError::NeedsUpdate => td_string!(lang, load_needs_update).to_string(),
            LoadError::NotKept => td_string!(lang, load_not_kept).to_string(),
        }
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Unreachable(detail) | LoadError::Damaged(detail) => f.write_str(detail),
            LoadError::NeedsUpdate | LoadError::NotKept => Ok(()),
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

/// The header that asks the service worker to keep a chunk offline (public/sw.js): it keeps
/// only what `kept_offline` asks for, not every chunk a search loads.
const KEEP_OFFLINE: &str = "X-Keep-Offline";

/// [`start_fetch`], for a chunk the service worker is to keep.
fn start_fetch_to_keep(path: &str) -> Result<JsFuture, LoadError> {
    let window = web_sys::window().ok_or_else(|| LoadError::Unreachable("no window".into()))?;
    let headers = web_sys::Headers::new().map_err(unreachable)?;
    headers.set(KEEP_OFFLINE, "yes").map_err(unreachable)?;
    let init = web_sys::RequestInit::new();
    init.set_headers(&headers);
    Ok(JsFuture::from(window.fetch_with_str_and_init(path, &init)))
}

/// The response to a fetch begun with [`start_fetch`], if it is a file.
async fn response_of(path: &str, fetch: JsFuture) -> Result<web_sys::Response, LoadError> {
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
    Ok(response)
}

/// The body of a response.
async fn bytes_in(response: web_sys::Response) -> Result<Vec<u8>, LoadError> {
    let buffer = JsFuture::from(response.array_buffer().map_err(unreachable)?)
        .await
        .map_err(unreachable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The bytes of a fetch begun with [`start_fetch`].
async fn bytes_of(path: &str, fetch: JsFuture) -> Result<Vec<u8>, LoadError> {
    bytes_in(response_of(path, fetch).await?).await
}

/// One version as fetched: its manifest, as text and read, and the chunks fetched, by path.
pub struct Fetched {
    pub text: Vec<u8>,
    pub manifest: Manifest,
    pub chunks: Chunks,
    /// All of it was wanted, and offline only what the device kept came.
    pub kept_only: bool,
}

impl Fetched {
    /// Assemble and index what was fetched: what it holds is read as published, or not at all.
    pub fn catalog(&self) -> Result<Catalog, LoadError> {
        let (data, coverage) = assemble_part(&self.manifest, &self.chunks)?;
        let tables = read_tables(&coverage, &data, &self.chunks)?;
        let catalog = Catalog::new(data, coverage, edition_of(&self.manifest));
        Ok(Catalog {
            kept_only: self.kept_only && !catalog.coverage.is_whole(),
            tables: tables.map(Arc::new),
            ..catalog
        })
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
    with_manifest_read(bytes_of(path, start_fetch(path)?).await?)
}

/// A manifest's text, and the manifest it reads as.
fn with_manifest_read(text: Vec<u8>) -> Result<(Vec<u8>, Manifest), LoadError> {
    let manifest = read_manifest(&String::from_utf8_lossy(&text))?;
    Ok((text, manifest))
}

/// The status the service worker answers with when the server cannot be reached and it sends
/// the manifest it holds instead (public/sw.js): 203, a copy's answer, not the server's.
const OFFLINE_COPY: u16 = 203;

/// The current manifest from the server itself: the service worker's offline copy of it is
/// [`LoadError::Unreachable`] here, so that a check for newer data knows it has not yet
/// reached the server and asks again.
pub async fn fetch_current_manifest() -> Result<(Vec<u8>, Manifest), LoadError> {
    let response = response_of(MANIFEST_PATH, start_fetch(MANIFEST_PATH)?).await?;
    if response.status() == OFFLINE_COPY {
        return Err(LoadError::Unreachable(
            "offline: the service worker's copy".into(),
        ));
    }
    with_manifest_read(bytes_in(response).await?)
}

/// Fetch these chunks, all at once. A chunk's name is its content, so the browser's cache (or
/// the service worker's) answers for every chunk a client has read before: a new version
/// costs only the chunks that changed.
///
/// With `only_kept`, a chunk that cannot be fetched is left out instead of failing the whole:
/// offline, search covers what the device kept (and says so).
async fn fetch_paths(paths: &[&str], only_kept: bool) -> Result<Chunks, LoadError> {
    let started = paths
        .iter()
        .map(|path| Ok((path.to_string(), start_fetch(path)?)))
        .collect::<Result<Vec<_>, LoadError>>()?;
    let mut chunks = Vec::with_capacity(started.len());
    for (path, fetch) in started {
        match bytes_of(&path, fetch).await {
            Ok(bytes) => chunks.push((path, bytes)),
            Err(LoadError::Unreachable(_)) if only_kept => {}
            Err(error) => return Err(error),
        }
    }
    Ok(chunks)
}

/// Parts of the search index as fetched: their words, and the records' table if it was one of
/// them.
pub struct SearchParts {
    pub words: Words,
    pub records: Option<RecordTable>,
}

/// Fetch parts of the search index (`PartKeys::paths_for`, and `records`' path where a search
/// reads the records) and read them.
pub async fn fetch_search_parts(
    paths: &[String],
    records: &str,
    tables: &SearchTables,
) -> Result<SearchParts, LoadError> {
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
    let mut fetched = SearchParts {
        words: Words::new(),
        records: None,
    };
    for (path, bytes) in fetch_paths(&paths, false).await? {
        if path == records {
            fetched.records = Some(read_records(&path, &bytes, tables)?);
        } else {
            read_part(&path, &bytes)?.merge_into(&mut fetched.words);
        }
    }
    Ok(fetched)
}

/// Whether the browser says it is offline.
pub fn offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}

/// Fetch what `want` takes of the version `manifest` names. For a need, the reference comes
/// first where the manifest alone does not say which chunks hold it (an agreement's).
pub async fn fetch_chunks(
    text: Vec<u8>,
    manifest: Manifest,
    want: &Want,
) -> Result<Fetched, LoadError> {
    let reference = manifest
        .reference()
        .map(|chunk| chunk.path.clone())
        .ok_or_else(|| LoadError::Damaged("the manifest names no reference chunk".into()))?;
    let listed = |path: &str| {
        manifest.chunks.iter().any(|chunk| chunk.path == path)
            || manifest.search.as_ref().is_some_and(|s| s.tables == path)
    };
    // Owned, so that an agreement's branch can hand the manifest on.
    let by_manifest = |need: &Need| -> Option<Vec<String>> {
        let paths = manifest.paths_for(need)?;
        Some(paths.into_iter().map(str::to_string).collect())
    };
    let paths: Vec<String> = match want {
        Want::Need(need) => match by_manifest(need) {
            Some(paths) => paths,
            None => {
                let first = fetch_paths(&[reference.as_str()], false).await?;
                let (_, coverage) = assemble_part(&manifest, &first)?;
                let more: Vec<&str> = coverage
                    .paths_for(need)
                    .into_iter()
                    .filter(|path| *path != reference)
                    .collect();
                let mut chunks = first;
                chunks.extend(fetch_paths(&more, false).await?);
                return Ok(Fetched {
                    text,
                    manifest,
                    chunks,
                    kept_only: false,
                });
            }
        },
        Want::Paths(paths) => std::iter::once(reference.clone())
            .chain(
                paths
                    .iter()
                    .filter(|p| **p != reference && listed(p))
                    .cloned(),
            )
            .collect(),
    };
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
    let only_kept = want.takes_what_is_kept() && offline();
    let mut chunks = fetch_paths(&paths, only_kept).await?;
    // The reference, at least, or nothing reads.
    if !chunks.iter().any(|(path, _)| *path == reference) {
        chunks = fetch_paths(&[reference.as_str()], false).await?;
    }
    Ok(Fetched {
        text,
        manifest,
        chunks,
        kept_only: only_kept,
    })
}

/// Read a version kept whole or in part (the device's copy, the prerender's site): as
/// [`Fetched`].
pub fn read_packed(manifest_text: Vec<u8>, chunks: Chunks) -> Result<Fetched, LoadError> {
    let manifest = read_manifest(&String::from_utf8_lossy(&manifest_text))?;
    Ok(Fetched {
        text: manifest_text,
        manifest,
        chunks,
        kept_only: false,
    })
}

/// Fetch, read and index what `want` takes of a version of the data: the one named `version`
/// (the one a page was rendered from, or the one the app holds), or the current one. Where no
/// service worker keeps the app offline, a version that reads is also kept on the device. When
/// the network fails, or sends what does not read, the copy is used instead if it holds what
/// is wanted; a copy that does not read is dropped, and the network's error is what the page
/// shows.
pub async fn load_catalog(version: Option<&str>, want: &Want) -> Result<Catalog, LoadError> {
    let path = version.map_or_else(|| MANIFEST_PATH.to_string(), versioned_manifest_path);
    let fetched = match fetch_manifest(&path).await {
        Ok((text, manifest)) => fetch_chunks(text, manifest, want).await,
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
        return Err(offline_error(error));
    };
    match copy.catalog() {
        Ok(catalog) if version.is_none_or(|v| v == catalog.edition.version) => match want {
            Want::Need(need) if !catalog.covers(need) && !want.takes_what_is_kept() => {
                Err(offline_error(error))
            }
            _ => Ok(Catalog {
                from_copy: true,
                kept_only: want.takes_what_is_kept() && !catalog.coverage.is_whole(),
                ..catalog
            }),
        },
        Ok(_) => Err(offline_error(error)),
        Err(_) => {
            kept_copy::forget_dataset_copy();
            Err(offline_error(error))
        }
    }
}

/// A failure to reach the server while the browser says it is offline: what the page shows
/// was not kept on the device (what was is answered by the service worker or the copy).
fn offline_error(error: LoadError) -> LoadError {
    match error {
        LoadError::Unreachable(_) if offline() => LoadError::NotKept,
        other => other,
    }
}

/// Grow `catalog` by the chunks `needs` adds where it does not hold them, for what a page shows
/// beside its own data (the cards of a search in parts, the kommuner followed on the start
/// page); each grown catalog is the app's too.
pub fn grow_for(catalog: RwSignal<Catalog>, needs: Memo<Vec<Need>>) {
    let missing = Memo::new(move |_| {
        needs.with(|needs| {
            catalog.with(|held| {
                needs
                    .iter()
                    .filter(|need| !held.covers(need))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    let grown = LocalResource::new(move || {
        let (missing, held) = (missing.get(), catalog.get_untracked());
        async move {
            if missing.is_empty() {
                return None;
            }
            let want = held.grown_by_all(missing);
            Some(load_catalog(Some(&held.edition.version), &want).await)
        }
    });
    // Made the app's in the page's owner, which the future no longer is after an await.
    Effect::new(move |_| {
        if let Some(Some(Ok(loaded))) = grown.get() {
            catalog.set(loaded.clone());
            Held::grew(loaded);
        }
    });
}

/// The catalog the app holds, for a page under the route's gate (`DataGate`), which shows the
/// page only once this holds what its address needs. The newest: what other pages have loaded
/// since is in it.
pub fn use_catalog() -> Catalog {
    use_context::<Held>()
        .and_then(|held| held.0.get_untracked())
        .expect("a page that shows data sits under DataGate")
}

/// The catalog this build of the pages holds, for what shows it beside the pages (the banners,
/// the kiosk's settings, what is kept offline). Its own signal for each build of the pages, not
/// `DataUpdates`', which outlives them: a kiosk builds them again for every visitor, and each
/// reader of a signal that outlives its page would keep a little memory for good.
#[derive(Clone, Copy)]
pub struct Held(RwSignal<Option<Catalog>>);

impl Held {
    /// For a build of the pages, with what the app holds now.
    pub fn provide() {
        let shown = updates::use_data_updates().shown_untracked();
        provide_context(Held(RwSignal::new(shown)));
    }

    /// Whether the catalog held covers `need` (tracked: it changes as pages load more).
    pub fn covers(need: &Need) -> bool {
        use_context::<Held>().is_some_and(|held| {
            held.0
                .with(|catalog| catalog.as_ref().is_some_and(|c| c.covers(need)))
        })
    }

    /// A page needed more, and it has loaded: the app's now, for this build and the next.
    pub fn grew(catalog: Catalog) {
        updates::use_data_updates().grew(catalog.clone());
        if let Some(held) = use_context::<Held>() {
            held.0.try_set(Some(catalog));
        }
    }
}

/// The catalog the app holds, from beside the pages; `None` while the first one loads or when
/// it failed.
pub fn loaded_catalog() -> Option<Catalog> {
    use_context::<Held>().and_then(|held| held.0.get())
}
