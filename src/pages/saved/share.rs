//! The saved page's ways in and out: a share link's preview with "Spara alla", the kiosk's QR
//! code to take the items to a phone, and the share link, copy, export and import.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use loften_core::route::Route;
use loften_core::storage::{decode, encode, share_value, Bookmark, Notice, Shared};
use loften_core::views::bookmark_label;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::kind_of;
use crate::catalog::use_catalog;
use crate::i18n::{page_lang, td_string};
use crate::navigation::same_page;
use crate::state::{now_iso, use_store};

/// A shared link's items and kommuner to follow, with "Spara alla".
#[component]
pub(super) fn SharedPreview(shared: Shared) -> impl IntoView {
    let lang = page_lang();
    let data = use_catalog().data;
    let store = use_store();
    let navigate = use_navigate();
    // Following needs the device's storage: a kiosk takes the items only.
    let kommuner: Vec<loften_core::Kommun> = if crate::kiosk::use_kiosk().enabled {
        Vec::new()
    } else {
        shared
            .kommuner
            .iter()
            .filter_map(|slug| data.kommun_by_slug(slug).cloned())
            .collect()
    };
    let to_follow: Vec<String> = kommuner.iter().map(|k| k.slug.clone()).collect();
    let found: Vec<(String, String, &'static str)> = shared
        .ids
        .iter()
        .filter_map(|id| {
            data.locate(id)
                .map(|l| (id.clone(), bookmark_label(l), kind_of(lang, Some(l))))
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
    let count = found.len() + kommuner.len();
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
        for slug in &to_follow {
            store.set_following(slug, true, &data);
        }
        navigate(&Route::Saved { share: None }.href(), same_page(true));
    };
    view! {
        <section class="notice notice--info shared" aria-labelledby="shared-heading">
            <h2 id="shared-heading">{td_string!(lang, shared_heading)}</h2>
            {if count == 0 {
                view! { <p>{td_string!(lang, shared_none)}</p> }.into_any()
            } else {
                view! {
                    <p>{td_string!(lang, shared_intro)}</p>
                    <ul class="plain-list">
                        {found.into_iter().map(|(_, label, kind)| view! { <li><span class="muted">{kind}": "</span><span lang="sv">{label}</span></li> }).collect_view()}
                        {kommuner.into_iter().map(|k| view! { <li><span class="muted">{td_string!(lang, shared_followed)}": "</span>{k.name}</li> }).collect_view()}
                    </ul>
                    <button type="button" class="button" on:click=save_all>{format!("{} ({count})", td_string!(lang, save_all))}</button>
                }.into_any()
            }}
        </section>
    }
}

/// On a kiosk: the saved items as a share link, in a QR code for the visitor's phone.
#[component]
pub(super) fn KioskTakeAway() -> impl IntoView {
    let store = use_store();
    let base = crate::base::use_base();
    move || {
        let value = store.state.with(|s| share_value(&s.newest_first()));
        (!value.is_empty()).then(|| view! { <crate::components::qr::TakeAway url=base.public_url(&Route::Saved { share: Some(value) })/> })
    }
}

/// Share link, copy, export and import.
#[component]
pub(super) fn ShareAndMove() -> impl IntoView {
    let lang = page_lang();
    let store = use_store();
    let message = RwSignal::new(None::<String>);
    let base = StoredValue::new(crate::base::use_base());
    let link = move || {
        let value = store.state.with(|s| s.share_value());
        base.with_value(|base| base.public_url(&Route::Saved { share: Some(value) }))
    };
    let copy = move |_| {
        let text = link();
        if let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) {
            let promise = clipboard.write_text(&text);
            leptos::task::spawn_local(async move {
                if JsFuture::from(promise).await.is_ok() {
                    message.try_set(Some(td_string!(lang, copied).to_string()));
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
            let partly = decoded.notice == Some(Notice::PartlyUnreadable);
            if text.is_none() || (decoded.keep_aside.is_some() && !partly) {
                message.try_set(Some(td_string!(lang, import_failed).to_string()));
                return;
            }
            let mut added = 0;
            store.state.update(|s| {
                added =
                    s.merge(&decoded.state.bookmarks) + s.merge_followed(&decoded.state.followed);
            });
            // The file stays where it is: what could not be read is left out, not lost.
            let done = if partly {
                td_string!(lang, imported_partly, count = added).to_string()
            } else {
                td_string!(lang, imported, count = added).to_string()
            };
            message.try_set(Some(done));
        });
    };
    view! {
        <Show when=move || { store.count() > 0 || store.state.with(|s| !s.followed.is_empty()) }>
            <section class="section share" aria-labelledby="share-heading">
                <h2 id="share-heading">{td_string!(lang, share_heading)}</h2>
                <p>{td_string!(lang, share_intro)}</p>
                <label for="share-link">{td_string!(lang, share_link_label)}</label>
                <input id="share-link" class="share__link" type="text" readonly=true prop:value=link/>
                <div class="share__actions">
                    <button type="button" class="button button--secondary" on:click=copy>{td_string!(lang, copy_link)}</button>
                    <button type="button" class="button button--secondary" on:click=export>{td_string!(lang, export_file)}</button>
                </div>
            </section>
        </Show>
        <section class="section import">
            // The input's own button would speak the browser's language ("Choose File"), so it
            // is hidden from sight and its label is the button people see (style/main.css).
            <input id="import-file" class="import__file" type="file" accept="application/json,.json" on:change=import/>
            <label for="import-file" class="button button--secondary import__label">{td_string!(lang, import_file)}</label>
            <p role="status" aria-live="polite">{move || message.get()}</p>
        </section>
    }
}
