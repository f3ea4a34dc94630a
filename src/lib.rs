//! Medborgarlöften: the web app. Thin components over `loften_core`.

pub mod app;
pub mod base;
pub mod catalog;
pub mod components;
pub mod download;
pub mod highlight;
pub mod i18n;
pub mod kiosk;
pub mod pages;
pub mod pwa;
pub mod state;
