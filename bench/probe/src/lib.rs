//! `loften_core` in the browser, for the benchmark: load the synthetic bundle, build the
//! index, run a query; and count the bytes the allocator holds, so the index's memory can be
//! compared with MiniSearch's. Timing is done in JavaScript (performance.now around calls).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};

use loften_core::url::parse_query;
use loften_core::{Dataset, Index, Query};
use wasm_bindgen::prelude::*;

/// The system allocator, counting live bytes.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            LIVE.fetch_add(new_size, Ordering::Relaxed);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

struct State {
    data: Option<Dataset>,
    index: Option<Index>,
    query: Query,
    records: usize,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State { data: None, index: None, query: Query::default(), records: 0 });
}

/// Bytes held by the Rust allocator right now.
#[wasm_bindgen]
pub fn live_bytes() -> f64 {
    LIVE.load(Ordering::Relaxed) as f64
}

/// Read the binary bundle (`data/bundle.bin`, as the app does). Returns the number of agreements.
#[wasm_bindgen]
pub fn load(bytes: &[u8]) -> Result<u32, JsError> {
    let data: Dataset =
        loften_core::bundle::decode(bytes).map_err(|e| JsError::new(&e.to_string()))?;
    let n = data.agreements.len() as u32;
    STATE.with(|s| s.borrow_mut().data = Some(data));
    Ok(n)
}

/// Build the index (as the app does when the data has loaded).
#[wasm_bindgen]
pub fn build_index() {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        let index = Index::new(s.data.as_ref().expect("load first"));
        s.index = Some(index);
    });
}

/// Set the query from a URL query string (as the start page reads it). Returns the number
/// of values the dataset did not know (0 for a good query).
#[wasm_bindgen]
pub fn set_query(qs: &str) -> u32 {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        let (query, ignored) =
            Query::from_pairs(parse_query(qs), s.data.as_ref().expect("load first"));
        s.query = query;
        ignored.len() as u32
    })
}

/// Run the query set by `set_query`: returns the number of agreements found (the number of
/// promises and activities listed is `last_records`).
#[wasm_bindgen]
pub fn search() -> u32 {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        let results = s
            .index
            .as_ref()
            .expect("build_index first")
            .search(&s.query);
        s.records = results.record_count;
        results.groups.len() as u32
    })
}

#[wasm_bindgen]
pub fn last_records() -> u32 {
    STATE.with(|s| s.borrow().records as u32)
}
