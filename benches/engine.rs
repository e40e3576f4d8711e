//! Benchmarks of the comparison engine on generated drafts of 30, 1,000 and 10,000 clauses
//! (about 40 words each; the right draft a realistic edit of the left: ~15% revised, ~5%
//! dropped, ~5% moved, ~5% added). Run with `cargo bench --bench engine`; figures and how to
//! read them are in docs/performance.md.
//!
//! Besides the engine's passes: loading a folder back from the corpus cache, and loading a
//! folder in which every clause has a problem (every diagnostic located in a 4 MB file).

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use peacediff::{align, analysis, diff, load, testing};
use std::hint::black_box;

/// The allocator the `peacediff` binary uses, so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SIZES: [usize; 3] = [30, 1_000, 10_000];
const SEED: u64 = 7;

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("load");
    g.sample_size(10);
    for n in SIZES {
        let files = testing::synthetic_files(n, SEED);
        g.throughput(Throughput::Elements(2 * n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &files, |b, files| {
            b.iter(|| load::load_texts(black_box(files.clone())).expect("synthetic drafts load"))
        });
    }
    g.finish();

    // A warm cache: the folder written to disk and stored once, then read back.
    let mut g = c.benchmark_group("load_cached");
    g.sample_size(10);
    let tmp = tempfile::tempdir().expect("a temporary folder");
    for n in SIZES {
        let dir = tmp.path().join(n.to_string());
        std::fs::create_dir(&dir).expect("a folder for the drafts");
        testing::write_synthetic_folder(&dir, n, SEED).expect("the drafts are written");
        let policy = load::CachePolicy {
            dir: Some(tmp.path().join("cache")),
            min_bytes: 0,
        };
        load::load_dir_cached(&dir, &policy).expect("the folder loads");
        g.throughput(Throughput::Elements(2 * n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &dir, |b, dir| {
            b.iter(|| {
                let (loaded, outcome) =
                    load::load_dir_cached(black_box(dir), &policy).expect("the folder loads");
                assert_eq!(outcome, load::CacheOutcome::Hit);
                loaded
            })
        });
    }
    g.finish();

    // Every clause of the right draft with an unknown certainty: two problems a clause, each
    // located (line, column, the line's text) in its file.
    let mut g = c.benchmark_group("load_with_problems");
    g.sample_size(10);
    for n in SIZES {
        let files: Vec<_> = testing::synthetic_files(n, SEED)
            .into_iter()
            .map(|f| {
                if f.name.ends_with("syn-b.toml") {
                    let text = f.text.replace("\"published-text\"", "\"publishd-text\"");
                    peacediff::diagnostic::SourceText::new(f.name, text)
                } else {
                    f
                }
            })
            .collect();
        g.throughput(Throughput::Elements(2 * n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &files, |b, files| {
            b.iter(|| match load::load_texts(black_box(files.clone())) {
                Err(load::LoadError::Invalid { diagnostics }) => diagnostics,
                _ => panic!("the damaged drafts have problems"),
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("align");
    g.sample_size(10);
    for n in SIZES {
        let corpus = testing::synthetic(n, SEED);
        let (a, b) = (&corpus.plans[0], &corpus.plans[1]);
        g.throughput(Throughput::Elements(2 * n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &n, |bch, _| {
            bch.iter(|| align::align(black_box(&corpus), a, b))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("word_diff");
    g.sample_size(10);
    for n in SIZES {
        let corpus = testing::synthetic(n, SEED);
        let (a, b) = (&corpus.plans[0], &corpus.plans[1]);
        // Every pair the alignment would diff: same id, different text.
        let pairs: Vec<(&str, &str)> = b
            .clauses
            .iter()
            .filter_map(|rc| {
                a.clause(&rc.id)
                    .filter(|lc| lc.text != rc.text)
                    .map(|lc| (lc.text.as_str(), rc.text.as_str()))
            })
            .collect();
        g.throughput(Throughput::Elements(pairs.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &pairs, |bch, pairs| {
            bch.iter(|| {
                for (x, y) in pairs {
                    black_box(diff::word_diff(x, y));
                }
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("analysis");
    g.sample_size(10);
    for n in SIZES {
        let corpus = testing::synthetic(n, SEED);
        let (a, b) = (&corpus.plans[0], &corpus.plans[1]);
        g.throughput(Throughput::Elements(2 * n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &n, |bch, _| {
            bch.iter(|| {
                black_box(analysis::redline_delta(&corpus, a, b));
                black_box(analysis::gaps(&corpus, a, b));
                black_box(analysis::topic_history(&corpus, "territory"));
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
