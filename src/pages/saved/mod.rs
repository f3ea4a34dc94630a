//! `/sparade`: what the person saved, grouped by agreement, newest first, with notes; a share
//! link (`?dela=id,id`) that opens on another device with a preview and "Spara alla"; export to
//! and import from a JSON file.

use leptos::prelude::*;
use leptos_router::hooks::use_query;
use leptos_router::params::Params;
use loften_core::dataset::Located;
use loften_core::route::Route;
use loften_core::storage::parse_shared;
use loften_core::views::{bookmark_label, saved_groups};

use crate::catalog::use_catalog;
use crate::components::follow::{FollowButton, WhatsNew};
use crate::components::link::Link;
use crate::components::page_frame::PageFrame;
use crate::components::page_meta::PageMeta;
use crate::components::save::SaveButton;
use crate::i18n::{page_lang, td_string, Lang};
use crate::state::use_store;

mod share;
use share::{KioskTakeAway, ShareAndMove, SharedPreview};

/// An agreement's title and the link to it.
type Heading = (String, Route);

/// One saved item, owned for the view.
#[derive(Clone)]
struct Row {
    id: String,
    kind: &'static str,
    text: String,
    href: Option<Route>,
    note: String,
}

pub(super) fn kind_of(lang: Lang, located: Option<Located<'_>>) -> &'static str {
    match located {
        Some(Located::Agreement(_)) => td_string!(lang, kind_agreement),
        Some(Located::Promise(..)) => td_string!(lang, promise),
        Some(Located::Activity(..)) => td_string!(lang, activity),
        None => "",
    }
}

fn route_of(located: Located<'_>) -> Route {
    let record = |agreement: &str, record: &str| Route::Record {
        agreement: agreement.to_string(),
        record: record.to_string(),
    };
    match located {
        Located::Agreement(a) => Route::Agreement { id: a.id.clone() },
        Located::Promise(a, p) => record(&a.id, &p.id),
        Located::Activity(a, x) => record(&a.id, &x.id),
    }
}

/// `/sparade?dela=…`: a share link's items.
#[derive(Params, Clone, Debug, PartialEq)]
struct ShareQuery {
    dela: Option<String>,
}

/// The saved page.
#[component]
pub fn SavedPage() -> impl IntoView {
    let lang = page_lang();
    let query = use_query::<ShareQuery>();
    let shared = move || {
        query
            .read()
            .as_ref()
            .ok()
            .and_then(|q| q.dela.as_deref().map(parse_shared))
    };
    view! {
        <PageMeta title=td_string!(lang, saved_heading) description=td_string!(lang, saved_intro)/>
        <PageFrame class="page--saved" heading=td_string!(lang, saved_heading) lead=td_string!(lang, saved_intro)>
            {move || shared().map(|shared| view! { <SharedPreview shared=shared/> })}
            <WhatsNew always=true/>
            <SavedList/>
            <FollowedList/>
            {if crate::kiosk::use_kiosk().enabled { view! { <KioskTakeAway/> }.into_any() } else { view! { <ShareAndMove/><KeepOffline/> }.into_any() }}
        </PageFrame>
    }
}

/// The saved items, grouped by agreement.
#[component]
fn SavedList() -> impl IntoView {
    let lang = page_lang();
    let catalog = use_catalog();
    // Held in part (offline, the kommuner visited): what is not held may still be published.
    let whole = catalog.coverage.is_whole();
    let data = catalog.data;
    let store = use_store();
    move || {
        let state = store.state.get();
        let groups = saved_groups(&data, &state);
        if groups.is_empty() {
            return view! { <p class="empty">{td_string!(lang, saved_empty)}</p> }.into_any();
        }
        // (heading and link, rows) owned, so the view can keep them.
        let groups: Vec<(Option<Heading>, Vec<Row>)> = groups
            .iter()
            .map(|g| {
                let heading = g
                    .agreement
                    .map(|a| (a.heading(), Route::Agreement { id: a.id.clone() }));
                let rows = g
                    .items
                    .iter()
                    .map(|item| Row {
                        id: item.bookmark.id.clone(),
                        kind: kind_of(lang, item.located),
                        text: item
                            .located
                            .map(bookmark_label)
                            .or_else(|| item.bookmark.label.clone())
                            .unwrap_or_else(|| item.bookmark.id.clone()),
                        href: item.located.map(route_of),
                        note: item.bookmark.note.clone().unwrap_or_default(),
                    })
                    .collect();
                (heading, rows)
            })
            .collect();
        groups
            .into_iter()
            .map(|(heading, rows)| {
                let missing = heading.is_none();
                view! {
                    <section class="section saved-group">
                        {match heading {
                            Some((title, href)) => view! { <h2 lang="sv"><Link to=href>{title}</Link></h2> }.into_any(),
                            None if whole => view! { <h2>{td_string!(lang, saved_missing)}</h2><p class="muted">{td_string!(lang, saved_missing_text)}</p> }.into_any(),
                            None => view! { <h2>{td_string!(lang, saved_not_kept)}</h2><p class="muted">{td_string!(lang, saved_not_kept_text)}</p> }.into_any(),
                        }}
                        <ul class="records">
                            {rows.into_iter().map(|row| view! { <li><SavedRow row=row missing=missing/></li> }).collect_view()}
                        </ul>
                    </section>
                }
            })
            .collect_view()
            .into_any()
    }
}

/// What the device keeps to read offline, and the choice to keep every kommun's data, saying
/// how much that is as stored (`catalog::kept_offline` does the keeping).
#[component]
fn KeepOffline() -> impl IntoView {
    let lang = page_lang();
    let store = use_store();
    let (_, all) = use_catalog().coverage.bytes();
    let size = crate::i18n::data_size(lang, all);
    let keep_all = Memo::new(move |_| store.state.with(|s| s.preferences.keep_all_offline));
    let toggle = move |_| {
        store
            .state
            .update(|s| s.preferences.keep_all_offline = !s.preferences.keep_all_offline)
    };
    view! {
        <section class="section keep-offline" aria-labelledby="offline-heading">
            <h2 id="offline-heading">{td_string!(lang, offline_heading)}</h2>
            <p>{td_string!(lang, offline_intro)}</p>
            <button type="button" class="button" aria-pressed=move || keep_all.get().to_string() on:click=toggle>{td_string!(lang, offline_keep_all, size = size)}</button>
            <p role="status">{move || keep_all.get().then(|| td_string!(lang, offline_keep_all_on))}</p>
        </section>
    }
}

/// The kommuner followed, each with its button to stop.
#[component]
fn FollowedList() -> impl IntoView {
    let lang = page_lang();
    let data = use_catalog().data;
    let store = use_store();
    let followed = Memo::new(move |_| {
        store.state.with(|s| {
            s.followed
                .iter()
                .filter_map(|f| data.kommun_by_slug(&f.kommun).cloned())
                .collect::<Vec<_>>()
        })
    });
    move || {
        let kommuner = followed.get();
        (!kommuner.is_empty()).then(|| {
            view! {
                <section class="section following" aria-labelledby="following-heading">
                    <h2 id="following-heading">{td_string!(lang, following_heading)}</h2>
                    <ul class="kommun-list">
                        {kommuner.into_iter().map(|kommun| {
                            let (route, name) = (Route::Kommun { slug: kommun.slug.clone() }, kommun.name.clone());
                            view! { <li><Link to=route>{name}</Link><FollowButton kommun=kommun compact=true/></li> }
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

/// One saved item with its note and its Spara toggle.
#[component]
fn SavedRow(row: Row, missing: bool) -> impl IntoView {
    let lang = page_lang();
    let store = use_store();
    let note_id = format!("note-{}", row.id);
    let id = row.id.clone();
    let (save_id, save_label) = (row.id.clone(), row.text.clone());
    let on_note = move |ev: leptos::ev::Event| {
        let note = event_target_value(&ev);
        store.state.update(|s| s.set_note(&id, &note));
    };
    view! {
        <div class="record saved-item" class:saved-item--missing=missing>
            <p class="record__kind">{row.kind}</p>
            <p class="record__text" lang="sv">
                {match row.href {
                    Some(href) => view! { <Link to=href>{row.text.clone()}</Link> }.into_any(),
                    None => view! { <span>{row.text.clone()}</span>" "<code>{row.id.clone()}</code> }.into_any(),
                }}
            </p>
            <label for=note_id.clone() class="note__label">{td_string!(lang, note_label)}</label>
            <textarea id=note_id class="note" rows="2" maxlength="1000" on:change=on_note prop:value=row.note></textarea>
            <SaveButton id=save_id label=save_label/>
        </div>
    }
}
