//! Search matches painted with the CSS Custom Highlight API: ranges over the result texts'
//! own text nodes, so typing rewrites no DOM and costs no layout, only a repaint. Where the
//! API is missing (older browsers) the texts simply show without highlighting.

use loften_core::query::highlight_ranges;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The highlight's name; main.css styles it as `::highlight(sok)`.
const NAME: &str = "sok";

#[wasm_bindgen]
extern "C" {
    /// A set of ranges painted alike (`new Highlight()`).
    type Highlight;
    #[wasm_bindgen(catch, constructor)]
    fn new() -> Result<Highlight, JsValue>;
    #[wasm_bindgen(method)]
    fn add(this: &Highlight, range: &web_sys::Range);

    /// `CSS.highlights`: the page's highlights by name.
    type HighlightRegistry;
    #[wasm_bindgen(method)]
    fn set(this: &HighlightRegistry, name: &str, highlight: &Highlight);
    #[wasm_bindgen(method)]
    fn delete(this: &HighlightRegistry, name: &str) -> bool;
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

/// Highlight the search's matches in the text of every element `selector` finds (each holds
/// one text node), replacing whatever was highlighted before.
pub fn paint(selector: &str, query: &str) {
    let Some(registry) = registry() else { return };
    let document = leptos::prelude::document();
    let (Ok(highlight), Ok(elements)) = (Highlight::new(), document.query_selector_all(selector))
    else {
        return;
    };
    if !query.trim().is_empty() {
        for i in 0..elements.length() {
            let Some(node) = elements.item(i).and_then(|element| element.first_child()) else {
                continue;
            };
            let text = node.node_value().unwrap_or_default();
            for (start, end) in highlight_ranges(&text, query) {
                let Ok(range) = document.create_range() else {
                    return;
                };
                if range.set_start(&node, start).is_ok() && range.set_end(&node, end).is_ok() {
                    highlight.add(&range);
                }
            }
        }
    }
    registry.set(NAME, &highlight);
}

/// Remove the highlight (leaving the search page).
pub fn clear() {
    if let Some(registry) = registry() {
        registry.delete(NAME);
    }
}
