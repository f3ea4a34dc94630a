//! A copy of the data kept on the device, for browsers where no service worker keeps the
//! app offline (a kiosk on a plain-http venue network): when the network fails, the app reads
//! the copy. The dataset is the app's, not the visitor's, so this happens in kiosk mode too.

use gloo_storage::{LocalStorage, Storage};

use super::{read_packed, Fetched};
use crate::web_storage::local_storage_usable;

/// Where the copy is kept.
const DATASET_KEY: &str = "medborgarloften.data";

/// Keep a copy of a version of the data, its manifest and chunks in one piece
/// (`loften_core::published::pack`). When it does not fit, the previous copy stays.
///
/// localStorage holds text, and the chunks are bytes: they are kept as base64. Its 4/3 size
/// (about 45 KB for the real data) is the price of text that is plain ASCII, which every
/// browser's storage keeps as it is, and of a strict decoder that notices a damaged copy
/// before the chunks' decoder sees it. (One character per byte, "Latin-1", would be smaller
/// but puts NUL and control characters in storage, which some engines have mangled.)
///
/// A version too large to keep (over `DATASET_COPY_MAX_CHARS` as base64) is not encoded at
/// all: the copy would crowd out the visitor's bookmarks in the same small quota, or not fit,
/// and encoding it would only grow the page's memory.
pub fn keep_dataset_copy(version: &Fetched) {
    let size = version.text.len()
        + version
            .chunks
            .iter()
            .map(|(_, bytes)| bytes.len())
            .sum::<usize>();
    if loften_core::bundle::base64_len(size) > DATASET_COPY_MAX_CHARS {
        return;
    }
    if !local_storage_usable() {
        return;
    }
    let packed = loften_core::published::pack(&version.text, &version.chunks);
    // Plain base64 text (a typed write would quote it).
    let _ = LocalStorage::raw().set_item(DATASET_KEY, &loften_core::bundle::to_base64(&packed));
}

/// About a quarter of the usual 5-million-character localStorage quota: 1.1 MB of chunks, 30
/// times today's data, and the rest is left for bookmarks and preferences.
pub const DATASET_COPY_MAX_CHARS: usize = 1_250_000;

/// The kept copy of the data, if there is one that unpacks. Anything else there (a damaged
/// copy, or what an older version of the app kept) is removed.
pub fn dataset_copy() -> Option<Fetched> {
    if !local_storage_usable() {
        return None;
    }
    let text = LocalStorage::raw().get_item(DATASET_KEY).ok().flatten()?;
    let copy = loften_core::bundle::from_base64(&text)
        .and_then(|bytes| loften_core::published::unpack(&bytes))
        .and_then(|(manifest, chunks)| read_packed(manifest, chunks).ok());
    if copy.is_none() {
        forget_dataset_copy();
    }
    copy
}

/// Remove a kept copy that turned out not to read, so it is not tried again.
pub fn forget_dataset_copy() {
    if local_storage_usable() {
        LocalStorage::delete(DATASET_KEY);
    }
}
