//! The "Spara" toggle on every agreement, promise and activity.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::i18n::{page_lang, td_string};
use crate::state::{use_store, Store};

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
    let lang = page_lang();
    let flags = expect_context::<SavedFlags>();
    let saved = flags.of(store, &id);
    {
        let id = id.clone();
        on_cleanup(move || flags.release(&id));
    }
    let name = format!(
        "{} {}",
        td_string!(lang, save),
        loften_core::text::shorten(&label, 80)
    );
    let on_click = move |_| store.toggle(&id, Some(label.clone()));
    view! {
        <button type="button" class="save" aria-pressed=move || saved.get().to_string() aria-label=name on:click=on_click>
            // The star follows aria-pressed in CSS.
            <span class="save__icon" aria-hidden="true"></span>
            <span class="save__text">{td_string!(lang, save)}</span>
        </button>
    }
}

/// Whether an id is saved, one signal per id shown, so a change (a tap, an import, another
/// tab, a kiosk reset) redraws only the buttons whose state changed, and drawing a search
/// result costs no memo over the whole saved state. A flag lives as long as a button shows
/// it: a signal keeps every reader it ever had until it changes (reactive_graph), and an
/// unsaved flag kept for good would hold one for each time its button was drawn.
#[derive(Clone, Copy)]
pub struct SavedFlags(StoredValue<HashMap<String, Flag>>);

/// One id's flag and how many buttons show it.
struct Flag {
    saved: ArcRwSignal<bool>,
    buttons: usize,
}

impl SavedFlags {
    /// Provide the flags for the app, kept in step with `store`.
    pub fn provide(store: Store) {
        let flags = SavedFlags(StoredValue::new(HashMap::new()));
        Effect::new(move |_| {
            let changed: Vec<(ArcRwSignal<bool>, bool)> = store.state.with(|state| {
                flags.0.with_value(|map| {
                    map.iter()
                        .map(|(id, flag)| (&flag.saved, state.is_saved(id)))
                        .filter(|(flag, saved)| flag.get_untracked() != *saved)
                        .map(|(flag, saved)| (flag.clone(), saved))
                        .collect()
                })
            });
            for (flag, saved) in changed {
                flag.set(saved);
            }
        });
        provide_context(flags);
    }

    /// The flag of one id, for one more button; `release` when the button goes.
    fn of(self, store: Store, id: &str) -> ArcRwSignal<bool> {
        let fresh = || ArcRwSignal::new(store.state.with_untracked(|s| s.is_saved(id)));
        self.0
            .try_update_value(|map| {
                let flag = map.entry(id.to_string()).or_insert_with(|| Flag {
                    saved: fresh(),
                    buttons: 0,
                });
                flag.buttons += 1;
                flag.saved.clone()
            })
            .unwrap_or_else(fresh)
    }

    /// One button showing `id` has gone; the flag goes with the last.
    fn release(self, id: &str) {
        self.0.try_update_value(|map| {
            if let Some(flag) = map.get_mut(id) {
                flag.buttons = flag.buttons.saturating_sub(1);
                if flag.buttons == 0 {
                    map.remove(id);
                }
            }
        });
    }
}
