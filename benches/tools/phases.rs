//! Times the phases of `peacediff diff` on a plans folder: load, align (with word diffs and
//! strength flags), and the JSON report.
//!
//! cargo run --release --example phases -- /tmp/syn/plans syn-a syn-b
//! PEACEDIFF_CACHE_DIR=/tmp/pd-cache cargo run --release --example phases -- /tmp/syn/plans syn-a syn-b

use std::time::Instant;
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, a, b] = &args[..] else {
        panic!("usage: phases DIR A B");
    };
    // With PEACEDIFF_CACHE_DIR set, the load goes through the corpus cache (run twice: the
    // first run stores the entry, the second reads it).
    let cache = std::env::var_os("PEACEDIFF_CACHE_DIR").filter(|d| !d.is_empty());
    let t = Instant::now();
    let (loaded, outcome) = match &cache {
        Some(cache) => {
            let policy = peacediff::load::CachePolicy::in_dir(cache);
            peacediff::load::load_dir_cached(std::path::Path::new(dir), &policy)
                .map(|(l, o)| (l, format!(" ({o:?})")))
        }
        None => peacediff::load::load_dir(std::path::Path::new(dir)).map(|l| (l, String::new())),
    }
    .expect("the folder loads");
    let t_load = t.elapsed();
    let c = &loaded.corpus;
    let (pa, pb) = (c.find_plan(a).expect("A"), c.find_plan(b).expect("B"));
    let t = Instant::now();
    let al = peacediff::align::align(c, pa, pb);
    let t_align = t.elapsed();
    let t = Instant::now();
    let report = al.report(pa, pb, false);
    let json = serde_json::to_string(&report).expect("serialises");
    let t_json = t.elapsed();
    let t = Instant::now();
    let d = peacediff::analysis::redline_delta(c, pa, pb);
    let t_an = t.elapsed();
    println!(
        "load {:.1} ms{outcome}, align {:.1} ms ({} rows), json {:.1} ms ({} bytes), red lines {:.1} ms ({} parties)",
        t_load.as_secs_f64() * 1e3,
        t_align.as_secs_f64() * 1e3,
        al.rows.len(),
        t_json.as_secs_f64() * 1e3,
        json.len(),
        t_an.as_secs_f64() * 1e3,
        d.parties.len()
    );
}
