//! Links that leave the app: a link for a resident, a QR code on a kiosk.

use leptos::prelude::*;

use crate::components::qr::QrCode;
use crate::i18n::{page_lang, td_string};

/// A link that leaves the app (a source's page, a file): on a kiosk it is a QR code for the
/// visitor's phone instead, so nobody is stranded on a page without a way back.
#[component]
pub fn OutboundLink(
    /// Absolute, or relative to the app's base.
    href: String,
    /// The link text.
    text: String,
) -> impl IntoView {
    let lang = page_lang();
    let absolute = |href: &str| {
        let base = document().base_uri().ok().flatten().unwrap_or_default();
        web_sys::Url::new_with_base(href, &base)
            .map(|u| u.href())
            .unwrap_or(href.to_string())
    };
    if !crate::kiosk::use_kiosk().enabled {
        // On paper the address is printed, since it cannot be clicked. The build does not know
        // where it will be served: the whole address follows once the page is the device's.
        let on_device = crate::device::use_on_device();
        let url = {
            let href = href.clone();
            move || {
                if on_device.get() {
                    absolute(&href)
                } else {
                    href.clone()
                }
            }
        };
        return view! { <p><a href=href rel="external noopener">{text}</a><span class="print-only">" ("{url}")"</span></p> }.into_any();
    }
    let label = format!("{}: {text}", td_string!(lang, qr_label));
    view! {
        <div class="outbound">
            <p>{text}" – "{td_string!(lang, open_on_phone)}</p>
            <QrCode url=absolute(&href) label=label/>
        </div>
    }
    .into_any()
}
