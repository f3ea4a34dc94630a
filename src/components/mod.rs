//! Pieces shared by the pages.

pub mod badges;
pub mod layout;
pub mod record;
pub mod with_catalog;
