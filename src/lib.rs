//! Medborgarlöften: the web app. Thin components over `loften_core`.
// Server rendering resolves the whole view type at once; deep pages need more than the default.
#![recursion_limit = "256"]

pub mod app;
pub mod base;
pub mod catalog;
pub mod components;
pub mod device;
pub mod download;
pub mod highlight;
pub mod i18n;
pub mod kiosk;
pub mod navigation;
pub mod pages;
pub mod pwa;
pub mod state;
pub mod test_hooks;
pub mod web_storage;
