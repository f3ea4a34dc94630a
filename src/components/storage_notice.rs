//! Tells the person, once, when what they save is not being kept or was set aside.

use leptos::prelude::*;

use crate::i18n::{page_lang, td_string};
use crate::state::{use_store, StorageNotice};

/// A dismissable notice about storage, shown on whichever page the person is on.
#[component]
pub fn StorageNoticeView() -> impl IntoView {
    let lang = page_lang();
    let store = use_store();
    move || {
        store.notice.get().map(|notice| {
            let (text, key) = match &notice {
                StorageNotice::Unavailable => (td_string!(lang, storage_unavailable), None),
                StorageNotice::Full => (td_string!(lang, storage_full), None),
                StorageNotice::KeptAside(key) => (td_string!(lang, storage_kept_aside), Some(key.clone())),
                StorageNotice::PartlyKeptAside(key) => (td_string!(lang, storage_partly_kept_aside), Some(key.clone())),
                StorageNotice::UnreadableLeftAlone => (td_string!(lang, storage_left_alone), None),
                StorageNotice::NewerVersion(key) => (td_string!(lang, storage_newer), Some(key.clone())),
                StorageNotice::Migrated => (td_string!(lang, storage_migrated), None),
            };
            view! {
                <div class="notice storage-notice" role="alert">
                    <p>{text}</p>
                    {key.map(|k| view! { <p><code>{k}</code></p> })}
                    <button type="button" class="button button--small" on:click=move |_| store.notice.set(None)>{td_string!(lang, dismiss)}</button>
                </div>
            }
        })
    }
}
