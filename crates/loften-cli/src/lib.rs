//! The logic behind `loften` commands that deserves tests of its own: importing a published
//! page's text as draft agreements. `main.rs` stays the thin command line around it.

pub mod import;
pub mod rng;
pub mod synth;
