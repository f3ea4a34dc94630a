//! The app's copy of the dataset in a compact binary form (`data/bundle.bin`), written by
//! `loften bundle` and read by the app without serde: the wasm then carries neither
//! serde_json's parser nor derived deserialisers for the model, and the file is smaller to
//! hold and faster to read than JSON. The open-data file stays JSON
//! (`data/medborgarloften.json`); this format is only the app's, and may change with it.
//!
//! Layout: the magic bytes `LOFT`, one version byte, then the [`Dataset`] field by field in
//! the order the `bin_struct!` lines below give:
//! - `u32` and every length as unsigned LEB128 (7 bits a byte, low bits first, at most 5 bytes);
//! - `i32` zigzag-encoded (0, -1, 1, -2 … → 0, 1, 2, 3 …), then as a `u32`;
//! - `bool` one byte, 0 or 1;
//! - `String` its length in bytes, then its UTF-8;
//! - `Option` one byte, 0 (none) or 1 (some) followed by the value;
//! - `Vec` its length, then the items;
//! - enums one byte each (numbers in the `bin_enum!` lines below).
//!
//! Change any of this (a field added, removed or reordered, an enum's numbers) and
//! [`VERSION`] must go up: the bundle and the app are deployed together, and a version
//! mismatch reads as a clear error, never as wrong data. A field added to a model struct and
//! not to its `bin_struct!` line does not compile.

use base64::Engine;

use crate::dataset::Dataset;
use crate::model::*;

const MAGIC: &[u8; 4] = b"LOFT";
/// The format version this code writes and reads.
pub const VERSION: u8 = 1;

/// Why a bundle could not be read: a damaged, truncated or foreign file, or another version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleError {
    pub message: &'static str,
    /// The byte offset where reading stopped.
    pub at: usize,
}

impl std::fmt::Display for BundleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} (at byte {})", self.message, self.at)
    }
}

impl std::error::Error for BundleError {}

type Result<T> = std::result::Result<T, BundleError>;

/// The dataset as the app's binary bundle.
pub fn encode(data: &Dataset) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(64 * 1024));
    w.0.extend_from_slice(MAGIC);
    w.0.push(VERSION);
    data.put(&mut w);
    w.0
}

/// Read the app's binary bundle. Any input gives a dataset or an error, never a panic.
pub fn decode(bytes: &[u8]) -> Result<Dataset> {
    let error = |message, at| Err(BundleError { message, at });
    if bytes.len() < MAGIC.len() + 1 || &bytes[..MAGIC.len()] != MAGIC {
        return error("not a Medborgarlöften data bundle", 0);
    }
    match bytes[MAGIC.len()] {
        VERSION => {}
        v if v > VERSION => {
            return error(
                "the data bundle is of a newer version than this app reads",
                MAGIC.len(),
            )
        }
        _ => {
            return error(
                "the data bundle is of an older version than this app reads",
                MAGIC.len(),
            )
        }
    }
    let mut r = Reader {
        bytes,
        at: MAGIC.len() + 1,
    };
    let data = Dataset::get(&mut r)?;
    if r.at != bytes.len() {
        return error("the data bundle has bytes after its end", r.at);
    }
    Ok(data)
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

/// Where encoded bytes go.
pub struct Writer(Vec<u8>);

impl Writer {
    fn u32(&mut self, mut v: u32) {
        while v >= 0x80 {
            self.0.push((v as u8 & 0x7f) | 0x80);
            v >>= 7;
        }
        self.0.push(v as u8);
    }

    fn len(&mut self, n: usize) {
        // Lengths above u32::MAX cannot occur: the app is 32-bit wasm, and the dataset is MBs.
        self.u32(u32::try_from(n).expect("a length in the dataset fits in u32"));
    }
}

/// Where decoded bytes come from. Every read checks the bounds, so a short or damaged input
/// is an error.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

/// Preallocate at most this many bytes for a list whose length the input claims: a damaged
/// length then costs little memory (a wasm memory never shrinks) before reading fails, while
/// real lists still get their exact size.
const MAX_PREALLOC_BYTES: usize = 1 << 20;

impl Reader<'_> {
    fn fail<T>(&self, message: &'static str) -> Result<T> {
        Err(BundleError {
            message,
            at: self.at,
        })
    }

    fn byte(&mut self) -> Result<u8> {
        let Some(&b) = self.bytes.get(self.at) else {
            return self.fail("the data bundle ends too early");
        };
        self.at += 1;
        Ok(b)
    }

    fn u32(&mut self) -> Result<u32> {
        let mut v: u32 = 0;
        let mut shift = 0;
        loop {
            let b = self.byte()?;
            // The fifth byte holds the top 4 bits only, and ends the number.
            if shift == 28 && b > 0x0f {
                return self.fail("a number in the data bundle is too large");
            }
            v |= u32::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
            shift += 7;
        }
    }

    /// A length of something that takes at least a byte per unit: it cannot be more than
    /// the bytes left, which bounds what a damaged length can make us allocate.
    fn len(&mut self) -> Result<usize> {
        let n = self.u32()? as usize;
        if n > self.bytes.len() - self.at {
            return self.fail("a length in the data bundle is larger than the rest of the bundle");
        }
        Ok(n)
    }
}

/// A value that can be written to and read from the bundle.
pub trait Bin: Sized {
    fn put(&self, w: &mut Writer);
    fn get(r: &mut Reader) -> Result<Self>;
}

impl Bin for u32 {
    fn put(&self, w: &mut Writer) {
        w.u32(*self);
    }
    fn get(r: &mut Reader) -> Result<Self> {
        r.u32()
    }
}

impl Bin for i32 {
    fn put(&self, w: &mut Writer) {
        w.u32(((*self << 1) ^ (*self >> 31)) as u32);
    }
    fn get(r: &mut Reader) -> Result<Self> {
        let v = r.u32()?;
        Ok((v >> 1) as i32 ^ -((v & 1) as i32))
    }
}

impl Bin for bool {
    fn put(&self, w: &mut Writer) {
        w.0.push(u8::from(*self));
    }
    fn get(r: &mut Reader) -> Result<Self> {
        match r.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => {
                r.at -= 1;
                r.fail("a yes/no value in the data bundle is neither")
            }
        }
    }
}

impl Bin for String {
    fn put(&self, w: &mut Writer) {
        w.len(self.len());
        w.0.extend_from_slice(self.as_bytes());
    }
    fn get(r: &mut Reader) -> Result<Self> {
        let n = r.len()?;
        let Ok(text) = std::str::from_utf8(&r.bytes[r.at..r.at + n]) else {
            return r.fail("a text in the data bundle is not UTF-8");
        };
        r.at += n;
        Ok(text.to_owned())
    }
}

impl<T: Bin> Bin for Option<T> {
    fn put(&self, w: &mut Writer) {
        match self {
            None => w.0.push(0),
            Some(v) => {
                w.0.push(1);
                v.put(w);
            }
        }
    }
    fn get(r: &mut Reader) -> Result<Self> {
        match r.byte()? {
            0 => Ok(None),
            1 => Ok(Some(T::get(r)?)),
            _ => {
                r.at -= 1;
                r.fail("an optional value in the data bundle has a bad marker")
            }
        }
    }
}

impl<T: Bin> Bin for Vec<T> {
    fn put(&self, w: &mut Writer) {
        w.len(self.len());
        for v in self {
            v.put(w);
        }
    }
    fn get(r: &mut Reader) -> Result<Self> {
        // Every item takes at least one byte, so `len` bounds the count by the bytes left.
        let n = r.len()?;
        let mut out =
            Vec::with_capacity(n.min(MAX_PREALLOC_BYTES / std::mem::size_of::<T>().max(1)));
        for _ in 0..n {
            out.push(T::get(r)?);
        }
        Ok(out)
    }
}

/// A struct as its fields in the order listed. The struct literal in `get` names every
/// field, so a field added to the model and not here is a compile error.
macro_rules! bin_struct {
    ($ty:ident { $($field:ident),* $(,)? }) => {
        impl Bin for $ty {
            fn put(&self, w: &mut Writer) {
                $(self.$field.put(w);)*
            }
            fn get(r: &mut Reader) -> Result<Self> {
                Ok($ty { $($field: Bin::get(r)?,)* })
            }
        }
    };
}

/// An enum without data as one byte. The match in `put` is exhaustive, so a variant added to
/// the model and not here is a compile error.
macro_rules! bin_enum {
    ($ty:ident { $($variant:ident = $n:literal),* $(,)? }) => {
        impl Bin for $ty {
            fn put(&self, w: &mut Writer) {
                w.0.push(match self { $($ty::$variant => $n,)* });
            }
            fn get(r: &mut Reader) -> Result<Self> {
                match r.byte()? {
                    $($n => Ok($ty::$variant),)*
                    _ => {
                        r.at -= 1;
                        r.fail(concat!("the data bundle has an unknown ", stringify!($ty)))
                    }
                }
            }
        }
    };
}

bin_enum!(AgreementKind { Agreement = 0, Announcement = 1 });
bin_enum!(Actor { Polisen = 0, Kommunen = 1 });
bin_enum!(Cadence { Tertial = 0, Kvartal = 1, Ar = 2 });
bin_enum!(AreaKind { Stadsdel = 0, Ort = 1, Centrum = 2, Plats = 3 });

bin_struct!(Period {
    from,
    to,
    start,
    end
});
bin_struct!(Signatory {
    name,
    role,
    organisation
});
bin_struct!(Promise {
    id,
    text,
    topics,
    areas
});
bin_struct!(Frequency {
    count,
    min,
    per,
    text
});
bin_struct!(Activity {
    id,
    text,
    actors,
    partners,
    promise,
    topics,
    areas,
    frequency
});
bin_struct!(Report { title, url });
bin_struct!(FollowUp {
    cadence,
    text,
    reports
});
bin_struct!(Source {
    title,
    publisher,
    document,
    url
});
bin_struct!(Agreement {
    id,
    kind,
    title,
    kommuner,
    lokalpolisomrade,
    period,
    signed,
    signatories,
    summary,
    situation,
    priorities,
    promises,
    activities,
    effect,
    follow_up,
    source,
    notes,
});
bin_struct!(Area {
    id,
    name,
    kommun,
    kind
});
bin_struct!(Topic { id, sv, en });
bin_struct!(Kommun {
    code,
    name,
    short_name,
    lan_code,
    slug
});
bin_struct!(Lan {
    code,
    name,
    short_name
});
bin_struct!(Dataset {
    kommuner,
    lan,
    topics,
    areas,
    agreements
});

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T: Bin + PartialEq + std::fmt::Debug>(value: T) -> Vec<u8> {
        let mut w = Writer(Vec::new());
        value.put(&mut w);
        let mut r = Reader { bytes: &w.0, at: 0 };
        assert_eq!(T::get(&mut r).as_ref(), Ok(&value));
        assert_eq!(r.at, w.0.len(), "{value:?} read to its end");
        w.0
    }

    #[test]
    fn numbers_at_their_edges() {
        assert_eq!(round_trip(0u32), [0]);
        assert_eq!(round_trip(127u32), [127]);
        assert_eq!(round_trip(128u32), [0x80, 1]);
        assert_eq!(round_trip(u32::MAX), [0xff, 0xff, 0xff, 0xff, 0x0f]);
        assert_eq!(round_trip(0i32), [0]);
        assert_eq!(round_trip(-1i32), [1]);
        assert_eq!(round_trip(1i32), [2]);
        round_trip(2026i32);
        round_trip(i32::MIN);
        round_trip(i32::MAX);
        // A sixth byte, or a fifth with more than 32 bits, is not a u32.
        for bad in [
            &[0xff, 0xff, 0xff, 0xff, 0x1f][..],
            &[0x80, 0x80, 0x80, 0x80, 0x80, 0x01],
        ] {
            let mut r = Reader { bytes: bad, at: 0 };
            assert_eq!(
                u32::get(&mut r).unwrap_err().message,
                "a number in the data bundle is too large"
            );
        }
    }

    #[test]
    fn texts_options_and_lists() {
        round_trip(String::new());
        round_trip("Öxnehaga – trygghet 😀".to_string());
        round_trip(Some("x".to_string()));
        round_trip(None::<String>);
        round_trip(vec![Actor::Kommunen, Actor::Polisen]);
        round_trip(vec![Some(3u32), None]);
        let mut r = Reader {
            bytes: &[2, 0xc3, 0x28],
            at: 0,
        };
        assert_eq!(
            String::get(&mut r).unwrap_err().message,
            "a text in the data bundle is not UTF-8"
        );
        let mut r = Reader { bytes: &[2], at: 0 };
        assert!(bool::get(&mut r).is_err());
        let mut r = Reader {
            bytes: &[200, 1, 0],
            at: 0,
        };
        assert_eq!(
            Vec::<u32>::get(&mut r).unwrap_err().message,
            "a length in the data bundle is larger than the rest of the bundle"
        );
    }

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
        assert_eq!(&bytes[..5], b"LOFT\x01");
        assert_eq!(decode(&bytes), Ok(Dataset::default()));
        assert_eq!(
            decode(b"").unwrap_err().message,
            "not a Medborgarlöften data bundle"
        );
        assert_eq!(
            decode(b"{\"kommuner\":[]}").unwrap_err().message,
            "not a Medborgarlöften data bundle"
        );
        let mut newer = bytes.clone();
        newer[4] = VERSION + 1;
        assert_eq!(
            decode(&newer).unwrap_err().message,
            "the data bundle is of a newer version than this app reads"
        );
        let mut trailing = bytes.clone();
        trailing.push(0);
        assert_eq!(
            decode(&trailing).unwrap_err(),
            BundleError {
                message: "the data bundle has bytes after its end",
                at: bytes.len()
            }
        );
        assert_eq!(
            decode(&bytes[..6]).unwrap_err().message,
            "the data bundle ends too early"
        );
    }
}
