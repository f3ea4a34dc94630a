//! The query engine on the synthetic dataset, natively: `cargo bench -p loften-core --bench query`
//! (`make bench` runs it). Budget (BENCHMARKS.md): median at most 1 ms per query.
//!
//! A plain harness (no criterion: no new dependencies): each query is run for at least
//! `LOFTEN_BENCH_SECONDS` (default 0.5) and 200 times after a warm-up, each call timed on its
//! own; the report gives median, p95 and mean per query and writes JSON to `LOFTEN_BENCH_OUT`.
//!
//! Inputs: `LOFTEN_BENCH_BUNDLE` (default bench/results/synth-1500-s1.json, made by
//! `loften synth --agreements 1500 --seed 1`) and `LOFTEN_BENCH_QUERIES` (default
//! bench/queries.json, the query set every search benchmark runs).

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use loften_core::url::parse_query;
use loften_core::{Dataset, Index, Query};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn path_from_env(name: &str, default: &str) -> PathBuf {
    std::env::var_os(name)
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join(default))
}

fn read(path: &PathBuf) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!("cannot read {}: {e}\n(make one with: cargo run --release -p loften-cli -- synth --agreements 1500 --seed 1 --out {})", path.display(), path.display())
    })
}

#[derive(Debug)]
struct Stats {
    samples: usize,
    median_us: f64,
    p95_us: f64,
    mean_us: f64,
    min_us: f64,
}

fn stats(mut times: Vec<Duration>) -> Stats {
    times.sort_unstable();
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    let at = |q: f64| us(times[((times.len() - 1) as f64 * q).round() as usize]);
    let mean = times.iter().map(|&d| us(d)).sum::<f64>() / times.len() as f64;
    Stats {
        samples: times.len(),
        median_us: at(0.5),
        p95_us: at(0.95),
        mean_us: mean,
        min_us: us(times[0]),
    }
}

/// Time `f` once per sample: at least `min_samples` and `min_time`, at most 100,000 samples.
fn measure<T>(min_samples: usize, min_time: Duration, mut f: impl FnMut() -> T) -> Stats {
    let warm_until = Instant::now() + min_time / 5;
    while Instant::now() < warm_until {
        black_box(f());
    }
    let mut times = Vec::new();
    let start = Instant::now();
    while (times.len() < min_samples || start.elapsed() < min_time) && times.len() < 100_000 {
        let t = Instant::now();
        black_box(f());
        times.push(t.elapsed());
    }
    stats(times)
}

fn json_escape(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

fn main() {
    let bundle_path = path_from_env("LOFTEN_BENCH_BUNDLE", "bench/results/synth-1500-s1.json");
    let queries_path = path_from_env("LOFTEN_BENCH_QUERIES", "bench/queries.json");
    let seconds: f64 = std::env::var("LOFTEN_BENCH_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0.5);
    let min_time = Duration::from_secs_f64(seconds);

    // The synthetic dataset comes as JSON (`loften synth`); the app reads it as the binary
    // bundle, so that is what is timed.
    let text = read(&bundle_path);
    let data: Dataset = serde_json::from_str(&text).expect("the bundle is a Dataset");
    let bytes = loften_core::bundle::encode(&data);
    let parse = measure(5, Duration::from_millis(500), || {
        loften_core::bundle::decode(&bytes).expect("the bundle reads")
    });
    let records: usize = data
        .agreements
        .iter()
        .map(|a| a.promises.len() + a.activities.len())
        .sum();
    let activities: usize = data.agreements.iter().map(|a| a.activities.len()).sum();
    let build = measure(5, Duration::from_millis(500), || Index::new(&data));
    let index = Index::new(&data);

    let spec: serde_json::Value =
        serde_json::from_str(&read(&queries_path)).expect("queries.json is JSON");
    let queries = spec["queries"]
        .as_array()
        .expect("queries.json has a \"queries\" list");

    println!(
        "loften-core query benchmark: {} agreements, {} activities, {} promises+activities, bundle {} bytes ({} as JSON)",
        data.agreements.len(),
        activities,
        records,
        bytes.len(),
        text.len()
    );
    println!(
        "read bundle.bin (loften_core::bundle): median {:.1} ms; Index::new: median {:.1} ms",
        parse.median_us / 1000.0,
        build.median_us / 1000.0
    );
    println!(
        "{:<52} {:>7} {:>8} {:>10} {:>10} {:>10}",
        "query", "groups", "records", "median µs", "p95 µs", "mean µs"
    );

    let mut rows = Vec::new();
    let mut medians = Vec::new();
    for q in queries {
        let name = q["name"].as_str().unwrap_or("?");
        let kind = q["kind"].as_str().unwrap_or("?");
        let qs = q["qs"].as_str().unwrap_or("");
        let (query, ignored) = Query::from_pairs(parse_query(qs), &data);
        assert!(
            ignored.is_empty(),
            "query {name:?}: values the dataset does not know: {ignored:?}"
        );
        let results = index.search(&query);
        let s = measure(200, min_time, || index.search(black_box(&query)));
        println!(
            "{:<52} {:>7} {:>8} {:>10.1} {:>10.1} {:>10.1}",
            name,
            results.groups.len(),
            results.record_count,
            s.median_us,
            s.p95_us,
            s.mean_us
        );
        medians.push(s.median_us);
        rows.push(format!(
            "{{\"name\":{},\"kind\":{},\"qs\":{},\"groups\":{},\"records\":{},\"samples\":{},\"median_us\":{:.2},\"p95_us\":{:.2},\"mean_us\":{:.2},\"min_us\":{:.2}}}",
            json_escape(name),
            json_escape(kind),
            json_escape(qs),
            results.groups.len(),
            results.record_count,
            s.samples,
            s.median_us,
            s.p95_us,
            s.mean_us,
            s.min_us
        ));
    }
    let mut sorted = medians.clone();
    sorted.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let median_of_medians = sorted[sorted.len() / 2];
    let worst = *sorted.last().unwrap();
    println!("median of the per-query medians: {median_of_medians:.1} µs; slowest query's median: {worst:.1} µs (budget 1000 µs)");

    let out = format!(
        "{{\"bundle\":{},\"agreements\":{},\"activities\":{},\"records\":{},\"bundle_bytes\":{},\"parse_ms\":{:.2},\"index_build_ms\":{:.2},\"profile\":{},\"median_of_medians_us\":{:.2},\"worst_median_us\":{:.2},\"queries\":[{}]}}\n",
        json_escape(&bundle_path.display().to_string()),
        data.agreements.len(),
        activities,
        records,
        bytes.len(),
        parse.median_us / 1000.0,
        build.median_us / 1000.0,
        json_escape(if cfg!(debug_assertions) { "debug" } else { "bench (inherits [profile.release])" }),
        median_of_medians,
        worst,
        rows.join(",")
    );
    if let Some(path) = std::env::var_os("LOFTEN_BENCH_OUT") {
        std::fs::write(&path, out)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", PathBuf::from(&path).display()));
    }
}
