//! The domain of Medborgarlöften, with no web dependencies: the model of the dataset, its
//! reading and validation, the query engine, and the codec of what users keep on a device.
//! Everything here is tested natively; the app only calls it.

pub mod bundle;
pub mod dataset;
pub mod dates;
pub mod filters;
pub mod follow;
pub mod followups;
pub mod kiosk;
pub mod model;
pub mod published;
pub mod query;
pub mod route;
pub mod search_parts;
pub mod storage;
pub mod text;
pub mod url;
pub mod views;

pub use dataset::{DataFiles, Dataset, Problem};
pub use model::*;
pub use query::{ActorFilter, Index, Query, Results, StatusFilter};
