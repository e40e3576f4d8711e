//! Render benchmark of the terminal app: drafts of 10,000 clauses, a 160×48 terminal, every
//! view. The target is under 16 ms a frame (60 frames a second). Run with
//! `cargo bench --bench render`; figures are in docs/performance.md.
//!
//! The app lives in the binary crate, so its sources are compiled into this benchmark too.

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

// Benchmarks build with cfg(test) but without the test harness, so the app's test modules
// compile with their #[test] functions removed: their helpers and imports go unused here.
#[path = "../src"]
#[allow(dead_code, unused_imports)]
mod src_root {
    pub mod tui;
}
use src_root::tui;
use tui::action::{Action, View};
use tui::app::App;

/// The allocator the `peacediff` binary uses, so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const CLAUSES: usize = 10_000;
const SIZE: (u16, u16) = (160, 48);

fn app() -> App {
    let corpus = peacediff::testing::synthetic(CLAUSES, 7);
    let mut app = App::new(corpus, tui::theme::Theme::new(true), SIZE.0, SIZE.1);
    // Somewhere in the middle, where nothing is cheaper than usual.
    for _ in 0..CLAUSES / 2 {
        app.update(Action::Down);
    }
    app
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("startup");
    g.sample_size(10);
    g.bench_function("app_new_10k", |b| {
        b.iter(|| {
            let corpus = peacediff::testing::synthetic(CLAUSES, 7);
            App::new(
                black_box(corpus),
                tui::theme::Theme::new(true),
                SIZE.0,
                SIZE.1,
            )
        })
    });
    g.finish();

    let mut g = c.benchmark_group("frame_160x48_10k");
    let mut a = app();
    let mut terminal = match Terminal::new(TestBackend::new(SIZE.0, SIZE.1)) {
        Ok(t) => t,
        Err(e) => panic!("test backend: {e}"),
    };
    for view in View::ALL {
        a.update(Action::Show(view));
        a.update(Action::Down);
        let name = view.title().to_lowercase().replace(' ', "_");
        g.bench_function(&name, |b| {
            b.iter(|| {
                let _ = terminal.draw(|f| tui::ui::render(f, black_box(&a)));
            })
        });
        // A key press and the frame after it: what a user waits for.
        g.bench_function(format!("{name}_key_and_frame"), |b| {
            let mut down = true;
            b.iter(|| {
                a.update(if down { Action::Down } else { Action::Up });
                down = !down;
                let _ = terminal.draw(|f| tui::ui::render(f, black_box(&a)));
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
