//! Shows a page once the data has loaded, and says so plainly while it loads or if it fails.

use leptos::prelude::*;

use crate::catalog::{reload, use_load, Catalog, Load};
use crate::i18n::use_texts;

/// Render `page` with the catalog, or a loading or failure notice.
pub fn with_catalog<V: IntoView + 'static>(
    page: impl Fn(Catalog) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let load = use_load();
    let t = use_texts();
    move || {
        match load.get() {
        Load::Ready(catalog) => page(catalog).into_any(),
        Load::Loading => view! { <p class="notice" role="status">{t.loading}</p> }.into_any(),
        Load::Failed(error) => view! {
            <div class="notice notice--error" role="alert">
                <p>{t.load_failed}</p>
                <p class="muted">{error}</p>
                <button type="button" class="button" on:click=move |_| reload(load)>{t.retry}</button>
            </div>
        }
        .into_any(),
    }
    }
}
