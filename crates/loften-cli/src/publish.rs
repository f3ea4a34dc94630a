//! `loften publish`: the dataset as the site serves it, apart from the app (see
//! `loften_core::published` for the manifest and the chunks).

use std::path::Path;

use chrono::NaiveDate;
use loften_core::published::{self, read_manifest, Manifest, SearchIn, MANIFEST_PATH};
use loften_core::Dataset;
use sha2::{Digest, Sha256};

/// A chunk's or a version's name: the first 64 bits of SHA-256, in hex. Names only need to
/// differ between contents that differ; these stay short in every address.
pub fn content_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Write `data` into `site/data/`: the manifest, the version's own copy of it, and its chunks.
/// Nothing is removed: chunks of earlier versions stay, so that a page rendered from them, or
/// a client that read them, can still load them. The date is `date` if given; else, when the
/// site already holds this very version, the date it was published on; else `today`. Search
/// is published as `search` says, or by the data's size.
pub fn publish_into(
    site: &Path,
    data: &Dataset,
    date: Option<NaiveDate>,
    today: NaiveDate,
    search: Option<SearchIn>,
) -> Result<Manifest, String> {
    let out = published::publish(data, today, content_hash, search);
    let date = date.unwrap_or_else(|| {
        std::fs::read_to_string(site.join(MANIFEST_PATH))
            .ok()
            .and_then(|text| read_manifest(&text).ok())
            .filter(|current| current.version == out.manifest.version)
            .map_or(today, |current| current.date)
    });
    let out = out.dated(date);
    // The manifest last: until it is written, the site names the previous version, whose
    // chunks are all there.
    let (manifests, chunks): (Vec<_>, Vec<_>) = out
        .files
        .iter()
        .partition(|(path, _)| path.ends_with(".json"));
    for (path, bytes) in chunks.into_iter().chain(manifests.into_iter().rev()) {
        write_site_file(&site.join(path), bytes)?;
    }
    Ok(out.manifest)
}

/// Write a file of a served site. A compressed copy beside it (`NAME.br`, `NAME.gz`, which the
/// build writes for the server to send as it is) would be served in place of the new file:
/// it is removed. (`scripts/precompress.py SITE` writes fresh copies.)
pub fn write_site_file(file: &Path, bytes: impl AsRef<[u8]>) -> Result<(), String> {
    for ending in [".br", ".gz"] {
        let mut copy = file.as_os_str().to_owned();
        copy.push(ending);
        match std::fs::remove_file(&copy) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(format!("cannot remove {}: {e}", Path::new(&copy).display()));
            }
            _ => {}
        }
    }
    crate::write_file(file, bytes)
}

/// Today in UTC, from the system clock.
pub fn today() -> NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    NaiveDate::from_ymd_opt(1970, 1, 1).expect("a real day") + chrono::Days::new(days)
}
