//! Save a text as a file the reader downloads, without any server.

use wasm_bindgen::JsCast;

/// Offer `contents` as a download named `file_name`.
pub fn save(file_name: &str, mime: &str, contents: &str) {
    let result = (|| -> Option<()> {
        let parts = js_sys::Array::of1(&contents.into());
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let document = web_sys::window()?.document()?;
        let link: web_sys::HtmlAnchorElement =
            document.create_element("a").ok()?.dyn_into().ok()?;
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
        web_sys::Url::revoke_object_url(&url).ok()
    })();
    if result.is_none() {
        web_sys::console::error_1(&format!("could not offer {file_name} for download").into());
    }
}
