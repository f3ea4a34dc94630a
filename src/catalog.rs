//! The dataset as the app holds it: fetched once from the build's bundle, indexed once,
//! and shared with every page through context.

pub mod kept_copy;

use std::sync::Arc;

use leptos::prelude::*;
use loften_core::{Dataset, Index};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The dataset and its search index.
#[derive(Clone)]
pub struct Catalog {
    pub data: Arc<Dataset>,
    pub index: Arc<Index>,
    /// Loaded from the copy kept on the device because the network failed: may be old.
    pub from_copy: bool,
}

impl Catalog {
    pub fn new(data: Dataset) -> Catalog {
        let index = Index::new(&data);
        Catalog {
            data: Arc::new(data),
            index: Arc::new(index),
            from_copy: false,
        }
    }
}

/// Why the catalog could not be loaded, as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError(pub String);

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LoadError {}

/// The catalog as it loads: `None` while it loads, then the catalog or why it failed.
pub type CatalogResource = LocalResource<Result<Catalog, LoadError>>;

/// Where the bundle lives, relative to the app's base URL (`<base href>`), so hosting under a
/// sub-path works without a rebuild. It is the binary bundle (`loften_core::bundle`, written by
/// `loften bundle`): smaller, and less to hold while reading it, than the same data in JSON.
pub const BUNDLE_PATH: &str = "data/bundle.bin";

fn js_error(error: wasm_bindgen::JsValue) -> String {
    format!("{error:?}")
}

/// Fetch the bundle's bytes.
async fn fetch_bundle(path: &str) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(js_error)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!("HTTP {} for {path}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(js_error)?)
        .await
        .map_err(js_error)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Read a bundle. A damaged bundle is an error the page shows (the data-error notice), never
/// a panic.
fn read_bundle(bytes: &[u8]) -> Result<Dataset, String> {
    loften_core::bundle::decode(bytes).map_err(|e| format!("the data file is damaged: {e}"))
}

/// Read and index a bundle. The bytes are freed before the index is built, so the index reuses
/// their memory: a wasm memory never shrinks, so its peak is what the page keeps.
pub fn catalog_from(bytes: Vec<u8>) -> Result<Catalog, String> {
    let data = read_bundle(&bytes)?;
    drop(bytes);
    Ok(Catalog::new(data))
}

/// Fetch, read and index the bundle. Where no service worker keeps the app offline, a bundle
/// that reads is also kept on the device. When the network fails, or sends a damaged bundle,
/// the copy is used instead; a copy that does not read is dropped, and the network's error is
/// what the page shows.
pub async fn load_catalog() -> Result<Catalog, String> {
    let fetched = fetch_bundle(BUNDLE_PATH).await;
    let error = match fetched.and_then(|bytes| read_bundle(&bytes).map(|data| (bytes, data))) {
        Ok((bytes, data)) => {
            // Kept only once it has read, so a damaged download never replaces a good copy.
            if !crate::pwa::controlled_by_service_worker() {
                kept_copy::keep_dataset_copy(&bytes);
            }
            drop(bytes);
            return Ok(Catalog::new(data));
        }
        Err(error) => error,
    };
    let Some(copy) = kept_copy::dataset_copy() else {
        return Err(error);
    };
    match catalog_from(copy) {
        Ok(catalog) => Ok(Catalog {
            from_copy: true,
            ..catalog
        }),
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
    let resource = LocalResource::new(|| async { load_catalog().await.map_err(LoadError) });
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
