//! Writes a pair of generated drafts of N clauses to DIR, as a plans folder (`corpus.toml`,
//! `parties.toml`, `syn-a.toml`, `syn-b.toml`) and as clause texts one per line (`a.txt`,
//! `b.txt`), for timing `peacediff diff` against `git diff --word-diff`.
//!
//! cargo run --release --example synthetic -- 10000 /tmp/syn

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args
        .next()
        .and_then(|a| a.parse().ok())
        .expect("usage: synthetic N DIR [SEED]");
    let dir = PathBuf::from(args.next().expect("usage: synthetic N DIR [SEED]"));
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(7);
    let plans = dir.join("plans");
    std::fs::create_dir_all(&plans).expect("create the folder");
    peacediff::testing::write_synthetic_folder(&plans, n, seed).expect("write the plan files");
    let (a, b) = peacediff::testing::synthetic_lines(n, seed);
    std::fs::write(dir.join("a.txt"), a).expect("write a.txt");
    std::fs::write(dir.join("b.txt"), b).expect("write b.txt");
}
