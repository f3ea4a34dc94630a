//! Generates the `i18n` module from the translation files in `locales/`, one per language.
//! The parser only warns about a key missing from one file (it falls back to Swedish), so
//! `tests/locales.rs` holds every file to exactly the same keys.

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?).join("i18n");

    // Swedish first: it is the default, and the language of every page rendered ahead of time.
    // A new language is its file in locales/ and one more `add_locale` here.
    let options = ParseOptions::default().interpolate_display(true);
    let cfg = Config::new("sv")?.add_locale("en")?.parse_options(options);
    let translations = TranslationsInfos::parse(cfg)?;
    translations.rerun_if_locales_changed();
    translations.emit_diagnostics();
    translations.generate_i18n_module(out)?;
    Ok(())
}
