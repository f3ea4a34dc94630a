//! The dataset as the app holds it: fetched once from the build's bundle, indexed once,
//! and shared with every page through context.

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
        Catalog { data: Arc::new(data), index: Arc::new(index), from_copy: false }
    }
}

fn parse(text: &str) -> Result<Dataset, String> {
    serde_json::from_str(text).map_err(|e| format!("the data file is damaged: {e}"))
}

#[derive(Clone)]
pub enum Load {
    Loading,
    Ready(Catalog),
    Failed(String),
}

/// Where the bundle lives, relative to the app's base URL (`<base href>`), so hosting under a
/// sub-path works without a rebuild.
pub const BUNDLE_PATH: &str = "data/bundle.json";

async fn fetch_text(path: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(path)).await.map_err(|e| format!("{e:?}"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!("HTTP {} for {path}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|e| format!("{e:?}"))?).await.map_err(|e| format!("{e:?}"))?;
    text.as_string().ok_or_else(|| "the response is not text".to_string())
}

/// Fetch and index the bundle. Where no service worker keeps it offline, a copy goes to the
/// device, and is used when the network fails.
pub async fn load_catalog() -> Result<Catalog, String> {
    match fetch_text(BUNDLE_PATH).await {
        Ok(text) => {
            let catalog = Catalog::new(parse(&text)?);
            if !crate::pwa::controlled_by_service_worker() {
                crate::state::keep_dataset_copy(&text);
            }
            Ok(catalog)
        }
        Err(error) => {
            let copy = crate::state::dataset_copy().ok_or(error)?;
            Ok(Catalog { from_copy: true, ..Catalog::new(parse(&copy)?) })
        }
    }
}

/// Start loading into a signal that pages read.
pub fn provide_catalog() -> RwSignal<Load> {
    let load = RwSignal::new(Load::Loading);
    provide_context(load);
    reload(load);
    load
}

pub fn reload(load: RwSignal<Load>) {
    load.set(Load::Loading);
    leptos::task::spawn_local(async move {
        load.set(match load_catalog().await {
            Ok(catalog) => Load::Ready(catalog),
            Err(error) => Load::Failed(error),
        });
    });
}

pub fn use_load() -> RwSignal<Load> {
    expect_context::<RwSignal<Load>>()
}

/// Today's date as ISO "YYYY-MM-DD", in the reader's own time zone.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}
