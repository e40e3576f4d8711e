//! Times the terminal app on a plans folder, without a terminal: the load (through the cache
//! when `PEACEDIFF_CACHE_DIR` is set), building the app, the first frame, and then each key of
//! the scripts given, as `update` plus the frame after it (what a user waits for), drawn into
//! a ratatui `TestBackend`. See docs/performance.md, "Terminal app".
//!
//! cargo run --release --example tui_timing -- DIR/plans [--size 160x48] [--left ID --right ID]
//!     [--idle MS] [--script KEYS]...
//!
//! `--idle MS`: after the first frame, as the event loop does, the compared pair is aligned on
//! another thread; the scripts start MS milliseconds later (a user reading the first screen),
//! the result taken as the event loop takes it.
//!
//! Keys are written as in the app's tests: plain characters, and `<tab>`, `<esc>`, `<enter>`,
//! `<c-d>`, `<c-u>`. Each script prints its number of keys, the median and the slowest key.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::{Duration, Instant};

// The app lives in the binary crate; its sources are compiled into this example as they are
// into benches/render.rs (`crate::tui` resolves through the `use` below).
#[path = "../../src"]
#[allow(dead_code, unused_imports)]
mod src_root {
    pub mod tui;
}
use src_root::tui;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str =
    "usage: tui_timing DIR [--size WxH] [--left ID] [--right ID] [--idle MS] [--script KEYS]...";

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// The key events a script string stands for.
fn keys(script: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut rest = script;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            let end = rest.find('>').expect("a closing >");
            let (code, mods) = match &rest[1..end] {
                "tab" => (KeyCode::Tab, KeyModifiers::NONE),
                "esc" => (KeyCode::Esc, KeyModifiers::NONE),
                "enter" => (KeyCode::Enter, KeyModifiers::NONE),
                n if n.starts_with("c-") => (
                    KeyCode::Char(n.chars().nth(2).expect("a letter")),
                    KeyModifiers::CONTROL,
                ),
                other => panic!("unknown key <{other}>"),
            };
            out.push(KeyEvent::new(code, mods));
            rest = &rest[end + 1..];
        } else {
            out.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect(USAGE);
    let (mut width, mut height) = (160u16, 48u16);
    let (mut left, mut right) = (None, None);
    let mut scripts = Vec::new();
    let mut idle: Option<u64> = None;
    while let Some(a) = args.next() {
        let value = args.next().expect(USAGE);
        match a.as_str() {
            "--size" => {
                let (w, h) = value.split_once('x').expect(USAGE);
                (width, height) = (w.parse().expect(USAGE), h.parse().expect(USAGE));
            }
            "--left" => left = Some(value),
            "--right" => right = Some(value),
            "--script" => scripts.push(value),
            "--idle" => idle = Some(value.parse().expect(USAGE)),
            _ => panic!("{USAGE}"),
        }
    }
    let cache = std::env::var_os("PEACEDIFF_CACHE_DIR").filter(|d| !d.is_empty());
    let t = Instant::now();
    let corpus = match &cache {
        Some(cache) => {
            let policy = peacediff::load::CachePolicy::in_dir(cache);
            peacediff::load::load_dir_cached(std::path::Path::new(&dir), &policy)
                .map(|(l, _)| l.corpus)
        }
        None => peacediff::load::load_dir(std::path::Path::new(&dir)).map(|l| l.corpus),
    }
    .expect("the folder loads");
    let t_load = t.elapsed();
    let t = Instant::now();
    let mut app = tui::app::App::new(corpus, tui::theme::Theme::new(true), width, height);
    let t_new = t.elapsed();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    let t = Instant::now();
    terminal
        .draw(|f| tui::ui::render(f, &app))
        .expect("test backend");
    let t_frame = t.elapsed();
    println!(
        "load {:.1} ms, app {:.1} ms, first frame {:.1} ms: {:.1} ms to the first frame",
        ms(t_load),
        ms(t_new),
        ms(t_frame),
        ms(t_load + t_new + t_frame)
    );
    // Choosing the compared pair is not timed (it is the start of the scenario).
    let position = |id: &Option<String>| {
        id.as_ref()
            .map(|id| app.corpus.plan_position(id).expect("a draft of the folder"))
    };
    if let (Some(l), Some(r)) = (position(&left), position(&right)) {
        app.set_pair(l, r);
    }
    if let Some(ms) = idle {
        app.align_in_background();
        let until = Instant::now() + Duration::from_millis(ms);
        while Instant::now() < until {
            app.take_background(false);
            std::thread::sleep(Duration::from_millis(1));
        }
    }
    for script in &scripts {
        let mut times = Vec::new();
        for key in keys(script) {
            let t = Instant::now();
            if let Some(a) = tui::to_action(&app, Event::Key(key)) {
                app.update(a);
            }
            terminal
                .draw(|f| tui::ui::render(f, &app))
                .expect("test backend");
            times.push(t.elapsed());
        }
        let n = times.len();
        let total: Duration = times.iter().sum();
        times.sort();
        println!(
            "{script:?}: {n} key(s), median {:.2} ms, slowest {:.2} ms, total {:.1} ms",
            ms(times[n / 2]),
            ms(times[n - 1]),
            ms(total)
        );
    }
}
