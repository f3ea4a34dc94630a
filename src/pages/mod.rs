//! One module per route.

pub mod about;
pub mod agreement;
pub mod areas;
pub mod home;
pub mod how_it_went;
pub mod kiosk;
pub mod kommun;
pub mod kommuner;
pub mod not_found;
pub mod saved;
