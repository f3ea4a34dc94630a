//! QR codes drawn as SVG by the app itself, so a kiosk visitor can take a page to their phone
//! (and follow a link that would leave the app there: `outbound_link`).

use leptos::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc};

use crate::i18n::{page_lang, td_string};

/// The side (in modules, quiet zone included) and an SVG path of the dark modules of a QR
/// code for `text`. One path keeps the DOM small; `M x y h1 v1 h-1 z` per dark module.
pub fn qr_path(text: &str) -> Option<(i32, String)> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    const QUIET: i32 = 4;
    let size = code.size();
    let mut path = String::with_capacity((size * size * 8) as usize);
    for y in 0..size {
        for x in 0..size {
            if code.get_module(x, y) {
                path.push_str(&format!("M{} {}h1v1h-1z", x + QUIET, y + QUIET));
            }
        }
    }
    Some((size + 2 * QUIET, path))
}

/// A QR code of `url`, with the address written under it for those who would rather type.
#[component]
pub fn QrCode(
    /// The full address the code holds.
    #[prop(into)]
    url: String,
    /// What the code is for, e.g. "QR-kod till medborgarlöftet".
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let Some((side, path)) = qr_path(&url) else {
        return view! { <p class="qr__url">{url}</p> }.into_any();
    };
    view! {
        <figure class="qr">
            <svg class="qr__code" role="img" aria-label=label viewBox=format!("0 0 {side} {side}") shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg">
                <rect width="100%" height="100%" fill="#fff"/>
                <path d=path fill="#000"/>
            </svg>
            <figcaption class="qr__url">{url}</figcaption>
        </figure>
    }
    .into_any()
}

/// "Ta med till mobilen": a button that shows a QR code of `url` in a dialog.
#[component]
pub fn TakeAway(
    /// The public address to carry away.
    #[prop(into)]
    url: String,
) -> impl IntoView {
    let lang = page_lang();
    let open = RwSignal::new(false);
    view! {
        <button type="button" class="button button--secondary take-away" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
            {td_string!(lang, take_away)}
        </button>
        <Show when=move || open.get()>
            <div class="take-away__panel" role="group" aria-label=td_string!(lang, take_away)>
                <p>{td_string!(lang, take_away_hint)}</p>
                <QrCode url=url.clone() label=td_string!(lang, qr_label)/>
                <button type="button" class="button" on:click=move |_| open.set(false)>{td_string!(lang, close)}</button>
            </div>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_becomes_a_square_of_modules_with_a_quiet_zone() {
        let (side, path) = qr_path("https://example.org/medborgarlofte/jonkoping-2020").unwrap();
        // Version 3 or 4 for a URL this long: 29 or 33 modules, plus 4 on each side.
        assert!(side == 37 || side == 41, "{side}");
        assert!(
            path.starts_with("M4 4h1v1h-1z"),
            "the finder pattern starts in the corner"
        );
        assert!(path.matches('M').count() > 200);
    }

    #[test]
    fn too_long_for_a_qr_code_is_none() {
        assert!(qr_path(&"x".repeat(5000)).is_none());
    }
}
