//! Writes a pair of generated drafts of N clauses to DIR, as a plans folder (`corpus.toml`,
//! `parties.toml`, `syn-a.toml`, `syn-b.toml`) and as clause texts one per line (`a.txt`,
//! `b.txt`), for timing `peacediff diff` against `git diff --word-diff`. `--shape` picks the
//! shape of the pair (`peacediff::testing::Shape`); `--corpus DRAFTS` writes instead a folder of
//! DRAFTS drafts of N clauses each, each an edit of the one before (no text files).
//!
//! cargo run --release --example synthetic -- 10000 /tmp/syn
//! cargo run --release --example synthetic -- 10000 /tmp/dup 7 --shape near-duplicates
//! cargo run --release --example synthetic -- 100000 /tmp/tiny --shape tiny-vocabulary
//! cargo run --release --example synthetic -- 10 /tmp/long --shape long:50000000
//! cargo run --release --example synthetic -- 50 /tmp/corpus --corpus 2000

use peacediff::testing::Shape;
use std::path::PathBuf;

const USAGE: &str = "usage: synthetic N DIR [SEED] [--shape SHAPE] [--corpus DRAFTS]";

fn main() {
    let mut positional: Vec<String> = Vec::new();
    let mut shape = Shape::Realistic;
    let mut corpus: Option<usize> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--shape" => {
                shape = args
                    .next()
                    .expect(USAGE)
                    .parse()
                    .unwrap_or_else(|e| panic!("{e}"))
            }
            "--corpus" => corpus = Some(args.next().and_then(|d| d.parse().ok()).expect(USAGE)),
            _ => positional.push(a),
        }
    }
    let n: usize = positional
        .first()
        .and_then(|a| a.parse().ok())
        .expect(USAGE);
    let dir = PathBuf::from(positional.get(1).expect(USAGE));
    let seed: u64 = positional.get(2).and_then(|a| a.parse().ok()).unwrap_or(7);
    let plans = dir.join("plans");
    std::fs::create_dir_all(&plans).expect("create the folder");
    if let Some(drafts) = corpus {
        peacediff::testing::write_synthetic_corpus(&plans, drafts, n, seed)
            .expect("write the plan files");
        return;
    }
    peacediff::testing::write_shaped_folder(&plans, shape, n, seed).expect("write the plan files");
    let (a, b) = peacediff::testing::shaped_lines(shape, n, seed);
    std::fs::write(dir.join("a.txt"), a).expect("write a.txt");
    std::fs::write(dir.join("b.txt"), b).expect("write b.txt");
}
