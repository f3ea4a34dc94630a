//! The app's data bundle (postcard) against JSON, natively, on the synthetic dataset:
//! `cargo bench -p loften-core --bench bundle`. Each codec decodes the same dataset in one
//! run; the report gives its size, decode time (median and p95 of at least 20 decodes) and
//! memory: the peak of heap bytes live while decoding, above what was live before (the input
//! is already there), and what the decoded dataset keeps.
//!
//! Input: `LOFTEN_BENCH_BUNDLE` (default bench/results/synth-1500-s1.json, made by
//! `loften synth --agreements 1500 --seed 1`). With `LOFTEN_BENCH_WRITE=DIR` each codec's
//! bytes are also written there, to compress them with the tools the build uses.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

use loften_core::Dataset;

/// Counts live heap bytes and their peak, so that decoding's memory can be read.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(live, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let live = LIVE.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
            PEAK.fetch_max(live, Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Peak bytes above the start while `f` runs, and bytes still live from it after.
fn memory<T>(f: impl FnOnce() -> T) -> (usize, usize, T) {
    let before = LIVE.load(Relaxed);
    PEAK.store(before, Relaxed);
    let value = f();
    let peak = PEAK.load(Relaxed) - before;
    let kept = LIVE.load(Relaxed) - before;
    (peak, kept, value)
}

fn times(mut f: impl FnMut()) -> (f64, f64) {
    f();
    let mut samples = Vec::new();
    let start = Instant::now();
    while samples.len() < 20 || start.elapsed() < Duration::from_secs(2) {
        let t = Instant::now();
        f();
        samples.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    samples.sort_by(f64::total_cmp);
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.95))
}

struct Codec {
    name: &'static str,
    bytes: Vec<u8>,
    decode: fn(&[u8]) -> Dataset,
}

fn main() {
    let path = std::env::var_os("LOFTEN_BENCH_BUNDLE")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../bench/results/synth-1500-s1.json")
        });
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("cannot read {}: {e}\n(make it with: cargo run --release -p loften-cli -- synth --agreements 1500 --seed 1 --out {})", path.display(), path.display())
    });
    let data: Dataset = serde_json::from_str(&text).expect("a dataset in JSON");
    let activities: usize = data.agreements.iter().map(|a| a.activities.len()).sum();
    println!(
        "bundle codecs on {} ({} agreements, {} activities)",
        path.display(),
        data.agreements.len(),
        activities
    );
    let codecs = [
        Codec {
            name: "postcard (loften_core::bundle)",
            bytes: loften_core::bundle::encode(&data),
            decode: |b| loften_core::bundle::decode(b).unwrap(),
        },
        Codec {
            name: "serde_json (compact)",
            bytes: serde_json::to_vec(&data).unwrap(),
            decode: |b| serde_json::from_slice(b).unwrap(),
        },
    ];
    println!(
        "{:<32} {:>10} {:>11} {:>9} {:>13} {:>13}",
        "codec", "bytes", "median ms", "p95 ms", "peak MB", "kept MB"
    );
    let write_to = std::env::var_os("LOFTEN_BENCH_WRITE").map(PathBuf::from);
    for (n, codec) in codecs.iter().enumerate() {
        if let Some(dir) = &write_to {
            std::fs::write(dir.join(format!("codec-{n}.bin")), &codec.bytes).expect("writable");
        }
        assert!(
            (codec.decode)(&codec.bytes) == data,
            "{} round-trips",
            codec.name
        );
        let (peak, kept, decoded) = memory(|| (codec.decode)(&codec.bytes));
        drop(decoded);
        let (median, p95) = times(|| {
            black_box((codec.decode)(black_box(&codec.bytes)));
        });
        let mb = |n: usize| n as f64 / 1e6;
        println!(
            "{:<32} {:>10} {:>11.1} {:>9.1} {:>13.2} {:>13.2}",
            codec.name,
            codec.bytes.len(),
            median,
            p95,
            mb(peak),
            mb(kept)
        );
    }
}
