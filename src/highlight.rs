//! Search matches painted with the CSS Custom Highlight API: ranges over the result texts'
//! own text nodes, so typing rewrites no DOM and costs no layout, only a repaint. Where the
//! API is missing (older browsers) the texts simply show without highlighting.
//!
//! Each text keeps its own ranges up to date (`highlight_matches`), so the highlighting
//! follows whatever the results draw, in whatever order their parts render.

use std::cell::RefCell;

use leptos::prelude::*;
use loften_core::query::highlight_ranges;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The highlight's name; main.css styles it as `::highlight(sok)`.
const NAME: &str = "sok";

#[wasm_bindgen]
extern "C" {
    /// A set of ranges painted alike (`new Highlight()`).
    #[derive(Clone)]
    type Highlight;
    #[wasm_bindgen(catch, constructor)]
    fn new() -> Result<Highlight, JsValue>;
    #[wasm_bindgen(method)]
    fn add(this: &Highlight, range: &web_sys::Range);
    #[wasm_bindgen(method)]
    fn delete(this: &Highlight, range: &web_sys::Range) -> bool;

    /// `CSS.highlights`: the page's highlights by name.
    type HighlightRegistry;
    #[wasm_bindgen(method)]
    fn set(this: &HighlightRegistry, name: &str, highlight: &Highlight);
    #[wasm_bindgen(method, js_name = delete)]
    fn remove(this: &HighlightRegistry, name: &str) -> bool;
}

fn registry() -> Option<HighlightRegistry> {
    // The build renders pages natively, where there is no browser to highlight in.
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    let css = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("CSS")).ok()?;
    let registry = js_sys::Reflect::get(&css, &JsValue::from_str("highlights")).ok()?;
    (!registry.is_undefined() && !registry.is_null()).then(|| registry.unchecked_into())
}

thread_local! {
    /// The search page's highlight while it is shown: every text adds its ranges to it.
    static SHOWN: RefCell<Option<Highlight>> = const { RefCell::new(None) };
}

/// The search text whose matches are painted, for the texts under it (`highlight_matches`).
#[derive(Clone, Copy)]
pub struct SearchText(pub ReadSignal<String>);

/// Paint the matches of `text` over the texts below, until the page goes.
pub fn provide_search_text(text: ReadSignal<String>) {
    provide_context(SearchText(text));
    on_cleanup(|| {
        SHOWN.with_borrow_mut(|shown| *shown = None);
        if let Some(registry) = registry() {
            registry.remove(NAME);
        }
    });
}

/// The page's highlight, registered with the browser the first time a text needs it.
fn shown() -> Option<Highlight> {
    SHOWN.with_borrow_mut(|shown| {
        if shown.is_none() {
            let registry = registry()?;
            let highlight = Highlight::new().ok()?;
            registry.set(NAME, &highlight);
            *shown = Some(highlight);
        }
        shown.clone()
    })
}

/// Keep the search's matches painted over `element`'s text (its one text node) while it is
/// shown, where a `SearchText` is provided above it; elsewhere nothing.
pub fn highlight_matches(element: NodeRef<leptos::html::P>) {
    let Some(SearchText(search)) = use_context::<SearchText>() else {
        return;
    };
    let painted = StoredValue::new_local(Vec::<web_sys::Range>::new());
    let clear = move || {
        let ranges = painted.try_update_value(std::mem::take).unwrap_or_default();
        if let Some(highlight) = SHOWN.with_borrow(Option::clone) {
            for range in &ranges {
                highlight.delete(range);
            }
        }
    };
    Effect::new(move |_| {
        let query = search.get();
        clear();
        let Some(node) = element.get().and_then(|element| element.first_child()) else {
            return;
        };
        let text = node.node_value().unwrap_or_default();
        let ranges = if query.trim().is_empty() {
            Vec::new()
        } else {
            highlight_ranges(&text, &query)
        };
        if ranges.is_empty() {
            return;
        }
        let Some(highlight) = shown() else { return };
        let document = document();
        let mut added = Vec::with_capacity(ranges.len());
        for (start, end) in ranges {
            let Ok(range) = document.create_range() else {
                break;
            };
            if range.set_start(&node, start).is_ok() && range.set_end(&node, end).is_ok() {
                highlight.add(&range);
                added.push(range);
            }
        }
        painted.set_value(added);
    });
    on_cleanup(clear);
}
