//! Shows a page once the data has loaded, and says so plainly while it loads or if it fails.

use leptos::either::Either;
use leptos::prelude::*;

use crate::catalog::{use_catalog_resource, Catalog, LoadError};
use crate::i18n::{page_lang, td_string, Lang};

/// Its children with the catalog in context (`catalog::use_catalog`), or a loading notice,
/// or a failure notice with "Försök igen".
#[component]
pub fn WithCatalog(children: ChildrenFn) -> impl IntoView {
    // Prerendered pages and their hydration have the catalog from the start: no loading state,
    // so the build's HTML is the page itself.
    let Some(resource) = use_catalog_resource() else {
        return Either::Left(children());
    };
    let lang = page_lang();
    let children = StoredValue::new(children);
    let failed = move |errors: ArcRwSignal<Errors>| {
        // The visitor's words for what failed, then the technical detail for whoever helps.
        let said = move |part: fn(&LoadError, Lang) -> String| {
            errors
                .read()
                .iter()
                .filter_map(|(_, error)| error.downcast_ref::<LoadError>().map(|e| part(e, lang)))
                .collect::<Vec<_>>()
                .join(" ")
        };
        view! {
            <div class="notice notice--error" role="alert">
                <p>{td_string!(lang, load_failed)}" "{said(LoadError::message)}</p>
                <p class="muted">{said(|e, _| e.to_string())}</p>
                <button type="button" class="button" on:click=move |_| resource.refetch()>{td_string!(lang, retry)}</button>
            </div>
        }
    };
    Either::Right(view! {
        <Suspense fallback=move || view! { <p class="notice" role="status">{td_string!(lang, loading)}</p> }>
            <ErrorBoundary fallback=failed>
                {move || {
                    resource.get().map(|loaded| {
                        loaded.map(|catalog: Catalog| {
                            provide_context(catalog);
                            children.with_value(|children| children())
                        })
                    })
                }}
            </ErrorBoundary>
        </Suspense>
    })
}
