//! Pieces shared by the pages.

pub mod agreement_card;
pub mod badges;
pub mod follow;
pub mod follow_up;
pub mod layout;
pub mod link;
pub mod outbound_link;
pub mod page_frame;
pub mod page_meta;
pub mod qr;
pub mod record;
pub mod save;
pub mod storage_notice;
pub mod with_catalog;
