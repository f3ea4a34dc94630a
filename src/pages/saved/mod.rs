//! `/sparade`: what the person saved, grouped by agreement, newest first, with notes; a share
//! link (`?dela=id,id`) that opens on another device with a preview and "Spara alla"; export to
//! and import from a JSON file.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query};
use leptos_router::params::Params;
use leptos_router::NavigateOptions;
use loften_core::dataset::Located;
use loften_core::route::Route;
use loften_core::storage::{decode, encode, parse_share, share_value, Bookmark, Notice};
use loften_core::views::{bookmark_label, saved_groups};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::catalog::use_catalog;
use crate::components::link::Link;
use crate::components::page_frame::PageFrame;
use crate::components::page_meta::PageMeta;
use crate::components::save::SaveButton;
use crate::components::with_catalog::WithCatalog;
use crate::i18n::{use_texts, Texts};
use crate::state::{now_iso, use_store};

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

fn kind_of(t: &Texts, located: Option<Located<'_>>) -> &'static str {
    match located {
        Some(Located::Agreement(_)) => t.kind_agreement,
        Some(Located::Promise(..)) => t.promise,
        Some(Located::Activity(..)) => t.activity,
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
    let t = use_texts();
    let query = use_query::<ShareQuery>();
    let shared = move || {
        query
            .read()
            .as_ref()
            .ok()
            .and_then(|q| q.dela.as_deref().map(parse_share))
    };
    view! {
        <PageMeta title=t.saved_heading description=t.saved_intro/>
        <WithCatalog>
            <PageFrame class="page--saved" heading=t.saved_heading lead=t.saved_intro>
                {move || shared().map(|ids| view! { <SharedPreview ids=ids/> })}
                <SavedList/>
                {if crate::kiosk::use_kiosk().enabled { view! { <KioskTakeAway/> }.into_any() } else { view! { <ShareAndMove/> }.into_any() }}
            </PageFrame>
        </WithCatalog>
    }
}

/// The saved items, grouped by agreement.
#[component]
fn SavedList() -> impl IntoView {
    let t = use_texts();
    let data = use_catalog().data;
    let store = use_store();
    move || {
        let state = store.state.get();
        let groups = saved_groups(&data, &state);
        if groups.is_empty() {
            return view! { <p class="empty">{t.saved_empty}</p> }.into_any();
        }
        // (heading and link, rows) owned, so the view can keep them.
        let groups: Vec<(Option<Heading>, Vec<Row>)> = groups
            .iter()
            .map(|g| {
                let heading = g.agreement.map(|a| {
                    (
                        format!(
                            "{} – {} ({})",
                            a.title,
                            a.kommuner.join(", "),
                            a.period.label()
                        ),
                        Route::Agreement { id: a.id.clone() },
                    )
                });
                let rows = g
                    .items
                    .iter()
                    .map(|item| Row {
                        id: item.bookmark.id.clone(),
                        kind: kind_of(t, item.located),
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
                            None => view! { <h2>{t.saved_missing}</h2><p class="muted">{t.saved_missing_text}</p> }.into_any(),
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

/// One saved item with its note and its Spara toggle.
#[component]
fn SavedRow(row: Row, missing: bool) -> impl IntoView {
    let t = use_texts();
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
            <label for=note_id.clone() class="note__label">{t.note_label}</label>
            <textarea id=note_id class="note" rows="2" maxlength="1000" on:change=on_note prop:value=row.note></textarea>
            <SaveButton id=save_id label=save_label/>
        </div>
    }
}

/// A shared link's items, with "Spara alla".
#[component]
fn SharedPreview(ids: Vec<String>) -> impl IntoView {
    let t = use_texts();
    let data = use_catalog().data;
    let store = use_store();
    let navigate = use_navigate();
    let found: Vec<(String, String, &'static str)> = ids
        .iter()
        .filter_map(|id| {
            data.locate(id)
                .map(|l| (id.clone(), bookmark_label(l), kind_of(t, Some(l))))
        })
        .collect();
    let incoming: Vec<Bookmark> = found
        .iter()
        .map(|(id, label, _)| Bookmark {
            id: id.clone(),
            saved: String::new(),
            note: None,
            label: Some(label.clone()),
        })
        .collect();
    let count = found.len();
    let save_all = move |_| {
        let now = now_iso();
        let stamped: Vec<Bookmark> = incoming
            .iter()
            .map(|b| Bookmark {
                saved: now.clone(),
                ..b.clone()
            })
            .collect();
        store.state.update(|s| {
            s.merge(&stamped);
        });
        navigate(
            &Route::Saved { share: None }.href(),
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    };
    view! {
        <section class="notice notice--info shared" aria-labelledby="shared-heading">
            <h2 id="shared-heading">{t.shared_heading}</h2>
            {if count == 0 {
                view! { <p>{t.shared_none}</p> }.into_any()
            } else {
                view! {
                    <p>{t.shared_intro}</p>
                    <ul class="plain-list">
                        {found.into_iter().map(|(_, label, kind)| view! { <li><span class="muted">{kind}": "</span><span lang="sv">{label}</span></li> }).collect_view()}
                    </ul>
                    <button type="button" class="button" on:click=save_all>{format!("{} ({count})", t.save_all)}</button>
                }.into_any()
            }}
        </section>
    }
}

/// On a kiosk: the saved items as a share link, in a QR code for the visitor's phone.
#[component]
fn KioskTakeAway() -> impl IntoView {
    let store = use_store();
    let base = crate::app::use_base();
    move || {
        let value = store.state.with(|s| share_value(&s.newest_first()));
        (!value.is_empty()).then(|| view! { <crate::components::qr::TakeAway url=crate::kiosk::public_url(&base, &Route::Saved { share: Some(value) })/> })
    }
}

/// Share link, copy, export and import.
#[component]
fn ShareAndMove() -> impl IntoView {
    let t = use_texts();
    let store = use_store();
    let message = RwSignal::new(None::<String>);
    let base = StoredValue::new(crate::app::use_base());
    let link = move || {
        let value = store.state.with(|s| share_value(&s.newest_first()));
        base.with_value(|base| crate::kiosk::public_url(base, &Route::Saved { share: Some(value) }))
    };
    let copy = move |_| {
        let text = link();
        if let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) {
            let promise = clipboard.write_text(&text);
            leptos::task::spawn_local(async move {
                if JsFuture::from(promise).await.is_ok() {
                    message.try_set(Some(t.copied.to_string()));
                }
            });
        }
    };
    let export = move |_| {
        crate::download::save(
            "medborgarloften-sparade.json",
            "application/json",
            &encode(&store.state.get_untracked()),
        );
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(file) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let text = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            let decoded = decode(text.as_deref());
            if text.is_none()
                || matches!(
                    decoded.notice,
                    Some(Notice::Unreadable | Notice::NewerVersion(_))
                )
                || decoded.keep_aside.is_some()
            {
                message.try_set(Some(t.import_failed.to_string()));
                return;
            }
            let mut added = 0;
            store
                .state
                .update(|s| added = s.merge(&decoded.state.bookmarks));
            message.try_set(Some(format!("{} {added}", t.imported)));
        });
    };
    view! {
        <Show when=move || { store.count() > 0 }>
            <section class="section share" aria-labelledby="share-heading">
                <h2 id="share-heading">{t.share_heading}</h2>
                <p>{t.share_intro}</p>
                <label for="share-link">{t.share_link_label}</label>
                <input id="share-link" class="share__link" type="text" readonly=true prop:value=link/>
                <div class="share__actions">
                    <button type="button" class="button button--secondary" on:click=copy>{t.copy_link}</button>
                    <button type="button" class="button button--secondary" on:click=export>{t.export_file}</button>
                </div>
            </section>
        </Show>
        <section class="section import">
            // The input's own button would speak the browser's language ("Choose File"), so it
            // is hidden from sight and its label is the button people see (style/main.css).
            <input id="import-file" class="import__file" type="file" accept="application/json,.json" on:change=import/>
            <label for="import-file" class="button button--secondary import__label">{t.import_file}</label>
            <p role="status" aria-live="polite">{move || message.get()}</p>
        </section>
    }
}
