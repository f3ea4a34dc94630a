//! The "Spara" toggle on every agreement, promise and activity.

use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::state::use_store;

/// A toggle button (`aria-pressed`) whose name begins with "Spara". The visible word stays
/// "Spara" in both states (the star and `aria-pressed` tell the state), so the visible label is
/// always part of the accessible name.
#[component]
pub fn SaveButton(
    /// The id of the agreement, promise or activity.
    #[prop(into)]
    id: String,
    /// What is saved, for the accessible name ("löfte: Identifiera …") and kept with the
    /// bookmark in case the id ever leaves the dataset.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let store = use_store();
    let t = use_texts();
    let saved = {
        let id = id.clone();
        Memo::new(move |_| store.state.with(|s| s.is_saved(&id)))
    };
    let name = format!("{} {}", t.save, loften_core::text::shorten(&label, 80));
    let on_click = move |_| store.toggle(&id, Some(label.clone()));
    view! {
        <button type="button" class="save" aria-pressed=move || saved.get().to_string() aria-label=name on:click=on_click>
            // The star follows aria-pressed in CSS: one reactive binding per button, not two.
            <span class="save__icon" aria-hidden="true"></span>
            <span class="save__text">{t.save}</span>
        </button>
    }
}
