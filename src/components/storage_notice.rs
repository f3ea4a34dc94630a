//! Tells the person, once, when what they save is not being kept or was set aside.

use leptos::prelude::*;

use crate::i18n::{td_string, use_texts};
use crate::state::{use_store, StorageNotice};

/// A dismissable notice about storage, shown on whichever page the person is on.
#[component]
pub fn StorageNoticeView() -> impl IntoView {
    let t = use_texts();
    let store = use_store();
    move || {
        store.notice.get().map(|notice| {
            let (text, key) = match &notice {
                StorageNotice::Unavailable => (td_string!(t, storage_unavailable), None),
                StorageNotice::Full => (td_string!(t, storage_full), None),
                StorageNotice::KeptAside(key) => (td_string!(t, storage_kept_aside), Some(key.clone())),
                StorageNotice::PartlyKeptAside(key) => (td_string!(t, storage_partly_kept_aside), Some(key.clone())),
                StorageNotice::UnreadableLeftAlone => (td_string!(t, storage_left_alone), None),
                StorageNotice::NewerVersion(key) => (td_string!(t, storage_newer), Some(key.clone())),
                StorageNotice::Migrated => (td_string!(t, storage_migrated), None),
            };
            view! {
                <div class="notice storage-notice" role="alert">
                    <p>{text}</p>
                    {key.map(|k| view! { <p><code>{k}</code></p> })}
                    <button type="button" class="button button--small" on:click=move |_| store.notice.set(None)>{td_string!(t, dismiss)}</button>
                </div>
            }
        })
    }
}
