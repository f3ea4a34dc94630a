//! Shows a page once the data it needs has loaded, and says so plainly while it loads or if it
//! fails.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_url;
use loften_core::published::Need;

use crate::base::use_base;
use crate::catalog::updates::{use_data_updates, DataUpdates};
use crate::catalog::{load_catalog, Catalog, Held, LoadError, Want};
use crate::i18n::{page_lang, td_string, Lang};

/// The route every page that shows data sits under (`app::AppRoutes`): the page at the address,
/// through `<Outlet/>`, once the catalog holds what it needs. Pages do not wait for data
/// themselves.
#[component]
pub fn DataGate() -> impl IntoView {
    view! { <WithCatalog><Outlet/></WithCatalog> }
}

/// Its children, once the catalog the app holds (`catalog::use_catalog`) has what the page at
/// the address needs (`Need::at`); meanwhile a loading notice, or a failure notice with "Försök
/// igen". The route gate, and the one text page that shows a few facts of the data (`/om`).
#[component]
pub fn WithCatalog(children: ChildrenFn) -> impl IntoView {
    // The address within this route (`use_url` in a route is the route's own): leaving for a
    // route outside it does not count as a need here, nor does a change of query.
    let url = use_url();
    let base = use_base();
    let need = Memo::new(move |_| url.with(|url| Need::at(base.path_within(url.path()))));
    // The need last loaded here: offline, what the device kept answers it even where that is
    // not all of it.
    let answered = RwSignal::new(None::<Need>);
    // What is still to load. Pages rendered ahead of time and their hydration hold what they
    // need from the start: no loading state, so the build's HTML is the page itself. The
    // children are built again only when a load ends, never on a navigation the catalog
    // already covers: then the router alone swaps the page.
    let waiting = Memo::new(move |_| {
        need.with(|need| {
            let ready = Held::covers(need) || answered.with(|a| a.as_ref() == Some(need));
            (!ready).then(|| need.clone())
        })
    });
    let children = StoredValue::new(children);
    move || match waiting.get() {
        None => Either::Left(children.with_value(|children| children())),
        Some(need) => Either::Right(view! { <Loading need=need answered=answered/> }),
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

/// Loads what `need` adds; once it has, the app holds it and the gate shows its children.
#[component]
fn Loading(need: Need, answered: RwSignal<Option<Need>>) -> impl IntoView {
    let lang = page_lang();
    let updates = use_data_updates();
    let resource = LocalResource::new({
        let need = need.clone();
        move || grow(updates, need.clone())
    });
    // Made the app's here, in the gate's owner, which the future no longer is after an await.
    Effect::new(move |_| {
        if let Some(Ok(catalog)) = resource.get() {
            Held::grew(catalog);
            answered.set(Some(need.clone()));
        }
    });
    let notice = move || view! { <p class="notice" role="status">{td_string!(lang, loading)}</p> };
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
        <Suspense fallback=notice>
            <ErrorBoundary fallback=failed>
                {move || resource.get().map(|loaded| loaded.map(|_| notice()))}
            </ErrorBoundary>
        </Suspense>
    }
}
