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
