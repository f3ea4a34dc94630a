//! The dataset in a compact binary form: the magic bytes `LOFT`, one version byte, then the
//! [`Dataset`] in postcard (serde's derives on the model give its shape: fields in declaration
//! order, numbers and lengths as varints, enums by variant index). It is smaller to hold and
//! faster to read than JSON (BENCHMARKS.md, "The bundle"). The app reads the same framing in
//! the published chunks (`published`); the whole dataset in one piece is for benchmarks
//! (`loften pack`). The open-data file stays JSON (`data/medborgarloften.json`).
//!
//! The layout is postcard's (unsigned LEB128 varints, zigzag for signed numbers, a 0/1 byte
//! before an optional value, lengths before texts and lists, enums by variant index).
//! postcard writes no field names, so any change to the model's shape (a field added, removed
//! or reordered, an enum's variants) must raise [`VERSION`] and `published::SCHEMA`: a version
//! mismatch reads as a clear error, never as wrong data. Version 2 gave follow-up reports
//! their id, period, dates, document and statuses; a version 1 bundle is refused as older
//! (tests/stored_values.rs).

use base64::Engine;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::dataset::Dataset;

const MAGIC: &[u8; 4] = b"LOFT";
/// The format version this code writes and reads.
pub const VERSION: u8 = 2;
const HEADER_LEN: usize = MAGIC.len() + 1;

/// Why a bundle could not be read: a foreign file, another version, or damaged contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleError {
    NotABundle,
    Newer,
    Older,
    /// The contents do not read as a dataset: cut short or changed.
    Damaged(postcard::Error),
    /// A whole dataset was read and this many bytes were left over.
    TrailingBytes(usize),
}

impl std::fmt::Display for BundleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BundleError::NotABundle => f.write_str("not a Medborgarlöften data bundle"),
            BundleError::Newer => {
                f.write_str("the data bundle is of a newer version than this app reads")
            }
            BundleError::Older => {
                f.write_str("the data bundle is of an older version than this app reads")
            }
            BundleError::Damaged(error) => write!(f, "the data bundle is damaged: {error}"),
            BundleError::TrailingBytes(n) => {
                write!(f, "the data bundle has {n} bytes after its end")
            }
        }
    }
}

impl std::error::Error for BundleError {}

/// The dataset as the app's binary bundle.
pub fn encode(data: &Dataset) -> Vec<u8> {
    write_framed(MAGIC, VERSION, data)
}

/// Read the app's binary bundle. Any input gives a dataset or an error, never a panic; a
/// damaged length cannot make it allocate much (serde caps what a claimed length preallocates).
pub fn decode(bytes: &[u8]) -> Result<Dataset, BundleError> {
    read_framed(MAGIC, VERSION, bytes)
}

/// `magic`, the `version` byte, then `value` in postcard.
pub(crate) fn write_framed<T: Serialize>(magic: &[u8; 4], version: u8, value: &T) -> Vec<u8> {
    let mut header = magic.to_vec();
    header.push(version);
    postcard::to_extend(value, header).expect("the model always serialises to a Vec")
}

/// What [`write_framed`] wrote with the same `magic` and `version`.
pub(crate) fn read_framed<T: DeserializeOwned>(
    magic: &[u8; 4],
    version: u8,
    bytes: &[u8],
) -> Result<T, BundleError> {
    if bytes.len() < HEADER_LEN || &bytes[..magic.len()] != magic {
        return Err(BundleError::NotABundle);
    }
    match bytes[magic.len()] {
        v if v == version => {}
        v if v > version => return Err(BundleError::Newer),
        _ => return Err(BundleError::Older),
    }
    let (value, rest) =
        postcard::take_from_bytes(&bytes[HEADER_LEN..]).map_err(BundleError::Damaged)?;
    match rest.len() {
        0 => Ok(value),
        n => Err(BundleError::TrailingBytes(n)),
    }
}

// localStorage holds text, so the app keeps its copy of a bundle as base64: RFC 4648's
// standard alphabet with padding. The engine is strict (canonical padding, no stray bits, no
// white space), so a damaged copy is refused before the bundle decoder sees it.

/// How many characters [`to_base64`] makes of `byte_count` bytes.
pub fn base64_len(byte_count: usize) -> usize {
    base64::encoded_len(byte_count, true).unwrap_or(usize::MAX)
}

/// A bundle's bytes as text for storage.
pub fn to_base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The bytes of a kept copy, or None if the text is not exactly what [`to_base64`] writes.
pub fn from_base64(text: &str) -> Option<Vec<u8>> {
    base64::engine::general_purpose::STANDARD.decode(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_is_rfc_4648_standard_with_padding() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(to_base64(plain.as_bytes()), encoded);
            assert_eq!(base64_len(plain.len()), encoded.len());
            assert_eq!(from_base64(encoded).as_deref(), Some(plain.as_bytes()));
        }
        let bytes: Vec<u8> = (0..=255).chain((0..=255).rev()).collect();
        for len in 0..bytes.len() {
            assert_eq!(
                from_base64(&to_base64(&bytes[..len])).as_deref(),
                Some(&bytes[..len])
            );
        }
    }

    #[test]
    fn base64_refuses_anything_else() {
        for bad in [
            "Zg=",
            "Zg",
            "Z===",
            "Zh==",
            "Zm9=",
            "Zg==Zg==",
            "Zm9v\n",
            "Zm 9",
            "Zm-_",
            "{\"a\":1}",
            "====",
            "ö123",
        ] {
            assert_eq!(from_base64(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_header_is_checked() {
        let bytes = encode(&Dataset::default());
        assert_eq!(&bytes[..5], b"LOFT\x02");
        assert_eq!(decode(&bytes), Ok(Dataset::default()));
        assert_eq!(decode(b""), Err(BundleError::NotABundle));
        assert_eq!(decode(b"{\"kommuner\":[]}"), Err(BundleError::NotABundle));
        let mut newer = bytes.clone();
        newer[4] = VERSION + 1;
        assert_eq!(decode(&newer), Err(BundleError::Newer));
        let mut older = bytes.clone();
        older[4] = 0;
        assert_eq!(decode(&older), Err(BundleError::Older));
        let mut trailing = bytes.clone();
        trailing.push(0);
        assert_eq!(decode(&trailing), Err(BundleError::TrailingBytes(1)));
        assert!(matches!(decode(&bytes[..6]), Err(BundleError::Damaged(_))));
    }
}
