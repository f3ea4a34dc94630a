//! Kiosk mode: a shared touch screen at a medborgardialog. A session that starts at `/kiosk`
//! keeps nothing on the device, warns before it resets when left alone, then starts over and
//! shows the meeting's promises until someone touches it. The timing rules are in
//! `loften_core::kiosk`; this module wires them to the browser.

use std::time::Duration;

use leptos::prelude::*;
use loften_core::kiosk::{idle_phase, IdlePhase, KioskConfig};

use crate::catalog::loaded_catalog;
use crate::i18n::{page_lang, td_string};

/// How many visitors the kiosk has started over for. Each one gets a new app below the router
/// (`App`): nothing of the last visitor stays, on the screen or in memory. Leptos' router keeps
/// every address it navigated to until Back, and a long-lived owner keeps a trace of each page
/// it showed; a kiosk that runs for days lets all of that go with each visitor.
#[derive(Clone, Copy)]
pub struct Visitors(pub RwSignal<u32>);

/// Context for `Visitors`; `App` calls it once, above the router.
pub fn provide_visitors() -> Visitors {
    let visitors = Visitors(RwSignal::new(0));
    provide_context(visitors);
    visitors
}

/// Kiosk state shared through context; `enabled` is false for everyone else.
#[derive(Clone, Copy)]
pub struct Kiosk {
    pub enabled: bool,
    /// The settings, read from the opening URL once the data can check its kommun.
    pub config: Memo<KioskConfig>,
    /// When the screen was last touched (ms, the page's clock).
    last_touch: RwSignal<f64>,
    pub phase: RwSignal<IdlePhase>,
    /// Showing the meeting's promises until someone touches the screen.
    pub attract: RwSignal<bool>,
}

fn now() -> f64 {
    js_sys::Date::now()
}

impl Kiosk {
    /// `start_query` is the query string the kiosk was opened with (its settings).
    pub fn start(enabled: bool, start_query: String) -> Kiosk {
        let config = Memo::new(move |_| match loaded_catalog() {
            Some(catalog) if enabled => {
                KioskConfig::from_pairs(loften_core::url::parse_query(&start_query), &catalog.data)
            }
            _ => KioskConfig::default(),
        });
        let kiosk = Kiosk {
            enabled,
            config,
            last_touch: RwSignal::new(if enabled { now() } else { 0.0 }),
            phase: RwSignal::new(IdlePhase::Active),
            // After a visitor has gone, the next app opens on the meeting's promises.
            attract: RwSignal::new(
                enabled && use_context::<Visitors>().is_some_and(|v| v.0.get_untracked() > 0),
            ),
        };
        if !enabled {
            return kiosk;
        }
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("data-kiosk", "");
        }
        for event in ["pointerdown", "keydown", "wheel", "input", "touchstart"] {
            crate::device::listen_while_mounted(window_event_listener_untyped(event, move |_| {
                kiosk.touched()
            }));
        }
        keep_back_inside();
        kiosk
    }

    /// Any touch restarts the count; the next tick (within a second) closes a warning. Closing
    /// it here, on pointerdown, would pull "Fortsätt" away from under the finger mid-press.
    fn touched(&self) {
        self.last_touch.set(now());
    }

    /// "Fortsätt": the visitor is here; close the warning now.
    fn keep_going(&self) {
        self.touched();
        self.phase.set(IdlePhase::Active);
    }

    /// What a tick decides from, or None once this app is gone (see `KioskOverlay`'s tick).
    fn idle_state(&self) -> Option<IdleState> {
        Some(IdleState {
            config: self.config.try_get_untracked()?,
            last_touch: self.last_touch.try_get_untracked()?,
            phase: self.phase.try_get_untracked()?,
            attract: self.attract.try_get_untracked()?,
        })
    }
}

/// The kiosk's state as one tick reads it.
struct IdleState {
    config: KioskConfig,
    last_touch: f64,
    phase: IdlePhase,
    attract: bool,
}

/// The history entry the kiosk opened on is marked; above it sits a copy of the same address.
/// Back from the kiosk's first page lands on the mark, which puts the copy back on top: the
/// same page, and Back can never reach whatever the browser showed before the kiosk.
fn keep_back_inside() {
    let Ok(history) = window().history() else {
        return;
    };
    let mark = wasm_bindgen::JsValue::from_str(HISTORY_MARK);
    let on_mark =
        move |state: wasm_bindgen::JsValue| state.as_string().as_deref() == Some(HISTORY_MARK);
    // A reload of a kiosk tab finds its mark already in place.
    if !history.state().is_ok_and(on_mark) {
        let _ = history.replace_state(&mark, "");
        let _ = history.push_state(&wasm_bindgen::JsValue::NULL, "");
    }
    crate::device::listen_while_mounted(window_event_listener(leptos::ev::popstate, move |ev| {
        if on_mark(ev.state()) {
            if let Ok(history) = window().history() {
                let _ = history.push_state(&wasm_bindgen::JsValue::NULL, "");
            }
        }
    }));
}

const HISTORY_MARK: &str = "medborgarloften-kiosk-start";

pub fn use_kiosk() -> Kiosk {
    expect_context::<Kiosk>()
}

/// The idle warning, the reset and the attract screen. Rendered once, in kiosk mode only.
#[component]
pub fn KioskOverlay() -> impl IntoView {
    let kiosk = use_kiosk();
    let visitors = expect_context::<Visitors>();
    let base = crate::base::use_base();
    let lang = page_lang();

    // Everything the visitor did goes (saved items, notes, text size, language, search): the
    // next one starts on a new app at the kiosk's start.
    let reset = move |start: KioskConfig| {
        let start = base.href(&loften_core::route::Route::Kiosk(start));
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&start));
        }
        window().scroll_to_with_x_and_y(0.0, 0.0);
        // The new app comes a moment later (a microtask): ticks that fall due before it, in
        // the same burst, find the screen just touched and leave it alone.
        kiosk.touched();
        visitors.0.update(|n| *n += 1);
    };
    // Timers fire late and together (a display waking from sleep, a throttled tab), and a tick
    // may come after the app it belongs to has gone: it then finds its signals disposed and
    // does nothing, since reading a disposed signal would panic, and a panic ends the kiosk.
    let tick = move || {
        let Some(state) = kiosk.idle_state() else {
            return;
        };
        match idle_phase(now(), state.last_touch, state.config.idle_seconds) {
            // Nobody is there to warn while the attract screen runs.
            _ if state.attract => {}
            IdlePhase::Reset => reset(state.config),
            other if other != state.phase => kiosk.phase.set(other),
            _ => {}
        }
    };
    if let Ok(handle) = set_interval_with_handle(tick, Duration::from_millis(1000)) {
        on_cleanup(move || handle.clear());
    }

    // The dialog stays while the countdown runs (only the number changes), so focus stays on
    // "Fortsätt" and a screen reader hears the count, not a new dialog every second.
    let seconds_left = Memo::new(move |_| match kiosk.phase.get() {
        IdlePhase::Warning { seconds_left } => Some(seconds_left),
        _ => None,
    });
    let warning_open = Memo::new(move |_| seconds_left.get().is_some());
    let continue_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if warning_open.get() {
            if let Some(button) = continue_button.get() {
                let _ = button.focus();
            }
        }
    });
    let warning = view! {
        <Show when=move || warning_open.get()>
            <div class="kiosk-warning" role="alertdialog" aria-modal="true" aria-labelledby="kiosk-warning-title" aria-describedby="kiosk-warning-text">
                <div class="kiosk-warning__box">
                    <h2 id="kiosk-warning-title">{td_string!(lang, kiosk_warning_title)}</h2>
                    <p id="kiosk-warning-text">{td_string!(lang, kiosk_warning_text)}</p>
                    <p class="kiosk-warning__count">
                        <span class="kiosk-warning__seconds">{move || seconds_left.get().unwrap_or_default()}</span>" "{td_string!(lang, kiosk_seconds)}
                    </p>
                    <button type="button" class="button kiosk-warning__continue" node_ref=continue_button on:click=move |_| kiosk.keep_going()>{td_string!(lang, kiosk_continue)}</button>
                </div>
            </div>
        </Show>
    };
    let attract = move || {
        loaded_catalog()?;
        kiosk.attract.get().then(|| view! { <Attract/> })
    };
    view! { {warning} {attract} }
}

/// The meeting's promises, one after another, until someone touches the screen.
#[component]
fn Attract() -> impl IntoView {
    let kiosk = use_kiosk();
    let data = crate::catalog::use_catalog().data;
    let lang = page_lang();
    let kommun = kiosk.config.with_untracked(|c| c.kommun.clone());
    let slides: Vec<(String, String)> = data
        .agreements
        .iter()
        .filter(|a| {
            kommun.as_ref().is_none_or(|slug| {
                a.kommuner
                    .iter()
                    .any(|k| data.kommun_by_name(k).is_some_and(|x| &x.slug == slug))
            })
        })
        .flat_map(|a| {
            a.promises.iter().map(move |p| {
                (
                    p.text.clone(),
                    format!("{} · {}", a.kommuner.join(", "), a.period.label()),
                )
            })
        })
        .collect();
    let index = RwSignal::new(0usize);
    let count = slides.len().max(1);
    if let Ok(handle) = set_interval_with_handle(
        move || index.update(|i| *i = (*i + 1) % count),
        Duration::from_millis(7000),
    ) {
        on_cleanup(move || handle.clear());
    }
    let slide = move || slides.get(index.get()).cloned();
    view! {
        <button type="button" class="kiosk-attract" on:click=move |_| kiosk.attract.set(false)>
            <span class="kiosk-attract__title">{td_string!(lang, kiosk_heading)}</span>
            {move || slide().map(|(text, meta)| view! {
                <span class="kiosk-attract__promise" lang="sv">{text}</span>
                <span class="kiosk-attract__meta">{meta}</span>
            })}
            <span class="kiosk-attract__hint">{td_string!(lang, kiosk_touch_to_start)}</span>
        </button>
    }
}
