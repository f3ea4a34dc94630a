//! Shared by the integration tests: the real data folder, read the way the CLI reads it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use loften_core::{DataFiles, Dataset};

pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

pub fn real_files() -> DataFiles {
    DataFiles::read_dir(&data_dir()).expect("data/ is readable")
}

pub fn real_data() -> Dataset {
    Dataset::from_files(&real_files()).expect("the real data is valid")
}

/// A stand-in for the CLI's hash of published files: distinct contents give distinct names.
pub fn hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in bytes {
        h = (h ^ u64::from(*b)).wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}
