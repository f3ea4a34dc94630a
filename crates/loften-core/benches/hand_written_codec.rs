//! The bundle codec the app used before postcard, kept here only so the benchmark can time it
//! next to postcard on the same data in one run (commit 6cdd475's src/bundle.rs, unchanged
//! but for its tests and paths).
#![allow(dead_code)]

use loften_core::model::*;
use loften_core::Dataset;

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
