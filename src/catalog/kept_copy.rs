//! A copy of the dataset kept on the device, for browsers where no service worker keeps the
//! app offline (a kiosk on a plain-http venue network): when the network fails, the app reads
//! the copy. The dataset is the app's, not the visitor's, so this happens in kiosk mode too.

use gloo_storage::{LocalStorage, Storage};

use crate::web_storage::local_storage_usable;

/// Where the copy is kept.
const DATASET_KEY: &str = "medborgarloften.data";

/// Keep a copy of the dataset. When it does not fit, the previous copy stays.
///
/// localStorage holds text, and the bundle is bytes: they are kept as base64. Its 4/3 size
/// (about 45 KB for the real data) is the price of text that is plain ASCII, which every
/// browser's storage keeps as it is, and of a strict decoder that notices a damaged copy
/// before the bundle decoder sees it. (One character per byte, "Latin-1", would be smaller
/// but puts NUL and control characters in storage, which some engines have mangled.)
///
/// A dataset too large to keep (over `DATASET_COPY_MAX_CHARS` as base64) is not encoded at
/// all: the copy would crowd out the visitor's bookmarks in the same small quota, or not fit,
/// and encoding it would only grow the page's memory.
pub fn keep_dataset_copy(bytes: &[u8]) {
    if loften_core::bundle::base64_len(bytes.len()) > DATASET_COPY_MAX_CHARS {
        return;
    }
    if !local_storage_usable() {
        return;
    }
    // Plain base64 text, as every version has kept it (a typed write would quote it).
    let _ = LocalStorage::raw().set_item(DATASET_KEY, &loften_core::bundle::to_base64(bytes));
}

/// About a quarter of the usual 5-million-character localStorage quota: 1.1 MB of bundle, 30
/// times today's data, and the rest is left for bookmarks and preferences.
pub const DATASET_COPY_MAX_CHARS: usize = 1_250_000;

/// The kept copy of the dataset, if there is one that is base64. Anything else there (a
/// damaged copy, or the JSON text an older version of the app kept) is removed.
pub fn dataset_copy() -> Option<Vec<u8>> {
    if !local_storage_usable() {
        return None;
    }
    let text = LocalStorage::raw().get_item(DATASET_KEY).ok().flatten()?;
    let bytes = loften_core::bundle::from_base64(&text);
    if bytes.is_none() {
        forget_dataset_copy();
    }
    bytes
}

/// Remove a kept copy that turned out not to read, so it is not tried again.
pub fn forget_dataset_copy() {
    if local_storage_usable() {
        LocalStorage::delete(DATASET_KEY);
    }
}
