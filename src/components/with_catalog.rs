//! Shows a page once the data it needs has loaded, and says so plainly while it loads or if it
//! fails.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_url;
use loften_core::published::Need;

use crate::base::use_base;
use crate::catalog::updates::{use_data_updates, DataUpdates};
use crate::catalog::{load_catalog, Catalog, Held, LoadError, Want};
use crate::i18n::{page_lang, td_string, Lang};

/// Its children with the catalog in context (`catalog::use_catalog`), once the catalog holds
/// what the page at the address needs (`Need::at`); meanwhile a loading notice, or a failure
/// notice with "Försök igen".
#[component]
pub fn WithCatalog(children: ChildrenFn) -> impl IntoView {
    // This route's address (`use_url` in a route is the route's own): the need changes with
    // another kommun on the same route, not with the query, nor when the visitor leaves for
    // another route, whose page loads what it needs itself.
    let url = use_url();
    let base = use_base();
    let need = Memo::new(move |_| url.with(|url| Need::at(base.path_within(url.path()))));
    let updates = use_data_updates();
    let children = StoredValue::new(children);
    move || {
        let need = need.get();
        // Pages rendered ahead of time and their hydration hold what they need from the start:
        // no loading state, so the build's HTML is the page itself.
        match updates.shown_untracked().filter(|c| c.covers(&need)) {
            Some(catalog) => {
                provide_context(catalog);
                Either::Left(children.with_value(|children| children()))
            }
            None => Either::Right(view! { <Loading need=need children=children/> }),
        }
    }
}

/// Load the version the app holds with what `need` adds (or, with nothing held yet or that
/// version gone, the current one).
async fn grow(updates: DataUpdates, need: Need) -> Result<Catalog, LoadError> {
    let Some(held) = updates.shown_untracked() else {
        return load_catalog(None, &Want::Need(need)).await;
    };
    let grown = load_catalog(Some(&held.edition.version), &held.grown_by(&need)).await;
    // That version no longer published, or (offline) not kept: the current one.
    match grown {
        Err(LoadError::NeedsUpdate) | Ok(_) => grown,
        Err(_) => load_catalog(None, &Want::Need(need)).await,
    }
}

#[component]
fn Loading(need: Need, children: StoredValue<ChildrenFn>) -> impl IntoView {
    let lang = page_lang();
    let updates = use_data_updates();
    let resource = LocalResource::new(move || grow(updates, need.clone()));
    // Made the app's here, in the page's owner, which the future no longer is after an await.
    Effect::new(move |_| {
        if let Some(Ok(catalog)) = resource.get() {
            Held::grew(catalog);
        }
    });
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
    view! {
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
    }
}
