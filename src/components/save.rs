//! The "Spara" toggle on every agreement, promise and activity.

use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::state::{use_store, Store};
use wasm_bindgen::JsCast;

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
    // Drawn as it is now; `follow_saved_state` keeps it in step from then on.
    let pressed = store.state.with_untracked(|s| s.is_saved(&id)).to_string();
    let name = format!("{} {}", t.save, loften_core::text::shorten(&label, 80));
    let on_click = {
        let id = id.clone();
        move |_| store.toggle(&id, Some(label.clone()))
    };
    view! {
        <button type="button" class="save" data-save=id aria-pressed=pressed aria-label=name on:click=on_click>
            // The star follows aria-pressed in CSS.
            <span class="save__icon" aria-hidden="true"></span>
            <span class="save__text">{t.save}</span>
        </button>
    }
}

/// Keep every Spara button's `aria-pressed` in step with what is saved: one effect for the
/// whole app rather than a memo and an effect per button, which made every search result
/// slower to draw. Runs after a change (a tap, an import, another tab, a kiosk reset).
pub fn follow_saved_state(store: Store) {
    Effect::new(move |_| {
        store.state.with(|state| {
            let Ok(buttons) = document().query_selector_all("button.save[data-save]") else {
                return;
            };
            for i in 0..buttons.length() {
                let Some(button) = buttons
                    .item(i)
                    .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
                else {
                    continue;
                };
                let saved = button
                    .get_attribute("data-save")
                    .is_some_and(|id| state.is_saved(&id));
                let _ = button.set_attribute("aria-pressed", if saved { "true" } else { "false" });
            }
        });
    });
}
